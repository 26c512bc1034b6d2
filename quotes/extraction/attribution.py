"""Who said it: the speaker of a quotation from the prose around it.

The attribution clause is looked for right after the quotation (``…,” said X`` / ``…,” X told
Izvestia``), then before it in the same sentence (``X explained: “…``, ``he reiterated that “…``),
then in the preceding sentence. The mention in subject position of the speech verb is the
speaker; pronouns and role references ("he", "the minister", "the expert", "the interlocutor of
Kommersant") are resolved against what was named before. When this does not give a single
answer the speaker is left undecided, with the reason.
"""

import re
from dataclasses import dataclass, field

from .lexicon import OUTLETS, SPEECH_VERB_RE
from .mentions import EXPERT_ROLES, Mention, find_mentions, institution_variants
from .model import KnownSpeaker, Speaker, undecided
from .names import match_known_person, name_key, name_keys
from .sentences import QUOTE_CHARS, _is_abbreviation, paragraphs

_NON_SUBJECT_BEFORE = re.compile(
    r"\b(?:of|with|to|for|from|about|against|between|among|at|on|in|under|over|into|than|"
    r"told|assured|informed|asked|urged|congratulated|met|and)\s+$", re.I)
_ACCORDING = re.compile(r"\baccording to\b", re.I)
_APPOSITIVE = re.compile(r",\s+((?:the\s+)?[A-Za-z][^,;.“”\"]{2,140}?)(?=,)")
_TOLD = re.compile(r"\b(?:told|assured|informed|said to|explained to|according to)\s+(?:the\s+)?"
                   r"(?P<outlet>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)")


@dataclass
class Entity:
    speaker: Speaker
    roles: list[str] = field(default_factory=list)
    surname: str = ""


@dataclass
class SpeakerEvent:
    position: int
    speaker: Speaker
    outlet: str = ""


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the inside of each span blanked (same length), marks kept."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


class Discourse:
    """What an article has named so far, to resolve speakers against."""

    def __init__(self, masked: str, known: list[KnownSpeaker], outlet: str):
        self.masked = masked
        self.known = list(known)
        self.outlet = outlet
        self.outlets = tuple(o for o in (*OUTLETS, outlet) if o)
        self.paragraphs = paragraphs(masked)
        self.mentions = find_mentions(masked, 0, len(masked), self.known, outlet)
        self.entity_of: dict[int, Entity] = {}
        self.events: list[SpeakerEvent] = []
        entities: dict[str, Entity] = {}
        for mention in self.mentions:
            if mention.kind == "person":
                self.entity_of[mention.start] = self._person_entity(mention, entities)

    # -- people ---------------------------------------------------------------------------
    def _person_entity(self, mention: Mention, entities: dict[str, Entity]) -> Entity:
        keys = name_keys(mention.name)
        surname = keys[-1] if keys else ""
        entity = None
        known = match_known_person(mention.tokens or (mention.name,), self.known)
        if mention.surname_only:
            named = [e for e in entities.values() if e.surname == surname]
            if named:
                entity = named[-1]
        if entity is None and known is not None:
            entity = entities.get(known.slug)
            if entity is None:
                entity = Entity(Speaker(known.slug, known.name, "person"), list(known.roles),
                                surname)
                entities[known.slug] = entity
        if entity is None:
            key = "name:" + " ".join(keys)
            entity = entities.get(key) or Entity(Speaker(None, mention.name, "person"), [],
                                                 surname)
            entities[key] = entity
        entities[entity.speaker.slug or "name:" + " ".join(keys)] = entity
        if mention.role:
            entity.roles.append(mention.role)
        appositive = _APPOSITIVE.match(self.masked, mention.end)
        if appositive:
            entity.roles.append(appositive.group(1))
        return entity

    def sentence_start(self, position: int) -> int:
        p_start = self.paragraph(position)[0]
        start = p_start
        for match in re.finditer(r"[.!?][\"”»)]*\s+", self.masked[p_start:position]):
            dot = p_start + match.start()
            following = self.masked[p_start + match.end():p_start + match.end() + 1]
            if self.masked[dot] == "." and _is_abbreviation(self.masked, dot):
                continue
            if following and following.islower():
                continue
            start = p_start + match.end()
        return start

    def sentence_end(self, position: int) -> int:
        p_end = self.paragraph(position)[1]
        for match in re.finditer(r"[.!?](?=\s|$)", self.masked[position:p_end]):
            dot = position + match.start()
            if self.masked[dot] == "." and _is_abbreviation(self.masked, dot):
                continue
            return dot + 1
        return p_end

    def paragraph(self, position: int) -> tuple[int, int]:
        for bounds in self.paragraphs:
            if bounds[0] <= position <= bounds[1]:
                return bounds
        return (position, position)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    # -- resolution -----------------------------------------------------------------------
    def resolve(self, mention: Mention) -> Speaker:
        if mention.kind == "person":
            entity = self.entity_of.get(mention.start)
            if entity is None:  # found by a relaxed search next to a speech verb
                entities: dict[str, Entity] = {}
                entity = self._person_entity(mention, entities)
            how = "matched known speaker" if entity.speaker.slug else "new person named"
            return _with_reason(entity.speaker, f"{how} '{mention.text.strip()}'")
        if mention.kind == "institution":
            return self._institution(mention.name, mention.known, mention.text)
        if mention.kind == "definite_org":
            return self._definite_org(mention)
        if mention.kind == "anonymous":
            return self._anonymous(mention)
        if mention.kind == "pronoun":
            return self._pronoun(mention)
        if mention.kind == "role":
            return self._role(mention)
        return undecided("no speaker mention")

    def _institution(self, name: str, known: KnownSpeaker | None, printed: str) -> Speaker:
        if known is None:
            folded = name.lower()
            for speaker in self.known:
                if speaker.kind == "institution" and folded in (
                        v.lower() for v in institution_variants(speaker)):
                    known = speaker
        if known is not None:
            return Speaker(known.slug, known.name, "institution",
                           reason=f"matched known institution '{printed.strip()}'")
        return Speaker(None, name, "institution", reason=f"institution named '{printed.strip()}'")

    def _definite_org(self, mention: Mention) -> Speaker:
        head = mention.name
        for earlier in reversed([m for m in self.mentions if m.end <= mention.start]):
            if earlier.kind == "institution" and head in earlier.name.lower():
                return _with_reason(self._institution(earlier.name, earlier.known, earlier.text),
                                    f"'{mention.text}' refers to {earlier.name}")
        matches = {s.slug: s for s in self.known if s.kind == "institution"
                   and any(head in v.lower() for v in institution_variants(s))}
        if len(matches) == 1:
            speaker = next(iter(matches.values()))
            return Speaker(speaker.slug, speaker.name, "institution",
                           reason=f"'{mention.text}' matches known institution {speaker.name}")
        if len(matches) > 1:
            return undecided(f"'{mention.text}' could be any of {', '.join(sorted(matches))}")
        return Speaker(None, head.title(), "institution", reason=f"institution '{mention.text}'")

    def _anonymous(self, mention: Mention) -> Speaker:
        outlet = mention.outlet or self.outlet
        if mention.anaphoric:
            for event in reversed([e for e in self.events if e.position < mention.start]):
                if (outlet and event.outlet == outlet) or event.speaker.kind == "anonymous":
                    return _with_reason(event.speaker,
                                        f"'{mention.text}' refers back to {event.speaker.name}")
        candidates = [s for s in self.known if s.kind == "anonymous"
                      and s.cited_by.lower() == outlet.lower()]
        if candidates:
            words = set(re.findall(r"\w+", mention.text.lower()))
            best = max(candidates, key=lambda s: len(words & set(re.findall(
                r"\w+", " ".join((s.name, *s.aliases)).lower()))))
            return Speaker(best.slug, best.name, "anonymous", outlet,
                           f"anonymous source cited by {outlet}")
        name = re.sub(r"^(?:an?|the|one of the|some|several)\s+", "", mention.text.strip(),
                      flags=re.I)
        return Speaker(None, name, "anonymous", outlet, f"anonymous source cited by {outlet}"
                       if outlet else "anonymous source, outlet unknown")

    def _people_before(self, position: int, window: int = 700) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "person" and m.end <= position
                and position - m.end <= window]

    def _pronoun(self, mention: Mention) -> Speaker:
        people = self._people_before(mention.start)
        if people:
            nearest = people[-1]
            start = self.sentence_start(nearest.start)
            group = [m for m in people if m.start >= start]
            distinct = {id(self.entity_of[m.start]): self.entity_of[m.start] for m in group}
            if len(distinct) == 1:
                entity = next(iter(distinct.values()))
                return _with_reason(entity.speaker,
                                    f"'{mention.text}' refers to {entity.speaker.name}")
            last = self.last_person_speaker(mention.start)
            if last and any(e.speaker == last for e in distinct.values()):
                return _with_reason(last, f"'{mention.text}' refers to the last speaker "
                                          f"{last.name}")
            names = ", ".join(sorted(e.speaker.name or "" for e in distinct.values()))
            return undecided(f"'{mention.text}' is ambiguous between {names}")
        last = self.last_person_speaker(mention.start, 1500)
        if last:
            return _with_reason(last, f"'{mention.text}' refers to the last speaker {last.name}")
        return undecided(f"'{mention.text}' has no person named before it")

    def last_person_speaker(self, position: int, window: int = 3000) -> Speaker | None:
        for event in reversed(self.events):
            if event.position < position and position - event.position <= window:
                if event.speaker.kind == "person":
                    return event.speaker
                return None
        return None

    def _role(self, mention: Mention) -> Speaker:
        role = mention.role
        if role in EXPERT_ROLES:
            last = self.last_person_speaker(mention.start)
            if last:
                return _with_reason(last, f"'{mention.text}' refers to the last quoted "
                                          f"person {last.name}")
            return undecided(f"'{mention.text}': no person quoted before")
        words = set(role.replace("-", " ").split())
        for earlier in reversed(self._people_before(mention.start, 4000)):
            entity = self.entity_of[earlier.start]
            if any(words <= set(r.lower().replace("-", " ").split()) for r in entity.roles):
                return _with_reason(entity.speaker,
                                    f"'{mention.text}' refers to {entity.speaker.name}")
        return undecided(f"'{mention.text}' matches no one named before")

    def record(self, position: int, speaker: Speaker, clause: str) -> None:
        if not speaker.decided:
            return
        told = _TOLD.search(clause)
        outlet = speaker.cited_by
        if told:
            outlet = next((o for o in self.outlets if told.group("outlet").startswith(o)), outlet)
        self.events.append(SpeakerEvent(position, speaker, outlet))


def _with_reason(speaker: Speaker, reason: str) -> Speaker:
    if not speaker.decided:
        return speaker
    return Speaker(speaker.slug, speaker.name, speaker.kind, speaker.cited_by, reason)


def _candidates(discourse: Discourse, start: int, end: int) -> list[Mention]:
    masked = discourse.masked
    found = []
    for mention in discourse.mentions_in(start, end):
        if _NON_SUBJECT_BEFORE.search(masked[max(start, mention.start - 20):mention.start]):
            continue
        found.append(mention)
    if not any(m.kind == "person" for m in found):
        for mention in find_mentions(masked, start, end, discourse.known, discourse.outlet,
                                     strict=False):
            if mention.kind == "person" and not any(
                    m.start < mention.end and mention.start < m.end for m in found):
                if not _NON_SUBJECT_BEFORE.search(
                        masked[max(start, mention.start - 20):mention.start]):
                    found.append(mention)
    return sorted(found, key=lambda m: m.start)


def subject_after(discourse: Discourse, position: int) -> tuple[Mention | None, str]:
    """The speaker named in the clause right after a quotation ("…,” said X / X said)."""
    masked = discourse.masked
    start = position
    while start < len(masked) and (masked[start] in QUOTE_CHARS + " ,–—-:" ):
        start += 1
    limit = discourse.sentence_end(start)
    next_mark = next((i for i in range(start, limit) if masked[i] in QUOTE_CHARS), limit)
    end = min(limit, next_mark)
    clause = masked[start:end]
    verb = SPEECH_VERB_RE.search(clause)
    if not verb or len(clause[:verb.start()].split()) > 25:
        return None, clause
    mentions = _candidates(discourse, start, end)
    before = [m for m in mentions if m.end <= start + verb.start()]
    if before and len(masked[start:before[0].start].split()) <= 2:
        return before[0], clause
    if len(clause[:verb.start()].split()) <= 1:
        after = [m for m in mentions if m.start >= start + verb.end()]
        if after:
            return after[0], clause
    return None, clause


def subject_before(discourse: Discourse, position: int,
                   floor: int | None = None) -> tuple[Mention | None, str]:
    """The speaker named before ``position`` in its sentence ("X explained: “…", "as X said,")."""
    start = discourse.sentence_start(position)
    if floor is not None:
        start = max(start, floor)
    clause = discourse.masked[start:position]
    verbs = list(SPEECH_VERB_RE.finditer(clause)) + list(_ACCORDING.finditer(clause))
    mentions = _candidates(discourse, start, position)
    if not verbs:
        if clause.rstrip().endswith(":") and mentions:
            return mentions[-1], clause
        return None, clause
    verb = max(verbs, key=lambda v: v.start())
    verb_at = start + verb.start()
    before = [m for m in mentions if m.end <= verb_at]
    after = [m for m in mentions if m.start >= start + verb.end()]
    if _ACCORDING.fullmatch(verb.group()):
        return (after[0] if after else None), clause
    passive = re.search(r"\b(?:was|were|is|are|been|be)\s+(?:\w+\s+)?$", clause[:verb.start()])
    if passive or re.match(r"\s*by\b", clause[verb.end():]):
        by_agent = [m for m in after if re.search(r"\bby\s+$", discourse.masked[
            max(start, m.start - 40):m.start]) or discourse.masked[m.start - 3:m.start] == "by "]
        if by_agent:
            return by_agent[0], clause
    if before:
        if verb.group().lower().endswith("ing"):
            return before[0], clause
        return before[-1], clause
    return (after[0] if after else None), clause


def subject_of_sentence(discourse: Discourse, start: int, end: int) -> Mention | None:
    """The only person or institution named in ``[start, end)``, if there is exactly one."""
    actors = [m for m in _candidates(discourse, start, end)
              if m.kind in ("person", "institution", "definite_org")]
    names = {(m.kind, name_key(m.name or m.text)) for m in actors}
    return actors[0] if len(names) == 1 else None
