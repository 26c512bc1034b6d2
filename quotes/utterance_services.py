"""Writes on utterances and their links: propose, confirm (merge), reject, split, merge; and a
reviewer's adjudication of an utterance's stance (set, withdraw).

Each is atomic, validates before it saves, keeps history (reports move with
``bulk_update_with_history``) and refreshes the utterances' derived dates
(``quotes.utterances.utterance_dates_refresh``) and the counting units and cells of what it
moved (``quotes.unit_rollup.units_refresh``) in the same transaction. The admin, the API,
the importer and ``propose_utterance_links`` call these.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from quotes.models import Quote, Topic, Utterance, UtteranceAdjudication, UtteranceLink
from quotes.rollup import rollup_kept
from quotes.unit_rollup import units_refresh
from quotes.utterances import adjudicable, utterance_dates_refresh


def _ordered(quote: Quote, other: Quote) -> tuple[Quote, Quote]:
    return (quote, other) if quote.pk < other.pk else (other, quote)


def _move_reports(reports: list[Quote], utterance: Utterance | None, user=None) -> None:
    for report in reports:
        report.utterance = utterance
    if reports:
        bulk_update_with_history(reports, Quote, ["utterance"], default_user=user)


@transaction.atomic
def utterance_link_propose(
    *, quote: Quote, other: Quote, similarity: float
) -> UtteranceLink | None:
    """Propose that ``quote`` and ``other`` report the same statement (kept as decided if the
    pair was decided already; the similarity of a pending proposal is updated). Two speakers:
    a possible misattribution instead. None when they are one utterance already."""
    if quote.pk == other.pk:
        raise ValidationError({"other": "A quote cannot be linked to itself."})
    if quote.utterance_id is not None and quote.utterance_id == other.utterance_id:
        return None
    first, second = _ordered(quote, other)
    kind = (
        UtteranceLink.Kind.SAME_STATEMENT
        if first.speaker_id == second.speaker_id
        else UtteranceLink.Kind.MISATTRIBUTION
    )
    similarity = round(min(max(similarity, 0.0), 1.0), 4)
    link = UtteranceLink.objects.filter(quote=first, other=second).first()
    if link is None:
        link = UtteranceLink(quote=first, other=second, kind=kind, similarity=similarity)
    elif link.status != UtteranceLink.Status.PROPOSED or (
        link.similarity == similarity and link.kind == kind
    ):
        return link
    link.kind, link.similarity = kind, similarity
    link.full_clean()
    link.save()
    return link


def _decide(link: UtteranceLink, status: str, user) -> None:
    link.status, link.decided_by, link.decided_at = status, user, timezone.now()
    link.full_clean()
    link.save()


@transaction.atomic
def utterance_link_confirm(*, link: UtteranceLink, user=None) -> Utterance | None:
    """Confirm ``link``: its two reports become one utterance (joining or merging the
    utterances they are in). A misattribution link is only marked as looked at (None)."""
    link = UtteranceLink.objects.select_for_update().get(pk=link.pk)
    if link.kind == UtteranceLink.Kind.MISATTRIBUTION:
        _decide(link, UtteranceLink.Status.CONFIRMED, user)
        return None
    first, second = Quote.objects.select_for_update().filter(pk__in=[link.quote_id, link.other_id])
    if first.speaker_id is None or first.speaker_id != second.speaker_id:
        raise ValidationError(
            {"other": "Reports of one utterance must have the same speaker: correct one first."}
        )
    before = {first.utterance_id, second.utterance_id} - {None}
    if first.utterance_id and second.utterance_id and first.utterance_id != second.utterance_id:
        utterance = utterance_merge(
            utterances=[first.utterance, second.utterance], user=user, refresh=False
        )
    elif first.utterance_id or second.utterance_id:
        utterance = first.utterance or second.utterance
        _move_reports([q for q in (first, second) if q.utterance_id is None], utterance, user)
    else:
        utterance = Utterance(speaker_id=first.speaker_id)
        utterance.full_clean()
        utterance.save()
        _move_reports([first, second], utterance, user)
    _decide(link, UtteranceLink.Status.CONFIRMED, user)
    utterance_dates_refresh([utterance.pk])
    units_refresh(quote_ids=[first.pk, second.pk], utterance_ids=before)
    return utterance


@transaction.atomic
def utterance_link_reject(*, link: UtteranceLink, user=None) -> UtteranceLink:
    """Reject ``link``: the two stay separate (a confirmed link is undone with a split)."""
    link = UtteranceLink.objects.select_for_update().get(pk=link.pk)
    if link.status == UtteranceLink.Status.CONFIRMED and link.kind == link.Kind.SAME_STATEMENT:
        raise ValidationError({"status": "This link is confirmed: split the utterance instead."})
    _decide(link, UtteranceLink.Status.REJECTED, user)
    return link


@transaction.atomic
def utterance_merge(*, utterances: list[Utterance], user=None, refresh: bool = True) -> Utterance:
    """One utterance of several of one speaker: the oldest keeps every report (and the notes)
    and the adjudications of each topic (its own, else the oldest other's); the others are
    deleted (their history keeps them)."""
    utterances = sorted({u.pk: u for u in utterances}.values(), key=lambda u: u.pk)
    if not utterances:
        raise ValidationError("Choose the utterances to merge.")
    if len({u.speaker_id for u in utterances}) > 1:
        raise ValidationError("Only one speaker's utterances can be merged.")
    kept, merged = utterances[0], utterances[1:]
    ids = [utterance.pk for utterance in utterances]  # deleted ones lose theirs
    if merged:
        reports = list(Quote.objects.filter(utterance__in=merged))
        _move_reports(reports, kept, user)
        _move_adjudications(merged, kept)
        notes = [u.notes for u in utterances if u.notes]
        if len(notes) > 1:
            kept.notes = "\n\n".join(notes)
            kept.full_clean()
            kept.save()
        for utterance in merged:
            utterance.delete()
    if refresh:
        utterance_dates_refresh([kept.pk])
        units_refresh(utterance_ids=ids)
    return kept


def _move_adjudications(merged: list[Utterance], kept: Utterance) -> None:
    taken = set(kept.adjudications.values_list("topic_id", flat=True))
    for adjudication in UtteranceAdjudication.objects.filter(utterance__in=merged).order_by(
        "utterance_id", "id"
    ):
        if adjudication.topic_id not in taken:
            taken.add(adjudication.topic_id)
            adjudication.utterance = kept
            adjudication.save(update_fields=["utterance", "updated_at"])


@transaction.atomic
def utterance_split(*, utterance: Utterance, reports=None, user=None) -> list[Quote]:
    """Take ``reports`` (default: all) out of ``utterance``: each is its own utterance again,
    and the confirmed links joining them to the rest are rejected (so no later proposal run
    merges them back). With one report or none left, the utterance is dissolved. Returns the
    reports taken out."""
    inside = list(Quote.objects.select_for_update().filter(utterance=utterance))
    wanted = {q.pk for q in reports} if reports is not None else {q.pk for q in inside}
    leaving = [q for q in inside if q.pk in wanted]
    staying = [q for q in inside if q.pk not in wanted]
    if len(staying) <= 1:
        leaving, staying = inside, []
    leaving_ids = [q.pk for q in leaving]
    for link in UtteranceLink.objects.filter(
        status=UtteranceLink.Status.CONFIRMED, kind=UtteranceLink.Kind.SAME_STATEMENT
    ).filter(quote_id__in=[q.pk for q in inside], other_id__in=[q.pk for q in inside]):
        if link.quote_id in leaving_ids or link.other_id in leaving_ids:
            _decide(link, UtteranceLink.Status.REJECTED, user)
    _move_reports(leaving, None, user)
    utterance_id = utterance.pk
    if staying:
        utterance_dates_refresh([utterance.pk])
    else:
        utterance.delete()
    units_refresh(quote_ids=leaving_ids, utterance_ids=[utterance_id])
    return leaving


@transaction.atomic
def utterance_reports_changed(*, quotes, user=None) -> int:
    """After quotes were stored or their speaker, date or status changed: a report whose speaker
    is no longer its utterance's leaves it, the utterances' dates are refreshed, and links are
    proposed for each quote (``quotes.utterance_detection``). Returns the links proposed."""
    from quotes.utterance_detection import utterance_links_propose_for

    quotes = list(quotes)
    linked = [quote for quote in quotes if quote.utterance_id is not None]
    if linked:
        utterances = Utterance.objects.in_bulk({quote.utterance_id for quote in linked})
        for quote in linked:
            utterance = utterances.get(quote.utterance_id)
            if utterance is not None and quote.speaker_id != utterance.speaker_id:
                utterance_split(utterance=utterance, reports=[quote], user=user)
                quote.utterance_id = None
        moved = utterance_dates_refresh({q.utterance_id for q in linked if q.utterance_id})
        units_refresh(utterance_ids=moved)
    return utterance_links_propose_for(quotes=quotes)


# --- A reviewer's stance for an utterance ------------------------------------------------------


def _locked_reports(utterance: Utterance) -> list[int]:
    """Lock the utterance's reports (as a quote's stance writes lock the quote); their ids."""
    return list(
        Quote.objects.select_for_update().filter(utterance=utterance).values_list("pk", flat=True)
    )


@transaction.atomic
def utterance_adjudication_set(
    *,
    utterance: Utterance,
    topic: Topic,
    reviewer,
    value: int | None,
    cannot_code: bool = False,
    note: str = "",
) -> UtteranceAdjudication:
    """Set the reviewer's stance for ``utterance`` on ``topic``: it replaces the mean of the
    confirmed reports' stored stances (``quotes.utterances``); ``cannot_code=True`` and no value:
    the utterance has no stance on the topic. Needs a confirmed report coded on the topic."""
    report_ids = _locked_reports(utterance)
    if not adjudicable(utterance.pk, topic.pk):
        raise ValidationError(
            {"topic": "No confirmed report of this utterance is coded on this topic yet."}
        )
    with rollup_kept(report_ids):
        adjudication = UtteranceAdjudication.objects.filter(
            utterance=utterance, topic=topic
        ).first() or UtteranceAdjudication(utterance=utterance, topic=topic)
        adjudication.reviewer = reviewer
        adjudication.value, adjudication.cannot_code = value, cannot_code
        adjudication.note = note
        adjudication.full_clean()
        adjudication.save()
    return adjudication


@transaction.atomic
def utterance_adjudication_withdraw(*, adjudication: UtteranceAdjudication) -> None:
    """Withdraw a reviewer's stance for an utterance: the reports' mean counts again (the
    history keeps the withdrawn one)."""
    with rollup_kept(_locked_reports(adjudication.utterance)):
        adjudication.delete()
