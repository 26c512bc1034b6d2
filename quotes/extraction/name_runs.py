"""The name part of a capitalised run of words: where a title, a body or a place ends and the
person's name begins ("Federal Reserve Chair Jerome Powell" → Jerome Powell), read before
deciding whether the name is a person's (:mod:`.people`)."""

import re

from .gender import gender_of_given_name
from .lexicon import NATIONALITY_WORDS, NOT_NAME_WORDS, ORG_WORDS, ROLE_WORDS
from .names import GENERATIONS, TITLE_WORDS, common_word_surname, name_key, surname_word

TITLE_ABBREVIATIONS = {"sen", "rep", "gov", "gen", "lt", "col", "sgt", "adm", "rev", "capt", "maj"}
_PLURAL_GROUPS = {"democrats", "republicans", "americans", "conservatives", "liberals"}


def name_tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[\w’'\-.]+", name) if t.strip(".")]


def plain(token: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", token).lower().strip(".")


def _breaks(token: str) -> bool:
    if re.fullmatch(r"[A-Z]\.", token):
        return False  # an initial ("Robert A. Levinson"), not the article "a"
    word = plain(token)
    bare = token.strip(".")
    return (
        word in NOT_NAME_WORDS
        or word in ORG_WORDS
        or word in NATIONALITY_WORDS
        or word in _PLURAL_GROUPS
        or (word.endswith("s") and (word[:-1] in NOT_NAME_WORDS or word[:-1] in NATIONALITY_WORDS))
        or (len(bare) > 1 and bare.isupper() and bare not in GENERATIONS)
    )


def name_part(tokens: list[str]) -> list[str] | None:
    """The name part of a capitalised run: what follows its last organisation, place or title
    word ("the Duma Committee on International Affairs Leonid Slutsky" → Leonid Slutsky); None
    when the run ends in such a word (an organisation, a month, a nationality)."""
    owners = [i for i, t in enumerate(tokens[:-1]) if re.search(r"['’]s?$", t)]
    if owners:  # "The Post's Ruth Marcus": the owner ends before the name it owns
        tokens = tokens[owners[-1] + 1 :]
    for i in range(len(tokens) - 1, -1, -1):
        previous = tokens[i - 1] if i else None
        # "Finance Minister Christian Lindner", "Roman Abramovich": a nationality or common
        # word that is a given name, right before the surname that ends the run (after a title
        # when it is a common word: "Will Trump win?" names no Will)
        word = plain(tokens[i])
        titled = previous is not None and plain(previous) in ROLE_WORDS | TITLE_WORDS
        given = (
            i == len(tokens) - 2
            and (word in NATIONALITY_WORDS or titled)
            and gender_of_given_name(word) != ""
            and not _breaks(tokens[-1])
        )
        if (
            _breaks(tokens[i])
            and not given
            and not surname_word(previous, tokens[i])
            and not common_word_surname(previous, tokens[i], i == len(tokens) - 1)
        ):
            tokens = tokens[i + 1 :]
            break
    titles = [
        i
        for i, t in enumerate(tokens[:-1])
        if (plain(t) in ROLE_WORDS or plain(t) in TITLE_WORDS)
        and not surname_word(tokens[i - 1] if i else None, t)
    ]
    if titles:  # "Federal Reserve Chair Jerome Powell": the name follows the last title word
        tokens = tokens[titles[-1] + 1 :]
    while tokens and (
        plain(tokens[0]) in ROLE_WORDS
        or plain(tokens[0]) in TITLE_WORDS
        or plain(tokens[0]) in TITLE_ABBREVIATIONS
        or plain(tokens[0]) in {"former", "then"}
    ):
        tokens = tokens[1:]
    if not tokens or len(tokens) > 5:
        return None
    if all(re.fullmatch(r"(?:[A-Z]\.)+", t) for t in tokens):
        return None
    return tokens


def surname_key(tokens: list[str]) -> str:
    plain = [t for t in tokens if not re.fullmatch(r"(?:[A-Z]\.)+|Jr\.|Sr\.|II|III", t)]
    return name_key(plain[-1]) if plain else ""
