"""The mention in subject position of a speech verb before a quotation in its sentence
("X explained: “…", "according to him, …", "Sanders said he was “encouraged”"); the clause
after a quotation is :mod:`.clause_after`'s, which reads its subject by the same rule.
"""

import re

from .attribution import Discourse
from .candidates import _NOT_A_NOUN, _candidates, sentence_subject
from .clause_subjects import (
    coordinated_subject,
    described_opening,
    group_before,
    joined_subject,
)
from .lexicon import ORGANISATION_NOUNS, OWNED_NOUNS, PERSON_ROLES, SPEECH_VERB_RE, SUBORDINATORS
from .mentions import Mention
from .sentences import QUOTE_CHARS

_ACCORDING = re.compile(r"\baccording to\b", re.I)


# "Ginsburg's comments", "the claims", "his remarks": the noun, not the verb.
_NOUN_BEFORE = re.compile(
    r"(?:['’]s|\b(?:the|a|an|his|her|their|its|these|those|such|many|some|our|your|my))\s+$",
    re.I,
)


def _speech_verbs(clause: str) -> list[re.Match[str]]:
    return [
        v for v in SPEECH_VERB_RE.finditer(clause) if not _NOUN_BEFORE.search(clause, 0, v.start())
    ]


_COMPLEMENT_GAP = re.compile(r"\s+(?:of|from|at|with|for|in)\s+(?:[Tt]he\s+)?")


def _head_before(discourse: Discourse, start: int, verb_at: int, mentions: list[Mention]):
    """The subject of ``[start, verb_at)`` before its verb: the last mention of the noun phrase
    once a trailing appositive is cut off ("Tad Devine, Sanders's chief strategist, said";
    "Daily News opinion editor Josh Greenman told")."""
    # a party label "(D-Mo.)" is part of the name phrase: blank it before looking for stops
    zone = re.sub(
        r"\([^()]{1,30}\)", lambda m: " " * len(m.group()), discourse.masked[start:verb_at]
    )
    appositive = re.search(r",\s[^,]*,\s*$", zone)
    cut = start + (appositive.start() if appositive else len(zone.rstrip()))
    head = [
        m
        for m in mentions
        if m.end <= cut and not re.search(r"[,;.:]", zone[max(0, m.end - start) : cut - start])
    ]
    named = [m for m in mentions if cut < m.start and m.kind == "person" and m.end <= verb_at]
    # "The Global Times, a tabloid run by … People's Daily, said": that name is not the subject
    if named and re.search(r"\b[a-z]{2,}\b", discourse.masked[cut + 1 : named[0].start]):
        named = []
    if appositive and named and len(zone[: cut - start].split()) <= 8:
        # "The Foreign Secretary, James Cleverly, said", "Sanders's campaign manager, Jeff
        # Weaver, said", "Another delegate on the Cruz slate, Jim Poolman, said": the name in
        # the appositive when what comes before it describes a role, not a person
        modifier = head and re.search(
            r"[a-z]{3}", re.sub(r"^['’]s?", "", zone[head[-1].end - start : cut - start])
        )
        if not head or head[-1].kind != "person" or modifier:
            return named[0]
    if not head:
        return None
    earlier = [m for m in mentions if m.end <= head[-1].start and m.kind != "role"]
    if (
        head[-1].kind == "institution"
        and earlier
        and earlier[-1].kind == "person"
        and _UNCLOSED_APPOSITIVE.fullmatch(discourse.masked[earlier[-1].end : head[-1].start])
    ):
        head = [earlier[-1]]  # "Ray Oduya, the press director for the Farm Union said": Oduya
    while (
        len(head) > 1
        and head[-2].kind == "person"
        and _COMPLEMENT_GAP.fullmatch(discourse.masked[head[-2].end : head[-1].start])
    ):
        head = head[:-1]  # "Joel Pollak of Breitbart California observed": the person speaks
    words = [w for w in discourse.masked[start : head[-1].start].split() if w not in ("—", "–")]
    # "…, Okoro said", "… is concerned — Okoro responded": a name between a comma or a dash
    # and its verb speaks, however long the clause
    # (an appositive may stand between: "…, while Mike Huckabee, the former governor, proposed")
    said = not discourse.masked[head[-1].end : cut].strip() and (
        re.search(r"(?:,|\s[—–])\s+$", discourse.masked[start : head[-1].start])
        # "…, hours after Sanders said he was “encouraged”": a subordinate clause's subject
        or _CLAUSE_OPENER.search(discourse.masked, start, head[-1].start)
    )
    if len(words) > 8 and not said:
        return None
    owned = _POSSESSED.match(discourse.masked, head[-1].end, cut)
    if _owns_description(discourse, head[-1]):
        if owned is None:
            return None
        # "The Prime Minister's official spokesman said": someone the article leaves unnamed
        end = head[-1].end + owned.end() - owned.start()
        name = " ".join(discourse.masked[head[-1].start : end].split())
        name = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", name)
        name = name[:1].upper() + name[1:]
        return Mention(head[-1].start, end, "anonymous", name, name)
    if owned and head[-1].kind in ("person", "institution"):  # "Trump's campaign said"
        noun = owned.group("noun")
        kind = "institution" if noun in ORGANISATION_NOUNS else "anonymous"
        owner = discourse.resolve(head[-1]).name or head[-1].name or head[-1].text
        # "Trump campaign" for a body; "Donald Trump campaign manager" for someone unnamed
        name = f"{owner} {noun if kind == 'institution' else owned.group('phrase')}"
        end = head[-1].end + owned.end() - owned.start()
        return Mention(head[-1].start, end, kind, name, name, named_body=True)
    return head[-1]


# a conjunction opening a clause, and titles, right before a name ("hours after Sen. ")
_CLAUSE_OPENER = re.compile(rf"\b(?:{SUBORDINATORS}|until|once)\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}$")


# an appositive whose closing comma is missing: ", the press director for the "
_UNCLOSED_APPOSITIVE = re.compile(
    r",\s+(?:the|an?)\s+(?:[a-z][\w-]*\s+){1,4}(?:of|for|at|with|to)\s+(?:the\s+)?"
)


subject_head = _head_before  # for the indirect-speech rules: the same reading of a subject


def _owns_description(discourse: Discourse, mention: Mention) -> bool:
    """A role or description in the possessive: the speaker is what it owns, left unnamed."""
    return mention.kind in ("role", "nominal", "definite_org") and bool(
        re.match(r"['’]s?\s", discourse.masked[mention.end : mention.end + 3])
    )


_POSSESSED = re.compile(
    rf"(?:['’]s?)?\s+(?P<phrase>(?:[a-z-]+\s+){{0,2}}(?P<noun>{OWNED_NOUNS}))"
    r"(?:\s+(?:also|has|had|have|later))?\s*$"
)


_DESCRIPTION_BEFORE = re.compile(
    r"(?:^|(?<=, )|(?<=^ ))(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?P<head>[a-z][\w-]*[a-z])\s+$"
)
# a plural noun alone before the verb, opening the sentence: "Aides say", "Officials said"
_GROUP_OPENING = re.compile(r"\s*([A-Z][a-z]{2,}(?<!s)s)\s+")
_SUBORDINATE = re.compile(
    r"\s*(?:(?:Soon|Shortly|Just|Only|Moments|Minutes|Hours|Days|Weeks|Months|Long)\s+(?=after|"
    r"before|as|when|since))?(?:While|Although|Though|If|As|When|Because|Since|After|Before|"
    r"Unless|Whereas|Even as|Even though|after|before|as|when|since)\b[^,“”\"]{3,240},\s*"
)


def _names_only(discourse: Discourse, start: int, end: int) -> bool:
    """Whether an opener "As X," holds nothing but the conjunction and one name."""
    words = discourse.masked[start:end].split()
    named = discourse.mentions_in(start, end)
    if not named or named[0].kind != "person":
        return False
    rest = discourse.masked[start : named[0].start] + discourse.masked[named[0].end : end]
    return len(re.findall(r"\w+", rest)) <= 1 and len(words) <= 5


def _subordinate_subject(discourse: Discourse, start: int, verb_at: int, mentions) -> bool:
    """Whether the verb's subject opens a clause of its own ("…, hours after Brenn said"),
    so the verb is no report inside an earlier verb's report."""
    head = _head_before(discourse, start, verb_at, mentions) or joined_subject(
        discourse, start, verb_at, mentions
    )
    return head is not None and bool(_SUBORDINATOR.search(discourse.masked, start, head.start))


_SUBORDINATOR = re.compile(r"\b(?:after|before|when|while|whereas|until)\s+$")
# verbs whose name after them is their object, never an inverted subject ("thanked Obama")
_TAKES_OBJECT = re.compile(
    r"(?:thank|congratulat|prais|blast|slamm|criticiz|criticis|attack|accus|blam|urg|call|"
    r"describ|label|dubb|mock|laud|applaud|told|tell|chid|derid|ridicul|scold|lectur|dismiss|"
    r"reject|hail|condemn|denounc|question|rebutt|refut|teas|brand|term)\w*"
)


# a possessive after a name: "Trump's attack", "Trump's state director" (an owner, not a subject)
_OWNER = re.compile(r"['’]s?\s")
# an outlet or a person who quotes another: the one quoted speaks
_QUOTED_AS_SAYING = re.compile(
    r"\bquot(?:ed|es|ing)\s+(?P<who>[^.;:“\"]{2,120}?)\s+as\s+(?:saying|telling|stating|"
    r"calling|describing|warning|adding)\b"
)


def subject_before(
    discourse: Discourse, position: int, floor: int | None = None
) -> tuple[Mention | None, str]:
    """The speaker named before ``position`` in its sentence ("X explained: “…", "as X said,")."""
    start = discourse.sentence_start(position)
    if floor is not None:
        start = max(start, floor)
    clause = discourse.masked[start:position]
    # "While not everything Trump says is true, Jamieson said …": the main clause speaks
    opener = _SUBORDINATE.match(clause)
    if opener and _names_only(discourse, start, start + opener.end()):
        opener = None  # "As John Cornyn, the No. 2 in the leadership, put it:": no clause
    if opener and _speech_verbs(clause[opener.end() :]):
        start += opener.end()
        clause = discourse.masked[start:position]
    reported = _QUOTED_AS_SAYING.search(clause)
    if reported:  # "TASS quoted Deputy Foreign Minister Sergei Ryabkov as saying …": Ryabkov
        quoted = [
            m
            for m in _candidates(
                discourse, start + reported.start("who"), start + reported.end("who")
            )
            if m.kind in ("person", "anonymous", "nominal", "institution", "role")
        ]
        if quoted:
            people = [m for m in quoted if m.kind == "person"]
            return (people or quoted)[-1], clause
    verbs = _speech_verbs(clause) + list(_ACCORDING.finditer(clause))
    if not verbs and floor is not None and floor > discourse.sentence_start(position):
        return subject_before(discourse, position)  # "X called it “…”, and Y – “…”"
    mentions = _candidates(discourse, start, position)
    if not verbs:
        if clause.rstrip(" " + QUOTE_CHARS).endswith(":") and mentions:
            # "Jeb Bush broke down what was wrong to the Dutch newspaper NRC: “…”": the
            # sentence's subject speaks, not the last name before the colon
            opener = sentence_subject(discourse, start, position)
            if opener in mentions and opener.kind in ("person", "institution"):
                return opener, clause
            return mentions[-1], clause
        return None, clause
    verb = max(verbs, key=lambda v: v.start())
    if start > discourse.sentence_start(position):
        named = [m for m in mentions if m.end <= start + verb.start()]
        after_and = re.search(r"\band\s+$", clause[: verb.start()]) is not None
        participle = verb.group().lower().endswith("ing")
        if (participle and (after_and or not named)) or (after_and and not named):
            # "“A,” Graham said, adding, “B”", "“A,” and said that Brenn “B”": the verb's
            # subject is the sentence's
            return subject_before(discourse, position)
    first = min(verbs, key=lambda v: v.start())
    hung = [v for v in verbs if v.end() <= verb.start()]
    if verb.group().lower().endswith("ing") and hung:
        between = clause[hung[-1].end() : verb.start()]
        if re.fullmatch(r"(?:\s+[\w’'.-]+){0,4}\s*,\s*", between):
            verb = hung[-1]  # "…, Nefzi said, adding, “…”": the participle's subject said it
        elif re.search(r"\b(?:but|and)\s+(?:was|were|is|are)\s+$", between):
            verb = hung[-1]  # "Carson said that he did not, but was referring to the “…”"
    if len(verbs) > 1 and re.search(r"\band\s+(?:\w+\s+)?$", clause[: verb.start()]):
        verb = first  # "X said … and accused him of “…”"
    elif (
        first is not verb
        and _head_before(discourse, start, start + first.start(), mentions)
        and not _subordinate_subject(discourse, start, start + verb.start(), mentions)
    ):
        # "Rep. Israel said Clinton called on members to be “…”": the outer speaker reports it
        verb = first
    verb_at = start + verb.start()
    before = [m for m in mentions if m.end <= verb_at]
    after = [
        m
        for m in discourse.mentions_in(start + verb.end(), position)
        if not re.search(
            r"\b(?:told|assured|informed|asked|urged|to)\s+$",
            discourse.masked[max(start, m.start - 12) : m.start],
        )
    ]
    if _ACCORDING.fullmatch(verb.group()):
        named = discourse.mentions_in(start + verb.end(), position)
        return (named[0] if named else None), clause
    passive = re.search(r"\b(?:was|were|is|are|been|be)\s+(?:\w+\s+)?$", clause[: verb.start()])
    if passive or re.match(r"\s*by\b", clause[verb.end() :]):
        by_agent = [
            m
            for m in after
            # "was asked by moderator Omar Hale": titles may stand between "by" and the name
            if re.search(
                r"\bby\s+(?:(?!(?:the|an?|his|her|its|their)\b)[\w.’'-]+(?<!ing)\s+){0,3}$",
                discourse.masked[max(start, m.start - 40) : m.start],
            )
        ]
        if by_agent:
            return by_agent[0], clause
    group = _GROUP_OPENING.fullmatch(clause[: verb.start()])
    if group and not before:  # "Aides say the governor plans to “actively support” Cruz"
        word = group.group(1)
        at = start + group.start(1)
        return Mention(at, at + len(word), "nominal", word, word, word.lower()), clause
    group = group_before(discourse, start, verb_at, before)
    if group is not None:  # "Kasich had a strong night, when many commentators called him"
        return group, clause
    described = _DESCRIPTION_BEFORE.search(clause, 0, verb.start())
    if (
        described
        and not _NOT_A_NOUN.fullmatch(" " + described.group("head"))
        and not [
            m
            for m in before
            if m.end > start + described.start()
            # "the Senate Republican leader said": a body inside a person's description
            and not (m.kind == "institution" and described.group("head").lower() in PERSON_ROLES)
        ]
    ):
        # "the GOP front-runner said": a description, not the names before it
        text = described.group().strip()
        head = described.group("head").lower()
        return Mention(start + described.start(), verb_at, "nominal", text, text, head), clause
    subject = coordinated_subject(discourse, start, verb, before, position)
    if subject is not None:  # "when Cruz knocked Rubio and called him “…”"
        return subject, clause
    if before:
        if verb.group().lower().endswith("ing"):
            # "…, with Donald Trump tweeting that": the name right before the participle
            adjacent = discourse.masked[before[-1].end : verb_at].strip() == ""
            if adjacent:
                return before[-1], clause
            # "Trump's state director, Mike Rubino, reached out, writing …": not the owner
            subjects = [m for m in before if not _OWNER.match(discourse.masked, m.end)]
            return (subjects or before)[0], clause
        head = _head_before(discourse, start, verb_at, before)
        owners = [m for m in before if _owns_description(discourse, m)]
        if head is None and owners and owners[-1] is before[-1]:
            return None, clause  # "The Prime Minister's official spokesman said: …"
        if head is None:
            head = joined_subject(discourse, start, verb_at, before)
        if head is None:  # "Clinton, who …, did not mention Trump, but told leaders": the subject
            opener = sentence_subject(discourse, start, verb_at)
            head = opener if opener in before else None
        if head is None:  # "Grassley downplayed Donald Trump's attack and said": no owner
            subjects = [m for m in before if not _OWNER.match(discourse.masked, m.end)]
            head = subjects[-1] if subjects else None
        return (head or before[-1]), clause
    opening = described_opening(start, clause, verb)
    if opening is not None:  # "The billionaire businessman began …, saying that"
        return opening, clause
    # "…, saying Trump's comments were “…”": a participle's subject is never after it
    participle = verb.group().lower().endswith("ing")
    if after and not participle and not _TAKES_OBJECT.fullmatch(verb.group().lower()):
        named = after[0]
        if (
            named.kind == "institution"
            and len(after) > 1
            and after[1].kind == "person"
            and re.fullmatch(
                r"(?:\s+[a-z][\w-]*){1,3}\s+", discourse.masked[named.end : after[1].start]
            )
        ):
            named = after[1]  # "explained KLTV moderator Nora Plesk:": the body's person
        return named, clause  # "Said Obama: “…”"
    return None, clause  # "Washington thanked Obama for “…”": Obama is the object
