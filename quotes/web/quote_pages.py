"""Quotes: the filtered list, a quote's page, and the article a quote was printed in."""

import difflib

from django.shortcuts import get_object_or_404, render

from quotes import coding
from quotes.api.filters import QuoteFilter
from quotes.models import Quote, Source
from quotes.params import primary_key_or_none
from quotes.web.common import (
    MAX_LINKED_QUOTES,
    BadParameters,
    form_errors,
    page_of,
    public_page,
    query_without,
)

QUOTES_PER_PAGE = 50
# The API's quote filters a page offers (status is not one: the pages show confirmed quotes).
FILTERS = (
    "q",
    "speaker",
    "organization",
    "organization_kind",
    "topic",
    "stance",
    "stance_min",
    "stance_max",
    "said_after",
    "said_before",
    "kind",
    "outlet",
    "ordering",
)


def _by_ids(request):
    """The confirmed quotes named by ``?ids=1,2,3``: where a chart point of several quotes leads."""
    raw = [part.strip() for part in request.GET.get("ids", "").split(",") if part.strip()]
    ids = [primary_key_or_none(Quote, part) for part in raw]
    if not ids or None in ids or len(ids) > MAX_LINKED_QUOTES:
        raise BadParameters({"ids": [f"Give up to {MAX_LINKED_QUOTES} comma-separated quote ids."]})
    return Quote.objects.confirmed().filter(pk__in=ids).for_list()


@public_page
def quote_list(request):
    """Confirmed quotes, filtered as the API's ``QuoteFilter`` filters them (a stance filter on
    an unreleased topic: 403 unless a reviewer), or the ``?ids=`` of a chart's point."""
    if "ids" in request.GET:
        quotes, page = _by_ids(request), None
    else:
        data = {name: request.GET[name] for name in FILTERS if request.GET.get(name, "").strip()}
        found = QuoteFilter(data, queryset=Quote.objects.confirmed().for_list(), request=request)
        if not found.is_valid():
            raise BadParameters(form_errors(found.form))
        page = page_of(request, found.qs, QUOTES_PER_PAGE)
        quotes = page.object_list
    quotes = list(quotes)
    coding.mark_summaries(quotes, request.user)
    context = {
        "quotes": quotes,
        "page": page,
        "values": {name: request.GET.get(name, "") for name in FILTERS},
        "kinds": Quote.Kind.choices,
        "query": query_without(request, "page"),
    }
    return render(request, "web/quote_list.html", context)


@public_page
def quote_detail(request, pk):
    quote = get_object_or_404(Quote.objects.confirmed().for_list(), pk=pk)
    coding.mark_summaries([quote], request.user)
    context = {"quote": quote, "reports": utterance_reports(quote)}
    return render(request, "web/quote_detail.html", context)


def utterance_reports(quote) -> list[dict]:
    """The other confirmed reports of the quote's utterance, each with its text as
    ``[{"text", "new"}]`` runs, ``new`` on the words this quote does not print (one query; none
    for a quote that is an utterance of its own)."""
    if quote.utterance_id is None:
        return []
    others = (
        Quote.objects.confirmed()
        .filter(utterance_id=quote.utterance_id)
        .exclude(pk=quote.pk)
        .select_related("source")
        .order_by("said_on", "id")
    )
    mine = quote.text.split()
    reports = []
    for other in others:
        theirs = other.text.split()
        runs = []
        matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
        for tag, _, _, start, end in matcher.get_opcodes():
            if end > start:
                runs.append({"text": " ".join(theirs[start:end]), "new": tag != "equal"})
        reports.append({"quote": other, "runs": runs})
    return reports


def article_parts(text: str, quotes) -> list[dict]:
    """The article as ``[{"text", "quote"}]`` runs, ``quote`` set on each confirmed quote's span
    (overlapping spans: the later one starts where the earlier ends)."""
    parts, at = [], 0
    for quote in sorted(quotes, key=lambda q: (q.span_start, q.pk)):
        start = max(quote.span_start, at)
        if start >= quote.span_end:
            continue
        if start > at:
            parts.append({"text": text[at:start], "quote": None})
        parts.append({"text": text[start : quote.span_end], "quote": quote})
        at = quote.span_end
    if at < len(text):
        parts.append({"text": text[at:], "quote": None})
    return parts


@public_page
def source_detail(request, pk):
    """An article with its confirmed quotes marked where they were printed (two queries)."""
    source = get_object_or_404(Source, pk=pk)
    quotes = list(
        Quote.objects.confirmed().filter(source=source).select_related("speaker").order_by("id")
    )
    placed = [quote for quote in quotes if quote.span_start is not None]
    context = {
        "source": source,
        "parts": article_parts(source.text, placed),
        "unplaced": [quote for quote in quotes if quote.span_start is None],
    }
    return render(request, "web/source_detail.html", context)
