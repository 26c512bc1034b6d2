"""Finding reports of the same statement: similarity of folded texts, candidates by index.

A quote is compared with the quotes of its speaker said within ``UTTERANCE_WINDOW_DAYS`` days
of it (a month- or year-precise date: within its month or year) that share a key with it:
the candidate index (``UtteranceKey``, kept by ``quotes.utterance_index``) holds, for each
quote, the hashes of a few of its word pairs, the first of every ``WINDOW`` consecutive ones
(``pair_keys``), and a quote looks up every pair of its own (``lookup_keys``): one indexed
query by (speaker, key, date), never a scan of the speaker's window. Two reports are the same
statement when ``similarity`` reaches ``THRESHOLD``: the share of the shorter report's word
pairs (folded text, words cut to their first letters) that the other prints, with at least
``MIN_SHARED`` pairs in common — shingle containment, which measured better on the labelled
pairs of ``tests/utterances/pairs.yaml`` than rapidfuzz's token-set ratio (figures in the
README). The index only chooses whom to compare: the similarity decides, as before.

Identical words printed under another speaker in the window are proposed as a possible
misattribution instead, found by the hash of the folded text (``text_key``).
"""

import datetime
import hashlib
import re
from functools import lru_cache

from django.conf import settings
from django.db.models import Q

from quotes.models import DatePrecision, Quote, UtteranceKey
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
# A quote is indexed under the first of every this many consecutive word pairs, in one order
# of all pairs that puts the distinctive first (``pair_keys``): as many as two reports of one
# statement share at the least.
WINDOW = MIN_SHARED
# A lookup asks for at most this many of the quote's own pairs (all of them for any quote
# shorter than a long paragraph).
LOOKUP_KEYS = 200
# Function words (cut to ``STEM`` letters): a pair of two of them ("of the", "we will") says
# little about which statement it is from.
_FUNCTION_WORDS = (
    "a an the and or but nor of to in on at by for from with without into about as is are "
    "was were be been being am it its this that these those we our ours us you your they "
    "their them he his him she her i my me not no will would shall should can could may "
    "might must do does did done have has had there here which who whom whose what when "
    "where why how than then so if also very all any some such only just more most"
)
FUNCTION_WORDS = frozenset(word[:STEM] for word in _FUNCTION_WORDS.split())


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


def _hash(value: str) -> int:
    """A stable signed 64-bit hash (the same in every process, unlike ``hash()``)."""
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@lru_cache(maxsize=262144)
def _rank(pair: tuple[str, str]) -> tuple[int, int]:
    """A pair's place in the one order of every text's pairs: fewer function words first, then
    by hash."""
    return (pair[0] in FUNCTION_WORDS) + (pair[1] in FUNCTION_WORDS), _hash(" ".join(pair))


@lru_cache(maxsize=65536)
def _ranked_pairs(text: str) -> tuple[tuple[int, int], ...]:
    """The ranks of the text's consecutive word pairs, in the text's order (a text of one
    word: that word's hash; none without words)."""
    found = words(text)
    if len(found) == 1:
        return ((0, _hash(found[0])),)
    return tuple(_rank(pair) for pair in zip(found, found[1:], strict=False))


@lru_cache(maxsize=65536)
def pair_keys(text: str) -> tuple[int, ...]:
    """The keys a quote of this text is indexed under: in each run of ``WINDOW`` consecutive
    word pairs, the hash of the first pair in the one order (winnowing; a text of fewer pairs:
    all of them). Any text that prints ``WINDOW`` consecutive pairs of this one, an excerpt of
    ``WINDOW`` + 1 words or more, prints one of its keys; identical words give the same keys."""
    ranked = _ranked_pairs(text)
    runs = range(max(len(ranked) - WINDOW + 1, 1))
    return tuple(sorted({min(ranked[at : at + WINDOW])[1] for at in runs}))


def lookup_keys(text: str) -> tuple[int, ...]:
    """The keys a quote of this text looks its candidates up by: all its pairs' hashes (the
    ``LOOKUP_KEYS`` first in the one order of a longer text)."""
    return tuple(sorted({key for _, key in sorted(set(_ranked_pairs(text)))[:LOOKUP_KEYS]}))


def text_key(text: str) -> int:
    """The hash of the folded text: the misattribution check's key."""
    return _hash(fold(text))


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


def _indexed(keys, window: Q):
    return UtteranceKey.objects.filter(window, key__in=keys)


def candidates(quote: Quote):
    """Quotes that may report the same statement as ``quote``: its speaker's within the window
    (not rejected ones) that share a key with it, read through the candidate index (one
    query)."""
    if quote.speaker_id is None or quote.said_on is None:
        return Quote.objects.none()
    keys = _indexed(lookup_keys(quote.text), _window(quote.said_on, quote.said_on_precision))
    return (
        Quote.objects.filter(pk__in=keys.filter(speaker_id=quote.speaker_id).values("quote_id"))
        .exclude(pk=quote.pk)
        .exclude(status=Quote.Status.REJECTED)
        .only("id", "text", "speaker_id", "utterance_id")
        .order_by("pk")
    )


def misattribution_candidates(quote: Quote):
    """Quotes of other speakers in the window printing the same folded text, found by its hash
    in the candidate index (one query)."""
    if quote.speaker_id is None or quote.said_on is None:
        return Quote.objects.none()
    keys = _indexed([text_key(quote.text)], _window(quote.said_on, quote.said_on_precision))
    return (
        Quote.objects.filter(
            pk__in=keys.filter(exact=True).exclude(speaker_id=quote.speaker_id).values("quote_id")
        )
        .exclude(status=Quote.Status.REJECTED)
        .only("id", "text", "speaker_id", "utterance_id")
        .order_by("pk")
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
