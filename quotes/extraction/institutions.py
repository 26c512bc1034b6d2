"""Which body a mention of an institution names: a short form ("the Commission"), a definite
noun ("the ministry", "the newspaper") or a printed name, matched to the known institutions.

Split from :mod:`.attribution`, which keeps the people and the pronouns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .mentions import Mention, institution_variants
from .model import KnownSpeaker, Speaker, undecided

if TYPE_CHECKING:
    from .attribution import Discourse

_MEDIA_NOUNS = {"newspaper", "paper", "broadcaster", "network", "magazine"}
_OUTLET_NAME = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Observer|"
    r"Independent|Chronicle|Examiner|Daily|Magazine|Review|Television|TV|Radio)\b"
)


def resolve_institution(discourse: Discourse, mention: Mention) -> Speaker:
    fuller = fuller_name(discourse, mention)
    if fuller is not None:
        return with_reason(
            institution_speaker(discourse, fuller.name, fuller.known, fuller.text),
            f"'{mention.text}' is short for {fuller.name}",
        )
    return institution_speaker(discourse, mention.name, mention.known, mention.text)


def fuller_name(discourse: Discourse, mention: Mention) -> Mention | None:
    """An institution named in full before: "the Commission" after "the European
    Commission"."""
    if mention.known is not None:
        return None
    short = mention.name.lower()
    for earlier in reversed([m for m in discourse.mentions if m.end <= mention.start]):
        name = earlier.name.lower()
        if earlier.kind == "institution" and name != short and name.endswith(" " + short):
            return earlier
    return None


def institution_speaker(
    discourse: Discourse, name: str, known: KnownSpeaker | None, printed: str
) -> Speaker:
    if known is None:
        folded = name.lower()
        for speaker in discourse.known:
            if speaker.kind == "institution" and folded in (
                v.lower() for v in institution_variants(speaker)
            ):
                known = speaker
    if known is not None:
        return Speaker(
            known.slug,
            known.name,
            "institution",
            reason=f"matched known institution '{printed.strip()}'",
        )
    return Speaker(None, name, "institution", reason=f"institution named '{printed.strip()}'")


def resolve_definite_org(discourse: Discourse, mention: Mention) -> Speaker:
    head = mention.name
    # "According to the newspaper" after "the Daily News": the outlet named before
    outlet = _OUTLET_NAME if head in _MEDIA_NOUNS else None
    earlier = [
        m
        for m in discourse.mentions
        if m.end <= mention.start
        and m.kind == "institution"
        and (
            head in f"{m.name} {m.text}".lower()
            or (outlet is not None and (outlet.search(m.name) or m.name in discourse.outlets))
        )
    ]
    for candidates in ([m for m in earlier if m.known], earlier):
        if candidates:
            found = candidates[-1]
            name = found.name
            # "the alliance" after "the Liaison Mission of the North Atlantic Alliance"
            # is the alliance, not the mission.
            parts = re.split(r"\s+(?:of|on|for|to|under)\s+(?:the\s+)?", name, maxsplit=1)
            if (
                found.known is None
                and len(parts) == 2
                and head not in parts[0].lower()
                and head in parts[1].lower()
            ):
                name = parts[1]
            return with_reason(
                institution_speaker(discourse, name, found.known, found.text),
                f"'{mention.text}' refers to {name}",
            )
    matches = {
        s.slug: s
        for s in discourse.known
        if s.kind == "institution" and any(head in v.lower() for v in institution_variants(s))
    }
    if len(matches) == 1:
        speaker = next(iter(matches.values()))
        return Speaker(
            speaker.slug,
            speaker.name,
            "institution",
            reason=f"'{mention.text}' matches known institution {speaker.name}",
        )
    if len(matches) > 1:
        return undecided(f"'{mention.text}' could be any of {', '.join(sorted(matches))}")
    if outlet is not None:
        return undecided(f"'{mention.text}': no outlet named before")
    # "the external affairs ministry … according to the ministry": the body its words name,
    # here or in the first mention of the same noun
    same = [
        m
        for m in discourse.mentions
        if m.kind == "definite_org" and m.name == head and m.end <= mention.end
    ]
    name = next((n for n in map(_printed_body, same) if n), head.title())
    return Speaker(None, name, "institution", reason=f"institution '{mention.text}'")


def _printed_body(mention: Mention) -> str:
    """ "External Affairs Ministry" of "the external affairs ministry"; '' for "the ministry"."""
    printed = re.sub(r"^the\s+|['’]s$", "", " ".join(mention.text.split()), flags=re.I)
    return printed.title() if " " in printed and printed.lower().endswith(mention.name) else ""


def with_reason(speaker: Speaker, reason: str) -> Speaker:
    """The same speaker, with the reason this mention gives for it."""
    if not speaker.decided:
        return speaker
    return Speaker(speaker.slug, speaker.name, speaker.kind, speaker.cited_by, reason)
