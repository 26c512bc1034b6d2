"""Whom a headline's lone surname names.

Split from :mod:`.attribution`: wire reports name a headline's speaker by the surname alone
("NATO's Stoltenberg: …") before the lede prints the full name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .names import name_keys

if TYPE_CHECKING:
    from .attribution import Discourse, Entity
    from .mentions import Mention

# a headline's speaker: "Stoltenberg: …", "Lavrov Says …", "Kuleba warns …"
_HEADLINE_SPEAKER = re.compile(r"\s*:|\s+(?:[Ss]ays|[Ss]aid|[Ww]arns|[Tt]ells|[Uu]rges)\b")


def headline_surname_named_in_lede(
    discourse: Discourse, mention: Mention, surname: str, earlier: list[Entity]
) -> bool:
    """Whether the full name ``mention`` in the lede names the one person (``earlier``) the
    headline named as its speaker by the surname alone, with no lone surname in between."""
    paragraphs = discourse.paragraphs
    if len(paragraphs) < 2 or not paragraphs[1][0] <= mention.start < paragraphs[1][1]:
        return False
    if len(earlier) != 1 or earlier[0].given or earlier[0].speaker.slug:
        return False
    alone = [
        m
        for m in discourse.mentions
        if m.kind == "person" and m.start < mention.start and name_keys(m.name) == (surname,)
    ]
    if not alone or not _HEADLINE_SPEAKER.match(discourse.masked, alone[0].end):
        return False
    return all(m.start < paragraphs[0][1] for m in alone)
