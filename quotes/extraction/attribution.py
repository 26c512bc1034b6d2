"""Who said it: the speaker behind a mention, from what the article named before.

:mod:`.subjects` finds the mention in subject position of the speech verb next to a quotation;
here that mention becomes a speaker. Pronouns and role references ("he", "the minister", "the
expert", "the interlocutor of Kommersant", "the diplomat") are resolved against what was named
before. When this does not give a single
answer the speaker is left undecided, with the reason.
"""

import re
from dataclasses import dataclass, field

from .gender import gender_of_given_name
from .institutions import resolve_definite_org, resolve_institution, with_reason
from .lexicon import OUTLETS, ROLE_WORDS
from .mentions import EXPERT_ROLES, Mention, find_mentions
from .model import KnownSpeaker, Speaker, undecided
from .name_order import headline_surname_named_in_lede
from .names import lowercase_words, match_known_person, name_keys
from .nominals import bearer_of_role, resolve_nominal, role_fallback
from .people import PERSON_ROLES, PersonIndex
from .places import is_place, party_label
from .printed_roles import printed_roles
from .pronouns import resolve_pronoun
from .sentences import _is_abbreviation

# a description right before a relative pronoun: "One attendee, who …"
_DESCRIBED_BY = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}"
    r"[a-z][\w-]*[a-z]),\s*$"
)
# an unnamed someone whose tie to the name after it is printed: "a longtime aide to the "
_GOVERNING_NOUN = re.compile(
    r"\b((?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}?([a-z][a-z-]+))\s+"
    r"(?:to|of|for|at|with|from|in)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$"
)
_TOLD = re.compile(
    r"\b(?:told|assured|informed|said to|explained to|according to)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)"
)

_DESCRIPTION_OPENING = re.compile(
    r"\s+The\s+(?:[\w’'-]+\s+){0,4}?(?:"
    + "|".join(sorted(PERSON_ROLES, key=len, reverse=True))
    + r")\b(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?"
)


@dataclass
class Entity:
    speaker: Speaker
    roles: list[str] = field(default_factory=list)
    surname: str = ""
    by_surname: bool = False  # the article has named this person by the surname alone
    given: str = ""  # the given name's key, for a person named in full
    label: str = ""  # party and state printed after the name ("R-Iowa" → "Republican Iowa")


@dataclass
class SpeakerEvent:
    position: int
    speaker: Speaker
    outlet: str = ""


class Discourse:
    """What an article has named so far, to resolve speakers against."""

    def __init__(self, masked: str, known: list[KnownSpeaker], outlet: str):
        self.masked = masked
        self.known = list(known)
        self.outlet = outlet
        self.outlets = tuple(o for o in (*OUTLETS, outlet) if o)
        # untrimmed lines: a masked quotation at a paragraph's end is blank but still inside it
        self.paragraphs = [m.span() for m in re.finditer(r"[^\n]+", masked)]
        self.people = PersonIndex(masked)
        self.mentions = find_mentions(
            masked, 0, len(masked), self.known, outlet, extra_surnames=self.people.surnames()
        )
        full = [
            name_keys(m.name)
            for m in self.mentions
            if m.kind == "person" and not m.surname_only and len(name_keys(m.name)) >= 2
        ]
        named = {keys[-1] for keys in full}
        # "Ada Okafor … Ada said": a given name alone, when the article writes it only as one
        given = (
            {keys[0] for keys in full if gender_of_given_name(keys[0]) and not is_place(keys[0])}
            - named
            - lowercase_words(masked)
        )
        self.given_names = frozenset(given)
        if named:  # a surname alone refers to someone named in full in the article
            self.mentions = find_mentions(
                masked,
                0,
                len(masked),
                self.known,
                outlet,
                extra_surnames=frozenset(named) | self.people.surnames(),
                lone_names=self.given_names,
            )
        self.entity_of: dict[int, Entity] = {}
        self.events: list[SpeakerEvent] = []
        self.resolved_pronouns: dict[int, Speaker] = {}  # by position: pronouns chain on
        entities: dict[str, Entity] = {}
        for mention in self.mentions:
            if mention.kind == "person":
                self.entity_of[mention.start] = self._person_entity(mention, entities)
        self._described_next()

    def _described_next(self) -> None:
        """ "Amara Okafor rides the bus. The 41-year-old mayor of Harbourton …": a definite
        description opening the next sentence describes the person who opened the sentence
        before."""
        for mention in self.mentions:
            entity = self.entity_of.get(mention.start)
            start = self.sentence_start(mention.start)
            if entity is None or self.masked[start : mention.start].strip():
                continue
            end = self.sentence_end(mention.start)
            described = _DESCRIPTION_OPENING.match(self.masked, end)
            if described and not self.mentions_in(end, described.end()):
                entity.roles.append(described.group().strip())

    # -- people ---------------------------------------------------------------------------
    def _person_entity(self, mention: Mention, entities: dict[str, Entity]) -> Entity:
        keys = name_keys(mention.name)
        surname = keys[-1] if keys else ""
        entity = None
        known = match_known_person(mention.tokens or (mention.name,), self.known)
        if mention.surname_only:
            named = [e for e in entities.values() if e.surname == surname]
            firsts = [] if named else self._named_in_full_by_given(surname, entities)
            if len(firsts) == 1:  # "Ada Okafor … Ada said": the one person of that given name
                entity = firsts[0]
            elif named:
                # "Donald Trump … Ivanka Trump … Trump said": the surname alone keeps naming
                # whom it named before, else the first of the family the article introduced
                entity = next((e for e in named if e.by_surname), named[0])
                entity.by_surname = True
        if entity is None and known is not None:
            entity = entities.get(known.slug)
            if entity is None:
                entity = Entity(
                    Speaker(known.slug, known.name, "person"),
                    list(known.roles),
                    surname,
                    given=_given(name_keys(known.name)),
                )
                entities[known.slug] = entity
        if entity is None and not mention.surname_only and len(keys) >= 2:
            earlier = [e for e in entities.values() if e.surname == surname]
            if headline_surname_named_in_lede(self, mention, surname, earlier):
                entity = earlier[0]
                entity.speaker = Speaker(None, mention.name, "person")
                entity.given = _given(keys)
        if entity is None:
            key = "name:" + " ".join(keys)
            entity = entities.get(key) or Entity(
                Speaker(None, mention.name, "person"), [], surname, given=_given(keys)
            )
            entities[key] = entity
        entities[entity.speaker.slug or "name:" + " ".join(keys)] = entity
        if mention.role:
            entity.roles.append(mention.role)
        entity.roles.extend(printed_roles(self.masked, mention, self.mentions))
        # "Sen. Joni Ernst, R-Iowa": the state tells "the Florida senator" apart
        entity.label = party_label(self.masked, mention.end) or entity.label
        return entity

    def _named_in_full_by_given(self, given: str, entities: dict[str, Entity]) -> list[Entity]:
        """The people printed in full with the given name ``given`` (one entity once each)."""
        if given not in self.given_names:
            return []
        return list({id(e): e for e in entities.values() if e.given == given}.values())

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding ``position`` begins: after the last stop and its closing
        marks, with or without a space ("… I love Hispanics!”Former candidate Jeb Bush")."""
        p_start = self.paragraph(position)[0]
        start = p_start
        for match in _SENTENCE_STOP.finditer(self.masked[p_start:position]):
            dot = p_start + match.start()
            following = self.masked[p_start + match.end() : p_start + match.end() + 1]
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
            return with_reason(entity.speaker, f"{how} '{mention.text.strip()}'")
        if mention.kind in ("role", "nominal", "anonymous"):
            named = self._appositive_name(mention.end)
            if named is not None:  # "her senior policy adviser, Jake Sullivan, said:"
                return with_reason(self.resolve(named), f"'{mention.text.strip()}' is {named.text}")
        if mention.kind == "institution":
            return resolve_institution(self, mention)
        if mention.kind == "definite_org":
            return resolve_definite_org(self, mention)
        if mention.kind == "anonymous":
            return self._anonymous(mention)
        if mention.kind == "pronoun":
            return self._pronoun(mention)
        if mention.kind == "role":
            return self._role(mention)
        if mention.kind == "nominal":
            return resolve_nominal(self, mention)
        if mention.kind == "relative":
            named = [m for m in self.mentions if m.end <= mention.start - 2][-1:]
            gap = self.masked[named[0].end : mention.start] if named else ""
            # "Sanders, meanwhile, who …": an adverb between the name and "who"
            governing = named and _GOVERNING_NOUN.search(
                self.masked, max(0, named[0].start - 60), named[0].start
            )
            person_noun = governing and governing.group(2).lower() in PERSON_ROLES | ROLE_WORDS
            if person_noun and re.fullmatch(r",\s*", gap):
                # "A longtime aide to the mayor, who spoke on condition of anonymity": the aide
                text = governing.group(1)
                head = governing.group(2).lower()
                at = governing.start(1)
                return resolve_nominal(
                    self, Mention(at, at + len(text), "nominal", text, text, role=head)
                )
            if named and re.fullmatch(r",\s*(?:\w+,\s*)?", gap) and named[0].kind != "relative":
                return with_reason(self.resolve(named[0]), f"'who' after {named[0].text}")
            people = [m for m in self.mentions if m.kind == "person" and m.end <= mention.start]
            gap = self.masked[people[-1].end : mention.start] if people else ""
            if people and re.fullmatch(r",\s+[^,;.“”\"]{2,80},\s*", gap):
                # "said Scott Reed, the Chamber's chief political strategist, who added that"
                return with_reason(self.resolve(people[-1]), f"'who' after {people[-1].text}")
            described = _DESCRIBED_BY.search(self.masked, max(0, mention.start - 80), mention.start)
            if described:  # "One attendee, who spoke on the condition of anonymity, said"
                text = described.group(1)
                head = text.split()[-1].lower()
                return resolve_nominal(
                    self,
                    Mention(described.start(1), described.end(1), "nominal", text, text, role=head),
                )
            return undecided("'who' has no name right before it")
        return undecided("no speaker mention")

    def _anonymous(self, mention: Mention) -> Speaker:
        outlet = mention.outlet or self.outlet
        if mention.anaphoric:
            for event in reversed([e for e in self.events if e.position < mention.start]):
                if (outlet and event.outlet == outlet) or event.speaker.kind == "anonymous":
                    return with_reason(
                        event.speaker, f"'{mention.text}' refers back to {event.speaker.name}"
                    )
        candidates = [
            s for s in self.known if s.kind == "anonymous" and s.cited_by.lower() == outlet.lower()
        ]
        if candidates and not mention.named_body:
            words = set(re.findall(r"\w+", mention.text.lower()))
            best = max(
                candidates,
                key=lambda s: len(
                    words & set(re.findall(r"\w+", " ".join((s.name, *s.aliases)).lower()))
                ),
            )
            return Speaker(
                best.slug, best.name, "anonymous", outlet, f"anonymous source cited by {outlet}"
            )
        name = mention.name or mention.text.strip()
        return Speaker(
            None,
            name,
            "anonymous",
            outlet,
            f"anonymous source cited by {outlet}" if outlet else "anonymous source, outlet unknown",
        )

    def _pronoun(self, mention: Mention) -> Speaker:
        return resolve_pronoun(self, mention)

    def entity_by_speaker(self, speaker: Speaker) -> Entity | None:
        for entity in self.entity_of.values():
            if entity.speaker == speaker or (
                speaker.slug is None and entity.speaker.name == speaker.name
            ):
                return entity
        return None

    def last_person_speaker(self, position: int, window: int = 3000) -> Speaker | None:
        for event in reversed(self.events):
            if event.position < position and position - event.position <= window:
                if event.speaker.kind == "person":
                    return event.speaker
                return None
        return None

    def _role(self, mention: Mention) -> Speaker:
        role = mention.role
        # "the press secretary of Vladimir Putin Dmitry Peskov": the name follows the role.
        gap_end = re.search(r"[.,;:!?“”\"]", self.masked[mention.end :])
        limit = mention.end + (gap_end.start() if gap_end else 80)
        following = [
            m
            for m in self.mentions
            if m.kind == "person"
            and mention.end <= m.start < min(limit, mention.end + 80)
            # only title words between: not "the president told NPR's Steve Inskeep"
            and _only_title_words(self.masked[mention.end : m.start])
        ]
        if following:
            return with_reason(
                self.resolve(following[-1]), f"'{mention.text}' is {following[-1].text}"
            )
        if role in EXPERT_ROLES:
            last = self.last_person_speaker(mention.start)
            if last:
                return with_reason(
                    last, f"'{mention.text}' refers to the last quoted person {last.name}"
                )
            return undecided(f"'{mention.text}': no person quoted before")
        found = bearer_of_role(self, mention)
        if found is not None:
            return found
        return role_fallback(self, mention, mention.text.strip(), role)

    def _appositive_name(self, position: int) -> Mention | None:
        """The person named between commas right after ``position``: the role's bearer."""
        for m in self.mentions:
            if m.start > position + 3:
                break
            if (
                m.kind == "person"
                and re.fullmatch(r",\s+", self.masked[position : m.start])
                and re.match(r"\s*,", self.masked[m.end : m.end + 3])
            ):
                return m
        return None

    def record(self, position: int, speaker: Speaker, clause: str) -> None:
        if not speaker.decided:
            return
        told = _TOLD.search(clause)
        outlet = speaker.cited_by
        if told:
            outlet = next((o for o in self.outlets if told.group("outlet").startswith(o)), outlet)
        self.events.append(SpeakerEvent(position, speaker, outlet))


_SENTENCE_STOP = re.compile(r"[.!?][\"”»)]*\s+|[.!?][\"”»)]+(?=[A-Z])")


def _given(keys: tuple[str, ...]) -> str:
    return keys[0] if len(keys) >= 2 else ""


def _only_title_words(gap: str) -> bool:
    """Whether ``gap`` holds only names, titles and joining words ("of the president")."""
    return all(
        w in ROLE_WORDS or w in ("of", "the", "for", "to", "and")
        for w in re.findall(r"\b[a-z][\w-]*", gap)
    )
