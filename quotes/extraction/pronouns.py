"""Whom "he" and "she" stand for: the most salient person of the article that agrees in gender.

Salience, in the order news prose uses it: a person named as the subject earlier in the same
sentence ("Sanders said he …"); otherwise whichever is more recent of the last person quoted and
the last person named as a sentence's subject ("Groberg, 33, … “…,” he said"); otherwise the
last person named at all. A person whose gender the article (or the given-name data) gives as
the other one is never chosen; one whose gender is unknown may be. When nobody fits the
proposal stays undecided and says why.
"""

import re
from typing import TYPE_CHECKING

from .gender import gender_of_given_name, given_name_is_certain, given_name_is_mixed
from .lexicon import SPEECH_VERB_RE
from .model import Speaker, undecided
from .subject_position import is_subject

if TYPE_CHECKING:
    from .attribution import Discourse, Entity
    from .mentions import Mention

_FEMALE = {"she", "her"}
_WINDOW = 1500
# a passive's agent: "… was told at a press conference by Foreign Minister "
_AGENT = re.compile(r"\bby\s+(?:[\w.’'-]+\s+){0,5}$")
# an inverted speaker: "Mandates are a burden, said Wilcox, an Orlando Republican."
_INVERTED_SPEAKER = re.compile(
    r",\s+(?:" + SPEECH_VERB_RE.pattern + r")\s+(?:[A-Z][\w.’'-]*\s+){0,3}$"
)


def pronoun_gender(mention: "Mention") -> str:
    return "f" if mention.text.lower() in _FEMALE else "m"


def entity_gender(discourse: "Discourse", entity: "Entity", soft: bool = True) -> str:
    """The person's gender; within a family sharing a surname (Hillary and Bill Clinton) the
    given name decides, since what the article says of "Clinton" may be about either. Without
    ``soft`` only what the text says (Mr, Ms, spokeswoman) counts."""
    person = discourse.people.person(entity.surname)
    if person is None:
        return ""
    if not soft:
        votes = person.votes
        return "" if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")
    first_names = {n.split()[0] for n in person.names if len(n.split()) > 1}
    tokens = (entity.speaker.name or "").split()
    if len(first_names) > 1 and len(tokens) > 1:
        return gender_of_given_name(tokens[0]) or person.gender
    return person.gender


def resolve_pronoun(discourse: "Discourse", mention: "Mention") -> Speaker:
    """See the module docstring. Given-name data is a soft sign: when nobody fits with it, the
    article's pronoun wins over it ("Senator Lindsey Graham … He added")."""
    if mention.text.lower() in ("it", "they"):
        return _resolve_body(discourse, mention)
    done = discourse.resolved_pronouns.get(mention.start)
    if done is None:
        found = _resolve(discourse, mention, soft=True)
        if not found.decided:
            relaxed = _resolve(discourse, mention, soft=False)
            found = relaxed if relaxed.decided else found
        done = discourse.resolved_pronouns[mention.start] = found
    return done


def _resolve(discourse: "Discourse", mention: "Mention", soft: bool) -> Speaker:
    gender = pronoun_gender(mention)
    people = _people_before(discourse, mention)

    def fits(m: "Mention") -> bool:
        entity = discourse.entity_of.get(m.start)
        return (
            entity is not None
            and entity_gender(discourse, entity, soft) in ("", gender)
            and (soft or not _certainly_other(discourse, entity, gender))
        )

    def found(m: "Mention", why: str) -> Speaker:
        speaker = discourse.entity_of[m.start].speaker
        return _reason(speaker, f"'{mention.text}' refers to {speaker.name} ({why})")

    sentence = discourse.sentence_start(mention.start)
    same = [m for m in people if m.start >= sentence and fits(m) and is_subject(discourse, m)]
    if same:
        return found(same[0], "subject of the same sentence")
    event = _last_person_event(discourse, mention.start, gender, soft)
    unnamed = _unnamed_before(discourse, mention, gender, people, event)
    if unnamed is not None:
        speaker = discourse.resolve(unnamed)
        if speaker.decided:
            why = f"'{mention.text}' refers to {unnamed.text.strip()}, the sentence before"
            return _reason(speaker, why)
    asked = _asked_before(discourse, mention, people, fits)
    if asked is not None:
        return found(asked, "asked in the sentence before")
    introduced = _introduced_before(discourse, mention, people, fits, event)
    if introduced is not None:
        return found(introduced, "the one person named in the sentence before")
    subjects = [m for m in people if fits(m) and is_subject(discourse, m)]
    last_subject = subjects[-1] if subjects else None
    latest = max(
        event.position if event is not None else -1,
        last_subject.start if last_subject is not None else -1,
    )
    chained = _pronoun_subject_between(discourse, mention, latest)
    if chained is not None:
        # "Donald Trump is thanking … ¶ And he's predicted … ¶ “…,” he tells": a pronoun
        # subject after the last person quoted or named carries the same person on
        speaker = resolve_pronoun(discourse, chained)
        if speaker.decided:
            return _reason(speaker, f"'{mention.text}' continues '{chained.text}' ({speaker.name})")
    recent_subject = (
        last_subject is not None and last_subject.start >= discourse.paragraph(mention.start)[0]
    )
    if event is not None and (
        last_subject is None or event.position >= last_subject.start or not recent_subject
    ):
        return _reason(
            event.speaker,
            f"'{mention.text}' refers to the last person quoted, {event.speaker.name}",
        )
    if last_subject is not None:
        partner = _coordinated(discourse, last_subject, [m for m in people if fits(m)])
        if partner is not None:
            names = sorted(
                discourse.entity_of[m.start].speaker.name or "" for m in (last_subject, partner)
            )
            return undecided(f"'{mention.text}' is ambiguous between {', '.join(names)}")
        return found(last_subject, "last person named as a subject")
    fitting = [m for m in people if fits(m)]
    if fitting:
        return found(fitting[-1], "last person named")
    if people:
        names = ", ".join(sorted({discourse.entity_of[m.start].speaker.name or "" for m in people}))
        return undecided(f"'{mention.text}': nobody named before agrees in gender ({names})")
    return undecided(f"'{mention.text}' has no person named before it")


def _pronoun_subject_between(discourse, mention, floor: int):
    """The last "he"/"she" of the pronoun's gender that opens a sentence after ``floor``, in
    the pronoun's paragraph or the one before, outside the pronoun's own sentence."""
    gender = pronoun_gender(mention)
    sentence = discourse.sentence_start(mention.start)
    paragraph = discourse.paragraph(mention.start)
    index = discourse.paragraphs.index(paragraph) if paragraph in discourse.paragraphs else 0
    earliest = discourse.paragraphs[max(0, index - 1)][0] if discourse.paragraphs else 0
    for other in reversed(discourse.mentions):
        if other.start <= max(floor, earliest - 1):
            break
        if other.start < sentence and (
            other.kind == "pronoun"
            and other.text.lower() in ("he", "she")
            and pronoun_gender(other) == gender
            and is_subject(discourse, other)
        ):
            return other
    return None


_ASKED = re.compile(r"\b(?:asked|questioned|pressed)\s+$")


def _asked_before(discourse, mention, people, fits):
    """ "Last month, Scott Conroy asked Sanders whether … ¶ “Sure it is …,” he said": the
    answer is the one asked, when the pronoun's sentence opens with the quotation."""
    sentence = discourse.sentence_start(mention.start)
    quote_open = max(discourse.masked.rfind(c, 0, mention.start) for c in '“"«')
    if quote_open < sentence - 2 or quote_open <= 0:
        return None
    sentence = discourse.sentence_start(quote_open)
    previous = discourse.sentence_start(max(0, sentence - 2))
    asked = [
        m
        for m in people
        if previous <= m.start < sentence
        and _ASKED.search(discourse.masked, previous, m.start)
        and not re.match(r"['’]s?\s", discourse.masked[m.end : m.end + 3])  # "Trump's logic"
        and fits(m)
    ]
    return asked[0] if len(asked) == 1 else None


_GENDERED_NOUN = re.compile(r"(?P<f>wom[ae]n|ess|mother|daughter|wife|sister)$|(?P<m>m[ae]n)$")


def _unnamed_before(discourse, mention, gender: str, people, event):
    """ "A Treasury spokeswoman declined to comment. “…,” she said": an unnamed person who
    opens the sentence before as its subject, after anyone quoted or named, is the one meant
    when the noun does not say the other gender ("spokesman")."""
    sentence = discourse.sentence_start(mention.start)
    quote_open = max(discourse.masked.rfind(c, 0, mention.start) for c in '“"«')
    if quote_open >= sentence - 2 and quote_open > 0:
        sentence = discourse.sentence_start(quote_open)
    previous = discourse.sentence_start(max(0, sentence - 2))
    floor = max(event.position if event is not None else -1, *(m.start for m in people), -1)
    for m in reversed(discourse.mentions_in(previous, mention.start)):
        if m.kind != "anonymous" or m.start <= floor or m.role.endswith("s"):
            continue
        said = _GENDERED_NOUN.search(m.role or "")
        if said and not said.group(gender):
            return None
        opens = not discourse.mentions_in(discourse.sentence_start(m.start), m.start)
        # "Martha Allen, a Sanders delegate, …": a description of the person named before it
        return m if opens and is_subject(discourse, m) else None
    return None


def _introduced_before(discourse, mention, people, fits, event):
    """The one person named, not as an object, in the sentence before the pronoun's sentence
    and after the last quoted person: "… was told by Foreign Minister Sergei Lavrov. “…,” he
    said"."""
    sentence = discourse.sentence_start(mention.start)
    # the pronoun's sentence may open with the quotation: step back over it
    quote_open = max(discourse.masked.rfind(c, 0, mention.start) for c in '“"«')
    if quote_open >= sentence - 2 and quote_open > 0:
        sentence = discourse.sentence_start(quote_open)
    previous = discourse.sentence_start(max(0, sentence - 2))
    if event is not None and previous <= event.position < sentence:
        # "Kasich predicted that Republicans will take “every state” if Sanders wins. ¶ “…,”
        # he said": the sentence before quoted someone; the others named in it are not news
        return None
    floor = event.position if event is not None else -1
    named = [
        m
        for m in people
        if previous <= m.start < sentence
        and m.start > floor
        and (
            is_subject(discourse, m)
            or _AGENT.search(discourse.masked, 0, m.start)
            or _INVERTED_SPEAKER.search(discourse.masked, max(0, m.start - 60), m.start)
        )
    ]
    entities = {id(discourse.entity_of[m.start]) for m in named if m.start in discourse.entity_of}
    fitting = [m for m in people if fits(m)]
    if (
        len(entities) == 1
        and fits(named[-1])
        and _coordinated(discourse, named[-1], fitting) is None
    ):
        return named[-1]
    return None


def _resolve_body(discourse: "Discourse", mention: "Mention") -> Speaker:
    """ "It said" / "they said": the last body or group quoted, else the last body named as a
    sentence's subject ("The ministry … It said in a statement")."""
    kinds = ("institution",) if mention.text.lower() == "it" else ("institution", "anonymous")
    for event in reversed(discourse.events):
        if event.position >= mention.start or mention.start - event.position > _WINDOW:
            continue
        if event.speaker.kind in kinds:
            return _reason(
                event.speaker, f"'{mention.text}' refers to {event.speaker.name}, quoted before"
            )
        break  # a person was quoted last: "it" would be a guess
    bodies = [
        m
        for m in discourse.mentions
        if m.kind in ("institution", "definite_org")
        and m.end <= mention.start
        and mention.start - m.end <= 600
        and is_subject(discourse, m)
    ]
    if bodies:
        speaker = discourse.resolve(bodies[-1])
        if speaker.decided:
            return _reason(speaker, f"'{mention.text}' refers to {speaker.name}, named before")
    return undecided(f"'{mention.text}': no body or group named before")


def introduced_before(
    discourse: "Discourse", mention: "Mention", fits_speaker, gender: str = ""
) -> Speaker | None:
    """The one person the sentence before ``mention``'s introduces (see `_introduced_before`),
    among those ``fits_speaker`` accepts; ``gender`` '' when the mention says none."""

    def fits(m: "Mention") -> bool:
        entity = discourse.entity_of.get(m.start)
        return entity is not None and fits_speaker(entity.speaker)

    event = _last_person_event(discourse, mention.start, gender)
    found = _introduced_before(discourse, mention, _people_before(discourse, mention), fits, event)
    return None if found is None else discourse.entity_of[found.start].speaker


def _people_before(discourse: "Discourse", mention: "Mention") -> list["Mention"]:
    """The people named in the ``_WINDOW`` before ``mention``."""
    return [
        m
        for m in discourse.mentions
        if m.kind == "person" and m.end <= mention.start and mention.start - m.end <= _WINDOW
    ]


def _coordinated(discourse: "Discourse", subject: "Mention", fitting: list["Mention"]):
    """Another person joined to ``subject`` by "and" ("Semyonov and Morozov met"): both fit."""
    entity = discourse.entity_of[subject.start]
    for other in fitting:
        if discourse.entity_of[other.start] is entity:
            continue
        first, second = sorted((subject, other), key=lambda m: m.start)
        if re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", discourse.masked[first.end : second.start]):
            return other
    return None


def _last_person_event(discourse: "Discourse", position: int, gender: str, soft: bool = True):
    """The last person quoted before ``position`` who may be of ``gender`` ('' for any)."""
    for event in reversed(discourse.events):
        if event.position >= position or position - event.position > _WINDOW:
            continue
        if event.speaker.kind != "person":
            continue
        entity = discourse.entity_by_speaker(event.speaker)
        other = (
            gender
            and entity is not None
            and (
                entity_gender(discourse, entity, soft) not in ("", gender)
                or (not soft and _certainly_other(discourse, entity, gender))
            )
        )
        if other and not (soft and _just_quoted(discourse, entity, event, position)):
            continue
        return event
    return None


def _certainly_other(discourse, entity, gender: str) -> bool:
    """Whether the article is silent on the person's gender and their given name is one almost
    only the other gender bears ("Donald" for "she"): the relaxed pass must not pick them."""
    if entity_gender(discourse, entity, soft=False):
        return False
    given = (entity.speaker.name or "").split()
    return len(given) > 1 and given_name_is_certain(given[0]) not in ("", gender)


def _just_quoted(discourse, entity, event, position: int) -> bool:
    """ "Graham said, “…” ¶ He continued, “…”": the person quoted in this paragraph or the one
    before, whom only a mixed given name or a family's shared surname ("Clinton", of Bill and
    Hillary) gives the other gender, is still the one meant."""
    if entity_gender(discourse, entity, soft=False):
        return False  # the article itself says (Ms, spokeswoman)
    paragraph = discourse.paragraph(position)
    index = discourse.paragraphs.index(paragraph) if paragraph in discourse.paragraphs else 0
    earliest = discourse.paragraphs[max(0, index - 1)][0] if discourse.paragraphs else 0
    if event.position < earliest:
        return False
    given = (entity.speaker.name or "").split()
    if len(given) > 1:
        return given_name_is_mixed(given[0])  # not "Donald", "Roy": the name data is clear
    person = discourse.people.person(entity.surname)
    firsts = {n.split()[0] for n in person.names if len(n.split()) > 1} if person else set()
    return len({gender_of_given_name(first) for first in firsts} - {""}) > 1


def _reason(speaker: Speaker, reason: str) -> Speaker:
    return Speaker(speaker.slug, speaker.name, speaker.kind, speaker.cited_by, reason)
