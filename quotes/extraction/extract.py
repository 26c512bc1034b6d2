"""The extractor: article text in, proposed quotations with speakers and dates out."""

import re
from collections.abc import Sequence
from datetime import date

from .attribution import Discourse
from .bodies import best_role, organization_in
from .candidates import sentence_subject, subject_of_sentence
from .classify import classify
from .clause_after import subject_after, unread_attribution_after
from .dates import date_for_context, find_date_cue
from .distant_cues import (
    headline_leader,
    headline_speaker,
    headline_verb_speaker,
    repeated_headline,
    subject_at_sentence_end,
)
from .indirect import find_indirect
from .lexicon import SPEECH_VERB_RE
from .marks import double_apostrophes, double_single_quotes, mask_quotes
from .mentions import Mention
from .model import KnownSpeaker, Proposal, Speaker, undecided
from .sentences import QUOTE_CHARS, blank_datelines
from .spans import RawQuote, find_quotes
from .subjects import subject_before

_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
    ),
    " ",
)


def _attribute(
    discourse: Discourse,
    text: str,
    quote: RawQuote,
    kind: str,
    previous: tuple[RawQuote, Speaker] | None,
    following_quotes: list[RawQuote] = (),
) -> tuple[Speaker, str]:
    """Speaker of one quotation part and the attribution text (for date cues)."""
    starts_sentence = discourse.sentence_start(quote.start) >= quote.start - 2
    floor = previous[0].end if previous and previous[0].para == quote.para else None
    leader = headline_leader(discourse, quote.start)
    if leader is not None:
        return _with(leader, f"the headline's leader is {leader.name}, titled so in the text"), ""
    headline = headline_speaker(discourse, quote.start)
    if headline is not None:
        return _with(discourse.resolve(headline), "named before the colon of a headline"), ""
    headline = headline_verb_speaker(discourse, quote.start)
    if headline is not None:
        return _with(discourse.resolve(headline), "named before the headline's verb"), ""
    after, clause, tight = subject_after(discourse, quote.end)
    comma_after = re.match(
        r"\s*(?:,\s*[”\"»]|[”\"»]\s*,)", discourse.masked[quote.end : quote.end + 4]
    )
    if (
        after is not None
        and kind == "partial"
        and not starts_sentence
        and clause.rstrip().endswith(":")
    ):
        # "After Scalia said that students do better at “less advanced schools,” Trump said:
        # “…”": the clause after it introduces the next quotation
        after, tight = None, False
    if kind == "partial" and not starts_sentence and not (tight and comma_after):
        # "Ducey called the long lines “unacceptable.” Stanton wrote …": a partial quotation
        # belongs to the clause it sits in, unless "…,” X reported" attributes it at once.
        mention, before = subject_before(discourse, quote.start, floor)
        if mention is not None:
            return discourse.resolve(mention), before
    if after is not None and not starts_sentence and _closes_sentence(text, quote):
        # "Madigan asserted that “trust … is broken.” Clinton said …": the quotation closes a
        # sentence that began before it, so the next sentence is not its attribution
        after = None
    if after is not None and tight:
        return discourse.resolve(after), clause
    mention, before = subject_before(discourse, quote.start, floor)
    if mention is not None:
        return discourse.resolve(mention), before
    owner = _owner_of_words(discourse, quote.start)
    if owner is not None:
        speaker = discourse.resolve(owner)
        if speaker.decided:
            return _with(speaker, f"whose words these are: {speaker.name}"), ""
    closing, closing_clause = subject_at_sentence_end(discourse, quote.end)
    if closing is not None:
        return discourse.resolve(closing), closing_clause
    if after is not None:
        return discourse.resolve(after), clause
    unread = unread_attribution_after(discourse, quote.end)
    if unread:
        return undecided(f"the attribution “{unread}” names no one found in the article"), ""
    if previous and previous[0].para == quote.para and previous[1].decided and starts_sentence:
        speaker = previous[1]
        return Speaker(
            speaker.slug,
            speaker.name,
            speaker.kind,
            speaker.cited_by,
            f"continues the previous quotation of {speaker.name}",
        ), ""
    if starts_sentence:
        p_start = discourse.paragraph(quote.start)[0]
        # the end of the sentence before, whatever spaces follow it ("asked.  “I'm …")
        prior_end = len(discourse.masked[: discourse.sentence_start(quote.start)].rstrip())
        if prior_end > p_start:
            mention, prior = subject_before(discourse, prior_end)
            if mention is None:
                mention = _short_reply_before(discourse, prior_end)
            if mention is not None:
                return discourse.resolve(mention), prior
        introduced = _colon_paragraph_before(discourse, quote)
        if introduced is not None:  # "X released the following statement:" ¶ “…”
            mention, prior = subject_before(discourse, introduced)
            if mention is not None:
                return discourse.resolve(mention), prior
    for following in following_quotes:  # “A.” “B,” she said.
        if discourse.masked[quote.end : following.start].strip(QUOTE_CHARS + " ") != "":
            break
        after, clause, tight = subject_after(discourse, following.end)
        if after is not None and tight:
            return _with(
                discourse.resolve(after), "attribution of the quotation right after"
            ), clause
    opens_paragraph = discourse.paragraph(quote.start)[0] >= quote.start - 1
    continues = previous and previous[1].decided and opens_paragraph and quote.how != "dash"
    if continues and _next_paragraph(discourse, previous[0].para, quote.para):
        speaker = previous[1]
        return _with(speaker, f"continues {speaker.name}'s quotation in the paragraph before"), ""
    if opens_paragraph and quote.how != "dash":
        mention, prior = _report_before(discourse, quote)
        if mention is not None:  # "Carter said that critics were wrong." ¶ “That's because …”
            speaker = discourse.resolve(mention)
            return _with(speaker, f"goes on with {speaker.name}'s report before"), prior
    if kind == "partial":
        start = discourse.sentence_start(quote.start)
        opener = sentence_subject(discourse, start, quote.start)
        if opener is not None and opener.kind == "pronoun":
            # "He went on to call Cruz “the worst”": the subject, not the one named after it
            speaker = discourse.resolve(opener)
            if speaker.decided:
                return _with(
                    speaker, f"subject of the sentence: {speaker.name} (no speech verb)"
                ), ""
        end = quote.end if _closes_sentence(text, quote) else discourse.sentence_end(quote.end)
        mention = subject_of_sentence(discourse, start, end)
        # "… and his call for “a total ban” on Muslims entering the United States": an actor
        # named only as an object speaks no partial quotation
        if mention is not None and not (
            mention.start > quote.start
            and _OBJECT_BEFORE_ACTOR.search(discourse.masked, quote.end, mention.start)
        ):
            speaker = discourse.resolve(mention)
            if speaker.decided:
                return Speaker(
                    speaker.slug,
                    speaker.name,
                    speaker.kind,
                    speaker.cited_by,
                    f"only actor in the sentence: {speaker.name} (no speech verb)",
                ), ""
        if opener is not None:  # "Sanders has pushed his promise of “free college”"
            speaker = discourse.resolve(opener)
            if speaker.decided:
                return _with(
                    speaker, f"subject of the sentence: {speaker.name} (no speech verb)"
                ), ""
    if kind == "partial" and previous and previous[0].para == quote.para and previous[1].decided:
        start = discourse.sentence_start(quote.start)
        if not discourse.mentions_in(start, discourse.sentence_end(quote.end)):
            # "“It's ambush journalism,” she says. It's “this new in-your-face journalism.”"
            speaker = previous[1]
            return _with(speaker, f"continues the previous quotation of {speaker.name}"), ""
    if previous and previous[1].decided and not starts_sentence:
        start = discourse.sentence_start(quote.start)
        between = discourse.masked[previous[0].end : quote.start]
        verbs = [v for v in SPEECH_VERB_RE.finditer(between) if v.group()[:1].islower()]
        if previous[0].start >= start and not verbs:
            # "Ramos lamented that the “danger” came from … while “allowing …”": one sentence,
            # one speaker for all its quotations
            speaker = previous[1]
            return _with(speaker, f"in the same sentence as {speaker.name}'s quotation"), ""
    mention, prior = _report_before_unnamed_sentence(discourse, quote)
    if mention is not None:
        speaker = discourse.resolve(mention)
        return _with(speaker, f"goes on with {speaker.name}'s report before"), prior
    return undecided("no attribution found next to the quotation"), ""


# a verb or preposition right before a name, titles aside: the name is its object ("entering
# the United States", "accuses Trump of …", "a photograph of Prime Minister Menachem Begin")
_OBJECT_BEFORE_ACTOR = re.compile(
    r"\b(?:[a-z]+ing|[a-z]+ed|[a-z]{3,}(?<!ss)(?<!ha)(?<!wa)(?<!i)s|in|on|at|into|from|of|for|to|"
    r"with|by|over|across|against)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$"
)


# "over her remark that “…”", "his call for “…”", "Trump's promise to be “…”": words owned
_OWNED_WORDS = re.compile(
    r"\b(?P<owner>his|her|[A-Z][\w’'-]+(?:['’]s?))\s+(?:own\s+)?(?:[a-z]+\s+)?"
    r"(?:remarks?|comments?|claims?|assertions?|statements?|promises?|pledges?|vows?|warnings?|"
    r"calls?|words|admission|insistence|argument|suggestion|declaration|quip|boast|charge|"
    r"accusation|threat|retort|reply|response|answer|description|prediction)"
    r"(?:\s+(?:that|to\s+be|to|for|of|about|on))?\s*[“\"]?$"
)


def _owner_of_words(discourse: Discourse, position: int):
    """The person whose remark, claim or promise the quotation gives ("Madeleine Albright …
    over her remark that “there's a special place …”")."""
    start = discourse.sentence_start(position)
    owned = _OWNED_WORDS.search(discourse.masked, max(start, position - 120), position)
    if owned is None:
        return None
    at = owned.start("owner")
    word = owned.group("owner")
    if word in ("his", "her"):
        return Mention(at, at + len(word), "pronoun", word, word)
    named = [m for m in discourse.mentions_in(at, owned.end("owner")) if m.kind == "person"]
    return named[0] if named else None


def _report_before_unnamed_sentence(discourse: Discourse, quote: RawQuote):
    """ "Brill has argued that the law was crippled. As a result, there is still “a very
    powerful industry”": a sentence naming no one goes on with the report of the sentence
    before it in the paragraph."""
    sentence = discourse.sentence_start(quote.start)
    named = discourse.mentions_in(sentence, discourse.sentence_end(quote.end))
    if named or sentence - 1 <= discourse.paragraph(quote.start)[0]:
        return None, ""
    return subject_before(discourse, sentence - 1)


_SHORT_REPLY = re.compile(r"\s+(?:(?:also|quickly|simply|firmly|readily)\s+)?[a-z]{3,}ed\.?\s*$")


def _short_reply_before(discourse: Discourse, prior_end: int):
    """ "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans …”": a sentence
    of only a person and a verb in the past tense introduces the quotation that follows it."""
    start = discourse.sentence_start(prior_end)
    people = [m for m in discourse.mentions_in(start, prior_end + 1) if m.kind == "person"]
    before = discourse.masked[start : people[0].start].split() if people else []
    if len(people) != 1 or len(before) > 5 or any(w[:1].islower() for w in before):
        return None  # only "Iowa State University's" may stand before the name
    tail = discourse.masked[people[0].end : prior_end + 1]
    return people[0] if _SHORT_REPLY.fullmatch(tail) else None


def _closes_sentence(text: str, quote: RawQuote) -> bool:
    """Whether the quotation ends with a stop and a new sentence starts after its mark."""
    if text[quote.end - 1 : quote.end] not in (".", "!", "?"):
        return False
    return re.match(r"[”\"»’']*\s+[A-Z]", text[quote.end : quote.end + 6]) is not None


def _role_of(discourse: Discourse, speaker: Speaker) -> dict[str, str]:
    """The role the article gives a person and the body it names ("Kremlin spokesman" →
    Kremlin), for a new speaker's proposed affiliation."""
    if speaker.kind != "person":
        return {}
    entity = discourse.entity_by_speaker(speaker)
    role = best_role(entity.roles) if entity is not None else ""
    return {"speaker_role": role, "speaker_organization": organization_in(role)}


def _with(speaker: Speaker, reason: str) -> Speaker:
    return Speaker(speaker.slug, speaker.name, speaker.kind, speaker.cited_by, reason)


def _colon_paragraph_before(discourse: Discourse, quote: RawQuote) -> int | None:
    """The end of the paragraph before, when it ends with a colon and the quotation opens its
    own paragraph."""
    p_start = discourse.paragraph(quote.start)[0]
    if discourse.masked[p_start : quote.start].strip(QUOTE_CHARS + " ") or p_start == 0:
        return None
    before = discourse.masked[:p_start].rstrip()
    return len(before) if before.endswith(":") else None


def _report_before(discourse: Discourse, quote: RawQuote):
    """The speaker of the sentence closing the paragraph right before the quotation's, when
    that sentence reports speech ("Carter said that …."): a quotation opening the next
    paragraph without an attribution of its own goes on with it."""
    p_start = discourse.paragraph(quote.start)[0]
    before = discourse.masked[:p_start].rstrip()
    if not before.endswith((".", "!", "?")) or discourse.masked[p_start : quote.start].strip(
        QUOTE_CHARS + " "
    ):
        return None, ""
    mention, clause = subject_before(discourse, len(before) - 1)
    return (mention, clause) if mention is not None and not clause.endswith(":") else (None, "")


def _next_paragraph(discourse: Discourse, before: tuple, current: tuple) -> bool:
    """Whether the paragraph ``current`` comes right after ``before`` (blank lines aside)."""
    return not discourse.masked[before[1] : current[0]].strip()


def extract_quotes(
    text: str, *, published_on: date, known_speakers: Sequence[KnownSpeaker] = (), outlet: str = ""
) -> list[Proposal]:
    """Propose the quotations of an article with their speakers and dates.

    Dates follow :mod:`quotes.extraction.dates`: a cue in the attribution is resolved against
    ``published_on``; "earlier"/"previously" give no date (precision "unknown"); no cue gives
    the first day of the publication month (precision "month").
    """
    # Unicode spaces (no-break, thin, narrow) read as plain spaces; every offset stays the same.
    original, text = text, double_single_quotes(double_apostrophes(text)).translate(_SPACES)
    raw = find_quotes(text)
    tops = [q for q in raw if q.depth == 0]

    def outer(quote: RawQuote) -> RawQuote | None:
        if quote.depth == 0:
            return None
        return next((t for t in tops if t.start <= quote.start and quote.end <= t.end), None)

    kinds = {id(q): classify(text, q, outer(q)) for q in raw}
    kept = [q for q in raw if kinds[id(q)] and not repeated_headline(text, q, raw)]
    masked = blank_datelines(
        mask_quotes(
            text,
            [(q.start, q.end) for q in kept if q.depth == 0]
            + [(q.start, q.end) for q in kept if q.depth > 0],
        )
    )
    discourse = Discourse(masked, list(known_speakers), outlet)
    items: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in kept]
    for found in find_indirect(blank_datelines(text), discourse, kept):
        items.append((found.start, "indirect", found))
    items.sort(key=lambda item: item[0])
    group_speaker: dict[int, tuple[Speaker, str]] = {}
    by_group: dict[int, list[RawQuote]] = {}
    for quote in kept:
        by_group.setdefault(quote.group, []).append(quote)
    previous: tuple[RawQuote, Speaker] | None = None
    proposals = []
    dated: dict[tuple, tuple[date | None, str]] = {}
    for _, what, item in items:
        if what == "indirect":
            speaker, context = item.speaker(discourse), item.context
            start, end, kind = item.start, item.end, "indirect"
        else:
            quote = item
            kind = kinds[id(quote)]
            if quote.group not in group_speaker:
                result = None
                for part in by_group[quote.group]:
                    following = [q for q in tops if q.para == part.para and q.start > part.end]
                    result = _attribute(discourse, text, part, kind, previous, following)
                    if result[0].decided:
                        break
                group_speaker[quote.group] = result
            speaker, context = group_speaker[quote.group]
            start, end = quote.start, quote.end
            if quote.depth == 0:
                previous = (quote, speaker)
        discourse.record(start, speaker, context)
        # A statement without a date cue of its own continues what the same speaker was said
        # to say earlier in the paragraph: "X on Wednesday dismissed … “…,” X told reporters."
        key = (discourse.paragraph(start), speaker.slug, speaker.name, speaker.kind)
        if find_date_cue(context) is None and speaker.decided and key in dated:
            said_on, precision = dated[key]
        else:
            said_on, precision = date_for_context(context, published_on)
            if find_date_cue(context) is not None:
                dated[key] = (said_on, precision)
        proposals.append(
            Proposal(
                text=original[start:end],
                start=start,
                end=end,
                kind=kind,
                speaker_slug=speaker.slug,
                speaker_name=speaker.name,
                speaker_kind=speaker.kind,
                cited_by=speaker.cited_by if speaker.kind == "anonymous" else "",
                needs_review=not speaker.decided,
                reason=speaker.reason,
                **_role_of(discourse, speaker),
                said_on=said_on,
                said_on_precision=precision,
            )
        )
    return proposals
