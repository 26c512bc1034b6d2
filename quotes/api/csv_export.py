"""The quote list as CSV: every matching row, streamed, in a fixed number of queries.

Rows are read with ``iterator(chunk_size=…)`` and written one at a time, so memory stays flat
however many quotes match. Stances come either from the ``with_stance(topic)`` annotation (a topic
was chosen: same query as the rows) or from a per-chunk prefetch of the stored summaries (one
query per chunk), with one column group per topic.
"""

import csv

from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer

from quotes.models import Topic

CHUNK_SIZE = 2000

QUOTE_COLUMNS = [
    "id",
    "text",
    "kind",
    "status",
    "speaker_slug",
    "speaker_name",
    "speaker_kind",
    "organization",
    "role",
    "said_on",
    "said_on_precision",
    "source_id",
    "outlet",
    "title",
    "url",
    "published_on",
    "language",
]


class CSVRenderer(BaseRenderer):
    """Lets content negotiation pick CSV (``?format=csv`` or ``Accept: text/csv``).

    The quote list answers a CSV request with a streamed response of its own; this renderer is
    only reached for a response that is not a quote list, which it writes as ``key,value`` rows.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        buffer = _Echo()
        writer = csv.writer(buffer)
        items = data.items() if isinstance(data, dict) else enumerate(data or [])
        return "".join(writer.writerow([key, value]) for key, value in items)


class _Echo:
    """A file-like object whose ``write`` hands the formatted line back to the caller."""

    def write(self, value):
        return value


def _stance_columns(slugs: list[str]) -> list[str]:
    return [
        column
        for slug in slugs
        for column in (f"stance:{slug}", f"stance_adjudicated:{slug}", f"stance_annotators:{slug}")
    ]


def _quote_cells(quote) -> list:
    speaker, source, affiliation = quote.speaker, quote.source, quote.affiliation
    return [
        quote.id,
        quote.text,
        quote.kind,
        quote.status,
        speaker.slug if speaker else "",
        speaker.name if speaker else "",
        speaker.kind if speaker else "",
        affiliation.organization.slug if affiliation else "",
        affiliation.role if affiliation else "",
        quote.said_on.isoformat() if quote.said_on else "",
        quote.said_on_precision,
        source.id,
        source.outlet,
        source.title,
        source.url,
        source.published_on.isoformat(),
        source.language,
    ]


def _stance_cells(value, adjudicated, annotators) -> list:
    if value is None:
        return ["", "", ""]
    return [value, "true" if adjudicated else "false", annotators]


def _rows(queryset, topic_slug: str | None):
    writer = csv.writer(_Echo())
    if topic_slug is not None:
        # The filter annotated the stance toward this topic on every row: no extra query.
        yield writer.writerow(QUOTE_COLUMNS + _stance_columns([topic_slug]))
        for quote in queryset.prefetch_related(None).iterator(chunk_size=CHUNK_SIZE):
            yield writer.writerow(
                _quote_cells(quote)
                + _stance_cells(quote.stance, quote.stance_adjudicated, quote.stance_annotators)
            )
        return
    topics = list(Topic.objects.order_by("slug").values_list("id", "slug"))
    yield writer.writerow(QUOTE_COLUMNS + _stance_columns([slug for _, slug in topics]))
    # Keep only the stored-summary prefetch (from ``for_list()``): one query per chunk.
    for quote in queryset.iterator(chunk_size=CHUNK_SIZE):
        summaries = {summary.topic_id: summary for summary in quote.stance_summaries.all()}
        cells = _quote_cells(quote)
        for topic_id, _ in topics:
            summary = summaries.get(topic_id)
            cells += (
                _stance_cells(summary.value, summary.is_adjudicated, summary.annotator_count)
                if summary
                else _stance_cells(None, None, None)
            )
        yield writer.writerow(cells)


def quotes_csv_response(queryset, *, topic_slug: str | None = None) -> StreamingHttpResponse:
    """A streamed CSV of ``queryset`` (already filtered and ordered); the queries run while the
    response is sent."""
    response = StreamingHttpResponse(_rows(queryset, topic_slug), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="quotes.csv"'
    return response
