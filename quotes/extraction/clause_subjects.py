"""The subject of a speech verb whose clause is joined to another: "…, while Cruz said",
"Cruz knocked Rubio and called him “…”", "when many commentators called him “…”", "The
candidate … by saying, “…”". :mod:`.subjects` asks these before its general reading of the
words before the verb."""

import re

from .attribution import Discourse
from .lexicon import ORGANISATION_NOUNS, PERSON_ROLES, SUBORDINATORS
from .mentions import Mention

# lowercase words ending in "s" that are no plural group
NOT_GROUPS = {"was", "has", "does", "this", "thus", "its", "his", "hers", "ours", "yours", "less"}

_JOINED = re.compile(r",\s+(?:after|before|when|while|whereas|until|but|and|yet)\s+$")
# a verb joined to the one before it, with no subject of its own: "… and called him"
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:(?:[a-z]+ly|then|also|later)\s+)?$")
# a lowercase plural right before the verb, opening a clause: "when many commentators called"
_GROUP_BEFORE = re.compile(
    r"(?:^|\b(?:when|while|as|after|before|since|because|and|but)\s+|,\s+)"
    r"(?P<phrase>(?:(?:many|some|several|most|few|other|[a-z]+ing|[a-z]+al)\s+)?"
    r"(?P<head>[a-z]{3,}(?<!s)(?<!ss)s))\s+$"
)
# a poll's share of respondents right before the verb, opening its clause
_SHARE_BEFORE = re.compile(
    r"(?:^|[,;]\s+|\b(?:and|but|while|whereas)\s+)(?P<phrase>"
    r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Jj]ust|[Oo]nly|[Aa]n average of|"
    r"[Mm]ore than)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:percent|per cent|%)|[\w-]+ in (?:10|\d+)|[Mm]ost|[Hh]alf)"
    r"(?:\s+of\s+[^,;.“”\"]{1,60}?)?)\s+(?:(?:also|still)\s+)?$"
)
# a definite description opening the sentence, followed by its verb
_DESCRIBED_SUBJECT = re.compile(
    r"((?:The|This|That)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z][\w-]*[a-z]))"
    r"\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|s)\b"
)
# a plural of people opening the sentence, with its complement: "Attorneys for Clinton appeared"
_GROUP_SUBJECT = re.compile(
    r"((?P<head>[A-Z][a-z]{2,}s)(?:\s+(?:for|of|on|at|in|from)\s+(?:the\s+)?"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?)\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|s)\b"
)
_CLAUSE_OPENER = re.compile(rf"(?:\b(?:{SUBORDINATORS}|as|if|where)|[,;])\s*$")


def joined_subject(discourse: Discourse, start: int, verb_at: int, mentions) -> Mention | None:
    """ "Rubio suggested that …, while Cruz said": the name right before the verb, after a
    conjunction that opens a clause of its own, however long the sentence before it."""
    before = [m for m in mentions if m.end <= verb_at]
    if not before or discourse.masked[before[-1].end : verb_at].strip():
        return None
    joined = _JOINED.search(discourse.masked, start, before[-1].start)
    return before[-1] if joined else None


def group_before(discourse: Discourse, start: int, verb_at: int, before) -> Mention | None:
    """ "…, when many commentators called him": a lowercase plural opening the verb's clause
    is a group, not the names earlier in the sentence; so is a poll's share of respondents
    ("About four in 10 said", "14 percent said", "most said")."""
    share = _SHARE_BEFORE.search(discourse.masked[start:verb_at])
    if share is not None:
        at, phrase = start + share.start("phrase"), share.group("phrase")
        name = phrase[:1].upper() + phrase[1:]
        return Mention(at, at + len(phrase), "anonymous", name, name)
    group = _GROUP_BEFORE.search(discourse.masked[start:verb_at])
    if group is None or group.group("head") in NOT_GROUPS:
        return None
    at, phrase = start + group.start("phrase"), group.group("phrase")
    if [m for m in before if m.end > at and m.kind != "nominal"]:
        return None
    return Mention(at, at + len(phrase), "nominal", phrase, phrase, group["head"])


def coordinated_subject(
    discourse: Discourse, start: int, verb: re.Match[str], before, position: int
) -> Mention | None:
    """The subject of a verb with none of its own: the clause's subject before "and"
    ("Cruz knocked Rubio on trade and called him"), or the description opening the sentence
    ("The candidate appeared to … by saying")."""
    clause = discourse.masked[start:position]
    coordinated = _COORDINATED.search(clause, 0, verb.start())
    participle = verb.group().lower().endswith("ing")
    if coordinated and before and not participle:
        return _clause_subject(discourse, start, start + coordinated.start(), before)
    if before or not (coordinated or participle):
        return None
    sentence = discourse.sentence_start(position)
    opening = _DESCRIBED_SUBJECT.match(discourse.masked, sentence)
    if opening is not None and opening.group("head").lower() not in PERSON_ROLES:
        opening = None
    group = _GROUP_SUBJECT.match(discourse.masked, sentence)
    if opening is None and group and group.group("head").lower()[:-1] in PERSON_ROLES:
        opening = group  # "Attorneys for Clinton appeared to oppose it, saying …"
    if opening is None or opening.end() > start + verb.start():
        return None
    text, at = opening.group(1), opening.start(1)
    return Mention(at, at + len(text), "nominal", text, text, opening.group("head").lower())


def _clause_subject(discourse: Discourse, start: int, joined_at: int, before) -> Mention | None:
    """The subject of the clause a coordinated verb joins: the last mention before
    ``joined_at`` that opens a clause and is followed by its verb."""
    for mention in reversed([m for m in before if m.end <= joined_at and m.kind != "relative"]):
        # "Sen. Chuck Grassley downplayed …": a title before the name still opens the clause
        lead = discourse.masked[start : mention.start].strip()
        opens = re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+)*(?:[A-Z][\w.’'-]*)?", lead) or (
            _CLAUSE_OPENER.search(discourse.masked, start, mention.start)
        )
        follows = discourse.masked[mention.end : mention.end + 40]
        if (
            opens
            and re.match(r"\s+(?:[a-z]+ly\s+)?[a-z]{2,}", follows)
            and not re.match(r"\s+(?:and|or|of|who|which|that)\b", follows)
        ):
            return mention
    return None


# "The retired neurosurgeon addressed …": a description and a finite verb open the sentence
_DESCRIBED_OPENING = re.compile(
    r"\s*(?P<phrase>(?:The|A|An)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z][\w-]*[a-z]))"
    r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|s)|began|went|took|made|gave|came|got|left|met|sat|"
    r"stood|ran|held|kept|spent|spoke|wrote|told|said)\b"
)


def _is_person_noun(word: str) -> bool:
    return (
        word in PERSON_ROLES or re.search(r"(?:[^e]er|or|ist|ian|man|woman|eon)$", word) is not None
    )


# "The town released a statement Wednesday saying …": the document says whose words follow
_STATEMENT = re.compile(r"\b(?:statement|release|letter|memo|post)\b")


def described_opening(start: int, clause: str, verb: re.Match[str]) -> Mention | None:
    """ "The billionaire businessman began by talking about …, saying that …", "The town
    released a statement saying …": the description opening the sentence is the subject of a
    participle after a comma or a document."""
    opening = _DESCRIBED_OPENING.match(clause)
    if not (
        opening
        and verb.group().lower().endswith("ing")
        and (clause[: verb.start()].rstrip().endswith(",") or _STATEMENT.search(clause))
        and (_is_person_noun(opening.group("head")) or opening.group("head") in ORGANISATION_NOUNS)
    ):
        return None
    text = opening.group("phrase")
    at = start + opening.start("phrase")
    return Mention(at, at + len(text), "nominal", text, text, opening.group("head"))
