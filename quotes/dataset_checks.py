"""What ``import_dataset`` checks after loading a bundle and before committing it: the rows that
are derived from others agree with them.

A bundle's checksums only prove that its files are the ones its manifest lists; someone may
have edited a file and the manifest together. Stored stances (``QuoteStance``, with their copies
of the quote's fields) are recomputed from the annotations and adjudications by the one
definition (``quotes.services``), and every quote span is read back from its source text. Any
disagreement refuses the whole bundle, naming the rows. Utterances' dates are recomputed from
their reports (``quotes.utterances``), and their reports must be their speaker's.
"""

from django.db.models import F, Max, Min, Q

from quotes.models import Adjudication, Quote, QuoteStance, Source, StanceAnnotation, Utterance
from quotes.text import fold

_CHUNK = 2000
_SHOWN = 10
_STANCE_FIELDS = (
    "value",
    "annotator_count",
    "cannot_code_count",
    "is_adjudicated",
    "is_settled",
    *QuoteStance.COPIED_FROM_QUOTE,
)


def derived_row_problems(using: str) -> list[str]:
    """Every disagreement between derived rows and their inputs in database ``using``, as
    messages naming the bundle file and the row; empty when all agree. Reads in chunks, so a
    large database is checked in bounded memory."""
    return [*_span_problems(using), *_stance_problems(using), *_utterance_problems(using)]


def describe(problems: list[str]) -> str:
    shown = problems[:_SHOWN]
    more = len(problems) - len(shown)
    return " ".join(shown) + (f" (and {more} more)" if more else "")


def _span_problems(using: str) -> list[str]:
    problems = []
    quotes = (
        Quote._base_manager.using(using)
        .filter(span_start__isnull=False)
        .order_by("pk")
        .values_list("pk", "source_id", "text", "span_start", "span_end")
    )
    chunk = []
    for row in quotes.iterator(chunk_size=_CHUNK):
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            problems += _check_spans(chunk, using)
            chunk = []
    return problems + _check_spans(chunk, using)


def _check_spans(rows: list, using: str) -> list[str]:
    texts = dict(
        Source._base_manager.using(using)
        .filter(pk__in={row[1] for row in rows})
        .values_list("pk", "text")
    )
    problems = []
    for pk, source_id, text, start, end in rows:
        source_text = texts.get(source_id, "")
        if end > len(source_text) or fold(source_text[start:end]) != fold(text):
            problems.append(
                f"quotes.quote.jsonl: quote {pk}'s span {start}-{end} in source {source_id} "
                f"reads {source_text[start:end][:60]!r}, not its text {text[:60]!r}."
            )
    return problems


def _stance_problems(using: str) -> list[str]:
    """Stored stances against their recomputation, quote ids 5,000 at a time."""
    from quotes.stance_services import _stance_summaries  # the one definition of a stance

    bounds = [
        model._base_manager.using(using).aggregate(low=Min("quote_id"), high=Max("quote_id"))
        for model in (QuoteStance, StanceAnnotation, Adjudication)
    ]
    lows = [bound["low"] for bound in bounds if bound["low"] is not None]
    if not lows:
        return []
    low, high = min(lows), max(bound["high"] for bound in bounds if bound["high"] is not None)
    problems, step = [], 5000
    for start in range(low, high + 1, step):
        in_range = Q(quote_id__gte=start, quote_id__lt=start + step)
        computed = {(row.quote_id, row.topic_id): row for row in _stance_summaries(in_range)}
        stored = {
            (row["quote_id"], row["topic_id"]): row
            for row in QuoteStance._base_manager.using(using)
            .filter(in_range)
            .values("id", "quote_id", "topic_id", *_STANCE_FIELDS)
        }
        for key in sorted(stored.keys() | computed.keys()):
            problems += _compare(key, stored.get(key), computed.get(key))
    return problems


def _compare(key, stored: dict | None, computed: QuoteStance | None) -> list[str]:
    where = f"quote {key[0]}, topic {key[1]}"
    if stored is None:
        return [
            f"quotes.quotestance.jsonl: no stored stance for {where}, which its annotations "
            "or adjudication give one."
        ]
    if computed is None:
        return [
            f"quotes.quotestance.jsonl: the stored stance id {stored['id']} ({where}) has no "
            "annotation or adjudication behind it."
        ]
    differing = [
        f"{name} is {stored[name]!r} in the bundle but {getattr(computed, name)!r} from its "
        "annotations and quote"
        for name in _STANCE_FIELDS
        if not _same(stored[name], getattr(computed, name))
    ]
    if not differing:
        return []
    return [
        f"quotes.quotestance.jsonl: the stored stance id {stored['id']} ({where}): "
        + "; ".join(differing)
        + "."
    ]


def _same(one, two) -> bool:
    if isinstance(one, float) or isinstance(two, float):
        return one is not None and two is not None and abs(one - two) < 1e-9
    return one == two


def _utterance_problems(using: str) -> list[str]:
    """Utterances' stored dates against their reports', and reports of another speaker."""
    from quotes.utterances import utterance_dates  # the one definition of an utterance's date

    problems = []
    utterances = Utterance._base_manager.using(using).order_by("pk")
    rows = list(utterances.values_list("pk", "said_on", "said_on_precision"))
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        computed = utterance_dates([row[0] for row in chunk], using)
        problems += [
            f"quotes.utterance.jsonl: utterance {pk} is dated {said_on} ({precision}), but its "
            f"earliest confirmed report gives {computed[pk][0]} ({computed[pk][1]})."
            for pk, said_on, precision in chunk
            if (said_on, precision) != computed[pk]
        ]
    strangers = (
        Quote._base_manager.using(using)
        .filter(utterance__isnull=False)
        .exclude(speaker_id=F("utterance__speaker_id"))
        .order_by("pk")
        .values_list("pk", "utterance_id")
    )
    problems += [
        f"quotes.quote.jsonl: quote {pk} reports utterance {utterance_id} of another speaker."
        for pk, utterance_id in strangers[:_SHOWN]
    ]
    return problems
