"""The quote list as CSV: every matching row, streamed, in a fixed number of queries.

Rows are read as plain values with ``iterator(chunk_size=…)`` and sent a chunk at a time, so
memory stays flat however many quotes match. Stances come either from the
``with_stance(topic)`` annotation (a topic was chosen: same query as the rows) or from one query
of the stored summaries per chunk, with one column group per topic.
"""

import csv
import io
from contextlib import contextmanager

from django.db import connections
from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer

from quotes import coding
from quotes.display import round_stance
from quotes.models import QuoteStance, Topic
from quotes.text import spreadsheet_safe

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
    "utterance_id",
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
        return "".join(
            writer.writerow([spreadsheet_safe(key), spreadsheet_safe(value)])
            for key, value in items
        )


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


# The columns above, read as plain values: no model instances, so a million rows stream fast.
QUOTE_FIELDS = [
    "id",
    "text",
    "kind",
    "status",
    "speaker__slug",
    "speaker__name",
    "speaker__kind",
    "affiliation__organization__slug",
    "affiliation__role",
    "said_on",
    "said_on_precision",
    "source_id",
    "source__outlet",
    "source__title",
    "source__url",
    "source__published_on",
    "source__language",
    "utterance_id",
]
STANCE_FIELDS = ["stance", "stance_adjudicated", "stance_annotators"]
# The columns of free text, made safe for spreadsheets (quotes.text.spreadsheet_safe); the others
# are numbers, dates and choice codes.
_TEXT_COLUMNS = [
    QUOTE_COLUMNS.index(column)
    for column in (
        "text",
        "speaker_slug",
        "speaker_name",
        "organization",
        "role",
        "outlet",
        "title",
        "url",
        "language",
    )
]


def _safe(row) -> list:
    cells = list(row)
    for index in _TEXT_COLUMNS:
        cells[index] = spreadsheet_safe(cells[index])
    return cells


def _stance_cells(value, adjudicated, annotators) -> list:
    if value is None:
        return ["", "", ""]
    return [round_stance(value), "true" if adjudicated else "false", annotators]


def _chunks(rows, size: int = CHUNK_SIZE):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def _without_memory_mapping(using: str):
    """On SQLite, read without the memory mapping (``SQLITE_MMAP_SIZE``) while exporting.

    A scan of every row gains nothing from it, and the pages it maps count as the worker's
    memory (a gigabyte at a million quotes), where the page cache it reads through otherwise is
    bounded at 64 MB. The connection gets its mapping back afterwards, even if the client left.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size")
        row = cursor.fetchone()  # none for an in-memory database, which maps nothing
        if row is not None:
            cursor.execute("PRAGMA mmap_size=0")
    if row is None:
        yield
        return
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA mmap_size={int(row[0])}")


def _rows(queryset, topic_slug: str | None, user):
    """CSV text, one piece per chunk of rows (a write per row would cost a system call each)."""
    with _without_memory_mapping(queryset.db):
        yield from _csv_pieces(queryset, topic_slug, user)


def _csv_pieces(queryset, topic_slug: str | None, user):
    """The stance columns are an aggregate (``quotes.coding``): with a topic, the filter has
    checked it and annotated settled stances only; without one, only the topics ``user`` may
    aggregate get columns, filled with settled stances (every stance for reviewers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    queryset = queryset.prefetch_related(None)
    if topic_slug is not None:
        # The filter annotated the stance toward this topic on every row: no extra query.
        writer.writerow(QUOTE_COLUMNS + _stance_columns([topic_slug]))
        rows = queryset.values_list(*QUOTE_FIELDS, *STANCE_FIELDS).iterator(chunk_size=CHUNK_SIZE)
        for chunk in _chunks(rows):
            writer.writerows(_safe(row[:-3]) + _stance_cells(*row[-3:]) for row in chunk)
            yield flush()
        yield flush()
        return
    topics = list(
        coding.aggregate_topics(Topic.objects.order_by("slug"), user).values_list("id", "slug")
    )
    stances = QuoteStance.objects.filter(topic_id__in=[topic_id for topic_id, _ in topics])
    if coding.settled_only(user):
        stances = stances.filter(is_settled=True)
    writer.writerow(QUOTE_COLUMNS + _stance_columns([slug for _, slug in topics]))
    rows = queryset.values_list(*QUOTE_FIELDS).iterator(chunk_size=CHUNK_SIZE)
    for chunk in _chunks(rows):
        # The stored summaries of this chunk's quotes: one query per chunk.
        summaries = {
            (quote_id, topic_id): (value, adjudicated, annotators)
            for quote_id, topic_id, value, adjudicated, annotators in stances.filter(
                quote_id__in=[row[0] for row in chunk]
            ).values_list("quote_id", "topic_id", "value", "is_adjudicated", "annotator_count")
        }
        for row in chunk:
            cells = _safe(row)
            for topic_id, _ in topics:
                cells += _stance_cells(*summaries.get((row[0], topic_id), (None, None, None)))
            writer.writerow(cells)
        yield flush()
    yield flush()


def quotes_csv_response(queryset, *, user, topic_slug: str | None = None) -> StreamingHttpResponse:
    """A streamed CSV of ``queryset`` (already filtered and ordered) as ``user`` may see it; the
    queries run while the response is sent."""
    response = StreamingHttpResponse(_rows(queryset, topic_slug, user), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="quotes.csv"'
    return response
