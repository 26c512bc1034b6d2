"""Who in an article is a person: read from the article's own context, never from a name list.

A capitalised name is taken for a person when the article treats it as one somewhere: a speech
verb next to it ("Okonkwo said", "said Marta Kowalczyk"), an honorific or role title before it
("Ms. Halvorsen", "spokeswoman Hope Hicks"), a description after it ("Maria Lopez, the acting
chairwoman", "Tom Reilly, who ran", "(R-Fla.)", ", 52,"). Once one mention of a surname has such
evidence, every mention of that surname is the same person. Places named as speakers ("Moscow
said") are governments, not people: :mod:`.places` tells them apart.

Each person also gets a grammatical gender: where the text shows it by an honorific (Mr, Ms) or a
gendered role noun (spokeswoman, congressman); else from open given-name data (:mod:`.gender`);
else from the pronoun the article uses right after the name when no other name stands between
("Halvorsen arrived. She spoke …").
"""

import re
from dataclasses import dataclass, field

from .gender import gender_of_given_name
from .lexicon import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    NATIONALITY_WORDS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    OUTLETS,
    PERSON_ROLES,
    ROLE_WORDS,
    SPEECH_VERB_RE,
)
from .name_runs import TITLE_ABBREVIATIONS, name_part, name_tokens, plain, surname_key
from .names import ARABIC_ARTICLE, TITLE_WORDS
from .places import is_place

# A name as printed: capitalised words, initials and name particles ("Ursula von der Leyen").
# Latin letters with their accents (Calderón, Łukasiewicz), as regex classes.
_UP = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper() and c.isalpha())
_LO = "".join(c for c in map(chr, range(0x61, 0x250)) if c.islower() and c.isalpha())
# One word of a name: "Lopez", "McDonald", "DeSantis", "Mark-Viverito", "O'Rourke", "J.", "G.K."
_WORD = (
    rf"(?:(?:[{_UP}][{_LO}]*['’]?[{_UP}]|[{_UP}])[{_LO}’']+(?:-[{_UP}]?[{_LO}’']+)*-?"
    r"|(?:[A-Z]\.){1,3})"
)
_NAME = re.compile(
    rf"(?<![\w’'.-]){_WORD}"
    r"(?:\s+(?:(?:de|van|von|der|da|di|la|le|bin|ibn|al|el)\s+)*"
    # "Sultan al-Jaber": an Arabic article joined to the name after the first word
    rf"(?:{ARABIC_ARTICLE})?(?:{_WORD}|Jr\.|Sr\.|II|III))*"
)
_WHO_AFTER = re.compile(r",\s+who\b")
_KIN_BEFORE = re.compile(
    r"\b(?:his|her|their|my|our)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|"
    r"widow|partner|friend|colleague|neighbo(?:u)?r|lawyer|attorney|spokes(?:wo)?man|aide|"
    r"chief of staff|deputy|boss|opponent|rival),\s+$",
    re.I,
)
_HONORIFIC_MALE = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Father)\.?\s+$")
_HONORIFIC_FEMALE = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Lady|Queen|Princess|Dame)\.?\s+$")
# the gender a role noun says: one list, lexicon's, read by the descriptions' rules too
_FEMALE_ROLES = re.compile(r"\b(?:" + "|".join(sorted(FEMALE_NOUNS)) + r")\b", re.I)
_MALE_ROLES = re.compile(r"\b(?:" + "|".join(sorted(MALE_NOUNS)) + r")\b", re.I)
# titles news also gives women ("Trump spokesman Hope Hicks"): weaker than the given name
_GENERIC_MALE_TITLES = re.compile(
    r"\b(?:spokesman|chairman|congressman|businessman|councilman)\b", re.I
)
# After a name: a description that only a person takes.
_PERSON_AFTER = re.compile(
    r"^(?:,\s+(?:who|whose)\b|,\s+\d{1,3},|\s+\([RDI]-|\s*\((?:@\w+|[RDI]\)))"
    r"|^,\s+(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){0,5}?(?P<role>[a-z][\w-]+)\b"
)
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|added|adds|asked|asks|wrote|writes|tweeted|explained|noted|recalled|"
    r"argued|according\s+to)|[,.]\s*[\"”“]?\s*(?:said|says))\s+$",
    re.I,
)
_SPEECH_AFTER = re.compile(
    r"^(?:\s*,[^,;.“”\"]{1,200},)?\s+(?:(?:also|later|then|again|once|has|had|have|previously|"
    r"recently|repeatedly|often|himself|herself|even|further|first|quickly|publicly|simply|"
    r"would|will|could|did|does|never|only|just|reportedly)\s+){0,2}(?P<verb>[\w-]+)"
    r"(?P<particle>\s+(?:on|in|back|out|it))?"  # "went on to say", "chimed in", "put it"
)
# a verb and a personal reflexive after the name ("Okafor distanced herself", "has called himself")
_REFLEXIVE_AFTER = re.compile(
    r"\s+(?:(?:has|had|have|also|then|once|even)\s+)?[a-z]{3,}(?:ed|s)\s+(?:himself|herself)\b"
)
_PRONOUN_AFTER = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)
_OUTLETS = frozenset(OUTLETS)
_OPENING_CONJUNCTIONS = {"and", "but", "yet", "so", "or"}
_PARTY_WORDS = {"democrat", "democratic", "republican", "independent", "libertarian"}


# A sentence opening with an adverb and a comma, or a plural noun before a plural verb: no name.
_NOT_A_NAME_OPENING = re.compile(
    r"[A-Z][a-z]{4,}ly,|[A-Z][a-z]+s\s+(?:also\s+)?(?:say|argue|note|warn|believe|think|"
    r"contend|predict|insist|claim|agree|suggest|fear|worry|estimate)\b"
    # "Analysts said", "Critics warned": a plural of a calling, whatever the verb's tense
    r"|[A-Z][a-z]+(?:ists|ysts|ians|ials|ics|ents|ees)\s+(?:also\s+)?(?:[a-z]+ed|said|told|wrote)\b"
)


@dataclass
class Person:
    """One person of the article, keyed by the surname's transliteration key."""

    surname: str
    names: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})  # Mr, spokeswoman
    title_votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})  # spokesman
    pronoun_votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})
    given: str = ""  # what the given-name data says ('' when unknown or the names disagree)

    @property
    def gender(self) -> str:
        """'m', 'f' or '' when nothing tells: an honorific or gendered role first, then the
        given name, then a "-man" title, then the pronouns that follow the name (the weakest)."""
        pronouns = self.pronoun_votes
        for votes in (self.votes, None, self.title_votes, pronouns):
            if votes is None:
                # "Sen. Lindsey Graham … he": the article's own pronouns, when they all agree
                # and are more than one, outweigh what the given name usually is
                unanimous = min(pronouns.values()) == 0 and max(pronouns.values()) >= 3
                if self.given and not unanimous:
                    return self.given
                continue
            if votes["m"] != votes["f"]:
                return "m" if votes["m"] > votes["f"] else "f"
        return ""


def _unowned(name: str) -> str:
    """A name without its possessive ending: "North Korea's" is a place as "North Korea" is."""
    return re.sub(r"['’]s?$", "", name)


def _sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a line or follows the end of a sentence."""
    return start == 0 or bool(
        re.search(r"(?:[.!?:][\"”’)]?\s+|\n\s*)$", text[max(0, start - 4) : start])
    )


_TITLE_CASE_SMALL_WORDS = re.compile(
    r"(?<![.!?:“\"] )(?<!^)\b(?:The|Of|And|To|In|On|For|With|At|By|From|Is|Are|A|An)\b(?= [A-Z])"
)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Headlines and other lines in Title Case ("Trump Stands Tall On Wall With Mexico"), where
    capitals say nothing about names: small words capitalised in the middle of the line."""
    return [
        line.span()
        for line in re.finditer(r"[^\n]+", text)
        if len(_TITLE_CASE_SMALL_WORDS.findall(line.group())) >= 2
    ]


def _common_before_name(word: str, lowered: set[str]) -> bool:
    """Whether the capitalised word before a lone name is a common word, not its title:
    "Election Day", "Against Trump" in a title-case line, one the article also writes in
    lowercase. A party or a role word is a title ("Republican Trump", "Chairman Holt"), and a
    conjunction opening the sentence leaves the name its subject ("And Obama, for all …")."""
    if word in _PARTY_WORDS | _OPENING_CONJUNCTIONS | PERSON_ROLES | ROLE_WORDS | TITLE_WORDS:
        return False
    return word in NOT_NAME_WORDS or word in lowered


class PersonIndex:
    """The people of one article (see the module docstring)."""

    def __init__(self, masked: str):
        self.by_surname: dict[str, Person] = {}
        lowered = set(re.findall(r"\b[a-z][a-z’'-]+\b", masked))
        title_case = _title_case_lines(masked)
        for match in _NAME.finditer(masked):
            raw = name_tokens(match.group())
            offset = match.start()
            # the evidence is read around the name part, after leading titles
            tokens = name_part(list(raw))
            if not tokens:
                continue
            if len(raw) > len(tokens) and is_place(_unowned(" ".join(raw[-len(tokens) - 1 :]))):
                continue  # "of North Carolina said": the place, not a person "Carolina"
            name_start = masked.find(tokens[0], offset)
            name_end = name_start + len(" ".join(tokens))
            name_end = match.end() if name_end > match.end() else match.end()
            if len(tokens) == 1:
                word = plain(tokens[0])
                common = word in lowered or (word.endswith("s") and word[:-1] in lowered)
                if common and _sentence_initial(masked, name_start):
                    continue  # "Officials said", "Analysts warn": a common noun opening a sentence
                if _sentence_initial(masked, name_start) and _NOT_A_NAME_OPENING.match(
                    tokens[0] + masked[name_end : name_end + 40]
                ):
                    continue  # "Significantly, the judge said", "Experts say"
                if is_place(_unowned(tokens[0])) and not _WHO_AFTER.match(masked, name_end):
                    continue  # "Moscow said" is a government; "Paris, who …, said" a person
            elif is_place(_unowned(" ".join(tokens))) and not _WHO_AFTER.match(masked, name_end):
                continue
            if " ".join(tokens) in _OUTLETS:
                continue
            before = masked[max(0, name_start - 40) : name_start]
            if re.search(r"\b[Tt]he\s+$", before):
                continue  # "The Harbour Ledger said": a body, not a person
            after = masked[name_end : name_end + 400]
            evidence = self._evidence(raw, tokens, before, after, lowered)
            if evidence == "speech verb" and len(tokens) == 1 and plain(tokens[0]) in lowered:
                evidence = ""  # "the Open said": a word the article also writes in lowercase
            if (
                not evidence
                and len(tokens) >= 2
                and not any(plain(t) in lowered for t in tokens)
                and not any(a <= name_start < b for a, b in title_case)
            ):
                evidence = "name-shaped"  # words the article never uses as common nouns
            surname = surname_key(tokens)
            if not surname:
                continue
            person = self.by_surname.get(surname)
            if evidence:
                if person is None:
                    person = self.by_surname[surname] = Person(surname)
                person.evidence.append(evidence)
            if person is not None:
                person.names.add(" ".join(tokens))
                self._gender_votes(person, raw, tokens, before, after)
        self._given_name_gender()

    def _evidence(self, raw, tokens, before, after, lowered) -> str:
        titled = len(raw) > len(tokens)
        if titled and len(tokens) == 1:
            # "Washington Post-ABC News": a word left after a body's or place's name is no
            # titled surname; "Gov. Reilly", "Chairman Holt" are
            printed = raw[len(raw) - 2]
            word = plain(printed)
            titled = not (
                is_place(printed.strip(".’'s"))
                or word in ORG_WORDS | NATIONALITY_WORDS
                or (len(word) > 1 and printed.strip(".").isupper())
                or _common_before_name(word, lowered)
            )
        prev = re.search(r"([A-Za-z][\w.-]*)\s+$", before)
        prev_word = plain(prev.group(1)) if prev else ""
        if prev and prev.group(1).endswith(".") and len(prev_word) > 4:
            prev_word = ""  # "… the nominee. Doing so": the word ends the sentence before
        if (
            titled
            or prev_word in TITLE_WORDS | TITLE_ABBREVIATIONS
            or (prev_word in PERSON_ROLES and prev.group(1)[:1].islower())
        ):
            return "title"
        if _HONORIFIC_MALE.search(before) or _HONORIFIC_FEMALE.search(before):
            return "honorific"
        if _KIN_BEFORE.search(before):
            return "description"  # "His wife, Maria, disagreed"
        titled_after = re.match(r",\s+(?:[A-Z][\w-]*\s+)?([A-Z][a-z-]+)\b", after)
        if titled_after and plain(titled_after.group(1)) in PERSON_ROLES:
            return "description"  # "Vasily Kashin, Deputy Director of …"
        described = _PERSON_AFTER.match(after)
        if described and (
            described.group("role") is None or described.group("role") in PERSON_ROLES
        ):
            return "description"
        complement = re.search(r"\b(?:of|for|from|with|at|in|to|by|on|about|against)\s+$", before)
        if re.match(r"\s*:\s", after) and re.search(r"(?:^|\n)\s*(?:[\w.’'-]+\s+){0,3}$", before):
            return "headline"  # "Okonkwo: Budget cuts 'will hit the poorest first'"
        verb = _SPEECH_AFTER.match(after)
        if (
            not complement
            and verb
            and (
                SPEECH_VERB_RE.fullmatch(verb.group("verb"))
                or SPEECH_VERB_RE.fullmatch(verb.group("verb") + (verb.group("particle") or ""))
            )
            and not after.startswith("’s")
        ):
            return "speech verb"
        if _SPEECH_BEFORE.search(before):
            return "speech verb"
        if _REFLEXIVE_AFTER.match(after):
            return "reflexive"  # "Sanders compared himself to Clinton": only a person does
        return ""

    def _gender_votes(self, person: Person, raw, tokens, before, after) -> None:
        if _HONORIFIC_MALE.search(before):
            person.votes["m"] += 3
        elif _HONORIFIC_FEMALE.search(before):
            person.votes["f"] += 3
        # the title printed with the name and the word right before it ("spokeswoman Hope
        # Hicks"), not any word nearby ("a woman at one of Trump's rallies")
        adjacent = re.search(r"(?:^|\s)([\w’'-]+)\s+$", before)
        title = " ".join(raw[: len(raw) - len(tokens)]) + " " + (adjacent[1] if adjacent else "")
        # the apposition right after it ("Lopez, the acting chairwoman,"), up to its end or a
        # relative clause ("Sanders, who told the woman …" says nothing of Sanders)
        described = re.split(r",|\b(?:who|whom|whose|that|which)\b", after[:60].split(".")[0])
        described = described[1] if after.startswith(",") and len(described) > 1 else ""
        for text in (title, described):
            if _FEMALE_ROLES.search(text):
                person.votes["f"] += 2
            elif _MALE_ROLES.search(text):
                person.votes["m"] += 2
            elif _GENERIC_MALE_TITLES.search(text):
                person.title_votes["m"] += 2
        # the first pronoun of this or the next two sentences, when no other name stands between
        window = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", after, maxsplit=3)
        span = " ".join(window[:3])
        # a pronoun right after a quotation ("“…,” she said") is what is being resolved
        pronoun = next(
            (
                p
                for p in _PRONOUN_AFTER.finditer(span)
                if not re.search(r"[\"”“»]\s*[,.]?\s*$", span[: p.start()])
            ),
            None,
        )
        if pronoun and not any(
            name_part(name_tokens(m.group())) for m in _NAME.finditer(span, 0, pronoun.start())
        ):
            gender = "f" if pronoun.group(1).lower().startswith(("s", "her")) else "m"
            person.pronoun_votes[gender] += 1

    def _given_name_gender(self) -> None:
        for person in self.by_surname.values():
            guesses = set()
            for name in person.names:
                tokens = [t for t in name_tokens(name) if not re.fullmatch(r"(?:[A-Z]\.)+", t)]
                # "Attorney General Michael Mukasey": the given name after the printed title
                known = [
                    gender_of_given_name(t)
                    for t in tokens[:-1]
                    if t.lower().strip(".") not in TITLE_WORDS
                ]
                guesses.add(next((g for g in known if g), ""))
            guesses.discard("")
            person.given = guesses.pop() if len(guesses) == 1 else ""

    def surnames(self) -> frozenset[str]:
        return frozenset(self.by_surname)

    def person(self, surname_key: str) -> Person | None:
        return self.by_surname.get(surname_key)
