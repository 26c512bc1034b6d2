"""Writes to many quotes at once, in a fixed number of statements per batch, and the stored
stances' copies of their quotes' fields kept in step.

A ``QuoteStance`` carries copies of its quote's speaker, status and date
(``QuoteStance.COPIED_FROM_QUOTE``; timelines read them). ``Quote.save()`` does not write them:
every service that changes a quote calls ``stance_copies_refresh`` in its transaction, so a
batch of quotes costs one UPDATE of the copies, not one per quote, and a ``queryset.update()``
written elsewhere has one function to call to stay in step. The batches here write their history
rows with simple-history's ``bulk_update_with_history`` (one INSERT per batch).
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from quotes.models import Quote, QuoteStance
from quotes.rollup import quote_cells_refresh, rollup_kept
from quotes.unit_rollup import units_refresh
from quotes.utterance_index import utterance_keys_move
from quotes.utterances import utterance_dates_refresh

BATCH_SIZE = 500


def stance_copies_refresh(
    *,
    quote_ids: Iterable[int] | None = None,
    before: Iterable[tuple] = (),
    speakers_before: Iterable[int] = (),
) -> int:
    """Copy each quote's speaker, status and date onto its stored stances (every stance when
    ``quote_ids`` is None); one UPDATE whatever the number of quotes. Returns the rows updated.

    Both rollups follow (``quotes.rollup``): the quote rollup's slots are where the quotes are
    now, where their stored stances' copies say they were, and where the caller says they were:
    ``before`` (speaker id, date) pairs, ``speakers_before`` (the same months, other speakers).
    """
    stances = QuoteStance.objects.all()
    if quote_ids is not None:
        quote_ids = list(quote_ids)
        stances = stances.filter(quote_id__in=quote_ids)
    quote = Quote.objects.filter(pk=OuterRef("quote_id")).order_by()
    if quote_ids is None:
        with rollup_kept(None):  # rebuilt whole, the quote rollup with it
            return stances.update(
                **{name: Subquery(quote.values(name)[:1]) for name in QuoteStance.COPIED_FROM_QUOTE}
            )
    with rollup_kept(quote_ids) as slots:  # the quotes' cells before and after (quotes.rollup)
        updated = stances.update(
            **{name: Subquery(quote.values(name)[:1]) for name in QuoteStance.COPIED_FROM_QUOTE}
        )
    copied = {(speaker, month) for _, speaker, _, month, _ in slots}
    quote_cells_refresh(quote_ids, speakers=speakers_before, slots=copied | set(before))
    return updated


def _batches(queryset, batch_size: int):
    """Lists of at most ``batch_size`` quotes of ``queryset``, locked, in id order."""
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        yield list(Quote.objects.select_for_update().filter(pk__in=ids[start : start + batch_size]))


def _write(
    quotes: list[Quote],
    fields: list[str],
    change_reason: str | None = None,
    speakers_before: Iterable[int] = (),
) -> None:
    """Save ``fields`` of ``quotes`` with a new version each (a form opened before is then
    refused, as after any save), their history rows and their stances' copies: three statements."""
    now = timezone.now()
    for quote in quotes:
        quote.version += 1
        quote.updated_at = now
    bulk_update_with_history(
        quotes,
        Quote,
        [*fields, "version", "updated_at"],
        batch_size=len(quotes),
        default_change_reason=change_reason,
    )
    stance_copies_refresh(quote_ids=[quote.pk for quote in quotes], speakers_before=speakers_before)


@transaction.atomic
def quotes_set_status(*, quotes, status: str, batch_size: int = BATCH_SIZE) -> int:
    """Confirm or reject the quotes of the queryset ``quotes``; returns how many. A quote without
    a speaker cannot be confirmed or rejected: a ValidationError naming every such quote, and
    nothing is written. Per batch of ``batch_size``: one SELECT … FOR UPDATE, one UPDATE of the
    quotes, one INSERT of their history rows (naming the request's user), one UPDATE of the
    stored stances' copies; one more SELECT for the ids."""
    if status not in Quote.Status.values:
        raise ValidationError(f"{status!r} is not a review status.")
    changed = 0
    for batch in _batches(quotes, batch_size):
        if status != Quote.Status.PROPOSED:
            speakerless = [quote.pk for quote in batch if quote.speaker_id is None]
            if speakerless:
                raise ValidationError(
                    "A confirmed or rejected quote needs a speaker; these have none: "
                    + ", ".join(map(str, speakerless))
                    + ". Nothing was changed."
                )
        for quote in batch:
            quote.status = status
        _write(batch, ["status"])
        # an utterance is dated by its confirmed reports (no query when none is linked)
        moved = utterance_dates_refresh({q.utterance_id for q in batch if q.utterance_id})
        units_refresh(utterance_ids=moved)  # their units' dates (quotes.unit_rollup)
        changed += len(batch)
    return changed


def quotes_move_to_speaker(
    *, quotes, speaker, change_reason: str | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Give the quotes of the queryset ``quotes`` to ``speaker`` (a merge: their affiliations
    move with them, so the role stays valid); returns how many. Five statements per batch: the
    four of ``quotes_set_status`` and one UPDATE of their candidate keys
    (``quotes.utterance_index``); the history rows carry ``change_reason``. Call inside a
    transaction."""
    moved = 0
    for batch in _batches(quotes, batch_size):
        previous = {quote.speaker_id for quote in batch if quote.speaker_id}
        for quote in batch:
            quote.speaker = speaker
        _write(batch, ["speaker"], change_reason, speakers_before=previous)
        utterance_keys_move(quote_ids=[quote.pk for quote in batch], speaker=speaker)
        moved += len(batch)
    return moved
