"""Score the extractor on a corpus of brat standoff attribution annotations (PolNeAR style).

A corpus directory holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``; the
alphabetically first ``.ann`` of a text is its gold. Each ``E`` line with a ``Content`` is one
gold attribution: the characters of its Content (and Content2) fragments. A prediction and a gold
match when they share at least half of the smaller one's characters (scored by
:mod:`.brat_scoring`). Pure functions, no Django.
"""

import csv
import re
from collections.abc import Iterable
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
    cue: str = ""

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
        cue = entities.get(roles.get("Cue", ""))
        gold.append(
            GoldAttribution(
                spans=merge_spans(spans),
                quoted=any(is_quoted(text[start:end]) for start, end in spans),
                source=" ".join(text[s:e] for s, e in source.spans) if source else None,
                source_start=source.spans[0][0] if source else None,
                cue=" ".join(text[s:e] for s, e in cue.spans) if cue else "",
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
