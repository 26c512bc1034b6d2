"""Paragraphs and sentences of an article, as character spans into the text as stored."""

import re

from .lexicon import words

QUOTE_CHARS = '"“”„‟«»″〝〞＂'
DASHES = "-–—―"
_ABBREVIATIONS = words(
    """
mr mrs ms dr st gen col lt sgt prof jr sr no vs etc inc ltd co corp dept govt approx jan feb
mar apr jun jul aug sep sept oct nov dec mt ft fig p pp vol ed eds sen rep gov adm rev capt
maj sens reps
"""
)
# A sentence ends at . ! ? … (possibly followed by closing quotes/brackets) before whitespace.
_END = re.compile(r"[.!?…]+[\"”»’)\]]*(?=\s)|[.!?…]+[\"”»’)\]]*$")


# "MOSCOW (Reuters) — ", "BRUSSELS, March 1 (AFP) - ": a wire dateline opening a paragraph
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,\s*[A-Za-z0-9 .]+)?\s*(?:\([^)\n]{1,30}\))?"
    r"\s*[-–—]+\s+",
    re.M,
)


def blank_datelines(text: str) -> str:
    """``text`` with each wire dateline blanked (same length): the outlet in "BEIJING (Reuters)
    — China urged …" is who reports, never the subject of the sentence it opens."""
    return _DATELINE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text`` (one paragraph per line), whitespace trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    word = re.search(r"([A-Za-z]+)\.?$", text[max(0, dot - 12) : dot + 1])
    if not word:
        return False
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isupper()  # an initial: "O. Permanent", "S. Lavrov"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (a paragraph, usually)."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        following = text[stop : stop + 3].lstrip()
        if following and following[0].islower():
            continue  # "i.e. the", "U.S. officials"... or a lowercase continuation
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentence_at(text: str, position: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """The sentence (within paragraph ``bounds``) containing ``position``."""
    for span in sentence_spans(text, *bounds):
        if span[0] <= position < span[1]:
            return span
    return bounds


def word_count(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))
