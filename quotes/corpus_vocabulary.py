"""The fixed vocabulary and shapes of the synthetic corpus (``generate_corpus``): word lists at
fixed frequency ranks, names, topics, outlets, the Zipf law of speakers' quote counts. Kept
apart from the command so that the loading code reads on its own."""

import itertools

from quotes.models import Organization


def _words(text: str) -> list[str]:
    return text.split()


VOCABULARY_SIZE = 2000
# The share of statements other outlets report too (each echo is a quote of its own).
ECHO_SHARE = 0.08
# Real words first, at fixed frequency ranks, so searches have stable targets; "ceasefire" is
# the benchmark's search word (rank ~100: a few percent of quotes).
STOP_WORDS = _words("the we will not and of to is that in it this our for with be are they have")
DOMAIN_WORDS = _words(
    "security dialogue sanctions alliance partners must cannot position talks treaty border "
    "defence energy trade pressure agreement government minister cooperation decision support "
    "threat region strategy response policy diplomacy pipeline embargo summit weapons troops "
    "council interests sovereignty stability escalation negotiations commitment deterrence "
    "presence measures signals framework members neighbours military economic political future "
    "values principle responsibility consultations guarantees transparency verification risk "
    "crisis conflict peace war control reduction enlargement membership exercises deployment "
    "airspace maritime cyber hybrid disinformation elections reform investment markets supply "
    "gas oil grid climate emissions refugees migration aid humanitarian reconstruction "
    "ceasefire corridor inspection observers mandate resolution veto coalition parliament"
)
FIRST_NAMES = _words(
    "Anna Boris Clara Dmitri Elena Fatima Georg Hanna Igor Jana Karl Lena Marek Nadia Oleg Petra "
    "Rasmus Sofia Tomas Ulla Viktor Wanda Yuri Zofia Ahmet Birgit Jens Irina Milan Olga"
)
LAST_NAMES = _words(
    "Adler Berg Novak Ivanova Kowalski Larsen Meyer Nilsson Orlov Petrov Quint Rossi Sorensen "
    "Tamm Ulrich Varga Weber Zeman Horvat Kask Lind Moreau Brandt Kuznetsov Hahn Falk Jovanovic "
    "Dahl Engel Sokolov"
)
TOPIC_NAMES = [
    "NATO–Russia dialogue",
    "Sanctions on Russia",
    "Arms control",
    "Energy security",
    "NATO enlargement",
    "EU defence integration",
    "Nuclear deterrence",
    "Climate policy",
    "Migration",
    "Trade agreements",
]
OUTLETS = [
    f"{a} {b}"
    for a in ("Daily", "Weekly", "Evening", "Morning")
    for b in _words("Post Herald Times Courier Observer Ledger Tribune Review Standard Gazette")
]
COUNTRIES = ["DE", "FR", "PL", "RU", "UA", "US", "GB", "EE", "FI", "SE", "NO", "IT", "ES", "TR"]
ORG_KINDS = [
    Organization.Kind.GOVERNMENT,
    Organization.Kind.MINISTRY,
    Organization.Kind.PARLIAMENT,
    Organization.Kind.THINK_TANK,
    Organization.Kind.INTERNATIONAL_ORGANIZATION,
]


def vocabulary() -> list[str]:
    """The fixed word list, most frequent first: stop words, domain words, then made-up words
    from a syllable table (no real meaning, but stable tokens for stemmers and tokenizers)."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    made_up = ("".join(pair) for pair in itertools.product(syllables, syllables, ["", "n", "r"]))
    words = list(dict.fromkeys(STOP_WORDS + DOMAIN_WORDS))
    taken = set(words)
    for word in made_up:
        if len(words) == VOCABULARY_SIZE:
            break
        if word not in taken:
            words.append(word)
    return words


def source_title(number: int) -> str:
    return f"Corpus article {number}"


def zipf_cumulative(count: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(count)))
