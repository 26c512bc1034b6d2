"""Score the extractor on a corpus of brat standoff attribution annotations (PolNeAR style).

A corpus directory holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``; the
alphabetically first ``.ann`` of a text is its gold. Each ``E`` line with a ``Content`` is one
gold attribution: the characters of its Content (and Content2) fragments. A prediction and a gold
match when they share at least half of the smaller one's characters. Pure functions, no Django.
"""

import csv
import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

Span = tuple[int, int]

QUOTED_KINDS = ("direct", "partial")

_T_LINE = re.compile(r"(?P<label>\S+) (?P<spans>\d+ \d+(?:;\d+ \d+)*)$")
# Lines brat writes for annotations; anything else continues the surface text of the line before.
_ANNOTATION_LINE = re.compile(r"[TERANM#*]\d*\t")
_DOUBLE_MARK = re.compile(r"[\"“”„«»]")
_SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(]))[‘'](?=[^\W\d_])")
_DATE_IN_NAME = re.compile(r"[^_]+_(\d{4}-\d{2}-\d{2})(?:_|$)")
_CLAUSE = re.compile(r",\s*(?:who|which|that)\b.*", re.IGNORECASE | re.DOTALL)
_POSSESSIVE = re.compile(r"['’]s$")


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


class BratError(ValueError):
    """A corpus that cannot be read; the message names the file (and line)."""


class Prediction(Protocol):
    start: int
    end: int
    kind: str
    speaker_name: str | None


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its content's merged character spans and its Source."""

    spans: tuple[Span, ...]
    quoted: bool
    source: str | None = None
    source_start: int | None = None

    @property
    def size(self) -> int:
        return sum(end - start for start, end in self.spans)


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published_on: date
    outlet: str
    gold: tuple[GoldAttribution, ...]
    gold_file: str
    surface_mismatches: int = 0


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

    def __iadd__(self, other: "Counts") -> "Counts":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


@dataclass
class _Entity:
    label: str
    spans: list[Span]
    surface: str
    line: int
    extra_lines: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The article as the importer stores it (CRLF to LF, stripped, one final newline)."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BratError(f"{path}: not UTF-8 (byte {error.start})") from None
    return raw.replace("\r\n", "\n").strip() + "\n"


def is_quoted(content: str) -> bool:
    """Whether a content holds a double quotation mark or an opening single one."""
    return bool(_DOUBLE_MARK.search(content) or _SINGLE_OPENING.search(content))


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sorted, non-overlapping spans covering the same characters."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def parse_ann(ann: str, text: str, *, filename: str = "") -> tuple[list[GoldAttribution], int]:
    """The gold attributions of one ``.ann`` and how many spans' surface differs from ``text``.

    Raises :class:`BratError` naming the file and line for a malformed ``T`` line, offsets
    outside the text, or an ``E`` line referring to an unknown ``T``.
    """
    entities: dict[str, _Entity] = {}
    events: list[tuple[int, dict[str, str]]] = []
    last: _Entity | None = None
    for number, line in enumerate(ann.split("\n"), start=1):
        where = f"{filename}:{number}"
        if not _ANNOTATION_LINE.match(line):
            if last is not None:
                last.extra_lines.append(line)
            continue
        ident, _, rest = line.partition("\t")
        last = None
        if ident.startswith("T"):
            body, _, surface = rest.partition("\t")
            match = _T_LINE.match(body)
            if match is None:
                raise BratError(f"{where}: cannot read text-bound annotation {body!r}")
            spans = []
            for pair in match["spans"].split(";"):
                start, end = (int(value) for value in pair.split())
                if start > end or end > len(text):
                    raise BratError(
                        f"{where}: {ident} offsets {start} {end} are outside the text "
                        f"({len(text)} characters)"
                    )
                spans.append((start, end))
            last = entities[ident] = _Entity(match["label"], spans, surface, number)
        elif ident.startswith("E"):
            roles = {}
            for argument in rest.split():
                role, _, target = argument.partition(":")
                roles[role] = target
            events.append((number, roles))
    mismatches = sum(1 for entity in entities.values() if not _surface_agrees(entity, text))
    gold = []
    for number, roles in events:
        for role, target in roles.items():
            needed = target.startswith("T") or role in ("Content", "Content2", "Source")
            if needed and target not in entities:
                raise BratError(f"{filename}:{number}: {role} refers to unknown {target}")
        if "Content" not in roles:
            continue
        spans = [
            span
            for role in ("Content", "Content2")
            if role in roles
            for span in entities[roles[role]].spans
        ]
        source = entities.get(roles.get("Source", ""))
        gold.append(
            GoldAttribution(
                spans=merge_spans(spans),
                quoted=any(is_quoted(text[start:end]) for start, end in spans),
                source=" ".join(text[s:e] for s, e in source.spans) if source else None,
                source_start=source.spans[0][0] if source else None,
            )
        )
    return gold, mismatches


def _surface_agrees(entity: _Entity, text: str) -> bool:
    surface = "\n".join([entity.surface, *entity.extra_lines])
    found = " ".join(text[start:end] for start, end in entity.spans)
    return surface.split() == found.split()


def read_metadata(directory: Path) -> dict[str, dict[str, str]]:
    """Rows of every ``metadata*.tsv`` in ``directory``, keyed by file name without ``.txt``."""
    rows: dict[str, dict[str, str]] = {}
    for path in sorted(directory.glob("metadata*.tsv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            if "filename" not in (reader.fieldnames or []):
                raise BratError(f"{path}: no 'filename' column")
            for row in reader:
                rows[row["filename"].removesuffix(".txt")] = row
    return rows


def article_date(name: str, row: dict[str, str] | None, *, today: date) -> date:
    """The metadata's publication date, else one in the name (publisher_YYYY-MM-DD_slug)."""
    for value in [(row or {}).get("publication_date") or "", *_DATE_IN_NAME.findall(name)[:1]]:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            continue
    return today


def load_corpus(directory: Path, *, today: date) -> tuple[list[Article], list[str]]:
    """The annotated articles of a corpus, and the names of texts that have no ``.ann``."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise BratError(
            f"{directory} is not a brat corpus: it needs text/<name>.txt and "
            "attributions/<name>_<annotator>.ann"
        )
    ann_files: dict[str, list[Path]] = {}
    for path in ann_dir.glob("*.ann"):
        ann_files.setdefault(path.stem.rpartition("_")[0], []).append(path)
    metadata = read_metadata(directory)
    articles, unannotated = [], []
    for path in sorted(text_dir.glob("*.txt")):
        candidates = sorted(ann_files.get(path.stem, []), key=lambda p: p.name)
        if not candidates:
            unannotated.append(path.stem)
            continue
        text = read_text(path)
        gold_path = candidates[0]
        try:
            ann = gold_path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise BratError(f"{gold_path}: not UTF-8 (byte {error.start})") from None
        gold, mismatches = parse_ann(ann, text, filename=str(gold_path))
        row = metadata.get(path.stem)
        articles.append(
            Article(
                name=path.stem,
                text=text,
                published_on=article_date(path.stem, row, today=today),
                outlet=((row or {}).get("publisher") or "").strip(),
                gold=tuple(gold),
                gold_file=gold_path.name,
                surface_mismatches=mismatches,
            )
        )
    return articles, unannotated


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
    for gold in golds:
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
