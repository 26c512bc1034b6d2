"""Writes that touch several rows. The admin, the API and the management commands all call these.

Each function is atomic and validates before it saves, so a failure leaves the database as it was.
"""

from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, BooleanField, Count, ExpressionWrapper, F, Q

from quotes import coding
from quotes.merging import speaker_merge, speaker_unmerge  # noqa: F401 (a module of its own)
from quotes.models import (
    Adjudication,
    Quote,
    QuoteStance,
    Speaker,
    StanceAnnotation,
    Topic,
)
from quotes.proposed_affiliations import proposed_affiliations_record
from quotes.quote_batches import quotes_set_status, stance_copies_refresh  # noqa: F401
from quotes.rollup import (
    quote_cells_refresh,
    rollup_kept,
    rollup_slots_refresh,
    rollup_topic_refresh,
    stance_held,
    stance_slot,
)
from quotes.unit_rollup import units_refresh
from quotes.utterance_index import utterance_keys_refresh
from quotes.utterance_services import utterance_reports_changed


class ConflictError(Exception):
    """Someone else saved the same row since it was read: reload and redo the change."""


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
def stance_summary_refresh(*, quote_id: int, topic_id: int) -> QuoteStance | None:
    """Recompute and store the stance of one quote on one topic; None when nobody coded it.

    Its rollup cells follow in two statements (``quotes.rollup``): the quote's fields do not
    change here, so the stance's month slot is the one its copies of them name, read from the
    new summary (or, when none is left, from the row deleted)."""
    stored = QuoteStance.objects.filter(quote_id=quote_id, topic_id=topic_id)
    old = stored.order_by("pk").first()
    summaries = _stance_summaries(Q(quote_id=quote_id, topic_id=topic_id))
    new = summaries[0] if summaries else None
    stored.delete()
    if new is not None:
        new.save()
    if stance_held(old) == stance_held(new):
        return new  # same slot, value and settled state: no cell or unit moves
    slot = stance_slot(new or old)
    if slot is not None:
        rollup_slots_refresh([slot])
    units_refresh(quote_ids=[quote_id], topic_ids=[topic_id], quotes=False)
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
    """Serialize writes to one quote's stances so concurrent saves cannot lose the summary."""
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
    _lock_quote(quote.pk)
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
        _save_versioned(annotation)
    stance_summary_refresh(quote_id=quote.pk, topic_id=topic.pk)
    return annotation


@transaction.atomic
def stance_annotation_delete(*, annotation: StanceAnnotation) -> None:
    _lock_quote(annotation.quote_id)
    annotation.delete()
    stance_summary_refresh(quote_id=annotation.quote_id, topic_id=annotation.topic_id)


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
    _lock_quote(quote.pk)
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
        _save_versioned(adjudication)
    stance_summary_refresh(quote_id=quote.pk, topic_id=topic.pk)
    return adjudication


@transaction.atomic
def adjudication_clear(*, adjudication: Adjudication) -> None:
    _lock_quote(adjudication.quote_id)
    adjudication.delete()
    stance_summary_refresh(quote_id=adjudication.quote_id, topic_id=adjudication.topic_id)


def _save_versioned(instance) -> None:
    """Save ``instance`` only if its row still has the version it was read with.

    ``UPDATE … SET version = n + 1 WHERE version = n`` is the check: zero rows means someone saved
    first. The row stays locked until commit, so a concurrent save waits and then sees the conflict.
    """
    model = type(instance)
    updated = model.objects.filter(pk=instance.pk, version=instance.version).update(
        version=F("version") + 1
    )
    if updated == 0:
        raise ConflictError(
            f"This {model._meta.verbose_name} was changed by someone else since you opened it. "
            "Reload it to see their change, then redo yours."
        )
    instance.version += 1
    instance.save()


# --- Quotes --------------------------------------------------------------------------------------

# A change of these may move a quote into or out of an utterance, or change an utterance's date.
_UTTERANCE_INPUTS = ("speaker_id", "said_on", "said_on_precision", "status")
# ... and of these, where the candidate index files it (quotes.utterance_index).
_KEY_INPUTS = ("text", "speaker_id", "said_on", "said_on_precision")


@transaction.atomic
def quote_save(*, quote: Quote, expected_version: int | None = None) -> Quote:
    """Validate and save a quote (new or changed); a stale ``expected_version`` is a conflict."""
    quote.full_clean()
    if quote.pk is None:
        quote.save()
        quote_cells_refresh([quote.pk])
        utterance_keys_refresh(quote_ids=[quote.pk])
        utterance_reports_changed(quotes=[quote])
        return quote
    if expected_version is not None and expected_version != quote.version:
        raise ConflictError("This quote was changed by someone else since you opened it.")
    inputs = (*_UTTERANCE_INPUTS, "text")
    before = Quote.objects.filter(pk=quote.pk).values_list(*inputs).first()
    _save_versioned(quote)
    stance_copies_refresh(quote_ids=[quote.pk], before=[before[:2]] if before else ())
    after = {name: getattr(quote, name) for name in inputs}
    before = dict(zip(inputs, before, strict=True)) if before else {}
    if any(before.get(name) != after[name] for name in _KEY_INPUTS):
        utterance_keys_refresh(quote_ids=[quote.pk])
    if any(before.get(name) != after[name] for name in _UTTERANCE_INPUTS):
        utterance_reports_changed(quotes=[quote])
    return quote


def _quote_status_save(quote: Quote, *, status: str, speaker: Speaker | None = None, user=None):
    """Give ``quote`` its review status (and ``speaker``, when another one), validate and save it
    through the version check, so a form opened before the review is refused. ``user`` is who
    the history names (the admin's request user otherwise)."""
    if speaker is not None and speaker.pk != quote.speaker_id:
        quote.speaker = speaker
        quote.affiliation = None  # clean() proposes the new speaker's role on the date said
    quote.status = status
    if user is not None:
        quote._history_user = user
    quote.full_clean()
    _save_versioned(quote)


@dataclass(frozen=True)
class ReviewDecision:
    """One row of an import review: confirm or reject (``status``) the quote ``quote_id``, said
    by ``speaker_id`` (None: the speaker it has). ``version`` is the quote's version when the
    review page was loaded."""

    quote_id: int
    status: str
    version: int
    speaker_id: int | None = None


@dataclass(frozen=True)
class ReviewApplied:
    """What ``import_review_apply`` did: quotes confirmed, rejected, and given another speaker."""

    confirmed: int = 0
    rejected: int = 0
    speakers_changed: int = 0


@transaction.atomic
def import_review_apply(*, user, source, decisions: Iterable[ReviewDecision]) -> ReviewApplied:
    """Confirm or reject proposed quotes of ``source`` as the reviewer decided, each with the
    speaker chosen for it (when another one, the quote's role is proposed again for that speaker).

    All or nothing: a quote that is unknown, of another source, no longer proposed or decided
    twice, an unknown speaker, or a confirmed or rejected quote left without a speaker is a
    ValidationError listing every problem; a quote saved by someone else since the page was
    loaded is a ConflictError. Either way nothing is written. Each quote is saved once, through
    the version check, with a history record naming ``user``.
    """
    decisions = list(decisions)
    if not decisions:
        raise ValidationError("Tick at least one quote.")
    quote_ids = [decision.quote_id for decision in decisions]
    quotes = Quote.objects.select_for_update().in_bulk(quote_ids)
    speakers = Speaker.objects.in_bulk(
        {decision.speaker_id for decision in decisions if decision.speaker_id is not None}
    )
    problems, stale, seen = [], [], set()
    for decision in decisions:
        quote = quotes.get(decision.quote_id)
        number = f"Quote {decision.quote_id}"
        if decision.quote_id in seen:
            problems.append(f"{number} is decided twice.")
        elif quote is None:
            problems.append(f"No quote has the id {decision.quote_id}.")
        elif quote.source_id != source.pk:
            problems.append(f"{number} is a quote of another source, not of this article.")
        elif decision.status not in (Quote.Status.CONFIRMED, Quote.Status.REJECTED):
            problems.append(f"{number}: {decision.status!r} is neither confirmed nor rejected.")
        elif decision.speaker_id is not None and decision.speaker_id not in speakers:
            problems.append(f"{number}: no speaker has the id {decision.speaker_id}.")
        elif quote.version != decision.version:
            stale.append(decision.quote_id)
        elif quote.status != Quote.Status.PROPOSED:
            problems.append(f"{number} is already {quote.get_status_display().lower()}.")
        elif decision.speaker_id is None and quote.speaker_id is None:
            problems.append(f"{number} has no speaker: choose one before confirming or rejecting.")
        seen.add(decision.quote_id)
    if problems:
        raise ValidationError(problems)
    if stale:
        raise ConflictError(
            f"Quote(s) {', '.join(map(str, stale))} were changed by someone else since you opened "
            "this page. Reload it to see their change, then redo yours."
        )
    proposed_affiliations_record(
        confirmed=[
            (decision.speaker_id or quotes[decision.quote_id].speaker_id, source.pk)
            for decision in decisions
            if decision.status == Quote.Status.CONFIRMED
        ]
    )  # first: each quote's role at the date said is then proposed from it
    counts = {Quote.Status.CONFIRMED: 0, Quote.Status.REJECTED: 0}
    changed_speakers = 0
    before = [(quotes[pk].speaker_id, quotes[pk].said_on) for pk in quote_ids]
    for decision in decisions:
        quote, speaker = quotes[decision.quote_id], speakers.get(decision.speaker_id)
        quote.source = source  # spares a query per quote when clean() locates it in the text
        changed_speakers += speaker is not None and speaker.pk != quote.speaker_id
        try:
            _quote_status_save(quote, status=decision.status, speaker=speaker, user=user)
        except ValidationError as error:
            raise ValidationError(f"Quote {quote.pk}: {' '.join(error.messages)}") from error
        counts[decision.status] += 1
    stance_copies_refresh(quote_ids=quote_ids, before=[slot for slot in before if slot[0]])
    if changed_speakers:
        utterance_keys_refresh(quote_ids=quote_ids)
    utterance_reports_changed(quotes=[quotes[pk] for pk in quote_ids], user=user)
    return ReviewApplied(
        confirmed=counts[Quote.Status.CONFIRMED],
        rejected=counts[Quote.Status.REJECTED],
        speakers_changed=changed_speakers,
    )
