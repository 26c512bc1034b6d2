"""Speakers named by a description: "the Florida senator said", "the statement reads", "the
campaign said", "prosecutors say".

A description is a determiner, up to four modifiers and a lowercase head noun in a speech
verb's subject slot. Its head decides what it stands for:

* a document (statement, email, report, ad …) stands for whoever issued it: the last speaker
  quoted before it;
* an organisation noun (campaign, company, network …) is the institution of that kind named
  last ("the campaign" after "the Clinton campaign"), or an institution of that name;
* a plural (prosecutors, protesters) is a group, proposed as an anonymous source under that name;
* any other singular noun is a person's role: the person the article gave that role ("the
  senator" after "Sen. Ayotte"), else the last person quoted, and the reason says so.
"""

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .documents import issuer_of_mentioned
from .lexicon import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    ORGANISATION_NOUNS,
    ROLE_CLASSES,
    ROLE_WORDS,
    SPEECH_VERB_RE,
    UNNAMED,
    words,
)
from .model import Speaker, undecided
from .places import is_place
from .pronouns import entity_gender, introduced_before
from .subject_position import is_subject

if TYPE_CHECKING:
    from .attribution import Discourse
    from .mentions import Mention

_DETERMINERS = {word.capitalize() for word in DETERMINERS}
_NOT_HEADS = words(
    """
    same other first last next new one two three more most time year week day way case point
    fact number issue question people world country state city news end be been being is was
    were are who that which whom whose upon of to for with in on at by from after before about
    when while as and or but nor then so yet
    """
)
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother)"
_VERB = SPEECH_VERB_RE.pattern.replace("(?<![\\w-])", "")
# "one senior Democrat said": a party's member is a description, capital and all
_HEAD = r"(?:[a-z][a-z-]+|Democrats?|Republicans?)\b"
_BEFORE_VERB = re.compile(
    rf"\b(?P<det>{_DETERMINER})\s+(?P<mods>(?:[\w’'&-]+\s+){{0,4}}?)(?P<head>{_HEAD})"
    rf"(?=(?:\s*,[^,;.]{{1,80}},)?\s+(?:(?:also|later|then|has|had|have|[a-z]+ly)\s+)?{_VERB})"
)
# "Many reporters noted": a quantifier may stand before the plural
_QUANTIFIED = r"(?<=[Mm]any )|(?<=[Ss]ome )|(?<=[Ss]everal )|(?<=[Mm]ost )"
_BARE_PLURAL = re.compile(
    rf"(?:(?<![\w’'-] )|{_QUANTIFIED})\b(?P<mods>(?:[a-z][\w-]+\s+)?)"
    rf"(?P<head>(?:(?<![a-z] )|{_QUANTIFIED})"
    r"[A-Za-z][a-z-]*(?:ers|ors|ists|ysts|erts|ians|ants|ents|ics|als|ives|"
    r"ates|ees|aides|sources|members|people|officials))"
    rf"(?=\s+(?:(?:also|have|had)\s+)?{_VERB})"
)
# "Diplomatic sources said", "Ukrainian officials said": a plural opening its sentence with a
# capitalised modifier
_OPENING_PLURAL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<mods>[A-Z][a-z-]+\s+(?:[a-z][a-z-]+\s+)?)"
    r"(?P<head>[a-z][a-z-]*(?:ysts|erts|ians)|sources|officials|diplomats)"
    rf"(?=\s+(?:(?:also|have|had)\s+)?{_VERB})",
    re.M,
)
_AFTER_VERB = re.compile(
    rf"(?:{_VERB})\s+(?P<det>{_DETERMINER})\s+(?P<mods>(?:[\w’'-]+\s+){{0,4}}?)"
    rf"(?P<head>{_HEAD})(?=\s*[,.;]|\s*$)"
)


# "a creative writing professor,": the -ing word modifies the noun after it, it is no verb
_ING_MODIFIER = re.compile(
    r"\s+[a-z]+ing\s+(?!(?:to|at|for|on|in|of|the|an?|that|about|with|from|and|or)\b)"
    r"[a-z][\w-]*\s*,"
)


def find_nominals(masked: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, name, head) of each description in a speech verb's subject slot."""
    found = []
    for pattern in (_BEFORE_VERB, _AFTER_VERB, _BARE_PLURAL, _OPENING_PLURAL):
        for match in pattern.finditer(masked, start, end):
            head = match.group("head").lower()
            office = re.search(r"([a-z-]+)\s+of\s+$", match.group("mods"))
            if head in _NOT_HEADS and office and office.group(1) in ROLE_WORDS:
                head = office.group(1)  # "the former secretary of state said": a secretary
            if head in _NOT_HEADS or SPEECH_VERB_RE.fullmatch(head) or len(head) < 2:
                continue
            if pattern is not _AFTER_VERB and _ING_MODIFIER.match(masked, match.end("head")):
                continue
            span_start = match.start("det") if "det" in match.groupdict() else match.start()
            if match.groupdict().get("det") is None:
                span_start = match.start("mods") if match.group("mods") else match.start("head")
            mods = match.group("mods").strip()
            name = " ".join(w for w in (mods, match.group("head")) if w)
            found.append((span_start, match.end("head"), name, head))
    return found


def resolve_nominal(discourse: "Discourse", mention: "Mention") -> Speaker:
    head = mention.role
    text = mention.text.strip()
    if head in DOCUMENT_NOUNS:
        issuer = issuer_of_mentioned(discourse, mention, head)
        if issuer is not None:
            return issuer
        event = _last_event(discourse, mention.start)
        if event is not None:
            return _as(
                event.speaker, f"'{text}' was issued by the last speaker, {event.speaker.name}"
            )
        return undecided(f"'{text}': nobody quoted before issued it")
    if head in ORGANISATION_NOUNS:
        earlier = [
            m
            for m in discourse.mentions
            if m.end <= mention.start and m.kind == "institution" and head in m.name.lower()
        ]
        if earlier:
            return _as(discourse.resolve(earlier[-1]), f"'{text}' refers to {earlier[-1].name}")
        name = _owner_name(discourse, mention) or mention.name
        return Speaker(None, name[:1].upper() + name[1:], "institution", reason=f"'{text}'")
    indefinite = re.match(r"(?:an?|one|another)\s", text, re.I)
    if head.endswith("s") and not head.endswith("ss"):
        name = mention.name[:1].upper() + mention.name[1:]
        return Speaker(None, name, "anonymous", discourse.outlet, f"a group: '{text}'")
    if indefinite:  # "said a longtime adviser to Trump": someone the article does not name
        name = re.sub(r"^(?:an?|one|another)\s+", "", mention.name, flags=re.I)
        name = name[:1].upper() + name[1:]
        return Speaker(None, name, "anonymous", discourse.outlet, f"an unnamed source: '{text}'")
    bearer = bearer_of_role(discourse, replace(mention, kind="role"))
    if bearer is not None:
        return bearer
    return role_fallback(discourse, mention, text, head)


def bearer_of_role(discourse: "Discourse", mention: "Mention") -> Speaker | None:
    """The last person whose title fits ``mention``'s role noun ("the diplomat" → a deputy
    foreign minister), or an unnamed source described by that noun ("a senior diplomat who
    asked not to be named")."""
    role = _office_named(discourse, mention)
    earlier = [
        m
        for m in discourse.mentions
        if m.end <= mention.start
        and mention.start - m.end <= 4000
        and m.kind in ("person", "anonymous")
    ]
    # "the Texas senator", "the New Jersey governor": the printed modifiers pick among
    # several people of that role
    words = re.findall(r"[\w’'-]+", mention.text or "")
    modifiers = [w.lower() for w in words[:-1] if w not in _DETERMINERS and w.lower() != "the"]
    proper = [w.lower() for w in words[:-1] if w[:1].isupper() and w not in _DETERMINERS]
    # "the defence minister" is not the foreign minister: a portfolio word must be printed
    proper += [w for w in modifiers if w in PORTFOLIOS]
    fitting = unplaced = deputy = None
    rank = [m for m in modifiers if m in _RANKS]
    for candidate in reversed(earlier):
        if candidate.kind == "anonymous":
            if candidate.role.rstrip("s") == role and fitting is None:
                return _as(
                    discourse._anonymous(candidate),
                    f"'{mention.text}' refers to {candidate.text.strip()}",
                )
            continue
        entity = discourse.entity_of.get(candidate.start)
        if entity is None:
            continue
        roles = " ".join([*entity.roles, entity.label]).lower()
        if rank and deputy is None and all(re.search(rf"\b{m}\b", roles) for m in rank):
            deputy = entity  # "Mekdad's deputy, Ayman Sousan … the deputy minister"
        if not any(role_fits(role, r) for r in entity.roles):
            continue
        if all(m in roles for m in modifiers):
            return _as(entity.speaker, f"'{mention.text}' refers to {entity.speaker.name}")
        if all(m in roles for m in proper):  # "the Florida senator" is not Iowa's senator
            fitting = fitting or entity
        elif not entity.label and not re.search(
            r"\b[A-Z][a-z]", " ".join(r for r in entity.roles if " " in r)
        ):
            # "Sen. Marco Rubio …; the Florida senator": a bare title says no state, so it
            # does not gainsay the printed one (a role naming a place of its own would)
            unplaced = unplaced or entity
    # a rank the printed role lacks ("deputy", "vice") names someone else who holds it
    chosen = deputy if deputy is not None else fitting or unplaced
    if chosen is not None:
        return _as(chosen.speaker, f"'{mention.text}' refers to {chosen.speaker.name}")
    return None


_RANKS = frozenset({"deputy", "vice", "assistant"})
# a minister's or secretary's field: "the defence minister", "Ukraine's foreign minister"
PORTFOLIOS = frozenset(
    [
        "foreign",
        "defence",
        "defense",
        "finance",
        "interior",
        "economy",
        "trade",
        "justice",
        "health",
        "energy",
        "culture",
        "education",
        "agriculture",
        "transport",
        "home",
        "treasury",
        "labor",
        "labour",
        "environment",
    ]
)


def _office_named(discourse: "Discourse", mention: "Mention") -> str:
    """The office a role noun names, read past its own words: "the head" of state or of
    government, "the secretary general"."""
    after = re.match(r"\s+of\s+(state|government)\b", discourse.masked[mention.end :])
    if mention.role == "head" and after:
        return f"head of {after.group(1)}"
    if mention.role == "general" and re.search(r"secretary[\s-]general$", mention.text, re.I):
        return "secretary general"
    return mention.role


def role_fits(role: str, title: str) -> bool:
    """Whether someone titled ``title`` ("Russian Deputy Foreign Minister") is a ``role``."""
    title = " " + re.sub(r"[\s-]+", " ", title.lower()) + " "
    fitting = ROLE_CLASSES.get(role, (role,))
    return any(f" {word.replace('-', ' ')} " in title for word in fitting)


# descriptions that name someone by their tie to another person ("the aide", "the lawyer"),
# or that news uses for people it leaves unnamed ("the person", "the officer"): never the
# person named before, so without a bearer they stay someone the article does not name
_RELATIONAL = words(
    "aide aides adviser advisor spokesman spokeswoman spokesperson lawyer attorney friend "
    "staffer assistant strategist wife husband son daughter brother sister mother father "
    "associate confidant person man woman individual officer source insider operative witness "
    "employee resident voter supporter protester"
)


def role_fallback(discourse: "Discourse", mention: "Mention", text: str, head: str) -> Speaker:
    """A role noun nobody was given ("the senator"): a person the article gave no role at all —
    the last one quoted, else the only one named before, else the last named as a subject —
    each saying so. Someone the article gave another role ("Deputy Foreign Minister") is not a
    senator, and "the minister's spokesman" is someone else: both stay undecided."""
    owner = r"(?:['’]s\s+(?:[\w-]+\s+)?|(?<!^)(?<!^the)\s+[A-Z][\w’'-]+\s+)"
    owned = re.search(owner + re.escape(head) + r"$", text)
    unnamed = re.match(r",?" + UNNAMED, discourse.masked[mention.end : mention.end + 90])
    # "said the man who built his career on …" is an epithet for someone named, not a stranger
    epithet = head in ("man", "woman") and re.search(r"\bwho\b", text)
    # "Ukraine's foreign minister" is the office holder the article names, not a stranger
    place = re.match(r"([A-Z][\w’'-]*(?: +[A-Z][\w’'-]*){0,2})['’]s?\s", text)
    placed = place is not None and is_place(place.group(1)) and head not in _RELATIONAL
    if placed:
        owned = None
    if placed or PORTFOLIOS.intersection(re.findall(r"[a-z]+", text)):
        named_after = _titled_after(discourse, mention, head)
        if named_after is not None:
            return _as(named_after, f"'{text}': the {head} the article names next")
    if owned or unnamed or (head in _RELATIONAL and not epithet):
        # "the minister's spokesman", "the senior Cruz adviser", "the woman, who spoke on the
        # condition of anonymity": someone left unnamed
        name = re.sub(r"^(?:the|an?)\s+", "", text, flags=re.I)
        name = name[:1].upper() + name[1:]
        reason = f"'{text}': someone the article does not name"
        return Speaker(None, name, "anonymous", discourse.outlet, reason)
    gender = "f" if head in FEMALE_NOUNS else ("m" if head in MALE_NOUNS else "")

    def untitled(speaker: Speaker | None) -> bool:
        entity = discourse.entity_by_speaker(speaker) if speaker is not None else None
        agrees = entity is not None and entity_gender(discourse, entity) in ("", gender)
        # "Jens Stoltenberg, the alliance's top official … the secretary general": a generic
        # description names no office the role noun could contradict
        specific = _holds_office(entity.roles, _GENERIC_ROLES) if entity is not None else True
        return entity is not None and not specific and (not gender or agrees)

    introduced = introduced_before(discourse, mention, untitled, gender)
    if introduced is not None:  # "Harry Reid blasted Rubio. “…,” the Senate minority leader said"
        return _as(introduced, f"'{text}': the one person named in the sentence before")
    last = discourse.last_person_speaker(mention.start)
    if untitled(last):
        return _as(last, f"'{text}': nobody titled {head} before; the last person quoted")
    recent = discourse.last_person_speaker(mention.start, window=800)
    entity = discourse.entity_by_speaker(recent) if recent is not None else None
    if (
        entity is not None
        and (head not in ROLE_WORDS or not _holds_office(entity.roles))
        and (not gender or entity_gender(discourse, entity) in ("", gender))
    ):
        # "“…,” Trump told ABC. “…,” the candidate said": a description that is no office fits
        # the person just quoted whatever their title; an office fits them if they hold none
        return _as(recent, f"'{text}': fits the person just quoted, {recent.name}")
    named = [
        m
        for m in discourse.mentions
        if m.kind == "person"
        and m.end <= mention.start
        and mention.start - m.end <= 1500
        and m.start in discourse.entity_of
        and not discourse.entity_of[m.start].roles
        and (not gender or entity_gender(discourse, discourse.entity_of[m.start]) in ("", gender))
    ]
    people = {id(discourse.entity_of[m.start]) for m in named}
    if len(people) == 1:
        speaker = discourse.entity_of[named[-1].start].speaker
        return _as(speaker, f"'{text}': the only person named before, {speaker.name}")
    subjects = [m for m in named if is_subject(discourse, m)]
    if subjects:  # "Marco Rubio still believes … “…,” the Florida senator told reporters."
        speaker = discourse.entity_of[subjects[-1].start].speaker
        return _as(speaker, f"'{text}': the last person named as a subject, {speaker.name}")
    return undecided(f"'{text}' matches no one named before")


_GENERIC_ROLES = frozenset({"official", "officer", "leader", "chief", "head", "senior", "former"})


def _titled_after(discourse: "Discourse", mention: "Mention", head: str) -> Speaker | None:
    """The first person named in the 800 characters after ``mention`` whose printed title fits
    its role and its portfolio ("Ukraine's foreign minister said … ¶ “…,” Foreign Minister
    Dmytro Kuleba told reporters")."""
    words = [w.lower() for w in re.findall(r"[a-z][\w-]*", mention.text)]
    portfolio = [w for w in words[:-1] if w in PORTFOLIOS]
    for m in discourse.mentions:
        entity = discourse.entity_of.get(m.start)
        if m.start < mention.end or m.start > mention.end + 800 or entity is None:
            continue
        roles = " ".join(entity.roles).lower()
        if any(role_fits(head, r) for r in entity.roles) and all(w in roles for w in portfolio):
            return entity.speaker
    return None


def _holds_office(roles: list[str], generic: frozenset = frozenset()) -> bool:
    """Whether any role printed for a person names an office ("Sen.", "the governor"), words
    in ``generic`` aside."""
    return any(
        w.lower().strip(".") in ROLE_WORDS and w.lower().strip(".") not in generic
        for r in roles
        for w in r.split()
    )


def _owner_name(discourse: "Discourse", mention: "Mention") -> str:
    """ "the Clinton campaign" → "Clinton campaign": a capitalised modifier names the owner."""
    owner = re.search(
        r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s*$",
        discourse.masked[mention.start : mention.end - len(mention.role)],
    )
    return f"{owner.group(1)} {mention.role}" if owner else ""


def _last_event(discourse: "Discourse", position: int):
    for event in reversed(discourse.events):
        if event.position < position and position - event.position <= 3000:
            return event
    return None


def _as(speaker: Speaker, reason: str) -> Speaker:
    if not speaker.decided:
        return speaker
    return Speaker(speaker.slug, speaker.name, speaker.kind, speaker.cited_by, reason)
