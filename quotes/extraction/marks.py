"""Single quotation marks (British style: ‘…’ and '…') told apart from apostrophes.

The rest of the extractor only knows double quotation marks and guillemets. A pair of single
marks that clearly encloses words is rewritten to “…” in a working copy of the text of the same
length, so every offset stays valid for the original. A mark is an apostrophe, not a quotation
mark, when a letter or digit follows it (``Russia’s``, ``won’t``, ``’90s``) or when it closes a
plural possessive (``the allies’ resolve``) and a later mark can close the quotation instead.
"""

import re

from .sentences import DASHES, QUOTE_CHARS

_OPENERS = "‘'"
_LEFT_FREE = set(" \t([{/" + DASHES + QUOTE_CHARS)
_AFTER_CLOSE = set(" \t.,;:!?)]}…" + DASHES + QUOTE_CHARS)
_POSSESSIVE_GAP = re.compile(r"\s+[a-z]")


def _opens(line: str, i: int) -> bool:
    if i > 0 and line[i - 1] not in _LEFT_FREE:
        return False
    rest = line[i + 1 : i + 3]
    return bool(rest) and not rest[0].isspace() and not re.match(r"\d\ds?\b", rest)


def _closes(line: str, i: int) -> bool:
    if i == 0 or line[i - 1].isspace():
        return False
    return i + 1 == len(line) or line[i + 1] in _AFTER_CLOSE


def _closing_mark(line: str, opened: int) -> int | None:
    """The mark closing the quotation opened at ``opened``, or None."""
    closer = "’" if line[opened] == "‘" else "'"
    candidates = [i for i in range(opened + 2, len(line)) if line[i] == closer and _closes(line, i)]
    for index, i in enumerate(candidates):
        possessive = line[i - 1] == "s" and _POSSESSIVE_GAP.match(line, i + 1)
        if possessive and index + 1 < len(candidates):
            continue
        return i
    return None


def _pairs(line: str) -> list[tuple[int, int]]:
    pairs = []
    i = 0
    while i < len(line):
        if line[i] in _OPENERS and _opens(line, i):
            close = _closing_mark(line, i)
            if close is not None and re.search(r"[A-Za-z]{2}", line[i + 1 : close]):
                pairs.append((i, close))
                i = close + 1
                continue
        i += 1
    return pairs


def double_single_quotes(text: str) -> str:
    """``text`` with single quotation marks that enclose a quotation turned into “ and ”."""
    chars = list(text)
    for line in re.finditer(r"[^\n]+", text):
        for opened, closed in _pairs(line.group()):
            chars[line.start() + opened] = "“"
            chars[line.start() + closed] = "”"
    return "".join(chars)


_TWO_APOSTROPHES = re.compile(r"''|’’|‘‘")
_CLOSING_THREE = re.compile(r"(?<=[^\s'])'''(?!')")


def double_apostrophes(text: str) -> str:
    """``text`` with a quotation mark typed as two apostrophes (''…'', as some newspapers'
    archives print it) turned into a double quotation mark and a space, the space on the side
    away from the quoted words, so that every offset stays the same."""

    def mark(match: re.Match[str]) -> str:
        following = text[match.end() : match.end() + 1]
        return ' "' if following.isalnum() or following in "([‘'" else '" '

    # "''... 'old-school,''' said": the single mark closes inside the double one first
    text = _CLOSING_THREE.sub("'\" ", text)
    return _TWO_APOSTROPHES.sub(mark, text)


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the inside of each span blanked (same length), marks kept, and the stop
    that ends a quotation kept too: “… is broken.” ends its sentence, and what follows is a
    sentence of its own."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    for start, end in spans:
        if end > start and text[end - 1] in ".!?" and text[end : end + 1] in QUOTE_CHARS:
            chars[end - 1] = text[end - 1]
    return "".join(chars)
