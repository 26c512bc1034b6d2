"""Scoring proposals against brat gold attributions: span matching, speakers, figures.

Split from :mod:`.brat` (which reads a corpus): the same rules for every corpus. Pure functions.
"""

import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .brat import QUOTED_KINDS, Article, GoldAttribution, Prediction

_CLAUSE = re.compile(r",\s*(?:who|which|that)\b.*", re.IGNORECASE | re.DOTALL)
_POSSESSIVE = re.compile(r"['’]s$")
# The cue of clear reported speech: "X said (that) …", "told", "according to X".
REPORTING_CUE = re.compile(
    r"(?:said|says|say|told|tells|added|adds|noted|argued|argues|warned|explained|stressed|"
    r"insisted|claimed|wrote|writes|announced|according to)",
    re.IGNORECASE,
)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


PRONOUNS = _words(
    """i me you he him she her it we us they them who whom whose which that this these those
    his hers its our ours their theirs my your one someone somebody anyone anybody everyone
    everybody nobody none both all some many several each another others either neither"""
)
# Words that start a run of capitalised words without being anyone's name.
_NOT_NAMES = PRONOUNS | _words(
    """the a an and or but of mr mrs ms miss dr sen senator rep representative gov governor
    president vice former secretary gen general col lt capt adm sgt maj rev reverend prof
    professor judge justice attorney chairman chairwoman chair speaker mayor minister prime sir
    dame lady lord king queen prince princess pope st hon candidate nominee leader chief
    democratic republican democrat democrats republicans"""
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass
class Counts:
    """Counts summed over articles; :func:`figures` turns them into rates."""

    golds: int = 0
    golds_found: int = 0
    quoted_golds: int = 0
    quoted_golds_found: int = 0
    predictions: int = 0
    predictions_right: int = 0
    quoted_predictions: int = 0
    quoted_predictions_right: int = 0
    speaker_judged: int = 0
    speaker_strict: int = 0
    speaker_lenient: int = 0
    reported_golds: int = 0  # no quotation marks, cue a verb of saying or "according to"
    reported_golds_found: int = 0
    indirect_predictions: int = 0
    indirect_predictions_right: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


def overlap(prediction: Prediction, gold: GoldAttribution) -> int:
    """Characters a prediction shares with a gold attribution."""
    return sum(
        max(0, min(prediction.end, end) - max(prediction.start, start)) for start, end in gold.spans
    )


def matches(prediction: Prediction, gold: GoldAttribution) -> bool:
    """At least half of the smaller one's characters shared, and at least one."""
    shared = overlap(prediction, gold)
    return shared > 0 and shared >= 0.5 * min(prediction.end - prediction.start, gold.size)


def _plain(word: str) -> str:
    return _POSSESSIVE.sub("", word.lower()).strip("'’\".,;:!?()[]{}“”‘«»-–—")


def name_words(source: str) -> set[str]:
    """The last word of each run of capitalised words (titles and pronouns left out).

    A ", who/which/that" clause is cut off first: "Jane Roe, who met Smith" gives {"roe"}.
    """
    words: set[str] = set()
    run: list[str] = []

    def close():
        while run and _plain(run[0]) in _NOT_NAMES:
            run.pop(0)
        while run and _plain(run[-1]) in _SUFFIXES:
            run.pop()
        if run:
            words.add(_plain(run[-1]))
        run.clear()

    for token in _CLAUSE.sub("", source).split():
        letters = [c for c in token if c.isalpha()]
        if token.startswith("(") or not letters or not letters[0].isupper():
            close()
        if letters and letters[0].isupper():
            run.append(token)
            if token[-1] in ",;:)":
                close()
    close()
    return {word for word in words if word}


def surname(speaker_name: str | None) -> str | None:
    """The lowercased last word of a predicted speaker's name (suffixes like Jr. skipped)."""
    words = [_plain(w) for w in (speaker_name or "").split()]
    words = [w for w in words if w and w not in _SUFFIXES]
    return words[-1] if words else None


def speaker_right(
    speaker_name: str | None, gold: GoldAttribution, golds: Sequence[GoldAttribution]
) -> tuple[bool, bool]:
    """(strict, lenient) verdicts on a predicted speaker for a gold with a Source.

    Lenient also accepts, for a pronoun or a lowercase description ("the senator"), the name
    of the nearest earlier gold Source in the same article that has one.
    """
    predicted = surname(speaker_name)
    if predicted is None or gold.source is None:
        return False, False
    names = name_words(gold.source)
    if predicted in names:
        return True, True
    if names:
        return False, False
    earlier = sorted(
        (g for g in golds if g.source and g.source_start < gold.source_start),
        key=lambda g: g.source_start,
        reverse=True,
    )
    antecedent = next((found for g in earlier if (found := name_words(g.source))), set())
    return False, predicted in antecedent


def is_reported_speech(gold: GoldAttribution) -> bool:
    """Clear reported speech: a gold without quotation marks whose cue is a verb of saying or
    "according to" (not beliefs, polls or "argued in a book")."""
    return bool(gold.cue) and REPORTING_CUE.fullmatch(gold.cue.strip(" ,:").lower()) is not None


def score_article(predictions: Sequence[Prediction], golds: Sequence[GoldAttribution]) -> Counts:
    """Counts of one article's predictions against its gold attributions."""
    quoted_predictions = [p for p in predictions if p.kind in QUOTED_KINDS]
    counts = Counts(
        golds=len(golds),
        quoted_golds=sum(1 for g in golds if g.quoted),
        predictions=len(predictions),
        quoted_predictions=len(quoted_predictions),
        golds_found=sum(1 for g in golds if any(matches(p, g) for p in predictions)),
        predictions_right=sum(1 for p in predictions if any(matches(p, g) for g in golds)),
        quoted_predictions_right=sum(
            1 for p in quoted_predictions if any(matches(p, g) for g in golds)
        ),
    )
    indirect = [p for p in predictions if p.kind == "indirect"]
    counts.indirect_predictions = len(indirect)
    counts.indirect_predictions_right = sum(
        1 for p in indirect if any(matches(p, g) for g in golds)
    )
    for gold in golds:
        if not gold.quoted and is_reported_speech(gold):
            counts.reported_golds += 1
            counts.reported_golds_found += any(matches(p, gold) for p in predictions)
        if not gold.quoted:
            continue
        found = [p for p in quoted_predictions if matches(p, gold)]
        if not found:
            continue
        counts.quoted_golds_found += 1
        if gold.source is None:
            continue
        best = max(found, key=lambda p: overlap(p, gold))
        strict, lenient = speaker_right(best.speaker_name, gold, golds)
        counts.speaker_judged += 1
        counts.speaker_strict += strict
        counts.speaker_lenient += lenient
    return counts


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def figures(counts: Counts, seconds: Sequence[float]) -> dict:
    """Precision, recall, speaker and timing figures (rates are None when undefined)."""
    return {
        "articles": len(seconds),
        "golds": counts.golds,
        "quoted_golds": counts.quoted_golds,
        "predictions": counts.predictions,
        "quoted_predictions": counts.quoted_predictions,
        "quoted": {
            "precision": _ratio(counts.quoted_predictions_right, counts.quoted_predictions),
            "recall": _ratio(counts.quoted_golds_found, counts.quoted_golds),
        },
        "all": {
            "precision": _ratio(counts.predictions_right, counts.predictions),
            "recall": _ratio(counts.golds_found, counts.golds),
        },
        "reported_speech": {
            "golds": counts.reported_golds,
            "recall": _ratio(counts.reported_golds_found, counts.reported_golds),
            "indirect_proposals": counts.indirect_predictions,
            "indirect_precision": _ratio(
                counts.indirect_predictions_right, counts.indirect_predictions
            ),
        },
        "speaker": {
            "judged": counts.speaker_judged,
            "strict": _ratio(counts.speaker_strict, counts.speaker_judged),
            "lenient": _ratio(counts.speaker_lenient, counts.speaker_judged),
        },
        "seconds_per_article": {
            "median": statistics.median(seconds) if seconds else None,
            "mean": statistics.fmean(seconds) if seconds else None,
        },
    }


def evaluate_corpus(
    articles: Iterable[Article], extract: Callable[[Article], Sequence[Prediction]]
) -> dict:
    """Run ``extract`` on every article (timed) and return :func:`figures`."""
    total, seconds = Counts(), []
    for article in articles:
        started = time.perf_counter()
        predictions = extract(article)
        seconds.append(time.perf_counter() - started)
        total += score_article(predictions, article.gold)
    return figures(total, seconds)
