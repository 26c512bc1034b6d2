"""Writes that touch several rows. The admin, the API and the management commands all call these.

Each function is atomic and validates before it saves, so a failure leaves the database as it was.
The writes of stances (annotations, adjudications, the stored stance, topics' coding rules) are
in ``quotes.stance_services``, and speaker merges in ``quotes.merging``; both are named here too.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from quotes.merging import speaker_merge, speaker_unmerge  # noqa: F401 (a module of its own)
from quotes.models import Quote, Speaker
from quotes.proposed_affiliations import proposed_affiliations_record
from quotes.quote_batches import quotes_set_status, stance_copies_refresh  # noqa: F401
from quotes.rollup import quote_cells_refresh
from quotes.stance_services import (  # noqa: F401 (a module of its own)
    adjudication_clear,
    adjudication_set,
    stance_annotation_delete,
    stance_annotation_save,
    stance_summaries_rebuild,
    stance_summary_refresh,
    topic_release,
    topic_save,
)
from quotes.utterance_index import utterance_keys_refresh
from quotes.utterance_services import utterance_reports_changed
from quotes.versioning import ConflictError, save_versioned  # noqa: F401 (ConflictError: callers')

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
    save_versioned(quote)
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
    save_versioned(quote)


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
