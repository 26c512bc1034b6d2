"""Is a quotation span a direct quote, a partial quote, or not a quote at all?

* A title ("a video entitled “…”", "the newspaper “…”") is not a quote.
* A one-paragraph quotation of up to 12 words without attribution or final punctuation is a
  section heading, not a quote.
* Up to three words in quotes with no speech verb in the sentence are scare quotes.
* A fragment of up to six words inside a sentence, or a predicate without its subject
  (``it “promotes …”``), is a partial quote; a full clause is a direct quote.
* When the opening mark is missing and the text starts mid-sentence (lowercase), where the
  quotation begins cannot be known: long ones are reported as indirect speech.
"""

import re

from .lexicon import SECTION_LABELS, SPEECH_VERB_RE, TITLE_CUES
from .sentences import DASHES, QUOTE_CHARS, sentence_spans, word_count
from .spans import RawQuote

_CLAUSE_OPENERS = {
    "that",
    "since",
    "because",
    "as",
    "and",
    "but",
    "whether",
    "if",
    "while",
    "although",
    "saying",
    "noting",
    "adding",
    "warning",
    "stressing",
    "then",
}

# a headline's "Name:" or "Russia's Lavrov:" opening (not a time such as "10:30")
_HEADLINE_LABEL = re.compile(r"([^:\n\d]{2,60}):\s")
# a verb judging what it names: "called the plan", "described the talks as"
_JUDGED = re.compile(
    r"\b(?:called|calls|calling|described|describes|describing|branded|brands|labell?ed|termed)"
    r"(?:\s+[\w’'-]+){1,4}(?:\s+as)?\s*$"
)
_DISTANCING = re.compile(r"\b(?:so[- ]called|quote[- ]unquote|supposed|alleged)\s*$", re.I)


def _sentence_context(text: str, quote: RawQuote) -> str:
    """The sentence around ``quote`` with the quotation itself blanked."""
    p_start, p_end = quote.para
    # a sentence goes on past "Mr." and "U.N.": "“…,” a U.N. diplomat said."
    spans = sentence_spans(text, p_start, quote.start)
    start = spans[-1][0] if spans else p_start
    after = sentence_spans(text, quote.end + 1, p_end)
    end = after[0][1] if after else p_end
    return text[start : quote.start] + " " + text[quote.end : end]


def _inner_context(text: str, quote: RawQuote, outer: RawQuote) -> str:
    """For a quotation nested in another: its sentence within the outer quotation only."""
    before = text[outer.start : quote.start]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    after = re.search(r"[.!?](?:\s|$)", text[quote.end + 1 : outer.end])
    end = quote.end + 1 + after.end() if after else outer.end
    return before[cut + 1 :] + " " + text[quote.end : end]


_SIGNATURE = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:,\s+[^.!?]{0,60})?"
    # a post's signature: "— Ted Cruz (@tedcruz) June 24, 2022"
    r"(?:\s*\(@\w+\)(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?)?[.]?",
    re.UNICODE,
)


def is_signature(line: str) -> bool:
    """A line that only names someone ("Sanders.", "President Obama, tweeting after the
    speech."), the way fact-checks and round-ups sign a quotation."""
    return bool(_SIGNATURE.fullmatch(line.strip())) and word_count(line) <= 12


def _title_cased(body: str, words: int) -> bool:
    """Up to ten words, every one of more than three letters capitalised ("A Promised Land
    for Everyone"), not a sentence or a cry ("USA! USA!")."""
    long_words = [w for w in re.findall(r"[\w’'-]+", body) if len(w) > 3]
    return (
        2 <= words <= 10
        and bool(long_words)
        and all(w[:1].isupper() for w in long_words)
        and body.rstrip()[-1:] not in ".!?"
    )


def classify(text: str, quote: RawQuote, outer: RawQuote | None = None) -> str | None:
    """'direct', 'partial', 'indirect', or None (title, heading, scare quote).

    ``outer`` is the quotation a nested one sits in: its speech context is read there.
    """
    body = text[quote.start : quote.end]
    words = word_count(body)
    p_start, p_end = quote.para
    prefix = text[p_start : quote.start].rstrip(" " + QUOTE_CHARS)
    suffix = text[quote.end : p_end].strip(" " + QUOTE_CHARS)
    last_word = (re.findall(r"[\w’'-]+", prefix) or [""])[-1].lower()
    if quote.how == "dash" and is_signature(body):
        return None  # "- Sanders." under a quotation: who said it, not what
    if quote.how in ("dash", "split", "continued"):
        return "direct"
    if _DISTANCING.search(prefix):
        return None  # "the so-called “referendums”": the writer's distance, not a quote
    if body[:1].islower() and words <= 6 and quote.depth == 0 and _JUDGED.search(prefix):
        return "partial"  # "called the plan “dangerous”": a judgement in the speaker's words
    if last_word in TITLE_CUES and prefix and prefix[-1].isalpha():
        return None
    if not prefix and not suffix and words <= 12 and body.rstrip()[-1:] not in ".!?…":
        return None  # a heading
    context = _inner_context(text, quote, outer) if outer else _sentence_context(text, quote)
    speech = SPEECH_VERB_RE.search(context) or re.search(r"\baccording to\b", prefix[-200:], re.I)
    headline = not text[:p_start].strip()
    label = _HEADLINE_LABEL.match(prefix)
    if headline and label and label.group(1).lower() not in SECTION_LABELS:
        speech = True  # "Orban: EU sanctions ‘backfired’": the headline's label says who spoke
    if not speech and not headline and quote.depth == 0 and _title_cased(body, words):
        return None  # "The band played “Born in the USA”": a title, not a quotation
    starts_sentence = (
        not prefix
        or prefix[-1] in ".!?:" + DASHES
        and len(prefix) > 0
        and (prefix[-1] != "-" or prefix.endswith(" -"))
    )
    if starts_sentence and not speech and prefix:
        # "“We will not give up,” Zelensky said. “Ukraine will win.”": the sentence before
        # attributes a quotation, and this one goes on with it
        prior = sentence_spans(text, p_start, p_start + len(prefix))[-1:]
        prior_text = text[prior[0][0] : prior[0][1]] if prior else ""
        if any(c in QUOTE_CHARS for c in prior_text) and SPEECH_VERB_RE.search(prior_text):
            speech = True
    lower = body[:1].islower()
    if quote.how == "orphan" and lower:
        return "indirect" if words >= 7 else "partial"
    if quote.depth > 0:
        return "partial" if speech else None
    if words <= 6:
        if starts_sentence and not lower and (speech or words >= 4):
            return "direct"
        if words <= 3 and not speech:
            return None  # scare quotes
        return "partial"
    if lower and prefix and prefix[-1].isalpha() and last_word not in _CLAUSE_OPENERS:
        return "partial"  # a predicate without its subject: it “promotes …”
    return "direct"
