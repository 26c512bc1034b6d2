"""Whether a mention is its sentence's subject ("Later, Giles said", "Sen. Cruz, 45, …",
"…, but Christie was not having it"), not an object ("told Smith"), a possessor ("Obama's
adviser") or a name modifying a noun ("Trump rallies"). Pronoun and role resolution ask it of
the people named before."""

import re
from typing import TYPE_CHECKING

from .lexicon import OWNED_NOUNS, SPEECH_VERB_RE, words
from .names import TITLE_WORDS

if TYPE_CHECKING:
    from .attribution import Discourse
    from .mentions import Mention

_OBJECT_BEFORE = re.compile(
    r"\b(?:of|with|to|for|from|about|against|by|at|on|in|than|(?<![.!?] )(?<!^)and|or|nor|like|"
    r"told|asked|met|called|thanked|endorsed|attacked|praised|criticized|defeated|beat)\s+$",
    re.I,
)
# "Simmons, an Obama supporter, said": a name inside an appositive describes someone else
_IN_APPOSITIVE = re.compile(r"\w,\s+(?:a|an|the|his|her)\s+[^,]*$")
# "Christie's been making the case": "'s" for "has" or "is", not a possessive
_CONTRACTION = re.compile(
    r"['’]s\s+(?:been|got|gotten|going|not|never|always|also|still|just|already|said|made|"
    r"done|had|a|an)\b"
)
# what a name modifies: what it owns (lexicon.OWNED_NOUNS) and what it is the name of
_MODIFIED_NOUN = re.compile(
    rf"\s+(?:{OWNED_NOUNS}|campaigns|supporter|rally|rallies|voters|event|events|fans|era|"
    r"presidency|policies|loyalists|delegates|backers|family|years|speech|victory|win|"
    r"nomination|candidacy)\b"
)


def is_subject(discourse: "Discourse", mention: "Mention") -> bool:
    """Whether a mention opens its sentence's subject ("Later, Giles said", "Sen. Cruz, 45, …")."""
    start = discourse.sentence_start(mention.start)
    before = discourse.masked[start : mention.start]
    if _OBJECT_BEFORE.search(before) or _IN_APPOSITIVE.search(before):
        return False
    after = discourse.masked[mention.end : mention.end + 40]
    possessive = mention.kind != "pronoun" and re.match(r"['’]s?\s", after)  # "he's": "he is"
    if possessive and not _CONTRACTION.match(after):
        return False  # "Obama's adviser said": the possessor is not the subject
    if _MODIFIED_NOUN.match(after):
        return False  # "Trump rallies", "Sanders supporters": the name modifies a noun
    words = [w for w in re.findall(r"[\w’'.-]+", before) if w.lower().strip(".") not in TITLE_WORDS]
    if (
        len(words) <= 4
        and not re.search(r"[“”\"]", before.strip())
        and not _after_a_verb(discourse, start, mention)
    ):
        return True
    if _DESCRIBED_OPENING.fullmatch(before) and re.match(r",\s", after):
        return True  # "The EU's foreign policy chief, Josep Borrell, rejected …"
    return _opens_clause(discourse, mention, before)


# a description opening the sentence that the name after it stands in apposition to
_DESCRIBED_OPENING = re.compile(
    r"\s*(?:[Tt]he|(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]*['’]s)\s+[^,.;:“”\"]{2,80},\s+"
)
_VERBS = words(
    "has have had is was are were will would can could met told beat thanked asked called "
    "wants wanted sees saw took takes gave gives made makes"
)


def _after_a_verb(discourse: "Discourse", start: int, mention: "Mention") -> bool:
    """ "Hillary Clinton described Donald Trump": a name after another name and a lowercase
    word is that one's object, however early in the sentence."""
    earlier = [m for m in discourse.mentions_in(start, mention.start) if m.kind == "person"]
    if not earlier:
        return False
    gap = discourse.masked[earlier[-1].end : mention.start]
    inverted = re.search(r",\s+([a-z]+)\s+$", gap)
    if inverted and SPEECH_VERB_RE.fullmatch(inverted.group(1)):
        return False  # "And Trump, said Sunshine, …": the inverted speaker is the subject
    between = re.findall(r"\b[a-z]{2,}\b", gap)
    # a verb between ("described", "has"), not a noun the name modifies ("Obama consultant")
    return any(w.endswith("ed") or w in _VERBS for w in between)


# what opens a clause inside a sentence: "…, but Christie was not having it", "In his
# assessment of the magnate, Calderon intimated …"
_CLAUSE_OPENING = re.compile(
    r"(?:,|\b(?:but|and|while|when|as|because|though|although|so|yet|whereas|since|after|"
    r"before|if|until|once))\s+(?:(?:[A-Z][\w.’'-]*|former|then)\s+){0,3}"
    # "…, Clinton campaign manager Robby Mook acknowledged": a title of lowercase nouns
    r"(?:(?:(?!(?:has|have|had|is|was|are|were|will|would|the|an?)\s)"
    r"(?![a-z]+(?:ed|ing)\s)[a-z0-9][\w-]*\s+){1,2})?$"
)
_VERB_AFTER = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s*,[^,“”\"]{1,80},)?\s+(?!(?:of|and|or|in|at|for|to|with|"
    r"from|on|by|the|a|an|who|whose|which|that)\b)[a-z]{2,}\b"
)


def _opens_clause(discourse: "Discourse", mention: "Mention", before: str) -> bool:
    """A subject after a conjunction or an introductory phrase, with its verb after it."""
    opening = _CLAUSE_OPENING.search(before)
    if opening is None or re.search(r"[“”\"]", before[opening.start() :]):
        return False
    return _VERB_AFTER.match(discourse.masked, mention.end) is not None
