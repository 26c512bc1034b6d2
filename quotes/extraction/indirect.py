"""Clear indirect speech: "X said that …", "According to X, …", "as X said, …",
"X believes that …", and "This was reported to <Outlet> by <source>." after a statement.

The proposal's text is the reported clause. A clause is only proposed when a speaker mention
(person, institution, anonymous source, pronoun or role reference) stands in the subject slot;
"the political establishment believes that …" is opinion, not a quotable source.
"""

import re
from dataclasses import dataclass

from .attribution import Discourse
from .candidates import sentence_subject
from .lexicon import REPORTING_VERBS, SPEECH_VERBS
from .mentions import Mention
from .model import Speaker, undecided
from .sentences import QUOTE_CHARS, paragraphs, sentence_spans, word_count
from .spans import RawQuote
from .subjects import subject_head

_REPORTING = "|".join(sorted((re.escape(v) for v in REPORTING_VERBS), key=len, reverse=True))
_SPEECH = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
_ACCORDING = re.compile(
    r"(?:^|,\s+|^[A-Z]\w*,\s+)according to (?P<subj>[^,]{2,120}?),\s+"
    r"(?P<clause>.+)$",
    re.I,
)
# "Turnout rose 5 percent, according to exit polls." (the source closes the sentence)
_ACCORDING_AFTER = re.compile(
    r"^(?P<clause>[A-Z].{15,}?),\s+according to (?P<subj>[^,]{2,150}?)(?:,[^,]{0,80})?[.!]?$"
)
# "In his state, Christie said, offenders are sent to treatment." (the source in the middle)
_SAID_BETWEEN = re.compile(
    r"^(?P<pre>[A-Z][^,]{3,}?),\s+(?P<subj>[^,]{2,60}?)\s+(?P<verb>said|says|added|argued|"
    r"noted|wrote|explained|contended|insisted|warned),\s+(?P<post>[a-z].{15,})$"
)
_AS_SAID = re.compile(
    rf"(?:^|\b)as (?:(?P<subj>[^,]{{2,120}}) (?:{_SPEECH})\b[^,]{{0,60}}|"
    rf"(?:{_SPEECH}) (?:[^,]{{0,40}} )?by (?P<agent>[^,]{{2,120}}?)),\s+"
    rf"(?P<clause>.+)$",
    re.I,
)
_THAT = re.compile(
    rf"\b(?P<verb>{_REPORTING})\b(?P<gap>(?: [^,.;:]{{0,120}}?)?) that "
    rf"(?P<clause>.+)$"
)
_THIS_WAS = re.compile(
    r"^(?:This|That|It) was (?:\w+ )?(?:reported|told|stated|said|announced|"
    r"confirmed|noted|explained) (?:to (?P<outlet>[\w .’'-]+?) )?by "
    r"(?P<agent>.+?)[.!]?$"
)
_BARE = re.compile(
    r"\b(?P<verb>told (?:reporters|journalists|lawmakers|supporters|the [a-z]+|[A-Z][\w.’'-]+"
    r"(?: [A-Z][\w.’'-]+)?)|said|says|say|stated|added|warned|warn|warns|stressed|explained|"
    r"argued|argues|argue|noted|notes|claimed|claims|insisted|insists|contended|contends|predicted|predicts|"
    r"acknowledged|acknowledges|admitted|admits|maintained|maintains|"
    r"suggested|suggests|conceded|concedes)"
    # "said Tuesday it had …": a day stands between; "said Oslo would …" opens the clause
    r"(?: (?P<obj>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))? (?P<clause>[^,].+)$"
)
# "Russia will not accept the deal, the Kremlin said on Tuesday." (wire style, no "that").
_SAID_AFTER = re.compile(
    rf"^(?P<clause>.+?),\s+(?:(?P<subj>[^,]{{2,90}}?)\s+(?P<verb>{_REPORTING})|"
    rf"(?P<verb2>said|says|added|stated|noted|warned|explained|stressed)\s+"
    rf"(?P<subj2>[^,]{{2,90}}?))(?:[ ,][^,]{{0,80}})?[.!]?$"
)
# "said at least 12 civilians had been killed": a number, not a place or time
_AT_LEAST = re.compile(r"at (?:least|most) \d")
# "according to one diplomat": someone the article does not name
_UNNAMED_SOURCE = re.compile(
    r"(?:one|an?|another|two|three|several)\s+(?:[a-z]+\s+){0,2}"
    r"(?:diplomats?|officials?|sources?|analysts?|experts?|insiders?)"
)
# capitalised words with "of", "the", "for": a title printed before the name
_TITLE_PHRASE = re.compile(r"(?:(?:[A-Z][\w.’'-]*|of|the|for|and|on)\s+)+")
_AUXILIARY = re.compile(
    r"\s+(?:will|would|is|was|has|had|have|are|were|can|could|should|must|may|might|did|does)\b"
)
_NOT_CLAUSE_START = {
    "on",
    "in",
    "at",
    "to",
    "that",
    "during",
    "after",
    "before",
    "later",
    "earlier",
    "yesterday",
    "today",
    "last",
    "this",
    "with",
    "about",
    "of",
    "for",
    "by",
    "from",
    "so",
    "nothing",
    "goodbye",
    "hello",
    "as",
    "when",
    "while",
    "and",
    "but",
}
# "Peskov said the Kremlin would …": without "that", the words after the verb must be a clause.
_FINITE = re.compile(
    r"\b(?:would|will|had|has|have|was|were|is|are|could|should|might|must|"
    r"did|does|do|can|may|won['’]t|can['’]t|didn['’]t|wasn['’]t|isn['’]t)\b|\w['’](?:d|ll|s|re|ve)\b"
)
# a past tense also makes a clause: "the prime minister stood by his comments"
_PAST = re.compile(
    r"\b(?!(?:need|indeed|speed|seed|feed|bed|red|shed)\b)[a-z]{3,}ed\b|\b(?:stood|went|came|made|"
    r"took|gave|got|knew|thought|saw|felt|kept|left|lost|won|ran|began|became|held|brought|"
    r"found|meant|paid|sent|spent|wrote)\b"
)
# a time or manner between the verb and its clause: "said on Friday", "said in a statement"
_ADJUNCT = re.compile(
    r"(?:(?:on|late on|early on|last|this|earlier on) (?:[A-Z][a-z]+day|week|month|year|night|"
    r"morning|evening)|yesterday|today|in an? (?:statement|interview|email|post|letter|"
    r"briefing|speech|video)(?: on [A-Z][a-z]+)?),?\s+"
)
_SPEAKER_KINDS = ("person", "institution", "anonymous", "pronoun", "role", "definite_org")
_TRAILING = re.compile(
    r"[\s,;:–—-]*(?:\b(?:since|because|as|and|but|while|although|with|"
    r"so|that|which)\b)?[\s,;:–—-]*$",
    re.I,
)


@dataclass
class IndirectSpeech:
    start: int
    end: int
    context: str  # the sentence without the clause: where date cues are read
    subject: Mention | None

    def speaker(self, discourse: Discourse) -> Speaker:
        if self.subject is None:
            return undecided("no speaker found for the reported clause")
        return discourse.resolve(self.subject)


def _clause_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim the reported clause: stop before an embedded quotation, drop trailing joints."""
    mark = next((i for i in range(start, end) if text[i] in QUOTE_CHARS), None)
    if mark is not None:
        end = mark
    while start < end and text[start] in " ,":
        start += 1
    tail = _TRAILING.search(text[start:end])
    if tail:
        end = start + tail.start()
    if text[end : end + 1] == "." and mark is None:
        end += 1
    if word_count(text[start:end]) < 4:
        return None
    if mark is not None and not _FINITE.search(text[start:end]):
        return None  # "the statements of the ministry “do not …”": the subject of a quotation
    return start, end


def _subject(
    discourse: Discourse, start: int, end: int, last: bool, described: bool = False
) -> Mention | None:
    """The speaker mention of a slot; a description ("experts", "the two lawmakers") only with
    ``described``, for verbs of saying: "the expert community believes" is opinion."""
    mentions = [
        m
        for m in discourse.mentions_in(start, end)
        if m.kind
        in (
            "person",
            "institution",
            "anonymous",
            "pronoun",
            "role",
            "definite_org",
            "relative",
            *(("nominal",) if described else ()),
        )
    ]
    if not mentions:
        return None
    if last:  # "Analyst Maria Weber of the Carnegie Center believes": not the complement
        heads = [
            m
            for m in mentions
            if not re.search(
                r"\b(?:of|at|from|for|in|with|to)\s+(?:the\s+)?$", discourse.masked[start : m.start]
            )
        ]
        return (heads or mentions)[-1]
    return mentions[0]


def find_indirect(text: str, discourse: Discourse, quotes: list[RawQuote]) -> list[IndirectSpeech]:
    inside = [(q.start, q.end) for q in quotes if q.depth == 0]
    groups: dict[int, list[RawQuote]] = {}
    for quote in quotes:
        groups.setdefault(quote.group, []).append(quote)
    for parts in groups.values():  # between parts of one quotation: inside its marks
        if len(parts) > 1 and parts[0].para == parts[-1].para:
            inside.append((parts[0].start, parts[-1].end))
    found: list[IndirectSpeech] = []
    for p_start, p_end in paragraphs(text):
        previous: tuple[int, int] | None = None
        for s_start, s_end in sentence_spans(text, p_start, p_end):
            if any(a <= s_start and s_end <= b + 2 for a, b in inside):
                previous = None
                continue
            item = _match_sentence(text, discourse, s_start, s_end, previous)
            if item is not None and not any(
                a < item.end and item.start < b
                for a, b in inside
                if min(b, item.end) - max(a, item.start) >= (item.end - item.start) / 2
            ):
                found.append(item)
            has_quote = any(c in QUOTE_CHARS for c in text[s_start:s_end])
            previous = None if has_quote else (s_start, s_end)
    return found


def _match_sentence(text, discourse, s_start, s_end, previous) -> IndirectSpeech | None:
    sentence = text[s_start:s_end]
    this_was = _THIS_WAS.match(sentence)
    if this_was and previous is not None:
        agent_at = s_start + this_was.start("agent")
        subject = _subject(discourse, agent_at, s_end, last=False)
        span = _clause_span(text, *previous)
        if subject is not None and span:
            return IndirectSpeech(span[0], span[1], sentence, subject)
    for pattern in (_ACCORDING, _AS_SAID):
        match = pattern.search(sentence)
        if not match:
            continue
        group = "agent" if match.groupdict().get("agent") else "subj"
        subject = _subject(
            discourse, s_start + match.start(group), s_start + match.end(group), last=False
        )
        if subject is None and _UNNAMED_SOURCE.fullmatch(match.group(group)):
            subject = _described(text, s_start + match.start(group), s_start + match.end(group))
        span = _clause_span(text, s_start + match.start("clause"), s_end)
        if subject is not None and span:
            context = text[s_start : span[0]] + text[span[1] : s_end]
            return IndirectSpeech(span[0], span[1], context, subject)
    match = _ACCORDING_AFTER.match(sentence)
    if match and not any(c in QUOTE_CHARS for c in sentence):
        slot = (s_start + match.start("subj"), s_start + match.end("subj"))
        subject = _subject(discourse, *slot, last=False, described=True) or _described(text, *slot)
        span = _clause_span(text, s_start + match.start("clause"), s_start + match.end("clause"))
        if span:
            return IndirectSpeech(span[0], span[1], sentence[match.end("clause") :], subject)
    match = _SAID_BETWEEN.match(sentence)
    if match and not any(c in QUOTE_CHARS for c in sentence) and _FINITE.search(sentence):
        slot = (s_start + match.start("subj"), s_start + match.end("subj"))
        subject = _subject(discourse, *slot, last=True, described=True)
        if subject is not None and word_count(text[slot[0] : subject.start]) <= 3:
            context = sentence[match.start("subj") : match.end("verb")]
            return IndirectSpeech(s_start, s_end, context, subject)
    match = _THAT.search(sentence)
    if match and word_count(match.group("gap")) <= 15:
        subject = _subject_before_verb(discourse, s_start, s_start + match.start("verb"))
        span = _clause_span(text, s_start + match.start("clause"), s_end)
        if subject is not None and span:
            context = text[s_start : span[0]]
            return IndirectSpeech(span[0], span[1], context, subject)
    if any(c in QUOTE_CHARS for c in sentence):
        return None
    match = _SAID_AFTER.match(sentence)
    if match:
        found = _said_after(text, discourse, s_start, match)
        if found is not None:
            return found
    match = _BARE.search(sentence)
    if match:
        first = match.group("clause").split()[0].lower()
        subject = _subject(
            discourse, s_start, s_start + match.start("verb"), last=True, described=True
        )
        near = subject is not None and not sentence[
            subject.end - s_start : match.start("verb")
        ].strip(" ,")
        if not near:  # "Hogan Gidley, a former director …, said", "Cameron's spokesman said"
            verb_at = s_start + match.start("verb")
            mentions = [m for m in discourse.mentions_in(s_start, verb_at) if m.kind != "nominal"]
            subject = subject_head(discourse, s_start, verb_at, mentions)
            near = subject is not None and subject.kind in _SPEAKER_KINDS
        clause = match.group("clause")
        adjunct = _ADJUNCT.match(clause)
        if adjunct:  # "said on Friday it had shot down …"
            clause = clause[adjunct.end() :]
            first = clause.split()[0].lower() if clause.split() else first
        finite = _FINITE.search(clause) or _PAST.search(clause)
        if (
            near
            and finite
            and (first not in _NOT_CLAUSE_START or _AT_LEAST.match(clause))
            and word_count(match.group("clause")) >= 4
        ):
            skipped = adjunct.end() if adjunct else 0
            span = _clause_span(text, s_start + match.start("clause") + skipped, s_end)
            if span:
                return IndirectSpeech(span[0], span[1], text[s_start : span[0]], subject)
    return None


def _subject_before_verb(discourse: Discourse, start: int, verb_at: int) -> Mention | None:
    """The subject read as for quotations ("Josh Hendler, a top party operative, warned that"
    is Hendler, not the operative of the appositive), else the last speaker mention."""
    mentions = [m for m in discourse.mentions_in(start, verb_at) if m.kind != "nominal"]
    head = subject_head(discourse, start, verb_at, mentions)
    if head is None:  # "Clinton, who …, did not mention Trump, but told leaders that"
        head = sentence_subject(discourse, start, verb_at)
    if head is not None and head.kind in _SPEAKER_KINDS:
        return head
    return _subject(discourse, start, verb_at, last=True)


def _described(text: str, start: int, end: int) -> Mention:
    """A source named by a description ("exit polls", "his biography"): its last word decides
    what it stands for (see :mod:`.nominals`)."""
    words = re.findall(r"[\w’'-]+", text[start:end])
    name = text[start:end].strip()
    return Mention(start, end, "nominal", name, name, role=words[-1].lower() if words else "")


def _said_after(text, discourse, s_start, match) -> IndirectSpeech | None:
    """The clause before a trailing ", X said." when X is a speaker mention opening its slot."""
    group = "subj" if match.group("subj") else "subj2"
    slot_start, slot_end = s_start + match.start(group), s_start + match.end(group)
    subject = _subject(discourse, slot_start, slot_end, last=False, described=True)
    if subject is None:
        return None
    title = text[slot_start : subject.start]
    if word_count(title) > 3 and not _TITLE_PHRASE.fullmatch(title):
        return None  # a long title is fine: "Indian Minister of External Affairs S. Jaishankar"
    if group == "subj2" and _AUXILIARY.match(text, subject.end):
        return None  # "X, a member, said Trump will exceed …": Trump opens the reported clause
    if group == "subj" and _AUXILIARY.match(text, s_start + match.end("verb")):
        return None  # "…, a claim Berlin says was settled": the verb's clause is a relative one
    clause_start = s_start + match.start("clause")
    clause = text[clause_start : s_start + match.end("clause")]
    if not _FINITE.search(clause) and not re.search(r"\b\w+ed\b", clause):
        return None
    span = _clause_span(text, clause_start, s_start + match.end("clause"))
    if span is None or not text[span[0]].isupper():
        return None
    context = text[slot_start : s_start + match.end()]
    return IndirectSpeech(span[0], span[1], context, subject)
