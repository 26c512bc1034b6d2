"""Folding of typography and finding a quote's span in its source text.

Machine-translated news prints the same words with curly or straight quotes, en or em dashes and
irregular spacing. A quote typed by a researcher must still be found in the article, and its span
must point into the article as stored. Every caller (model validation, the admin highlight, the
extractor) uses these functions, so "found in the source" means one thing everywhere.
"""

import hashlib
import re
import unicodedata
from functools import lru_cache

_FOLD_CHARS = {
    **dict.fromkeys("“”„‟«»″〝〞＂", '"'),
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=16)
def _fold_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Return the folded text and, for each folded character, its index in ``text``.

    Cached: an article's quotes are each validated against the same text (an import or the
    seed folds one article dozens of times)."""
    folded: list[str] = []
    origin: list[int] = []
    previous_was_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not previous_was_space:
                folded.append(" ")
                origin.append(index)
            previous_was_space = True
            continue
        previous_was_space = False
        replacement = _FOLD_CHARS.get(char)
        if replacement is None:
            replacement = unicodedata.normalize("NFKC", char)
        for piece in replacement:
            folded.append(piece)
            origin.append(index)
    return "".join(folded), tuple(origin)


_FOLD_TABLE = str.maketrans(_FOLD_CHARS)


def fold(text: str) -> str:
    """Typography-insensitive form of ``text``: straight quotes, hyphens, single spaces.

    Text that is ASCII once its quotes and dashes are straightened needs no NFKC pass (it is
    its own normal form): one translate and one substitution, not a loop per character."""
    plain = text.translate(_FOLD_TABLE)
    if plain.isascii():
        return _SPACE.sub(" ", plain).strip()
    return _fold_with_map(text)[0].strip()


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` span of ``needle`` in ``text``, compared after folding both.

    The spans index into ``text`` as given, so ``text[start:end]`` is the quote as printed.
    """
    folded_needle = fold(needle)
    if not folded_needle:
        return []
    folded_text, origin = _fold_with_map(text)
    spans = []
    position = folded_text.find(folded_needle)
    while position != -1:
        last = position + len(folded_needle) - 1
        spans.append((origin[position], origin[last] + 1))
        position = folded_text.find(folded_needle, position + 1)
    return spans


def find_span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The ``occurrence``-th span of ``needle`` in ``text`` (1-based), or None if absent."""
    spans = find_spans(text, needle)
    if occurrence < 1 or occurrence > len(spans):
        return None
    return spans[occurrence - 1]


def spans_overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Two spans are the same quote when they overlap by at least half of the shorter one.

    Used by a re-import (not proposing a quote twice) and by the extraction evaluation alike.
    """
    shared = min(first[1], second[1]) - max(first[0], second[0])
    shorter = min(first[1] - first[0], second[1] - second[0])
    return shorter > 0 and shared * 2 >= shorter


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraph(s) of ``text`` that contain ``[start, end)``."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    return paragraph_start, len(text) if paragraph_end == -1 else paragraph_end


def content_hash(text: str) -> str:
    """SHA-256 of the folded text: the same article with other typography is a duplicate."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()


# A spreadsheet evaluates a cell that starts with one of these (OWASP, "CSV Injection"); a cell
# that starts with the quote mark itself is marked too, so that taking one leading ' off every
# text cell that has one always gives the original text back.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def spreadsheet_safe(value):
    """``value`` as a spreadsheet cell that no spreadsheet program evaluates: a text starting
    with =, +, -, @, a tab, a carriage return or ' gets a leading '; numbers, dates and every
    other text are returned unchanged. Every CSV and XLSX export calls this."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_original(value):
    """The inverse of ``spreadsheet_safe``: the leading ' taken off a text that starts with ' and
    then one of the characters above; every other value is returned unchanged."""
    if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


# What XML 1.0 cannot carry, and the other C0 and C1 control characters: a name holding one
# breaks the SVG charts and confuses spreadsheets. Tab, newline and carriage return (a browser
# sends a textarea's lines as CRLF) are text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control_characters(text: str) -> tuple[str, int]:
    """``text`` without its control characters, and how many there were."""
    return CONTROL_CHARACTERS.subn("", text)
