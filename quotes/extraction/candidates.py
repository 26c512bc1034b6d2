"""Which mentions of a clause can be the subject of its speech verb: not an object ("told
Smith"), not a name modifying a noun ("a Trump supporter", "the GOP front-runner"); people the
strict name rules missed are looked for again, leniently, next to the verb. Also the subject of
a sentence without a speech verb: the one opening it, or the only actor named in it."""

import re

from .attribution import Discourse
from .lexicon import SPEECH_VERB_RE
from .mentions import Mention, find_mentions
from .names import name_key

_NON_SUBJECT_BEFORE = re.compile(
    r"\b(?:(?:of|with|to|for|from|about|against|between|among|at|on|in|under|over|into|than)"
    r"(?:\s+(?-i:[A-Z][a-z]{1,3}\.))?"  # "worked for Sen. Lamar Alexander"
    # "and" joins objects ("told Smith and Jones"), but after a comma it opens a clause whose
    # subject follows: "It is not, and Halvorsen says …"
    r"|told|assured|informed|asked|urged|congratulated|met|(?<![.!?] )(?<!^)(?<!,\s)and)\s+$",
    re.I,
)
_ASKED_AFTER_QUOTE = re.compile(r"[”\"»],?\s+asked\s+$")
_PARTICIPLE_OPENING = re.compile(r"\b(?:with|and)(?:\s+[A-Z][a-z]{1,3}\.)?\s+$")

# "…, with Donald Trump tweeting that", "Ryan saying … and Trump calling it": the subject of
# the participle, not an object
_WITH_PARTICIPLE = re.compile(r"\s+[a-z]{2,}ing\b")

# "the Okafor campaign" (a body the person owns), not "the Cruz adviser" (someone unnamed)
_OWNED_NEXT = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:campaign|administration|team|staff|camp|office|organization|"
    r"foundation|company|government|ministry|party)\b"
)

# "the GOP front-runner", "a longtime GOP data expert": a body's name modifying a noun
_MODIFIER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}$")
_NOT_A_NOUN = re.compile(
    r"\s+(?:has|have|had|is|was|are|were|will|would|can|could|may|might|must|should|did|does|"
    r"also|then|later|again|now|itself|once|still|already|first|earlier|last|this|that|on|in|"
    r"at|to|for|of|with|from|by|and|or|but|who|which|[a-z]+ly|[a-z]+ed)\b"
)


def _modifies_a_noun(masked: str, mention: Mention) -> bool:
    after = masked[mention.end : mention.end + 30]
    return (
        mention.kind in ("institution", "person")  # "the GOP front-runner", "a Trump supporter"
        and bool(_MODIFIER_BEFORE.search(masked[max(0, mention.start - 40) : mention.start]))
        and bool(re.match(r"\s+[a-z][\w-]*", after))
        and not _NOT_A_NOUN.match(after)
        and not SPEECH_VERB_RE.match(after.strip())
        # "the Okafor campaign said": what a person owns is read by the subject rules
        and not (mention.kind == "person" and _OWNED_NEXT.match(after))
    )


def _candidates(discourse: Discourse, start: int, end: int) -> list[Mention]:
    masked = discourse.masked
    found = []
    for mention in discourse.mentions_in(start, end):
        before = masked[max(start, mention.start - 20) : mention.start]
        participle_subject = _PARTICIPLE_OPENING.search(before) and _WITH_PARTICIPLE.match(
            masked, mention.end
        )
        # "“…?” asked Dunn" is the inverted attribution, not "asked Dunn whether …"
        inverted = _ASKED_AFTER_QUOTE.search(masked, max(0, mention.start - 30), mention.start)
        if _NON_SUBJECT_BEFORE.search(before) and not participle_subject and not inverted:
            continue
        if _modifies_a_noun(masked, mention):
            continue
        found.append(mention)
    if not any(m.kind == "person" for m in found):
        for mention in find_mentions(
            masked, start, end, discourse.known, discourse.outlet, strict=False
        ):
            overlapping = any(m.start < mention.end and mention.start < m.end for m in found)
            object_like = _NON_SUBJECT_BEFORE.search(
                masked[max(start, mention.start - 20) : mention.start]
            )
            if mention.kind == "person" and not overlapping and not object_like:
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def subject_of_sentence(discourse: Discourse, start: int, end: int) -> Mention | None:
    """The only person or institution named in ``[start, end)``, if there is exactly one."""
    actors = [
        m
        for m in _candidates(discourse, start, end)
        if m.kind in ("person", "institution", "definite_org")
    ]
    names = {(m.kind, name_key(m.name or m.text)) for m in actors}
    return actors[0] if len(names) == 1 else None


# "In the depths of the Great Recession, Paul Ryan worried …"
_OPENING_PHRASE = re.compile(
    r"(?:In|On|At|After|Before|During|Despite|Amid|Since|Under|Following|Throughout|From|"
    # "When Wallace died in 1998, President Clinton released the following statement:"
    r"When|While|Although|Though|Because|Once|Until)\b"
    r"[^,;:“”\"]{0,80},\s+"
)


def sentence_subject(discourse: Discourse, start: int, end: int) -> Mention | None:
    """The mention opening the sentence at ``start`` as its subject ("Later, Sanders …"), if
    one does before ``end``; names inside an opening phrase are not it."""
    opening = _OPENING_PHRASE.match(discourse.masked, start, end)
    for mention in discourse.mentions_in(opening.end() if opening else start, end):
        before = discourse.masked[start : mention.start]
        # "In response to questions from lawmakers, Comey indicated": an opening phrase
        introduced = re.fullmatch(r"[A-Z][^,;:“”\"]{0,80},\s*", before)
        if (len(before.split()) > 4 and not introduced) or re.search(r"[“”\"]", before):
            return None
        actor = mention.kind in ("person", "institution", "anonymous", "nominal", "pronoun", "role")
        follows = discourse.masked[mention.end : mention.end + 120]
        # "He’s predicting": after a pronoun, "’s" is a contracted auxiliary, not a possessive
        contracted = r"(?:['’](?:s|d|ll|ve|re)\b)?" if mention.kind == "pronoun" else ""
        verb_follows = re.match(contracted + r"(?:\s*,[^,]{1,80},)?\s+[a-z]", follows)
        if actor and verb_follows and not _NON_SUBJECT_BEFORE.search(before):
            return mention
        return None
    return None
