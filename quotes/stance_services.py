"""Writes of stances: annotations, adjudications, the stored stance they make and its rollups.

The admin, the API and the management commands call these (through ``quotes.services``). Each
function is atomic and validates before it saves, so a failure leaves the database as it was.
"""

from collections.abc import Iterable
from contextlib import nullcontext

from django.db import transaction
from django.db.models import Avg, BooleanField, Count, ExpressionWrapper, Q

from quotes import coding
from quotes.models import Adjudication, Quote, QuoteStance, StanceAnnotation, Topic
from quotes.rollup import rollup_kept, rollup_topic_refresh, stance_held
from quotes.stance_rollup import stance_rollups_refresh
from quotes.versioning import ConflictError, save_versioned

# --- The stance of a quote: one definition ----------------------------------------------------


def _stance_summaries(quote_filter: Q) -> list[QuoteStance]:
    """Summaries for the quotes matching ``quote_filter``: adjudicated value, else the mean of
    the annotators who gave a value, with the copies of the quote's fields that timelines read.
    "Cannot code" is counted (``cannot_code_count``) but in no mean: a pair coded only so has
    no value.

    Two grouped queries, whatever the number of quotes; the only place the stance is computed.
    """
    copied = [f"quote__{name}" for name in QuoteStance.COPIED_FROM_QUOTE]
    copied.append("topic__codes_needed")
    means = {
        (row["quote_id"], row["topic_id"]): row
        for row in StanceAnnotation.objects.filter(quote_filter)
        .values("quote_id", "topic_id", *copied)
        .annotate(
            mean=Avg("value"),  # NULL ("cannot code") values are left out by AVG itself
            annotators=Count("value"),
            cannot_code=Count("id", filter=Q(cannot_code=True)),
        )
        .order_by()
    }
    adjudicated = {
        (row["quote_id"], row["topic_id"]): row
        for row in Adjudication.objects.filter(quote_filter).values(
            "quote_id", "topic_id", "value", *copied
        )
    }
    summaries = []
    for key in means.keys() | adjudicated.keys():
        mean, adjudication = means.get(key), adjudicated.get(key)
        annotators = mean["annotators"] if mean else 0
        cannot_code = mean["cannot_code"] if mean else 0
        summaries.append(
            QuoteStance(
                quote_id=key[0],
                topic_id=key[1],
                value=adjudication["value"] if adjudication else _float_or_none(mean["mean"]),
                annotator_count=annotators,
                cannot_code_count=cannot_code,
                is_adjudicated=adjudication is not None,
                is_settled=coding.is_settled(
                    codes=annotators + cannot_code,
                    codes_needed=(mean or adjudication)["topic__codes_needed"],
                    adjudicated=adjudication is not None,
                ),
                **{
                    name: (mean or adjudication)[f"quote__{name}"]
                    for name in QuoteStance.COPIED_FROM_QUOTE
                },
            )
        )
    return summaries


def _float_or_none(value):
    return None if value is None else float(value)


@transaction.atomic
def topic_save(*, topic: Topic) -> Topic:
    """Validate and save a topic; when it needs a different number of codes, its stored stances
    are marked settled or not again (one UPDATE)."""
    topic.full_clean()
    before = Topic.objects.filter(pk=topic.pk).values_list("codes_needed", flat=True).first()
    topic.save()
    if before is not None and before != topic.codes_needed:
        QuoteStance.objects.filter(topic=topic).update(
            is_settled=ExpressionWrapper(
                coding.settled_condition(topic.codes_needed), output_field=BooleanField()
            )
        )
        rollup_topic_refresh(topic_id=topic.pk)
    return topic


@transaction.atomic
def topic_release(*, topic: Topic, released: bool = True) -> Topic:
    """Release (or withdraw) a topic's stances: aggregates open to everyone, and each settled
    quote's stance. Who may do it is the caller's check (reviewers)."""
    topic.released = released
    return topic_save(topic=topic)


@transaction.atomic
def stance_summary_refresh(
    *, quote_id: int, topic_id: int, quote: Quote | None = None
) -> QuoteStance | None:
    """Recompute and store the stance of one quote on one topic; None when nobody coded it.
    ``quote`` is the quote's row as the caller locked it (``_lock_quote``; read when not given).

    Both rollups follow (``quotes.stance_rollup``): the quote's fields do not change here, so
    the stance's month slot is the one its copies of them name, read from the new summary (or,
    when none is left, from the row deleted), and its unit is the quote's utterance or itself.
    """
    stored = QuoteStance.objects.filter(quote_id=quote_id, topic_id=topic_id)
    old = stored.order_by("pk").first()
    summaries = _stance_summaries(Q(quote_id=quote_id, topic_id=topic_id))
    new = summaries[0] if summaries else None
    stored.delete()
    if new is not None:
        new.save()
    if stance_held(old) == stance_held(new):
        return new  # same slot, value and settled state: no cell or unit moves
    if quote is None:
        quote = Quote._base_manager.only("utterance_id").get(pk=quote_id)
    stance_rollups_refresh(quote=quote, stance=new or old)
    return new


@transaction.atomic
def stance_summaries_rebuild(
    *, quote_ids: Iterable[int] | None = None, batch_size=5000, keep_rollup=True
) -> int:
    """Rebuild stored stances for the given quotes (all when None); returns the rows written.
    ``keep_rollup=False`` leaves the rollup to a ``rollup_rebuild`` the caller runs (a bulk
    load: one rebuild at the end is far cheaper than keeping it batch by batch)."""
    quote_ids = None if quote_ids is None else list(quote_ids)
    summaries_filter = Q() if quote_ids is None else Q(quote_id__in=quote_ids)
    with rollup_kept(quote_ids) if keep_rollup else nullcontext():
        QuoteStance.objects.filter(summaries_filter).delete()
        summaries = _stance_summaries(summaries_filter)
        QuoteStance.objects.bulk_create(summaries, batch_size=batch_size)
    return len(summaries)


# --- Annotations and adjudications ---------------------------------------------------------------


def _lock_quote(quote_id: int) -> Quote:
    """Serialize writes to one quote's stances so concurrent saves cannot lose the summary;
    returns the quote as locked (its utterance as it is now)."""
    return Quote.objects.select_for_update().get(pk=quote_id)


@transaction.atomic
def stance_annotation_save(
    *,
    quote,
    topic,
    annotator,
    value: int | None,
    cannot_code: bool = False,
    conditional: bool = False,
    rationale: str = "",
    expected_version: int | None = None,
) -> StanceAnnotation:
    """Create or update ``annotator``'s annotation of ``quote`` on ``topic``: a ``value``, or
    ``cannot_code=True`` with no value (anything else is a ValidationError).

    ``expected_version`` is the version the annotator's form was loaded with: if the annotation
    changed since (another tab), ConflictError is raised instead of overwriting it.
    """
    locked = _lock_quote(quote.pk)
    annotation = StanceAnnotation.objects.filter(
        quote=quote, topic=topic, annotator=annotator
    ).first()
    if annotation is None:
        annotation = StanceAnnotation(quote=quote, topic=topic, annotator=annotator)
    elif expected_version is not None and annotation.version != expected_version:
        raise ConflictError(
            "This annotation was changed since you opened it (in another tab or by another "
            "session). Reload to see the saved value."
        )
    annotation.value = value
    annotation.cannot_code = cannot_code
    annotation.conditional = conditional
    annotation.rationale = rationale
    annotation.full_clean()
    if annotation.pk is None:
        annotation.save()
    else:
        save_versioned(annotation)
    stance_summary_refresh(quote_id=quote.pk, topic_id=topic.pk, quote=locked)
    return annotation


@transaction.atomic
def stance_annotation_delete(*, annotation: StanceAnnotation) -> None:
    locked = _lock_quote(annotation.quote_id)
    annotation.delete()
    stance_summary_refresh(quote_id=annotation.quote_id, topic_id=annotation.topic_id, quote=locked)


@transaction.atomic
def adjudication_set(
    *,
    quote,
    topic,
    reviewer,
    value: int | None,
    cannot_code: bool = False,
    rationale: str = "",
    expected_version=None,
) -> Adjudication:
    """Set the reviewer's final value for ``quote`` on ``topic`` (it overrides the mean), or
    with ``cannot_code=True`` and no value, decide that the quote has no stance on it."""
    locked = _lock_quote(quote.pk)
    adjudication = Adjudication.objects.filter(quote=quote, topic=topic).first()
    if adjudication is None:
        adjudication = Adjudication(quote=quote, topic=topic)
    elif expected_version is not None and adjudication.version != expected_version:
        raise ConflictError("This adjudication was changed since you opened it. Reload it.")
    adjudication.reviewer = reviewer
    adjudication.value = value
    adjudication.cannot_code = cannot_code
    adjudication.rationale = rationale
    adjudication.full_clean()
    if adjudication.pk is None:
        adjudication.save()
    else:
        save_versioned(adjudication)
    stance_summary_refresh(quote_id=quote.pk, topic_id=topic.pk, quote=locked)
    return adjudication


@transaction.atomic
def adjudication_clear(*, adjudication: Adjudication) -> None:
    locked = _lock_quote(adjudication.quote_id)
    adjudication.delete()
    stance_summary_refresh(
        quote_id=adjudication.quote_id, topic_id=adjudication.topic_id, quote=locked
    )
