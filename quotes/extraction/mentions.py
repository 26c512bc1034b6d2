"""Who-mentions in prose: people, institutions, anonymous sources, pronouns, role references.

Every mention has a character span, so attribution can pick the one in subject position next
to a speech verb. Mentions inside quotations are found on a *masked* text (quotations blanked
out), so that words a speaker says are never taken for the speaker.
"""

import re
from dataclasses import dataclass

from .lexicon import NATIONALITY_WORDS, OUTLETS
from .model import KnownSpeaker
from .names import find_names, known_surname_keys

ORG_HEADS = (
    "Ministry", "Council", "Committee", "Office", "Department", "Service", "Agency", "Bureau",
    "Commission", "Parliament", "Duma", "Government", "Embassy", "Mission", "Kremlin",
    "Alliance", "Union", "Organization", "Organisation", "Administration", "Court", "Bank",
    "Party", "Headquarters", "Secretariat", "Staff", "Assembly", "Senate", "Congress",
    "Pentagon", "White House", "Cabinet", "Presidium", "Directorate", "Prosecutor's Office",
)
_CAP = r"[A-Z][\w’'\-]*"
_ORG = re.compile(
    rf"\b(?:(?:{_CAP}|of|the|for|on|and)\s+){{0,5}}?(?:{'|'.join(ORG_HEADS)})\b"
    rf"(?:\s+(?:of|on|for|to)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*)?"
)
_ACRONYM = re.compile(r"\b(?:NATO|OSCE|UN|EU|CSTO|SCO|IAEA|WHO|MFA|FSB|SVR|GRU|PACE|OPCW)\b")
_DEFINITE_ORG = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(ministry|alliance|department|embassy|kremlin|government|"
    r"committee|council|agency|press service|bloc|organization|organisation|mission|office)"
    r"(?:['’]s)?\b", re.I)
_ANONYMOUS = re.compile(
    r"\b(?:(?P<det>an?|the|one of the|some|several|other|two|three|many|our|his|her)\s+)?"
    r"(?:(?P<own>[A-Z][\w.]+)['’]s\s+)?(?P<adj>(?:[a-z][\w-]*\s+){0,3}?)"
    r"(?P<noun>sources?|interlocutors?|insiders?)\b"
    r"(?P<tail>\s+(?:of|in|at|close to|from|for)\s+(?:the\s+)?[A-Z][\w’'.-]*"
    r"(?:\s+(?:[A-Z][\w’'.-]*|in|of|the)(?=[\s,.;:]))*)?")
_PRONOUN = re.compile(r"\b(he|she|He|She)\b")
ROLE_NOUNS = (
    "secretary general", "secretary-general", "general secretary", "press secretary",
    "prime minister", "political scientist", "foreign minister", "defense minister",
    "minister", "expert", "diplomat", "politician", "senator", "spokesman", "spokeswoman",
    "spokesperson", "president", "ambassador", "analyst", "official", "chairman", "director",
    "professor", "lawmaker", "parliamentarian", "governor", "mayor", "premier", "chancellor",
    "envoy", "deputy", "permanent representative", "head", "speaker", "author", "general",
)
_ROLE_REF = re.compile(
    r"\bthe\s+(?:[a-z-]+\s+)?(" + "|".join(r.replace(" ", r"\s+") for r in ROLE_NOUNS) + r")\b",
    re.I)
EXPERT_ROLES = {"expert", "analyst", "political scientist", "professor", "author"}


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # person | institution | anonymous | pronoun | role | definite_org
    text: str
    name: str = ""
    role: str = ""
    outlet: str = ""
    anaphoric: bool = False
    tokens: tuple[str, ...] = ()
    surname_only: bool = False
    known: KnownSpeaker | None = None


def institution_variants(speaker: KnownSpeaker) -> list[str]:
    """Names an institution goes by: name, aliases, an acronym in brackets, no leading adjective."""
    variants = []
    for name in (speaker.name, *speaker.aliases):
        variants.append(name)
        acronym = re.search(r"\(([A-Z]{2,8})\)", name)
        if acronym:
            variants.append(acronym.group(1))
            variants.append(name[:acronym.start()].strip())
        words = name.split()
        if len(words) > 2 and words[0].lower() in NATIONALITY_WORDS:
            variants.append(" ".join(words[1:]))
    return [v for v in dict.fromkeys(variants) if v]


def find_outlet(text: str, outlets: tuple[str, ...]) -> str:
    for name in sorted(outlets, key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", text):
            return name
    return ""


def _overlaps(a: Mention, taken: list[Mention]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in taken)


def find_mentions(masked: str, start: int, end: int, known: list[KnownSpeaker],
                  outlet: str = "", strict: bool = True) -> list[Mention]:
    """Mentions in ``masked[start:end]``, without overlaps, in text order."""
    outlets = tuple(o for o in (*OUTLETS, outlet) if o)
    found: list[Mention] = []
    surnames = known_surname_keys(known)
    for name in find_names(masked, start, end, surnames, strict):
        found.append(Mention(name.start, name.end, "person", masked[name.start:name.end],
                             name.name, name.role, tokens=name.tokens,
                             surname_only=name.surname_only))
    institutions = [s for s in known if s.kind == "institution"]
    for speaker in institutions:
        for variant in institution_variants(speaker):
            flags = 0 if variant.isupper() else re.I
            for match in re.finditer(rf"\b{re.escape(variant)}\b", masked[start:end], flags):
                mention = Mention(start + match.start(), start + match.end(), "institution",
                                  match.group(), speaker.name, known=speaker)
                if not _overlaps(mention, found):
                    found.append(mention)
    for match in _ANONYMOUS.finditer(masked, start, end):
        det = (match.group("det") or "").lower()
        noun = match.group("noun").lower()
        around = masked[match.start():min(end, match.end() + 40)]
        cited = (match.group("own") if match.group("own") in outlets else "") or find_outlet(
            (match.group("tail") or "") + " " + around, outlets) or outlet
        if det not in ("an", "a", "one of the", "some", "several", "other", "two", "three",
                       "many", "the") and not match.group("own") and not match.group("adj") \
                and not match.group("tail"):
            continue
        anaphoric = det == "the" and not noun.endswith("s") and not match.group("adj")
        mention = Mention(match.start(), match.end(), "anonymous", match.group(),
                          match.group().strip(), outlet=cited, anaphoric=anaphoric)
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _ROLE_REF.finditer(masked, start, end):
        role = re.sub(r"\s+", " ", match.group(1).lower())
        mention = Mention(match.start(), match.end(), "role", match.group(), role=role,
                          anaphoric=True)
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _ORG.finditer(masked, start, end):
        name = re.sub(r"^(?:the|of|for|on|and)\s+", "", match.group(), flags=re.I).strip()
        first = name.split()[0] if name else ""
        if not first or not first[0].isupper():
            continue
        mention = Mention(match.start() + match.group().find(name),
                          match.start() + match.group().find(name) + len(name),
                          "institution", name, re.sub(r"['’]s$", "", name))
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _ACRONYM.finditer(masked, start, end):
        mention = Mention(match.start(), match.end(), "institution", match.group(), match.group())
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _DEFINITE_ORG.finditer(masked, start, end):
        mention = Mention(match.start(), match.end(), "definite_org", match.group(),
                          match.group(1).lower(), anaphoric=True)
        if not _overlaps(mention, found):
            found.append(mention)
    for match in _PRONOUN.finditer(masked, start, end):
        mention = Mention(match.start(), match.end(), "pronoun", match.group(), anaphoric=True)
        if not _overlaps(mention, found):
            found.append(mention)
    return sorted(found, key=lambda m: m.start)
