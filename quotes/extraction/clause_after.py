"""The attribution clause right after a quotation: "…,” said X", "…,” X told Izvestia",
"“…” ¶ — Maria Lopez", and whether it follows the quotation at once (``tight``).

Split from :mod:`.subjects`, which reads the clause before a quotation; both read a subject
by the same rule (``subject_head``).
"""

import re

from .attribution import Discourse
from .candidates import _candidates
from .clause_subjects import NOT_GROUPS
from .head_after import head_after
from .lexicon import SUBORDINATORS
from .mentions import Mention
from .sentences import QUOTE_CHARS
from .subjects import _speech_verbs, subject_head

_SIGNED_BELOW = re.compile(r"[.!?”\"]*\s*\n\s*\n?\s*[—–-]\s*([A-Z][^\n]{1,80})(?=\n|$)")


_COMMA_CLOSED = re.compile(r"\s*(?:,\s*[”\"»]|[”\"»]\s*,)")
# the past-tense verb closing a short clause: "an angry Hollande retaliated."
_CLOSING_VERB = re.compile(r"(?<=\s)[a-z]{3,}ed(?=\s*(?:[.!?;]|$))")
# a lowercase plural right before the verb: "“…,” federal prosecutors wrote", "“…,” aides said"
_GROUP_AFTER = re.compile(r"\s*(?P<phrase>(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z]{3,}(?<!s)s))\s+")
_OWN_REPORT = re.compile(r"\s+(?:that\s|(?:he|she|they|we|it|I)\s+(?!said|says|added)[a-z]{2,})")
_CONTINUING = (
    rf"(?:for|to|in|on|at|with|and|but|or|which|as|from|of|if|into|until|{SUBORDINATORS})\s"
)


def _next_long_quotation(masked: str, start: int, limit: int) -> int:
    """Where the next quotation opens before ``limit``, stepping over short quoted titles
    ("Bill Eastland, wearing “Ted Cruz” campaign pins, said"): an attribution ends there."""
    at = start
    while at < limit:
        if masked[at] in QUOTE_CHARS:
            closing = next(
                (i for i in range(at + 1, min(limit, at + 40)) if masked[i] in QUOTE_CHARS), None
            )
            if closing is None or at == start or masked[:at].rstrip().endswith(":"):
                return at
            at = closing
        at += 1
    return limit


def subject_after(discourse: Discourse, position: int) -> tuple[Mention | None, str, bool]:
    """The speaker named in the clause right after a quotation ("…,” said X / X said), and
    whether that clause is an attribution that follows the quotation at once (``tight``)."""
    masked = discourse.masked
    start = position
    spaced = False
    while start < len(masked) and (masked[start] in QUOTE_CHARS + " ,–—-:"):
        opens = masked[start] in '“„«"' and masked[start + 1 : start + 2] not in ("", " ", "\n")
        if opens and spaced:
            return None, "", False  # another quotation opens: nothing attributes this one here
        spaced = spaced or masked[start] == " "
        start += 1
    signed = _SIGNED_BELOW.match(masked, start)
    if signed:  # “…” ¶ - Sanders.
        named = discourse.mentions_in(signed.start(1), signed.end(1))
        if named and named[0].kind in ("person", "institution"):
            return named[0], signed.group(1), True
    limit = discourse.sentence_end(start)
    end = _next_long_quotation(masked, start, limit)
    clause = masked[start:end]
    mentions = _candidates(discourse, start, end)
    verb = next(
        (
            v
            for v in _speech_verbs(clause)
            if not any(m.start <= start + v.start() < m.end for m in mentions)
        ),
        None,
    )
    if verb is None and _COMMA_CLOSED.match(masked, position):
        # "“France will always be France,” an angry Hollande retaliated.": after a quotation
        # closed by a comma, a verb in the past ending the clause reports it, listed or not
        verb = _CLOSING_VERB.search(clause)
        if verb is not None and not _candidates(discourse, start, start + verb.start()):
            verb = None
    according = re.match(r"according to\s+", clause, re.I)
    if according:  # "“…,” according to CNN."
        named = discourse.mentions_in(start + according.end(), end)
        if named:
            return named[0], clause, True
    if re.match(r"[”\"»]?\s*[,.]?\s*[—–-]+\s*", masked[position : position + 6]) and mentions:
        first = mentions[0]  # a signature: "“…” — Maria Lopez (@mlopez)"
        if len(masked[start : first.start].split()) <= 1 and first.kind != "pronoun":
            return first, clause, True
    if not verb or len(clause[: verb.start()].split()) > 25:
        return None, clause, False
    verb_at = start + verb.start()
    lead = clause[: verb.start()]
    # "…” for Clinton leading up to …, forcing her to fend off Trump, said Bannon": words that
    # open with a preposition or a conjunction go on the sentence; they are no subject
    continues = re.match(_CONTINUING, lead.strip(" ,")) is not None
    head = None if continues else subject_head(discourse, start, verb_at, mentions)
    # "“… no place in a political campaign.” Kasich said he would have fired him": after a
    # full stop, a verb with a clause of its own reports something else
    own_report = masked[position - 1 : position] == "." and _OWN_REPORT.match(
        masked, start + verb.end()
    )
    if own_report:
        return None, clause, False
    if head is not None:
        return head, clause, True
    group = _GROUP_AFTER.fullmatch(lead)
    if group and group.group("head") not in NOT_GROUPS:  # "“…,” federal prosecutors wrote"
        at = start + group.start("phrase")
        phrase = group.group("phrase")
        return Mention(at, at + len(phrase), "nominal", phrase, phrase, group["head"]), clause, True
    # "…,” said X" and "“…” for Clinton, said Kunin" (not "… and said X"; not "…,” suggesting
    # he might consider Kasich": a participle goes on the sentence, whose subject said it)
    participle = verb.group().lower().endswith("ing")
    if not participle and (
        not lead.strip(" ,") or (lead.rstrip().endswith(",") and len(lead.split()) <= 6)
    ):
        head = head_after(discourse, start + verb.end(), end, mentions)
        if head is not None:
            return head, clause, True
    before = [m for m in mentions if m.end <= verb_at]
    if before:
        gap = masked[start : before[0].start].split()
        if len([w for w in gap if w not in before[0].role.split()]) <= 2:
            return before[0], clause, False
    return None, clause, False


# "…,” said Capitol Hill." / "…,” the Zorblax Board said.": a saying verb right after the
# quotation, or after a short capitalised or "the …" subject; lowercase so "Says" in a headline
# is left alone
_ATTRIBUTION_AFTER = re.compile(
    r"(?:,[ \t]*[”\"»’]|[”\"»’][ \t]*,)[ \t]*(?:(?:the|a|an|[A-Z][\w.’'-]*)[ \t]+){0,5}?"
    r"(?:said|says|told|tells|added|adds|asked|wrote|writes|explained|continued|declared)\b"
)


def unread_attribution_after(discourse: Discourse, position: int) -> str:
    """The attribution clause right after a quotation when it names no one the extractor
    can read ("…,” said Capitol Hill): that quotation has a speaker of its own, so it neither
    continues the one before nor borrows another sentence's subject. '' when there is none."""
    found = _ATTRIBUTION_AFTER.match(discourse.masked, position)
    if found is None:
        return ""
    clause = re.match(r"[^.;\n]{0,60}", discourse.masked[found.end() :]).group()
    return (found.group() + clause).strip(' ,”"»’')
