"""Who-mentions in prose: people, institutions, anonymous sources, pronouns, role references.

Every mention has a character span, so attribution can pick the one in subject position next
to a speech verb. Mentions inside quotations are found on a *masked* text (quotations blanked
out), so that words a speaker says are never taken for the speaker.
"""

import re
from dataclasses import dataclass

from .bodies import (
    ANY_ACRONYM,
    DEFINITE_ORG,
    KNOWN_ACRONYM,
    MEMBER_OF,
    ORG_NAME,
    PLACE_BODY,
    THE_NAME,
)
from .lexicon import (
    NATIONALITY_WORDS,
    NOT_NAME_WORDS,
    OUTLETS,
    PERSON_ROLES,
    ROLE_WORDS,
    SPEECH_VERB_RE,
    UNNAMED,
    outlet_pattern,
)
from .model import KnownSpeaker
from .names import find_names, known_surname_keys
from .nominals import find_nominals
from .places import is_place, places_speaking

_FAMILIAR = (
    r"\s+(?:familiar|acquainted)\s+with\s+(?:the|this|these|his|her)\s+[a-z]+"
    r"(?:\s+(?!(?:said|says|told|tells|added)\b)[a-z]+)?(?=[\s,.;:])"
)
_ANONYMOUS = re.compile(
    r"\b(?:(?P<det>(?i:an?|the|one of the|some|several|other|two|three|many|our|his|her))\s+)?"
    r"(?:(?P<own>[A-Z][\w.]+)['’]s\s+)?"
    r"(?P<adj>(?:(?!(?:by|to|of|in|at|on|the|an?|and|as|that|from|for|with|said|told|who)\b)"
    r"[a-z][\w-]*\s+){0,3}?)"
    r"(?:(?P<noun>(?i:sources?|interlocutors?|insiders?))\b(?P<tail>"
    r"\s+(?:of|in|at|close to|from|for|within|inside)\s+(?:the\s+)?[A-Z][\w’'.-]*"
    r"(?:\s+(?:[A-Z][\w’'.-]*|in|of|the)(?=[\s,.;:]))*"
    r"|\s+(?:in|close to|within|inside|at)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:circles|ministry|"
    r"government|administration|department|talks|negotiations|agency|embassy|security services|"
    r"industry|region|delegation)\b"
    rf"|{_FAMILIAR})?"
    r"|(?P<person>(?i:officials?|diplomats?|officers?|employees?|members?|lawmakers?|"
    r"aides?|advisers?|advisors?|analysts?|experts?|people|persons?))"
    rf"(?:{UNNAMED}|(?P<familiar>{_FAMILIAR})))"
)
_PRONOUN = re.compile(r"\b(he|she|He|She)\b|(?<=[Aa]ccording to )(?:him|her)\b")
# "It said in a statement", "they said": bodies and groups, only in a speech verb's subject slot.
_BODY_PRONOUN = re.compile(
    r"\b(?:[Ii]t|[Tt]hey)\b(?=\s+(?:(?:also|later|then|have|has|had)\s+)?(?:"
    + SPEECH_VERB_RE.pattern.replace("(?<![\\w-])", "")
    + r")\b)"
)
# ", who has called …": a relative pronoun stands for the name right before it.
_RELATIVE = re.compile(r"(?<=[\w.)],\s)who\b")
ROLE_NOUNS = (
    "secretary general",
    "secretary-general",
    "general secretary",
    "press secretary",
    "prime minister",
    "political scientist",
    "foreign minister",
    "defense minister",
    "minister",
    "expert",
    "diplomat",
    "politician",
    "senator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "ambassador",
    "analyst",
    "official",
    "chairman",
    "director",
    "professor",
    "lawmaker",
    "parliamentarian",
    "governor",
    "mayor",
    "premier",
    "chancellor",
    "envoy",
    "deputy",
    "permanent representative",
    "head",
    "speaker",
    "author",
    "general",
)
_ROLE_REF = re.compile(
    r"\bthe\s+(?:[a-z-]+\s+)?(" + "|".join(r.replace(" ", r"\s+") for r in ROLE_NOUNS) + r")\b"
    r"(?!\s+(?:community|group|council|commission|panel|committee|body|circles|level|corps|"
    r"team|opinion|assessment|meeting|office|delegation|board)\b)",
    re.I,
)
# "Ukraine's foreign minister said": a role a place owns, named before or after the text
_PLACE_ROLE = re.compile(
    r"\b(?P<owner>[A-Z][\w’'-]*(?: +[A-Z][\w’'-]*){0,2})['’]s?\s+(?:[a-z-]+\s+){0,2}?("
    + "|".join(r.replace(" ", r"\s+") for r in ROLE_NOUNS)
    + r")\b(?!['’]s|\s*,\s*[A-Z]|\s+[A-Z])"
)
EXPERT_ROLES = {"expert", "analyst", "political scientist", "professor", "author"}


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # person | institution | anonymous | pronoun | relative | role | nominal | …
    text: str
    name: str = ""
    role: str = ""
    outlet: str = ""
    anaphoric: bool = False
    tokens: tuple[str, ...] = ()
    surname_only: bool = False
    known: KnownSpeaker | None = None
    named_body: bool = False  # "a Transport Ministry official": never an outlet's generic source


def anonymous_name(match: re.Match[str], outlets: tuple[str, ...]) -> str:
    """A short name for an anonymous source: "Senior diplomat", "Source in the Ministry"."""
    noun = match.group("noun") or match.group("person")
    singular = {"people": "person", "persons": "person"}.get(noun.lower())
    if singular is None:
        singular = noun[:-1] if noun.lower().endswith("s") else noun
    tail = (match.group("tail") or match.group("familiar") or "").strip()
    for name in outlets:  # the outlet is recorded as ``cited_by``, not in the name
        tail = re.sub(rf"^(?:of|from|for)\s+(?:the\s+)?{re.escape(name)}\b\s*", "", tail)
    name = " ".join(w for w in (match.group("adj").strip(), singular.lower(), tail) if w)
    return name[:1].upper() + name[1:]


def institution_variants(speaker: KnownSpeaker) -> list[str]:
    """Names an institution goes by: name, aliases, an acronym in brackets, no leading adjective."""
    variants = []
    for name in (speaker.name, *speaker.aliases):
        variants.append(name)
        acronym = re.search(r"\(([A-Z]{2,8})\)", name)
        if acronym:
            variants.append(acronym.group(1))
            variants.append(name[: acronym.start()].strip())
        words = name.split()
        if len(words) > 2 and words[0].lower() in NATIONALITY_WORDS:
            variants.append(" ".join(words[1:]))
    return [v for v in dict.fromkeys(variants) if v]


def find_outlet(text: str, outlets: tuple[str, ...]) -> str:
    for name in sorted(outlets, key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", text):
            return name
    return ""


# abbreviations of a country or a month, capitalised after "the"
_ABBREVIATIONS = {
    "u.s",
    "u.s.",
    "u.k",
    "u.k.",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
}


# words that open a sentence or name a day, never the first word of a body's name
_NOT_A_BODY_WORD = re.compile(
    r"After|Before|When|While|If|As|In|On|At|For|With|From|By|Since|Despite|Under|Until|"
    r"Although|Though|But|And|Yet|So|Then|Now|Meanwhile|However|Also|Even|Only|Today|"
    r"Yesterday|Last|This|That|Both|Every|Each|Some|Many|Most|When|Where|Why|How|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
)


def _overlaps(a: Mention, taken: list[Mention]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in taken)


def find_mentions(
    masked: str,
    start: int,
    end: int,
    known: list[KnownSpeaker],
    outlet: str = "",
    strict: bool = True,
    extra_surnames: frozenset[str] = frozenset(),
    lone_names: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Mentions in ``masked[start:end]``, without overlaps, in text order."""
    outlets = tuple(o for o in (*OUTLETS, outlet) if o)
    found: list[Mention] = []
    surnames = known_surname_keys(known) | extra_surnames
    for match in MEMBER_OF.finditer(masked, start, end):
        body = match.group("body").strip()
        found.append(
            Mention(
                match.start(),
                match.end(),
                "anonymous",
                match.group(),
                f"{body} {match.group('role')}",
                outlet=outlet,
                role=match.group("role"),
                named_body=True,
            )
        )
    for name in find_names(masked, start, end, surnames, strict, lone_names):
        found.append(
            Mention(
                name.start,
                name.end,
                "person",
                masked[name.start : name.end],
                name.name,
                name.role,
                tokens=name.tokens,
                surname_only=name.surname_only,
            )
        )
    institutions = [s for s in known if s.kind == "institution"]
    for speaker in institutions:
        for variant in institution_variants(speaker):
            flags = 0 if variant.isupper() else re.I
            for match in re.finditer(rf"\b{re.escape(variant)}\b", masked[start:end], flags):
                mention = Mention(
                    start + match.start(),
                    start + match.end(),
                    "institution",
                    match.group(),
                    speaker.name,
                    known=speaker,
                )
                if not _overlaps(mention, found):
                    found.append(mention)
    for match in _ANONYMOUS.finditer(masked, start, end):
        det = (match.group("det") or "").lower()
        noun = (match.group("noun") or match.group("person")).lower()
        around = re.split(r"[.!?;]\s", masked[match.start() : min(end, match.end() + 80)])[0]
        cited = (
            (match.group("own") if match.group("own") in outlets else "")
            or find_outlet((match.group("tail") or "") + " " + around, outlets)
            or outlet
        )
        if (
            det
            not in (
                "an",
                "a",
                "one of the",
                "some",
                "several",
                "other",
                "two",
                "three",
                "many",
                "the",
            )
            and not match.group("own")
            and not match.group("adj")
            and not match.group("tail")
            and not match.group("person")
        ):
            continue
        anaphoric = det == "the" and not noun.endswith("s") and not match.group("adj")
        mention = Mention(
            match.start(),
            match.end(),
            "anonymous",
            match.group(),
            anonymous_name(match, outlets),
            outlet=cited,
            anaphoric=anaphoric,
            role=noun,
        )
        if not _overlaps(mention, found):
            found.append(mention)
    place_roles = [m for m in _PLACE_ROLE.finditer(masked, start, end) if is_place(m["owner"])]
    for match in [*place_roles, *_ROLE_REF.finditer(masked, start, end)]:
        role = re.sub(r"\s+", " ", match.group(match.re.groups).lower())  # the last group
        mention = Mention(
            match.start(), match.end(), "role", match.group(), role=role, anaphoric=True
        )
        if not _overlaps(mention, found):
            found.append(mention)
    for match in PLACE_BODY.finditer(masked, start, end):
        if not is_place(match.group("owner")):
            continue
        name = f"{match.group('owner')} {match.group('body').title()}"
        mention = Mention(match.start(), match.end(), "institution", match.group(), name)
        if not _overlaps(mention, found):
            found.append(mention)
    for match in ORG_NAME.finditer(masked, start, end):
        name = re.sub(r"^(?:(?:the|of|for|on|and)\s+)+", "", match.group(), flags=re.I).strip()
        # "After the Supreme Court", "Wednesday the Secret Service": a sentence's first word
        # or a day is no part of the body's name
        while len(name.split()) > 1 and _NOT_A_BODY_WORD.fullmatch(name.split()[0]):
            name = re.sub(r"^\S+\s+(?:(?:the|of|for|on|and)\s+)*", "", name, flags=re.I)
        first = name.split()[0] if name else ""
        if not first or not first[0].isupper():
            continue
        mention = Mention(
            match.start() + match.group().find(name),
            match.start() + match.group().find(name) + len(name),
            "institution",
            name,
            re.sub(r"['’]s$", "", name),
        )
        if not _overlaps(mention, found):
            found.append(mention)
    for at, place_end, place in places_speaking(masked, start, end):
        mention = Mention(at, place_end, "institution", place, place)
        if not _overlaps(mention, found):
            found.append(mention)
    # bodies named by an acronym or as an outlet ("NATO said", "As Politico reported")
    for pattern in (KNOWN_ACRONYM, outlet_pattern(outlets), ANY_ACRONYM):
        for match in pattern.finditer(masked, start, end):
            mention = Mention(
                match.start(), match.end(), "institution", match.group(), match.group()
            )
            if not _overlaps(mention, found):
                found.append(mention)
    for match in THE_NAME.finditer(masked, start, end):
        name = match.group(1).rstrip(".")
        first = name.split()[0].lower()
        if first in NOT_NAME_WORDS or first in NATIONALITY_WORDS or first in _ABBREVIATIONS:
            continue  # "the U.S. media", "the Nov. 8 election": no body's name
        mention = Mention(
            match.start(1),
            match.start(1) + len(name),
            "institution",
            name,
            re.sub(r"['’]s$", "", name),
        )
        if not _overlaps(mention, found):
            found.append(mention)
    for match in DEFINITE_ORG.finditer(masked, start, end):
        mention = Mention(
            match.start(),
            match.end(),
            "definite_org",
            match.group(),
            match.group(1).lower(),
            anaphoric=True,
        )
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _PRONOUN.finditer(masked, start, end):
        mention = Mention(match.start(), match.end(), "pronoun", match.group(), anaphoric=True)
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _BODY_PRONOUN.finditer(masked, start, end):
        mention = Mention(match.start(), match.end(), "pronoun", match.group(), anaphoric=True)
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _RELATIVE.finditer(masked, start, end):
        mention = Mention(match.start(), match.end(), "relative", match.group(), anaphoric=True)
        if not _overlaps(mention, found):
            found.append(mention)
    for n_start, n_end, name, head in find_nominals(masked, start, end):
        mention = Mention(
            n_start, n_end, "nominal", masked[n_start:n_end], name, role=head, anaphoric=True
        )
        inside = [m for m in found if n_start < m.start and m.end < n_end]
        if inside and head in PERSON_ROLES and all(m.kind == "institution" for m in inside):
            # "the Interior Ministry spokesman": the person the body's name describes
            found = [m for m in found if m not in inside]
        if not _overlaps(mention, found):
            found.append(mention)
    found.sort(key=lambda m: m.start)
    return [m for i, m in enumerate(found) if not _modifies_next(masked, m, found[i + 1 : i + 2])]


def _modifies_next(masked: str, mention: Mention, following: list[Mention]) -> bool:
    """An organization that is part of the next person's title: "Kremlin spokesman Dmitry
    Peskov", "NATO Secretary General Jens Stoltenberg"."""
    if mention.kind != "institution" or not following or following[0].kind != "person":
        return False
    gap = masked[mention.end : following[0].start]
    words = re.findall(r"[\w’'-]+", gap)
    return (
        bool(words)
        and len(words) <= 4
        and "," not in gap
        and all(re.sub(r"['’]s?$", "", w.lower()) in ROLE_WORDS for w in words)
    )
