"""The roles an article prints around a person's name: a title before it ("Federal Reserve
Chair Jerome Powell"), an apposition after it ("Liz Truss, the prime minister,") and a
description set off before it ("Britain's new prime minister, Liz Truss,"). They let a later
role noun ("the prime minister") or a headline's "EU chief" find the person."""

import re

from .lexicon import ROLE_WORDS, SPEECH_VERB_RE
from .mentions import Mention

# "Liz Truss, the prime minister, …"; not the verb after a name set off by commas ("…, Liz
# Truss, warned on Thursday that …")
_APPOSITIVE = re.compile(
    r",\s+(?!(?:" + SPEECH_VERB_RE.pattern + r"|[a-z]+ed)\b)"
    r"((?:the\s+)?[A-Za-z][^,;.“”\"]{2,140}?)(?=[,;]|\.(?:\s|$))"
)
# "The defence minister, Ben Wallace, said", "Britain's new prime minister, Liz Truss,"
_DESCRIBED_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[—–]\s))\s*"
    r"((?:[Tt]he|[Aa]n?|(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]*['’]s)\s+[^,.;:“”\"]{2,80}),\s+$"
)
# The title printed before a name: "The head of the Duma Committee on International Affairs ".
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:[A-Z][\w’'-]*\.?|of|the|on|for|to|and|in|"
    + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)).replace("-", "\\-")
    + r")\s+)+$"
)
ROLE_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + r")\b", re.I
)


def printed_roles(masked: str, mention: Mention, mentions: list[Mention]) -> list[str]:
    """The roles printed around one person mention, in the order title, apposition,
    description; ``mentions`` are the article's, to tell an apposition from a list."""
    roles = []
    title = _TITLE_BEFORE.search(masked, max(0, mention.start - 120), mention.start)
    if title:  # "… Maine Gov. Tom Reilly and Vermont Gov. ": the last title only
        printed = re.split(r"\s(?:and|or)\s|(?<=[a-z]{4})[.!?]\s|\n", title.group())[-1].strip()
        if ROLE_WORD.search(printed):
            roles.append(printed)
    appositive = _APPOSITIVE.match(masked, mention.end)
    if appositive and not any(
        m.kind == "person" and appositive.start(1) <= m.start and m.end <= appositive.end(1)
        for m in mentions
    ):  # "Elizabeth Warren, NATO Secretary General Jens Stoltenberg, …" is a list
        roles.append(appositive.group(1))
    described = _DESCRIBED_BEFORE.search(masked, max(0, mention.start - 100), mention.start)
    if described:
        roles.append(described.group(1))
    return roles
