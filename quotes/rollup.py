"""The rollups kept in step: every cell a write may have moved is recomputed from base rows.

``StanceRollup`` sums the stored stances (``QuoteStance``) per speaker × topic × organisation at
the time × status × settled × date precision × month × unit; ``QuoteRollup`` counts quotes per
speaker × organisation × status × precision × month (undated ones apart), whatever the topic.
A month is the grain: a speaker's timeline on a topic over fifteen years reads a few hundred
cells, however many quotes it has.

Whatever writes stored stances or their copies of a quote's fields wraps the write in
``rollup_kept(quote_ids)`` (one line, in the same transaction): it notes the month slots
(topic, speaker, status, month, precision) the quotes' stances are in before the write, and
afterwards recomputes those slots and the ones they are in after it, from the base rows, a
hundred slots per statement. Recomputing rather than adding deltas keeps the minimum and
maximum right when the value that was the minimum leaves a cell; a slot is one range of the
stored stances' timeline index. Whatever writes a quote's speaker, date, status or role, or
creates one, calls ``quote_cells_refresh`` (``stance_copies_refresh`` does, for every service
that changes quotes): its slots are (speaker, month), a range of the quotes' speaker index.

The organisation is not copied onto the stored stance, so a slot spans every organisation and
both settled states: a quote whose role changes moves between cells of one slot.
"""

import datetime
from collections.abc import Iterable
from contextlib import contextmanager
from functools import reduce
from operator import or_

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Count, F, Max, Min, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from quotes.models import Quote, QuoteRollup, QuoteStance, StanceRollup
from quotes.periods import PeriodStart

# A topic's stances of one speaker, status, month and precision: a range of the stored stances'
# timeline index (quote_stance_timeline), so recomputing a slot reads only its own rows.
SLOT = ("topic_id", "speaker_id", "status", "said_on", "said_on_precision")
# Slots per statement: each is five conditions OR-ed, far from SQLite's expression depth limit.
SLOTS_PER_QUERY = 100
BATCH_SIZE = 5000


def _placed(stances):
    """The stored stances that have a cell: with a speaker and a date."""
    return stances.filter(speaker__isnull=False, said_on__isnull=False)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    following = day.replace(day=28) + datetime.timedelta(days=4)
    return following - datetime.timedelta(days=following.day)


def _month_q(slot: tuple, names=SLOT) -> Q:
    """The base rows of one month slot: its other fields equal, the date within its month."""
    fields = dict(zip(names, slot, strict=True))
    month = fields.pop("said_on")
    if month is None:
        return Q(said_on__isnull=True, **fields)
    return Q(said_on__gte=month, said_on__lte=month_end(month), **fields)


# The columns of a rollup row, in the order ``_cell_rows`` selects them (INSERT … SELECT).
CELL_COLUMNS = (
    *("unit", "topic_id", "speaker_id", "organization_id", "status", "is_settled"),
    *("said_on_precision", "said_on", "quotes", "count", "total", "total_squares", "low", "high"),
)
QUOTE_CELL_COLUMNS = (
    *("speaker_id", "organization_id", "status", "said_on_precision", "said_on", "quotes"),
)


def _cell_rows(stances) -> QuerySet:
    """The rollup rows of the stored stances ``stances`` as one aggregate (``CELL_COLUMNS``)."""
    return (
        _placed(stances)
        .annotate(said_on_month=PeriodStart("said_on", bucket="month"))
        .values(
            *("topic_id", "speaker_id", "status", "said_on_month", "said_on_precision"),
            "is_settled",
            organization=Coalesce("quote__affiliation__organization_id", Value(0)),
        )
        .annotate(
            row_unit=Value(StanceRollup.Unit.REPORT),
            n_quotes=Count("pk"),
            n=Count("value"),
            sum_values=Coalesce(Sum("value"), Value(0.0)),
            sum_squares=Coalesce(Sum(F("value") * F("value")), Value(0.0)),
            lowest=Min("value"),
            highest=Max("value"),
        )
        .order_by()
        .values_list(
            *("row_unit", "topic_id", "speaker_id", "organization", "status", "is_settled"),
            *("said_on_precision", "said_on_month", "n_quotes", "n", "sum_values"),
            *("sum_squares", "lowest", "highest"),
        )
    )


def cells(stances) -> Iterable[StanceRollup]:
    """The rollup rows of the stored stances ``stances``, aggregated by the database (one
    query), unsaved: the direct aggregation the maintained rollup must always equal."""
    for row in _cell_rows(stances).iterator(chunk_size=BATCH_SIZE):
        cell = StanceRollup(**dict(zip(CELL_COLUMNS, row, strict=True)))
        cell.total, cell.total_squares = float(cell.total), float(cell.total_squares)
        yield cell


def _quote_cell_rows(quotes) -> QuerySet:
    """The quote rollup rows of ``quotes`` (those with a speaker): ``QUOTE_CELL_COLUMNS``."""
    return (
        quotes.filter(speaker__isnull=False)
        .annotate(said_on_month=PeriodStart("said_on", bucket="month"))
        .values(
            *("speaker_id", "status", "said_on_month", "said_on_precision"),
            organization=Coalesce("affiliation__organization_id", Value(0)),
        )
        .annotate(n=Count("pk"))
        .order_by()
        .values_list(
            *("speaker_id", "organization", "status", "said_on_precision", "said_on_month", "n")
        )
    )


def quote_cells(quotes) -> Iterable[QuoteRollup]:
    """The quote rollup rows of the quotes ``quotes`` (those with a speaker), aggregated by the
    database (one query), unsaved: what the maintained quote rollup must always equal."""
    for row in _quote_cell_rows(quotes).iterator(chunk_size=BATCH_SIZE):
        yield QuoteRollup(**dict(zip(QUOTE_CELL_COLUMNS, row, strict=True)))


def _insert_select(model, columns, rows: QuerySet) -> None:
    """Write the aggregate ``rows`` as ``model`` rows in one INSERT … SELECT: the cells never
    travel through Python."""
    select, params = rows.query.sql_with_params()
    names = ", ".join(model._meta.get_field(name).column for name in columns)
    with connections[rows.db].cursor() as cursor:
        cursor.execute(f"INSERT INTO {model._meta.db_table} ({names}) {select}", params)


def _months(rows) -> set[tuple]:
    return {(*row[:3], month_start(row[3]), *row[4:]) for row in rows}


def _slots(quote_ids: list[int]) -> set[tuple]:
    """The month slots the quotes' placed stored stances are in (one query)."""
    stances = _placed(QuoteStance.objects.filter(quote_id__in=quote_ids))
    return _months(stances.values_list(*SLOT).order_by().distinct())


def rollup_apply(quote_ids: Iterable[int], slots: Iterable[tuple] = ()) -> None:
    """Recompute, from the base rows, the cells of the month slots the quotes' stored stances
    are in, and of ``slots`` (those they were in before a write): one query for the slots, then
    per hundred slots a DELETE, the aggregate and an INSERT (none when no cell remains). Call it
    inside the write's transaction."""
    rollup_slots_refresh(_slots(list(quote_ids)) | set(slots))


def stance_slot(stance) -> tuple | None:
    """The month slot of a stored stance (read from its copies of the quote's fields), or None
    when it has no cell (no speaker or no date)."""
    if stance.speaker_id is None or stance.said_on is None:
        return None
    month = month_start(stance.said_on)
    return (stance.topic_id, stance.speaker_id, stance.status, month, stance.said_on_precision)


def rollup_slots_refresh(slots: Iterable[tuple]) -> None:
    """Recompute the cells of these month slots from the stored stances: per hundred slots a
    DELETE and an INSERT … SELECT. Call it inside the write's transaction."""
    todo = sorted(set(slots), key=str)
    for start in range(0, len(todo), SLOTS_PER_QUERY):
        chunk = todo[start : start + SLOTS_PER_QUERY]
        cell = reduce(or_, (Q(**dict(zip(SLOT, slot, strict=True))) for slot in chunk))
        StanceRollup.objects.filter(cell, unit=StanceRollup.Unit.REPORT).delete()
        rows = reduce(or_, (_month_q(slot) for slot in chunk))
        _insert_select(StanceRollup, CELL_COLUMNS, _cell_rows(QuoteStance.objects.filter(rows)))


QUOTE_SLOT = ("speaker_id", "said_on")


def quote_cells_refresh(
    quote_ids: Iterable[int], *, speakers: Iterable[int] = (), slots: Iterable[tuple] = ()
) -> None:
    """Recompute, from the quotes, the quote rollup's (speaker, month) slots the quotes are in
    now, the same months of ``speakers`` (the speakers they had before a write that moved
    them) and ``slots`` (where a quote was before its date changed). One query for the slots,
    then per hundred a DELETE, the count and an INSERT. Call it inside the write's transaction.
    """
    now = Quote.objects.filter(pk__in=list(quote_ids), speaker__isnull=False)
    found = {
        (speaker, month_start(day) if day else None)
        for speaker, day in now.values_list(*QUOTE_SLOT).order_by().distinct()
    }
    found |= {(speaker, month) for _, month in found for speaker in speakers}
    found |= {(speaker, month_start(day) if day else None) for speaker, day in slots}
    todo = sorted(found, key=str)
    for start in range(0, len(todo), SLOTS_PER_QUERY):
        chunk = todo[start : start + SLOTS_PER_QUERY]
        QuoteRollup.objects.filter(
            reduce(or_, (Q(speaker_id=speaker, said_on=month) for speaker, month in chunk))
        ).delete()
        rows = reduce(or_, (_month_q(slot, QUOTE_SLOT) for slot in chunk))
        quotes = _quote_cell_rows(Quote.objects.filter(rows))
        _insert_select(QuoteRollup, QUOTE_CELL_COLUMNS, quotes)


@contextmanager
def rollup_kept(quote_ids: Iterable[int] | None):
    """Keep the rollup in step with a write to these quotes' stored stances (or their copies of
    the quotes' fields) done inside the ``with`` block; None: any quote (the whole rollup is
    rebuilt afterwards). Use it inside the write's transaction. It yields the month slots the
    stances were in before (topic, speaker, status, month, precision)."""
    if quote_ids is None:
        yield set()
        rollup_rebuild()
        return
    ids = list(quote_ids)
    before = _slots(ids)
    yield before
    rollup_apply(ids, before)


@transaction.atomic
def rollup_topic_refresh(*, topic_id: int) -> int:
    """Recompute every cell of one topic (its stances were marked settled or not again)."""
    StanceRollup.objects.filter(topic_id=topic_id).delete()
    _insert_select(
        StanceRollup, CELL_COLUMNS, _cell_rows(QuoteStance.objects.filter(topic=topic_id))
    )
    return StanceRollup.objects.filter(topic_id=topic_id).count()


def rollup_rebuild(*, using: str = DEFAULT_DB_ALIAS) -> int:
    """Rebuild both rollups from the stored stances and the quotes, atomically; returns the
    rows written."""
    with transaction.atomic(using=using):
        StanceRollup.objects.using(using).all().delete()
        QuoteRollup.objects.using(using).all().delete()
        _insert_select(StanceRollup, CELL_COLUMNS, _cell_rows(QuoteStance.objects.using(using)))
        quotes = Quote._base_manager.using(using).all()
        _insert_select(QuoteRollup, QUOTE_CELL_COLUMNS, _quote_cell_rows(quotes))
        return StanceRollup.objects.using(using).count() + QuoteRollup.objects.using(using).count()


def rollup_serves(filters) -> bool:
    """Whether the month cells answer ``filters``: a range of whole months (or none)."""
    after, before = filters.said_after, filters.said_before
    return (after is None or after.day == 1) and (before is None or before == month_end(before))


def rollup_daily(filters, *, field: str, values: list, series, placeable) -> QuerySet:
    """The rollup's answer to a timeline's stance query (``quotes.analysis_series``): per series
    and month, ``n`` stances with a value, their ``total``, ``low`` and ``high``, summed over
    the month's cells.

    ``field`` is the rollup column the series are drawn from (``speaker_id`` or
    ``organization_id``), ``values`` its values, ``series`` the expression naming a row's series
    and ``placeable`` the date precisions the bucket places. The same rows as the stored stances
    would give (``rollup_serves``: a range of whole months): a cell holds only stances of one
    status, settled state, precision and month.
    """
    cells = StanceRollup.objects.filter(
        unit=StanceRollup.Unit.REPORT,
        topic=filters.topic,
        status=filters.status,
        said_on_precision__in=placeable,
        count__gt=0,
        **{f"{field}__in": values},
    )
    if filters.settled_only:
        cells = cells.filter(is_settled=True)
    if filters.said_after is not None:
        cells = cells.filter(said_on__gte=filters.said_after)
    if filters.said_before is not None:
        cells = cells.filter(said_on__lte=filters.said_before)
    return (
        cells.annotate(series=series)
        .values("series", "said_on")
        .annotate(n=Sum("count"), total=Sum("total"), low=Min("low"), high=Max("high"))
        .order_by()
    )


def rollup_quotes_daily(filters, *, field: str, values: list, series, placeable) -> QuerySet:
    """The quote rollup's answer to a timeline's quotes-per-period query: per series and month
    (None: undated), ``n`` quotes of the status asked for and ``placed`` those whose date the
    bucket can place. Arguments as ``rollup_daily``."""
    cells = QuoteRollup.objects.filter(status=filters.status, **{f"{field}__in": values})
    if filters.said_after is not None:
        cells = cells.filter(said_on__gte=filters.said_after)
    if filters.said_before is not None:
        cells = cells.filter(said_on__lte=filters.said_before)
    return (
        cells.annotate(series=series)
        .values("series", "said_on")
        .annotate(
            n=Sum("quotes"),
            placed=Coalesce(Sum("quotes", filter=Q(said_on_precision__in=placeable)), 0),
        )
        .order_by()
    )
