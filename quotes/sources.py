"""Changing a source's article text without leaving its quotes behind.

A quote's span points into its source's text. ``source_text_replace`` is the one way the text
changes: the admin form, the API and ``import_article --new-version`` all call it. It finds every
quote again in the new text (``quotes.text``'s folding, as everywhere) and moves its span there in
the same transaction, or changes nothing and names each quote that no longer occurs.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Length

from quotes.models import Quote, Source
from quotes.text import find_spans, fold


@dataclass(frozen=True)
class TextReplaced:
    """What ``source_text_replace`` did: the saved source, quotes whose span moved, quotes that
    stayed where they were, and quotes that stay unverified (indirect, not found)."""

    source: Source
    moved: int = 0
    unchanged: int = 0
    unverified: int = 0


def _preferred(spans: list, old_text: str, quote: Quote, new_length: int) -> list:
    """``spans`` (of the quote in the new text) best first: the same occurrence as in the old
    text (the 2nd "We want dialogue" stays the 2nd), then the nearest to where it was."""
    if quote.span_start is None:
        return spans
    old_spans = find_spans(old_text, quote.text)
    position = (quote.span_start, quote.span_end)
    occurrence = old_spans.index(position) if position in old_spans else 0
    where = quote.span_start * new_length / max(len(old_text), 1)
    rest = sorted(
        (span for index, span in enumerate(spans) if index != occurrence),
        key=lambda span: abs(span[0] - where),
    )
    return ([spans[occurrence]] if occurrence < len(spans) else []) + rest


def new_spans(old_text: str, new_text: str, quotes: list[Quote]) -> dict[int, tuple | None]:
    """The span of each quote in ``new_text`` (None: an unverified indirect quote); raises a
    ValidationError on ``text`` naming every quote that no longer occurs. Reads nothing."""
    taken, spans, lost = set(), {}, []
    # Quotes that were anchored choose first, in text order, so none takes another's place.
    ordered = sorted(quotes, key=lambda quote: (quote.span_start is None, quote.span_start or 0))
    for quote in ordered:
        found = find_spans(new_text, quote.text) if new_text else []
        free = [
            span for span in _preferred(found, old_text, quote, len(new_text)) if span not in taken
        ]
        if free:
            spans[quote.pk] = free[0]
            taken.add(free[0])
        elif quote.span_start is None and (quote.kind == Quote.Kind.INDIRECT or not new_text):
            spans[quote.pk] = None
        else:
            lost.append(quote)
    if lost:
        raise ValidationError(
            {
                "text": [
                    f"The new text was not saved: {len(lost)} quote(s) of this source would no "
                    "longer occur in it (compared ignoring quote marks, dashes and spacing). "
                    "Correct or delete them first, or keep their words in the text."
                ]
                + [f"Quote {quote.pk} no longer occurs: {quote.text[:80]!r}" for quote in lost]
            }
        )
    return spans


def source_text_check(*, source: Source, text: str) -> None:
    """Raise the ValidationError ``source_text_replace`` would raise for ``text``; writes
    nothing (the admin form shows it as a form error)."""
    stored = Source.objects.filter(pk=source.pk).values_list("text", flat=True).first() or ""
    if text == stored:
        return
    quotes = list(Quote.objects.filter(source_id=source.pk))
    _refuse_empty(stored, text)
    new_spans(stored, text, quotes)


def _refuse_empty(stored: str, text: str) -> None:
    if stored.strip() and not text.strip():
        raise ValidationError(
            {"text": "An article's text cannot be emptied; give the corrected text instead."}
        )


@transaction.atomic
def source_text_replace(*, source: Source, text: str, user=None) -> TextReplaced:
    """Save ``source`` (with any other field changed on it) holding ``text`` as its article text,
    and move each of its quotes' spans to where its words are in the new text.

    All or nothing: an emptied text, or any quote (proposed, confirmed or rejected) whose words
    are no longer in ``text``, is a ValidationError on ``text`` naming each quote, and nothing is
    written. The source and its quotes are locked while it runs; each moved quote gets a new
    version (a form opened before is refused) and a history record, and so does the source (its
    history keeps the old text), naming ``user``.
    """
    stored = None
    if source.pk is not None:
        rows = Source.objects.select_for_update().filter(pk=source.pk)
        stored = rows.values_list("text", flat=True).first()
    if stored is None:
        source.text = text
        _save(source, user)
        return TextReplaced(source=source)
    quotes = list(Quote.objects.select_for_update().filter(source_id=source.pk).order_by("pk"))
    if text != stored:
        _refuse_empty(stored, text)
    spans = new_spans(stored, text, quotes) if text != stored else {}
    source.text = text
    _save(source, user)
    moved = [quote for quote in quotes if quote.pk in spans and spans[quote.pk] != _span(quote)]
    # Spans are unique per source: clear the moved ones first, so that two quotes may swap places.
    Quote.objects.filter(pk__in=[quote.pk for quote in moved]).update(
        span_start=None, span_end=None
    )
    for quote in moved:
        quote.span_start, quote.span_end = spans[quote.pk] or (None, None)
        quote.version = F("version") + 1
        if user is not None:
            quote._history_user = user
        quote.save(update_fields=["span_start", "span_end", "version", "updated_at"])
        quote.refresh_from_db(fields=["version"])
    return TextReplaced(
        source=source,
        moved=len(moved),
        unchanged=len(quotes) - len(moved),
        unverified=sum(1 for quote in quotes if spans.get(quote.pk, _span(quote)) is None),
    )


def _span(quote: Quote):
    return None if quote.span_start is None else (quote.span_start, quote.span_end)


def _save(source: Source, user) -> None:
    if user is not None:
        source._history_user = user
    source.full_clean()
    source.save()


# --- Which stored source is this article? -------------------------------------------------------

# Two texts sharing this share of their word triples are one article (a correction, a
# re-edited page), not two: a few fixed typos or an added paragraph keep it above 0.8, while
# another article on the same story by the same outlet shares less than a third.
NEAR_DUPLICATE = 0.8
_CANDIDATES = 200


def _shingles(text: str) -> Counter:
    words = fold(text).lower().split()
    return Counter(" ".join(words[index : index + 3]) for index in range(max(len(words) - 2, 1)))


def similarity(one: str, two: str) -> float:
    """How much of their word triples (after folding) two texts share, from 0 to 1."""
    first, second = _shingles(one), _shingles(two)
    total = sum(first.values()) + sum(second.values())
    return 2 * sum((first & second).values()) / total if total else 0.0


def near_duplicates(text: str, *, outlet: str, published_on) -> list[tuple[Source, float]]:
    """Stored sources whose text is at least ``NEAR_DUPLICATE`` alike ``text``, most alike
    first. Looks at sources of the same outlet or published within a month, of a length within
    a quarter of ``text``'s (one query, at most 200 texts compared)."""
    length = len(text)
    month = datetime.timedelta(days=31)
    candidates = (
        Source.objects.exclude(text="")
        .alias(length=Length("text"))
        .filter(length__gte=length * 0.75, length__lte=length * 1.25)
        .filter(
            Q(outlet__iexact=outlet)
            | Q(published_on__range=(published_on - month, published_on + month))
        )
        .order_by("-published_on", "-id")[:_CANDIDATES]
    )
    found = [(source, similarity(text, source.text)) for source in candidates]
    return sorted(
        ((source, ratio) for source, ratio in found if ratio >= NEAR_DUPLICATE),
        key=lambda pair: -pair[1],
    )
