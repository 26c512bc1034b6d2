"""The speaker named after the speech verb: "…,” said Senate Minority Leader Harry M. Reid",
"said a longtime adviser to Trump", "said Brenner's spokesman".

Split from :mod:`.subjects`, which reads the subject before the verb.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import DETERMINERS, ORGANISATION_NOUNS, OWNED_NOUNS
from .mentions import Mention
from .sentences import _is_abbreviation

if TYPE_CHECKING:
    from .attribution import Discourse


_OWNED_AFTER = re.compile(
    rf"\s*(?P<owner>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}})['’]s?\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?P<noun>{OWNED_NOUNS})\s*$"
)


def head_after(discourse: Discourse, verb_end: int, limit: int, mentions: list[Mention]):
    """The speaker named after "said": the last person of the noun phrase up to its first comma
    ("said Senate Minority Leader Harry M. Reid (D-Nev.)", "said Tom Reilly, who ran …")."""
    end = limit
    for stop in re.finditer(r"[,;:!?]|\.(?=\s|$)", discourse.masked[verb_end:limit]):
        at = verb_end + stop.start()
        if discourse.masked[at] == "." and _is_abbreviation(discourse.masked, at):
            continue  # "said Sen. Ada Mbeki", "said J. Smith"
        end = at
        break
    masked = discourse.masked
    # a complement is not the speaker: "said Tom Reilly of the Sierra Club", "said a longtime
    # adviser to Trump"
    complement = re.search(
        r"\s(?:of|to|for|at|with|from|in|on|who|whom|whose|which|that)\s", masked[verb_end:end]
    )
    head_end = verb_end + complement.start() if complement else end
    phrase = [m for m in mentions if verb_end <= m.start < head_end]
    people = [m for m in phrase if m.kind == "person"]
    if complement and not people:
        titled = _titled_name(masked, verb_end, end, mentions)
        if titled is not None:  # "said master of ceremonies Asab Al-Tabchi, a Syrian engineer"
            return titled
    # "exhorted Clinton's introducer, actress Jamie Lee Curtis", "said the group's president,
    # Jane Doe": the name in the appositive, when the phrase before it names nobody who speaks
    owner = people and re.match(r"['’]s?\s+[a-z]", masked[people[-1].end : people[-1].end + 4])
    if not people or owner:
        named = re.match(r",\s+(?:[a-z][\w-]*\s+){0,3}", masked[end : end + 40])
        later = [m for m in mentions if named and m.start == end + named.end()]
        described_only = all(m.kind in ("nominal", "role", "definite_org") for m in phrase)
        if later and later[0].kind == "person" and (owner or described_only):
            return later[0]
        if owner:
            people, phrase = [], []
    if people:
        return people[-1]
    if phrase:
        return phrase[0]
    owned = _OWNED_AFTER.match(masked, verb_end, head_end)
    if owned:  # "said Brenner's spokesman": someone of Brenner's, unnamed
        noun = owned.group("noun")
        kind = "institution" if noun in ORGANISATION_NOUNS else "anonymous"
        name = f"{owned.group('owner')} {noun}"
        return Mention(owned.start("owner"), owned.end(), kind, name, name, named_body=True)
    described = _DESCRIPTION.match(masked, verb_end, head_end)
    if described:  # "said the 46-year-old", "said a longtime adviser to Trump"
        # "said a former official who oversaw the cases": an unnamed source is named by the
        # description, not its clause ("the man who built …" still reads it)
        relative = re.search(r"\s(?:who|whom|whose|which|that)\s", masked[verb_end:end])
        if described.group("det").lower() == "the":
            relative = None
        text = masked[described.start("det") : verb_end + relative.start() if relative else end]
        text = text.strip()
        head = described.group("head").lower()
        return Mention(described.start("det"), end, "nominal", text, name=text, role=head)
    return None


_JOINING = {"of", "to", "for", "at", "with", "from", "in", "on", "by", "about", "and", "or"}
_NOT_A_TITLE = {"who", "whom", "whose", "which", "that", "but", "when", "after", "before"}


def _titled_name(masked: str, verb_end: int, end: int, mentions: list[Mention]):
    """A person named after a lowercase title that holds a complement ("said former secretary of
    state Hillary Clinton"), not the object of one ("said a longtime adviser to Ted Cruz")."""
    for m in mentions:
        if m.kind != "person" or not verb_end <= m.start < end:
            continue
        words = re.findall(r"\S+", masked[verb_end : m.start])
        lowercase = words and all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words)
        if not lowercase or words[-1] in _JOINING or words[0] in DETERMINERS:
            return None
        return None if _NOT_A_TITLE.intersection(words) else m
    return None


_DESCRIPTION = re.compile(
    r"\s*(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'.-]+\s+){0,4}?"
    r"(?P<head>(?:[a-z]|\d+-)[\w-]*[a-z])\s*$"  # "the spokeswoman", "the 46-year-old"
)
