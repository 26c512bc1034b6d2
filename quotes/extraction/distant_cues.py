"""Attributions away from the quotation's own clause: one that closes the sentence after more
words, and the headline convention of a name before a colon."""

import re

from .attribution import Discourse
from .mentions import Mention
from .sentences import QUOTE_CHARS
from .subjects import _speech_verbs, subject_after


def subject_at_sentence_end(discourse: Discourse, position: int) -> tuple[Mention | None, str]:
    """The speaker of an attribution that closes the sentence after more words ("… they need
    to win, party spokesman Neil Sroka said." / "…, says Evan Tracey, a consultant.")."""
    masked = discourse.masked
    end = discourse.sentence_end(position)
    # "… carry “a great deal of weight” and bring the “firepower” they need, Sroka said.":
    # the closing attribution covers every quotation of the sentence (one with an attribution
    # of its own right after it never gets here)
    marks = [i for i in range(position, end) if masked[i] in QUOTE_CHARS]
    if marks:
        position = marks[-1] + 1
    commas = [m.start() for m in re.finditer(r",\s", masked[position:end])]
    for comma in reversed(commas):
        at = position + comma
        if len(masked[at:end].split()) > 14:
            break
        mention, clause, tight = subject_after(discourse, at)
        if mention is not None and tight:
            return mention, clause
    return None, ""


def headline_speaker(discourse: Discourse, position: int) -> Mention | None:
    """The name that opens a line before a colon, the headline convention
    ("Okonkwo: Budget 'is balanced'", "EU chief: 'No deal'")."""
    p_start = discourse.paragraph(position)[0]
    opening = re.match(r"\s*([^:\n“”\"]{2,60}?):\s", discourse.masked[p_start:position])
    if not opening or len(opening.group(1).split()) > 6 or _speech_verbs(opening.group(1)):
        return None  # "Earlier, Lavrov noted: “…”" is an attribution clause, not a headline
    named = discourse.mentions_in(p_start, p_start + opening.end(1))
    actors = [m for m in named if m.kind in ("person", "institution", "anonymous", "nominal")]
    return actors[-1] if actors else None
