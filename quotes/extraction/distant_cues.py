"""Attributions away from the quotation's own clause: one that closes the sentence after more
words, and the headline conventions of a name before a colon and "X Says …"."""

import re

from .attribution import Discourse
from .clause_after import subject_after
from .lexicon import SECTION_LABELS
from .mentions import Mention, find_mentions
from .names import name_keys
from .sentences import QUOTE_CHARS
from .spans import RawQuote
from .subjects import _speech_verbs


def subject_at_sentence_end(discourse: Discourse, position: int) -> tuple[Mention | None, str]:
    """The speaker of an attribution that closes the sentence after more words ("… they need
    to win, party spokesman Neil Sroka said." / "…, says Evan Tracey, a consultant.")."""
    masked = discourse.masked
    end = discourse.sentence_end(position)
    # "… carry “a great deal of weight” and bring the “firepower” they need, Sroka said.":
    # the closing attribution covers every quotation of the sentence (one with an attribution
    # of its own right after it never gets here)
    marks = [i for i in range(position, end) if masked[i] in QUOTE_CHARS]
    if marks:
        position = marks[-1] + 1
    commas = [m.start() for m in re.finditer(r",\s", masked[position:end])]
    for comma in reversed(commas):
        at = position + comma
        if len(masked[at:end].split()) > 14:
            break
        mention, clause, tight = subject_after(discourse, at)
        if mention is not None and tight:
            return mention, clause
    return None, ""


def headline_speaker(discourse: Discourse, position: int) -> Mention | None:
    """The name that opens a line before a colon, the headline convention
    ("Okonkwo: Budget 'is balanced'", "EU chief: 'No deal'")."""
    p_start = discourse.paragraph(position)[0]
    opening = re.match(r"\s*([^:\n“”\"]{2,60}?):\s", discourse.masked[p_start:position])
    if not opening or len(opening.group(1).split()) > 6 or _speech_verbs(opening.group(1)):
        return None  # "Earlier, Lavrov noted: “…”" is an attribution clause, not a headline
    if opening.group(1).strip().lower() in SECTION_LABELS:
        return None  # "Analysis: …" names the kind of article
    named = discourse.mentions_in(p_start, p_start + opening.end(1))
    # "Clinton: “…” Bush: “…”": a later label right before the quotation names its speaker
    later = _LABEL_BEFORE.search(discourse.masked, p_start + opening.end(), position)
    if later and not _speech_verbs(later.group(1)):
        named = discourse.mentions_in(later.start(1), later.end(1)) or named
    actors = [m for m in named if m.kind in ("person", "institution", "anonymous", "nominal")]
    return actors[-1] if actors else None


_LABEL_BEFORE = re.compile(r"(?<=[.!?”\"] )([A-Z][^:\n“”\".!?]{1,40}?):\s*[“\"]?$")


# "Francois Hollande Says …", "…, Trevor Noah Says.", "Trump Just Announced …": in a headline
# the capitalised speech verb ends the name before it
_HEADLINE_VERB = re.compile(
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){1,4}?)(?:(?:Just|Now|Also|Is Now)\s+)?"
    r"(?:Says|Said|Calls|Called|Calling|Tells|Told|Slams|Blasts|Warns|Admits|Claims|Announces|"
    r"Announced|Urges|Vows|Insists|Argues|Accuses|Rips|Mocks|Praises|Declares|Finds|Found|"
    r"Explains|Asks|Questions|Dismisses|Defends|Denies|Rejects|Writes|Tweets)\b"
)
_SMALL = {"the", "a", "an", "of", "and", "to", "in", "on", "for", "with", "at", "by", "from"}


def headline_verb_speaker(discourse: Discourse, position: int) -> Mention | None:
    """The speaker of a quotation in the article's headline (its first line) that names them
    before a capitalised speech verb."""
    if not discourse.paragraphs or discourse.paragraph(position) != discourse.paragraphs[0]:
        return None
    line_start, line_end = discourse.paragraphs[0]
    masked = discourse.masked
    for match in _HEADLINE_VERB.finditer(masked, line_start, line_end):
        words = match.group("name").split()
        while words and words[0].lower() in _SMALL:
            words = words[1:]
        if not words:
            continue
        start = match.start("name") + match.group("name").index(words[0])
        end = start + len(" ".join(words))
        found = [
            m
            for m in discourse.mentions_in(start, end)
            or find_mentions(
                masked,
                start,
                end,
                discourse.known,
                discourse.outlet,
                strict=False,
                extra_surnames=discourse.people.surnames(),
            )
            if m.kind in ("person", "institution")
        ]
        if found:
            return _named_in_body(discourse, found[-1], line_end)
    return None


def _named_in_body(discourse: Discourse, mention: Mention, line_end: int) -> Mention:
    """The article's own mention of the person a headline names by surname ("Okonkwo Warns …"
    ¶ "The senator Chidi Okonkwo …"), which the title-case headline runs into other words."""
    keys = name_keys(mention.name) if mention.kind == "person" else ()
    for other in discourse.mentions:
        other_keys = name_keys(other.name) if other.kind == "person" else ()
        if other.start >= line_end and keys and other_keys and other_keys[-1] == keys[-1]:
            return other
    return mention


# "EU chief: …", "Nato boss warns …": a body's leader named by a generic noun, no name
_LEADER_LABEL = re.compile(
    r"\s*(?P<org>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}?)(?:['’]s)?\s+"
    r"(?P<noun>(?i:chief|boss|head|leader|supremo|chair))\b(?!\s+[A-Z])"
)
_LEADER_TITLES = re.compile(
    r"\b(?:president|secretary[- ]general|chief|head|leader|chair(?:man|woman)?|"
    r"director(?:[- ]general)?|commissioner|governor)\b",
    re.IGNORECASE,
)


def headline_leader(discourse: Discourse, position: int):
    """The person a headline calls "EU chief" or "Nato boss": of the people the article gives a
    leader's title ("European Commission President", "Secretary General"), the one whose
    title names the body (by name or initials), else the first such person if the lede names
    them; None when the headline has no such label or the article no such person."""
    if not discourse.paragraphs or discourse.paragraph(position) != discourse.paragraphs[0]:
        return None
    line_start = discourse.paragraphs[0][0]
    label = _LEADER_LABEL.match(discourse.masked, line_start, position)
    if label is None or not label.group("org")[:1].isupper():
        return None
    org = label.group("org").lower()
    if len(org) < 2 or org in ("the", "an", "its", "his", "her", "their", "our"):
        return None  # "The chief says …", "Their leader: …" name no body
    leaders, first_seen = [], {}
    for mention in discourse.mentions:
        entity = discourse.entity_of.get(mention.start)
        if mention.start < label.end() or entity is None or entity in leaders:
            continue
        if any(_LEADER_TITLES.search(role) for role in entity.roles):
            leaders.append(entity)
            first_seen[id(entity)] = mention.start

    def names_org(entity) -> bool:
        for role in entity.roles:
            initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w-]*", role)).lower()
            if org in role.lower() or org == initials or org in initials:
                return True
        return False

    chosen = next((e for e in leaders if names_org(e)), None)
    lede = discourse.paragraphs[1] if len(discourse.paragraphs) > 1 else (0, 0)
    if chosen is None and leaders and first_seen[id(leaders[0])] < lede[1]:
        chosen = leaders[0]  # the headline sums up the lede: its titled leader
    return chosen.speaker if chosen is not None else None


def _folded(words: str) -> str:
    return " ".join(re.findall(r"\w+", words.lower()))


def repeated_headline(text: str, quote: RawQuote, quotes: list[RawQuote]) -> bool:
    """A quotation in a headline ("Lavrov: “The West has declared war”") that the article
    quotes again in its body: the body quotation, with its attribution, is the one proposed."""
    p_start, p_end = quote.para
    if text[p_start:p_end].rstrip(QUOTE_CHARS + " ")[-1:] in ".!?…" or quote.depth:
        return False
    body = _folded(text[quote.start : quote.end])
    return bool(body) and any(
        other.para != quote.para and body in _folded(text[other.start : other.end])
        for other in quotes
    )
