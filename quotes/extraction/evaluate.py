"""Measure proposals against a gold list of quotations.

A proposal matches a gold quotation when their character spans overlap by at least half of the
shorter span. Precision and recall are given per kind (a proposal of kind K against the gold
quotations of kind K) and overall (any kind against any kind); speaker accuracy is the share of
matched gold quotations whose best-overlapping proposal names the gold speaker.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quotes.text import find_span, spans_overlap

from .model import Proposal

KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: str | None


def gold_from_entries(article: str, entries: Iterable[Mapping]) -> list[GoldQuote]:
    """Gold quotations from entries with ``text``, ``occurrence``, ``kind``, ``speaker``."""
    gold = []
    for entry in entries:
        span = find_span(article, entry["text"], entry.get("occurrence") or 1)
        if span is None:
            raise ValueError(f"gold quote not found in its article: {entry['text'][:60]!r}")
        gold.append(GoldQuote(span[0], span[1], entry["kind"], entry.get("speaker")))
    return gold


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return spans_overlap((a_start, a_end), (b_start, b_end))


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _score(proposals: list[tuple[str, Proposal]], gold: list[tuple[str, GoldQuote]]) -> dict:
    matched_props = sum(
        1
        for key, p in proposals
        if any(k == key and overlaps(p.start, p.end, g.start, g.end) for k, g in gold)
    )
    matched_gold = sum(
        1
        for key, g in gold
        if any(k == key and overlaps(p.start, p.end, g.start, g.end) for k, p in proposals)
    )
    return {
        "proposals": len(proposals),
        "gold": len(gold),
        "precision": _ratio(matched_props, len(proposals)),
        "recall": _ratio(matched_gold, len(gold)),
    }


def evaluate(
    proposals_by_article: Mapping[str, Iterable[Proposal]],
    gold_by_article: Mapping[str, Iterable[GoldQuote]],
) -> dict:
    """Precision/recall per kind and overall, and speaker accuracy on matched quotations."""
    proposals = [(key, p) for key, items in proposals_by_article.items() for p in items]
    gold = [(key, g) for key, items in gold_by_article.items() for g in items]
    result: dict = {"overall": _score(proposals, gold)}
    for kind in KINDS:
        result[kind] = _score(
            [(k, p) for k, p in proposals if p.kind == kind],
            [(k, g) for k, g in gold if g.kind == kind],
        )
    right = total = 0
    misses = []
    for key, g in gold:
        candidates = [
            p for k, p in proposals if k == key and overlaps(p.start, p.end, g.start, g.end)
        ]
        if not candidates:
            continue
        best = max(
            candidates, key=lambda p: (p.kind == g.kind, min(p.end, g.end) - max(p.start, g.start))
        )
        total += 1
        if best.speaker_slug == g.speaker:
            right += 1
        else:
            misses.append((key, g.start, g.speaker, best.speaker_slug, best.reason))
    result["speaker_accuracy"] = _ratio(right, total)
    result["speaker_misses"] = misses
    return result
