"""Finding reports of the same statement: similarity of folded texts, candidates by index.

A quote is compared with the quotes of its speaker said within ``UTTERANCE_WINDOW_DAYS`` days
of it (a month- or year-precise date: within its month or year), read through the
``quote_speaker_said_on`` index, never by a scan. Two reports are the same statement when
``similarity`` reaches ``THRESHOLD``: the share of the shorter report's word pairs (folded
text, words cut to their first letters) that the other prints, with at least ``MIN_SHARED``
pairs in common — shingle containment, which
measured better on the labelled pairs of ``tests/utterances/pairs.yaml`` than rapidfuzz's
token-set ratio (figures in the README).

Identical words printed under another speaker in the window are proposed as a possible
misattribution instead.
"""

import datetime
import re
from functools import lru_cache

from django.conf import settings
from django.db.models import Q

from quotes.models import DatePrecision, Quote
from quotes.models.common import period_end
from quotes.text import fold

THRESHOLD = 0.45
# Words are cut to their first letters so that inflections and translation variants meet
# ("negotiations" / "negotiating").
STEM = 5
# A report with fewer word pairs than this matches only a report of the same words.
MIN_SHINGLES = 2
# Two reports of different words share at least this many word pairs to be one statement.
MIN_SHARED = 4
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The folded, lower-cased text's words, each cut to ``STEM`` letters (cached per text:
    a quote is scored against every candidate of its window)."""
    return tuple(word[:STEM] for word in _WORD.findall(fold(text).lower()))


@lru_cache(maxsize=65536)
def shingles(text: str) -> frozenset[tuple[str, str]]:
    """The text's pairs of consecutive ``words``."""
    found = words(text)
    return frozenset(zip(found, found[1:], strict=False))


def similarity(text: str, other: str) -> float:
    """Containment: the share of the shorter text's word pairs that the other has (0 to 1).

    An excerpt is wholly contained (1), reordered clauses keep their pairs, a translation
    variant keeps about half, another statement on the same subject a few."""
    mine, theirs = shingles(text), shingles(other)
    if words(text) == words(other) or min(len(mine), len(theirs)) < MIN_SHINGLES:
        return 1.0 if words(text) and words(text) == words(other) else 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


def same_statement(text: str, other: str) -> bool:
    """Whether two reports print the same statement: ``similarity`` reaches ``THRESHOLD`` and
    they share at least ``MIN_SHARED`` word pairs (a few common words of a short phrase, "the
    former secretary of state", are no statement), or their words are the same."""
    if words(text) and words(text) == words(other):
        return True
    shared = len(shingles(text) & shingles(other))
    return shared >= MIN_SHARED and similarity(text, other) >= THRESHOLD


def _window(said_on: datetime.date, precision: str) -> Q:
    """The dates a quote of this date may share a statement with, as index ranges."""
    days = datetime.timedelta(days=settings.UTTERANCE_WINDOW_DAYS)
    if precision == DatePrecision.DAY:
        low, high = said_on - days, said_on + days
    else:
        low, high = said_on, period_end(said_on, precision)
    within = Q(said_on__range=(low, high))
    # Coarser dates that contain any day of the window.
    months = {low.replace(day=1), high.replace(day=1)}
    within |= Q(said_on_precision=DatePrecision.MONTH, said_on__in=sorted(months))
    years = {low.replace(month=1, day=1), high.replace(month=1, day=1)}
    within |= Q(said_on_precision=DatePrecision.YEAR, said_on__in=sorted(years))
    return within


def candidates(quote: Quote):
    """Quotes that may report the same statement as ``quote``: its speaker's within the window
    (not rejected ones), read through the (speaker, said_on) index."""
    if quote.speaker_id is None or quote.said_on is None:
        return Quote.objects.none()
    return (
        Quote.objects.filter(speaker_id=quote.speaker_id)
        .filter(_window(quote.said_on, quote.said_on_precision))
        .exclude(pk=quote.pk)
        .exclude(status=Quote.Status.REJECTED)
        .only("id", "text", "speaker_id", "utterance_id")
    )


def misattribution_candidates(quote: Quote):
    """Quotes of other speakers in the window printing exactly the same text."""
    if quote.speaker_id is None or quote.said_on is None:
        return Quote.objects.none()
    return (
        Quote.objects.filter(_window(quote.said_on, quote.said_on_precision), text=quote.text)
        .exclude(speaker_id=quote.speaker_id)
        .exclude(speaker__isnull=True)
        .exclude(status=Quote.Status.REJECTED)
        .only("id", "text", "speaker_id", "utterance_id")
    )


def utterance_links_propose_for(*, quotes) -> int:
    """Propose links for each of ``quotes`` with the quotes that report the same statement
    (two queries a quote, plus a write for each link proposed). Returns the links proposed."""
    from quotes.utterance_services import utterance_link_propose

    proposed = 0
    for quote in quotes:
        if quote.status == Quote.Status.REJECTED:
            continue
        for other in candidates(quote):
            if same_statement(quote.text, other.text) and utterance_link_propose(
                quote=quote, other=other, similarity=similarity(quote.text, other.text)
            ):
                proposed += 1
        for other in misattribution_candidates(quote):
            if fold(other.text) == fold(quote.text) and utterance_link_propose(
                quote=quote, other=other, similarity=1.0
            ):
                proposed += 1
    return proposed
