"""Who issued a document the article quotes ("the statement reads", "the report says"): the
body named with it ("a statement from the German chancellery"), else whoever released it or
is the subject of the sentence that mentions it."""

import re
from typing import TYPE_CHECKING

from .lexicon import ORGANISATION_NOUNS
from .model import Speaker
from .subject_position import is_subject

if TYPE_CHECKING:
    from .attribution import Discourse
    from .mentions import Mention


def issuer_of_mentioned(discourse: "Discourse", mention: "Mention", head: str):
    """Who issued the document last mentioned ("Poland's energy ministry said in a statement …
    “…,” the statement reads"): the subject of the sentence that mentions it."""
    masked = discourse.masked
    sentence = discourse.sentence_start(mention.start)
    if _RELEASED.search(masked, sentence, mention.start):
        # "Andanar released a statement saying that …": the one who released it speaks
        issuer = _issuer_in(discourse, mention, head, sentence, mention.start)
        if issuer is not None:
            return issuer
    floor = max(0, mention.start - 1500)
    found = list(
        re.finditer(
            rf"\b(?:an?|its|his|her|their|the)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(head)}s?\b",
            masked[floor : mention.start],
            re.I,
        )
    )
    if not found:
        return None
    at = floor + found[-1].start()
    source = _DOCUMENT_FROM.match(masked, floor + found[-1].end())
    if source:  # "according to a statement from the German chancellery": named with it
        issuer = next(
            (
                m
                for m in discourse.mentions_in(source.end(), source.end() + 80)
                if m.start <= source.end() + 1
                and m.kind in ("person", "institution", "definite_org", "anonymous")
            ),
            None,
        )
        if issuer is not None:
            speaker = discourse.resolve(issuer)
            if speaker.decided:
                return _as(speaker, f"'{mention.text.strip()}' is the {head} from {speaker.name}")
        body = _BODY_NAMED.match(masked, source.end())
        if body and body.group("noun").lower() in ORGANISATION_NOUNS:
            name = body.group().strip()
            name = name[:1].upper() + name[1:]
            reason = f"'{mention.text.strip()}' is the {head} from the {body.group().strip()}"
            return Speaker(None, name, "institution", reason=reason)
    return _issuer_in(discourse, mention, head, discourse.sentence_start(at), at)


# "the German chancellery", "the Polish energy ministry": a body by its lowercase noun
_BODY_NAMED = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:[a-z-]+\s+)?(?P<noun>[a-z-]+)\b")
_DOCUMENT_FROM = re.compile(r"\s+(?:(?:issued|released|put out|sent)\s+by|from|by)\s+(?:the\s+)?")


# a verb of putting a document out, right before the document's description
_RELEASED = re.compile(
    r"\b(?:released|issued|sent|put out|sent out|posted|published|circulated|distributed|"
    r"unveiled|launched|filed|releases|issues|sends|posts|publishes)\s+(?:out\s+)?(?:\w+\s+)?$"
)


def _issuer_in(discourse: "Discourse", mention: "Mention", head: str, sentence: int, at: int):
    """The subject named between ``sentence`` and ``at``, as the document's issuer."""
    actors = [
        m
        for m in discourse.mentions_in(sentence, at)
        if m.kind in ("person", "institution", "definite_org", "anonymous", "pronoun")
        and is_subject(discourse, m)
    ]
    if not actors:
        return None
    speaker = discourse.resolve(actors[0])
    text = mention.text.strip()
    return (
        _as(speaker, f"'{text}' is the {head} {speaker.name} issued") if speaker.decided else None
    )


def _as(speaker: Speaker, reason: str) -> Speaker:
    if not speaker.decided:
        return speaker
    return Speaker(speaker.slug, speaker.name, speaker.kind, speaker.cited_by, reason)
