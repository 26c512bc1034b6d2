"""People's names: transliteration-tolerant keys, finding names in prose, matching known speakers.

The same Russian name reaches English as Sergei/Sergey, Yuri/Yury/Yuriy, Fyodor/Fedor,
Alexander/Aleksandr; :func:`name_key` maps such variants to one key.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gender import gender_of_given_name
from .lexicon import (
    NATIONALITY_WORDS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    ROLE_WORDS,
    SPEECH_VERB_RE,
    words,
)
from .model import KnownSpeaker
from .places import is_place

TITLE_WORDS = words(
    """
mr mrs ms dr minister secretary general president chairman chairwoman director spokesman
spokeswoman spokesperson ambassador senator representative envoy head chief editor commander
premier chancellor deputy governor mayor professor adviser advisor aide colonel admiral
marshal captain lieutenant sergeant patriarch pope judge prosecutor ombudsman leader
sen sens rep reps gov gen lt col sgt adm rev capt maj
"""
)
# Capital letters of the Latin (with accents: Łukasiewicz, Ávila) and Cyrillic alphabets.
_CAPITALS = "".join(
    c for c in map(chr, (*range(0x41, 0x250), *range(0x400, 0x530))) if c.isupper() and c.isalpha()
)
# joined initials ("G.K. Holt", "R.J.") are one token
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_TOKEN = re.compile(rf"(?:[A-Z]\.){{2,3}}(?![\w’'])|[{_CAPITALS}][\w’'\-]*\.?|[A-Z]\.")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le", "bin", "ibn", "al", "el"}
# an Arabic article glued to the word after it, inside a name ("Sultan al-Jaber")
ARABIC_ARTICLE = r"(?:al|el|ad|ash|as|ar|an|az)-"
# a generation's numeral after a name ("Brent Bozell III"), not an acronym
GENERATIONS = frozenset({"II", "III", "IV"})


# Russian and Ukrainian letters as English-language news spells them (BGN/PCGN, simplified):
# "Сергей Лавров" gets the key of "Sergei Lavrov".
_CYRILLIC = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye"},
    }
)


def name_key(token: str) -> str:
    """A transliteration-insensitive key of one name token (Cyrillic transliterated first)."""
    key = _POSSESSIVE.sub("", token.lower().strip(".")).translate(_CYRILLIC)
    key = re.sub(r"[^a-z]", "", key)
    key = key.replace("x", "ks")
    key = re.sub(r"^ye", "e", key)
    for old, new in (
        ("yo", "e"),
        ("jo", "e"),
        ("ya", "ia"),
        ("ja", "ia"),
        ("yu", "iu"),
        ("ju", "iu"),
        ("kh", "h"),
        ("tch", "ch"),
        ("w", "v"),
        ("y", "i"),
        ("j", "i"),
    ):
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters
    key = re.sub(r"([^aeiou])er$", r"\1r", key)  # Alexander / Aleksandr, Peter / Petr
    return key


def name_keys(name: str) -> tuple[str, ...]:
    return tuple(name_key(t) for t in re.findall(r"[\w’'\-]+", name) if name_key(t))


@dataclass
class NameMention:
    start: int
    end: int
    name: str  # as printed, without role words
    role: str = ""  # role words printed right before the name ("Russian Foreign Minister")
    surname_only: bool = False
    tokens: tuple[str, ...] = field(default_factory=tuple)


def _plain(token: str) -> str:
    return _POSSESSIVE.sub("", token).lower().strip(".")


def _is_role(token: str) -> bool:
    word = _plain(token)
    return word in ROLE_WORDS or word in NATIONALITY_WORDS


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr"}


# title words that are also surnames: "Billie Jean King", "Erik Prince", "John Major"
_SURNAME_TITLES = {"king", "prince", "bishop", "judge", "major", "marshal", "pope", "lord"}
# place and building words that are also common surnames: "Fiona Hill", "Carla Hills",
# "Arsenio Hall" (but "Capitol Hill", "City Hall"; "House" and "Park" name bodies too often)
_SURNAME_PLACE_WORDS = {"hill", "hills", "hall"}


def surname_word(previous: str | None, token: str) -> bool:
    """A nationality or title word that is a surname: right after a given name or an honorific
    ("Mark Cuban", "Mr. English", "Billie Jean King"), not before a noun ("Cuban officials")."""
    surnames = NATIONALITY_WORDS | _SURNAME_TITLES | _SURNAME_PLACE_WORDS
    if previous is None or _plain(token) not in surnames:
        return False
    return gender_of_given_name(_plain(previous)) != "" or _plain(previous) in _HONORIFICS


# "Reagan Democrats", "Bernie Republicans": a party's members after a name are no surname
_PARTY_MEMBERS = frozenset({"democrat", "republican", "conservative", "liberal", "progressive"})


def common_word_surname(previous: str | None, token: str, last: bool) -> bool:
    """A common word ending a name right after a given name is a surname ("Theresa May",
    "Al From"); not a verb ("Hillary Says") nor in the middle of a run ("Bernie On Trump")."""
    word = _plain(token)
    return (
        last
        and previous is not None
        and word in NOT_NAME_WORDS
        and not token.isupper()
        and not word.endswith(("ed", "ing", "ly"))
        and not (word.endswith("s") and word[:-1] in NOT_NAME_WORDS | _PARTY_MEMBERS)
        and gender_of_given_name(_plain(previous)) != ""
        and not is_place(previous)  # "one Florida Republican strategist"
    )


def _breaks_name(
    token: str, previous: str | None = None, known_surnames=frozenset(), last: bool = False
) -> bool:
    word = _plain(token)
    if word in _SURNAME_TITLES or word in _SURNAME_PLACE_WORDS:
        # "King said" once the article has named Billie Jean King, "Hill said" after Fiona Hill
        return not (surname_word(previous, token) or name_key(token) in known_surnames)
    if common_word_surname(previous, token, last):
        return False
    if word in NOT_NAME_WORDS or word in ORG_WORDS or word in ROLE_WORDS:
        return True
    if word in NATIONALITY_WORDS:  # "Cuban said" once the article has named Mark Cuban
        return not (surname_word(previous, token) or name_key(token) in known_surnames)
    bare = _POSSESSIVE.sub("", token).strip(".")
    if _INITIALS.fullmatch(token):
        return False
    # acronyms (NATO, OSCE), not a generation's numeral ("Brent Bozell III")
    return len(bare) > 1 and bare.isupper() and bare not in GENERATIONS


def _particles_gap(gap: str) -> bool:
    """Whether the gap between two capitalised words is name particles: "Ursula von der Leyen",
    "Faisal bin Farhan", "Luis de Guindos"."""
    particles = gap.split(" ")[1:-1]
    return bool(particles) and all(word in _PARTICLES for word in particles)


def _surname_speaking(text: str, run, match, known_surnames) -> bool:
    """A common word alone that the article gave as someone's surname, right before a speech
    verb or a "who" clause: "From said" once it has named Al From, "May added" once it has
    named Theresa May, "Paris, who used to work on Capitol Hill," once it has named Jeremy Paris."""
    return (
        len(run) == 1
        and _plain(match.group()) in NOT_NAME_WORDS
        and name_key(match.group()) in known_surnames
        and (
            (
                text[match.end() : match.end() + 1] == " "
                and SPEECH_VERB_RE.match(text, match.end() + 1)
            )
            or re.match(r",\s+who\b", text[match.end() : match.end() + 8])
        )
    )


_ARTICLE_GAP = re.compile(rf" {ARABIC_ARTICLE}")


def _runs(text: str, start: int, end: int):
    """Runs of capitalized tokens separated by single spaces (or name particles)."""
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text, start, end):
        if run:
            gap = text[run[-1].end() : match.start()]
            # "Sultan al-Jaber": an Arabic article glued to a name inside a run
            joined = gap == " " or _particles_gap(gap) or _ARTICLE_GAP.fullmatch(gap)
            previous = run[-1].group()
            # "… Donald Trump. Johnson said": a full stop after a word ends the name
            stop = (
                previous.endswith(".")
                and len(previous) > 2
                and _plain(previous) not in TITLE_WORDS
                and not _INITIALS.fullmatch(previous)
            )
            if not joined or stop or _POSSESSIVE.search(previous) and "’s" in previous:
                yield run
                run = []
        run.append(match)
    if run:
        yield run


def find_names(
    text: str,
    start: int,
    end: int,
    known_surnames=frozenset(),
    strict: bool = True,
    lone_names=frozenset(),
) -> list[NameMention]:
    """Person names in ``text[start:end]``.

    A run of 2–3 capitalized words that are not role, organization or place words is a name
    when its surname is one the article shows to be a person's (``known_surnames``: the
    registry's and :class:`.people.PersonIndex`'s keys) or a role title precedes it
    (``strict``); a single word is a name only when it is such a surname or a title/honorific
    precedes it ("Mr. Stoltenberg", "Secretary General Stoltenberg"), or it is one of
    ``lone_names`` (given names the article also prints in full: "Ada said").
    """
    mentions = []
    for run in _runs(text, start, end):
        segment: list[re.Match[str]] = []
        role: list[re.Match[str]] = []
        pieces = []
        earlier = None
        for match in run + [None]:
            previous = segment[-1].group() if segment else earlier
            earlier = match.group() if match is not None else None
            last = match is run[-1]
            if match is not None and (
                _surname_speaking(text, run, match, known_surnames)
                or not _breaks_name(match.group(), previous, known_surnames, last)
            ):
                if segment and _POSSESSIVE.search(segment[-1].group()):
                    # "The Post's Dana Milbank": the owner ends before the name it owns
                    pieces.append((list(role), segment))
                    segment, role = [], []
                segment.append(match)
                continue
            if segment:
                org_follows = match is not None and (
                    _plain(match.group()) in ORG_WORDS or match.group().strip(".").isupper()
                )
                if not org_follows:
                    pieces.append((list(role), segment))
                segment = []
                role = []
            if match is not None:
                role = (
                    role + [match]
                    if _is_role(match.group())
                    else ([match] if _plain(match.group()) in ORG_WORDS | {"nato"} else [])
                )
        for role_tokens, segment in pieces:
            while len(segment) > 1 and _common_opener(text, segment[0]):
                segment = segment[1:]  # "Despite Rubio", "Telling Jeb Bush"
            for part in _split_long(segment):
                mention = _mention(text, role_tokens, part, known_surnames, strict, lone_names)
                if mention:
                    mentions.append(mention)
                role_tokens = []
    return mentions


@lru_cache(maxsize=4)
def lowercase_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z’'-]+\b", text))


def _common_opener(text: str, token: re.Match[str]) -> bool:
    """A capitalised word opening a sentence that the article also writes in lowercase: not the
    first word of a name ("Telling reporters …" where "telling" occurs elsewhere)."""
    before = text[max(0, token.start() - 3) : token.start()]
    if token.start() and not re.search(r"(?:[.!?:\n][\"”’)]?\s+|^\s*)$", before):
        return False
    word = token.group().lower()
    if word.endswith("ing") and not gender_of_given_name(word):
        return True  # "Asserting Clinton …", "Telling reporters …"
    if word.endswith("ed") and SPEECH_VERB_RE.fullmatch(word) and not gender_of_given_name(word):
        return True  # an inverted speech verb: "Continued Dorrit: “…”"
    return word in lowercase_words(text)


def _split_long(segment):
    if len(segment) == 4:  # "Vladimir Putin Dmitry Peskov": two names side by side
        return [segment[:2], segment[2:]]
    if len(segment) > 4:
        return []
    return [segment]


def _mention(text, role_tokens, part, known_surnames, strict, lone_names) -> NameMention | None:
    tokens = tuple(
        _POSSESSIVE.sub("", m.group()).rstrip(".")
        if not _INITIALS.fullmatch(m.group())
        else m.group()
        for m in part
    )
    full = [t for t in tokens if not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", t)]
    known = len(full) == 1 and name_key(full[0]) in known_surnames
    if not full or (is_place(" ".join(full)) and not known):
        return None  # "New Hampshire", "Iowa": places, not people (unless the article says so)
    role = " ".join(m.group() for m in role_tokens)
    printed = [tokens[0]]
    for before, token, match in zip(part, tokens[1:], part[1:], strict=False):
        gap = text[before.end() : match.start()]
        if _ARTICLE_GAP.fullmatch(gap):  # "al-Jaber"
            printed.append(gap.strip() + token)
        else:
            printed.append(f"{gap.strip()} {token}" if _particles_gap(gap) else token)
    titled = any(_plain(m.group()) in TITLE_WORDS for m in role_tokens)
    start, end = part[0].start(), part[-1].end()
    while end > start and text[end - 1] in "’'s." and _POSSESSIVE.search(text[start:end]):
        end -= 1 if text[end - 1] != "s" else 2
        break
    if len(full) == 1:
        surname_known = name_key(full[0]) in known_surnames | lone_names
        if surname_known or titled:
            return NameMention(start, end, " ".join(printed), role, True, tokens)
        return None
    before = re.search(r"\b([a-z][\w-]*)\s+$", text[max(0, start - 30) : start])
    confident = (
        titled
        or (before is not None and before.group(1) in TITLE_WORDS | ROLE_WORDS and len(full) >= 2)
        or name_key(full[-1]) in known_surnames
        or re.match(r",\s+(?:the\s+)?[a-z]*\s*[A-Za-z]+", text[end : end + 30]) is not None
        and _is_role(re.findall(r"[A-Za-z]+", text[end : end + 30])[0])
    )
    if strict and not confident:
        return None
    return NameMention(start, end, " ".join(printed), role, False, tokens)


def match_known_person(
    tokens: tuple[str, ...], speakers: list[KnownSpeaker]
) -> KnownSpeaker | None:
    """The known person whose name or alias matches ``tokens``; a lone surname must be unique."""
    keys = [name_key(t) for t in tokens if not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", t)]
    initials = [t[0].lower() for t in tokens if re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", t)]
    if not keys:
        return None
    full, by_surname = [], []
    for speaker in speakers:
        if speaker.kind != "person":
            continue
        for variant in (speaker.name, *speaker.aliases):
            nk = name_keys(variant)
            if not nk:
                continue
            if list(nk) == keys or (
                len(keys) >= 2 and len(nk) >= 2 and keys[0] == nk[0] and keys[-1] == nk[-1]
            ):
                full.append(speaker)
            elif (
                len(keys) == 1
                and keys[0] == nk[-1]
                and (not initials or nk[0].startswith(initials[0]) or len(nk) == 1)
            ):
                by_surname.append(speaker)
    for candidates in (full, by_surname):
        unique = {s.slug: s for s in candidates}
        if len(unique) == 1:
            return next(iter(unique.values()))
    return None


def known_surname_keys(speakers: list[KnownSpeaker]) -> frozenset[str]:
    keys = set()
    for speaker in speakers:
        if speaker.kind == "person":
            for variant in (speaker.name, *speaker.aliases):
                nk = name_keys(variant)
                if nk:
                    keys.add(nk[-1])
    return frozenset(keys)
