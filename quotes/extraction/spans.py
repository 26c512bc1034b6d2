"""Finding quotation spans in messy news typography.

Quotation marks are classified as opening or closing from their surroundings rather than
their glyph, because translated press prints “ and ” the wrong way round, puts a space before a
closing mark, nests marks of the same kind and loses marks altogether. Russian-style dialogue
quoting is handled too: a paragraph opening with a dash is a quotation, and ``, – he said. –``
inside a quotation splits it into two parts around the attribution.
"""

import re
from dataclasses import dataclass

from .lexicon import SPEECH_VERB_RE
from .sentences import DASHES, QUOTE_CHARS, paragraphs, word_count

OPENING_GLYPHS = "“„«〝‟"
CLOSING_GLYPHS = "”»〞″"
_LEFT_FREE = set(" \t([{/" + DASHES)
_RIGHT_FREE = set(" \t.,;:!?)]}…" + DASHES)
_DASH = rf"[{DASHES}]"
# ", – he said, in particular. And he added: – " inside a quotation.
_BREAK = re.compile(
    rf"[,.!?…]\s*{_DASH}\s+(?P<attr>[^\n{QUOTE_CHARS}–—]{{2,220}}?)"
    rf"(?:(?P<cont>[.:,])\s*{_DASH}\s+|(?P<stop>[.!?])\s*$)"
)
# After a closed quotation and its attribution: "…," X told Izvestia. – More words.
_CONTINUATION = re.compile(rf"[.:,]\s*{_DASH}\s+(?=\S)")
# "X said: – Words." without quotation marks.
_COLON_DASH = re.compile(rf":\s*{_DASH}\s+(?=\S)")
_LEADING_DASH = re.compile(rf"{_DASH}\s+(?=\S)")
# A sentence of the reporter's inside a quotation: "This was previously stated by X, …".
_NARRATION = re.compile(
    r"(?<=[.!?] )(?:This|That|It) was (?:\w+ )?(?:stated|said|reported|announced|noted|told|"
    r"mentioned|declared|voiced|expressed) (?:[\w’'-]+ ){0,4}?by [^.!?]*[.!?]\s*"
)
_BOUNDARY = re.compile(r"[.!?:](?:[\"”»)]*)\s+")


@dataclass
class RawQuote:
    """A quotation span: ``start``/``end`` exclude the marks; ``group`` links parts of one quote."""

    start: int
    end: int
    group: int
    para: tuple[int, int]
    depth: int = 0  # 0 = top level, 1 = nested inside another quotation
    how: str = "marks"  # marks | dash | split | orphan | unclosed | continued


def _mark_role(para: str, i: int, depth: int) -> str:
    """'open' or 'close' for the quotation mark at ``para[i]``, judged from its neighbours."""
    glyph = para[i]
    left_free = i == 0 or para[i - 1] in _LEFT_FREE or para[i - 1] in QUOTE_CHARS
    rest = para[i + 1 :]
    right_free = not rest or rest[0] in _RIGHT_FREE or rest[0] in QUOTE_CHARS
    at_end = not rest.strip(" .,;:!?…)" + QUOTE_CHARS)
    if left_free and not right_free:
        if depth:
            before = para[:i].rstrip()
            # "…frozen, ”the ministry said": a closing mark typed with the space on the wrong side.
            if glyph in CLOSING_GLYPHS or (
                glyph not in OPENING_GLYPHS and before and before[-1] in ",.!?…"
            ):
                return "close"
        return "open"
    if right_free and not left_free:
        return "close"
    if left_free and right_free:  # spaces on both sides: " ” " or " “" at the end
        if depth or at_end:
            return "close"
        return "open" if glyph in OPENING_GLYPHS else "close"
    if glyph in OPENING_GLYPHS:
        return "open"
    if glyph in CLOSING_GLYPHS:
        return "close"
    return "close" if depth else "open"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    strip = " \t\n" + QUOTE_CHARS + DASHES
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip + ",;":
        end -= 1
    return start, end


def _pair_marks(text: str, bounds: tuple[int, int]):
    """Pairs (open, close) with depth, orphan closing marks, and unclosed opening marks."""
    p_start, p_end = bounds
    para = text[p_start:p_end]
    stack: list[int] = []
    lead = _LEADING_DASH.match(para)
    if lead:
        stack.append(-1)  # a dash opening the paragraph opens a quotation
    pairs, orphans = [], []
    for i, char in enumerate(para):
        if char not in QUOTE_CHARS:
            continue
        if _mark_role(para, i, len(stack)) == "open":
            stack.append(i)
        elif stack:
            opened = stack.pop()
            pairs.append((opened, i, len(stack)))
        else:
            orphans.append(i)
    return para, lead, pairs, orphans, stack


def _orphan_start(para: str, close: int, pairs: list[tuple[int, int, int]]) -> int:
    """Where a quotation whose opening mark was lost most likely begins."""
    before = [p for p in pairs if p[1] < close and p[2] == 0]
    long_ones = [p for p in before if word_count(para[p[0] + 1 : p[1]]) >= 4]
    if long_ones:
        match = _BOUNDARY.search(para, long_ones[-1][1], close)
        if match:
            return match.end()
    floor = before[-1][1] + 1 if before else 0
    colons = [m for m in re.finditer(r":\s+", para[floor:close])]
    return floor + colons[-1].end() if colons else 0


def _split_breaks(text: str, quote: RawQuote) -> list[RawQuote]:
    """Split a quotation at Russian-style attributions: "…, – he said. – …", and around a
    reporter's sentence that translation left inside the marks ("This was stated by X …")."""
    parts = []
    cursor = quote.start
    for match in _NARRATION.finditer(text, quote.start, quote.end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    for match in _BREAK.finditer(text, cursor, quote.end):
        attr = match.group("attr")
        if not SPEECH_VERB_RE.search(attr) or word_count(attr) > 25:
            continue
        if match.group("stop") is None and match.group("cont") is None:
            continue
        parts.append((cursor, match.start() + 1))
        cursor = match.end() if match.group("cont") else quote.end
    if not parts:
        return [quote]
    parts.append((cursor, quote.end))
    result = []
    for start, end in parts:
        start, end = _trim(text, start, end)
        if end > start:
            result.append(RawQuote(start, end, quote.group, quote.para, quote.depth, "split"))
    return result


def _continuation(text: str, para_bounds, after: int, limit: int) -> tuple[int, int] | None:
    """A dash-introduced continuation after a quotation's attribution, e.g. "… told X. – More"."""
    match = _CONTINUATION.search(text, after, limit)
    if not match:
        return None
    attribution = text[after : match.start()]
    if not SPEECH_VERB_RE.search(attribution) or any(c in QUOTE_CHARS for c in attribution):
        return None
    if word_count(attribution) > 40:
        return None
    return match.end(), limit


def find_quotes(text: str) -> list[RawQuote]:
    """All quotation spans of ``text`` in order; nested ones have ``depth`` 1."""
    quotes: list[RawQuote] = []
    group = 0
    previous_unclosed: RawQuote | None = None
    for bounds in paragraphs(text):
        p_start, p_end = bounds
        para, lead, pairs, orphans, unclosed = _pair_marks(text, bounds)
        found: list[RawQuote] = []
        for opened, closed, depth in pairs:
            start = p_start + (lead.end() if opened == -1 else opened + 1)
            found.append(
                RawQuote(
                    start, p_start + closed, -1, bounds, depth, "dash" if opened == -1 else "marks"
                )
            )
        for close in orphans:
            start = p_start + _orphan_start(para, close, pairs)
            found.append(RawQuote(start, p_start + close, -1, bounds, 0, "orphan"))
            if text[p_start:p_end].lstrip()[:1] in DASHES:
                found[-1].how = "dash"
        for opened in unclosed[:1]:  # the outermost unclosed mark runs to the paragraph end
            start = p_start + (lead.end() if opened == -1 else opened + 1)
            found.append(
                RawQuote(start, p_end, -1, bounds, 0, "dash" if opened == -1 else "unclosed")
            )
        found.sort(key=lambda q: (q.start, -q.end))
        top: list[RawQuote] = []
        for quote in found:
            if any(o.start <= quote.start and quote.end <= o.end for o in top):
                quote.depth = max(quote.depth, 1)
            elif quote.depth == 0:
                top.append(quote)
        nested = [q for q in found if q.depth > 0]
        # A paragraph opening with a quotation mark continues an unclosed one before it.
        continues = (
            previous_unclosed is not None
            and top
            and text[p_start] in QUOTE_CHARS
            and top[0].start == p_start + 1
        )
        previous_unclosed = None
        para_quotes: list[RawQuote] = []
        for index, quote in enumerate(top):
            if index == 0 and continues:
                quote.group = quotes[-1].group if quotes else group
                quote.how = "continued" if quote.how == "marks" else quote.how
            elif quote.how == "orphan" and para_quotes:
                quote.group = para_quotes[-1].group  # the rest of a quotation split by its source
            else:
                group += 1
                quote.group = group
            para_quotes.append(quote)
            limit = top[index + 1].start - 1 if index + 1 < len(top) else p_end
            extra = _continuation(text, bounds, quote.end + 1, limit)
            if extra and quote.how in ("dash", "marks", "orphan"):
                para_quotes.append(RawQuote(extra[0], extra[1], quote.group, bounds, 0, "dash"))
        if not top:
            match = _COLON_DASH.search(para)
            if match and SPEECH_VERB_RE.search(para[: match.start()]):
                group += 1
                para_quotes.append(RawQuote(p_start + match.end(), p_end, group, bounds, 0, "dash"))
        for quote in para_quotes:
            quote.start, quote.end = _trim(text, quote.start, quote.end)
            for part in _split_breaks(text, quote):
                if part.end > part.start:
                    quotes.append(part)
            if quote.how == "unclosed" and quote.end >= p_end - 2:
                previous_unclosed = quote
        for quote in nested:
            quote.start, quote.end = _trim(text, quote.start, quote.end)
            if quote.end > quote.start:
                group += 1
                quote.group = group
                quotes.append(quote)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes
