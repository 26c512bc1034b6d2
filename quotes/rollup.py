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

from collections.abc import Iterable
from contextlib import contextmanager
from functools import reduce
from operator import or_

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Count, F, Max, Min, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from quotes import unit_rollup
from quotes.models import Quote, QuoteRollup, QuoteStance, StanceRollup
from quotes.periods import PeriodStart
from quotes.rollup_sql import (
    delete_sql,
    insert_select,
    insert_sql,
    month_end,
    month_q,
    month_start,
    run_compiled,
    slot_values,
)

# A topic's stances of one speaker, status, month and precision: a range of the stored stances'
# timeline index (quote_stance_timeline), so recomputing a slot reads only its own rows.
SLOT = ("topic_id", "speaker_id", "status", "said_on", "said_on_precision")
# Slots per statement: each is five conditions OR-ed, far from SQLite's expression depth limit.
SLOTS_PER_QUERY = 100
BATCH_SIZE = 5000


def _placed(stances):
    """The stored stances that have a cell: with a speaker and a date."""
    return stances.filter(speaker__isnull=False, said_on__isnull=False)


def _month_q(slot: tuple, names=SLOT) -> Q:
    return month_q(slot, names)


# The columns of a rollup row, in the order ``_cell_rows`` selects them (INSERT … SELECT).
CELL_COLUMNS = (
    *("unit", "topic_id", "speaker_id", "organization_id", "status", "is_settled"),
    *("said_on_precision", "said_on", "quotes", "count", "total", "total_squares", "low", "high"),
)
QUOTE_CELL_COLUMNS = (
    *("unit", "speaker_id", "organization_id", "status", "said_on_precision", "said_on"),
    "quotes",
)


def _cell_rows(stances, slot: tuple | None = None) -> QuerySet:
    """The rollup rows of the stored stances ``stances`` as one aggregate (``CELL_COLUMNS``);
    with ``slot``, they are that month slot's (``month_q``): its fields are then constants and
    the groups only settled states and organisations."""
    if slot is None:
        stances = stances.annotate(said_on_month=PeriodStart("said_on", bucket="month"))
        keys = grouped = ("topic_id", "speaker_id", "status", "said_on_month", "said_on_precision")
        fixed = {}
    else:
        fixed, grouped = slot_values(slot), ()
        keys = tuple(fixed)
    topic, speaker, status, month, precision = keys
    return (
        _placed(stances)
        .values(
            *grouped,
            "is_settled",
            organization=Coalesce("quote__affiliation__organization_id", Value(0)),
        )
        .annotate(
            row_unit=Value(StanceRollup.Unit.REPORT),
            **fixed,
            n_quotes=Count("pk"),
            n=Count("value"),
            sum_values=Coalesce(Sum("value"), Value(0.0)),
            sum_squares=Coalesce(Sum(F("value") * F("value")), Value(0.0)),
            lowest=Min("value"),
            highest=Max("value"),
        )
        .order_by()
        .values_list(
            *("row_unit", topic, speaker, "organization", status, "is_settled", precision),
            *(month, "n_quotes", "n", "sum_values", "sum_squares", "lowest", "highest"),
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
        .annotate(row_unit=Value(StanceRollup.Unit.REPORT), n=Count("pk"))
        .order_by()
        .values_list(
            *("row_unit", "speaker_id", "organization", "status", "said_on_precision"),
            *("said_on_month", "n"),
        )
    )


def quote_cells(quotes) -> Iterable[QuoteRollup]:
    """The quote rollup rows of the quotes ``quotes`` (those with a speaker), aggregated by the
    database (one query), unsaved: what the maintained quote rollup must always equal."""
    for row in _quote_cell_rows(quotes).iterator(chunk_size=BATCH_SIZE):
        yield QuoteRollup(**dict(zip(QUOTE_CELL_COLUMNS, row, strict=True)))


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
    inside the write's transaction. The quotes' counting units follow (``quotes.unit_rollup``)."""
    ids = list(quote_ids)
    rollup_slots_refresh(_slots(ids) | set(slots))
    unit_rollup.units_refresh(quote_ids=ids, quotes=False)


def stance_slot(stance) -> tuple | None:
    """The month slot of a stored stance (read from its copies of the quote's fields), or None
    when it has no cell (no speaker or no date)."""
    if stance.speaker_id is None or stance.said_on is None:
        return None
    month = month_start(stance.said_on)
    return (stance.topic_id, stance.speaker_id, stance.status, month, stance.said_on_precision)


def stance_held(stance) -> tuple | None:
    """What the rollups (by report and by utterance) hold of a stored stance (None: no row):
    its slot fields, month, value and settled state. Two stances that agree on it leave every
    cell and unit as they are; an undated stance still counts in its utterance's unit."""
    if stance is None:
        return None
    month = None if stance.said_on is None else month_start(stance.said_on)
    fields = (stance.topic_id, stance.speaker_id, stance.status, stance.said_on_precision)
    return (*fields, month, stance.value, stance.is_settled)


def rollup_slots_refresh(slots: Iterable[tuple]) -> None:
    """Recompute the cells of these month slots from the stored stances: per hundred slots a
    DELETE and an INSERT … SELECT. Call it inside the write's transaction."""
    todo = sorted(set(slots), key=str)
    for start in range(0, len(todo), SLOTS_PER_QUERY):
        chunk = todo[start : start + SLOTS_PER_QUERY]
        flat = tuple(value for slot in chunk for value in slot)
        run_compiled("report cells", _slots_statements, flat)


def _slots_statements(*flat) -> list[tuple]:
    """The DELETE and the INSERT … SELECT recomputing the report cells of the slots ``flat``
    (their fields one after the other)."""
    chunk = [flat[start : start + len(SLOT)] for start in range(0, len(flat), len(SLOT))]
    cell = reduce(or_, (Q(**dict(zip(SLOT, slot, strict=True))) for slot in chunk))
    rows = reduce(or_, (_month_q(slot) for slot in chunk))
    return [
        delete_sql(StanceRollup.objects.filter(cell, unit=StanceRollup.Unit.REPORT)),
        insert_sql(StanceRollup, CELL_COLUMNS, _cell_rows(QuoteStance.objects.filter(rows))),
    ]


QUOTE_SLOT = ("speaker_id", "said_on")


def quote_cells_refresh(
    quote_ids: Iterable[int], *, speakers: Iterable[int] = (), slots: Iterable[tuple] = ()
) -> None:
    """Recompute, from the quotes, the quote rollup's (speaker, month) slots the quotes are in
    now, the same months of ``speakers`` (the speakers they had before a write that moved
    them) and ``slots`` (where a quote was before its date changed). One query for the slots,
    then per hundred a DELETE, the count and an INSERT; the quotes' counting units follow
    (``quotes.unit_rollup``). Call it inside the write's transaction.
    """
    quote_ids = list(quote_ids)
    unit_rollup.units_refresh(quote_ids=quote_ids, stances=False)
    now = Quote.objects.filter(pk__in=quote_ids, speaker__isnull=False)
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
            reduce(or_, (Q(speaker_id=speaker, said_on=month) for speaker, month in chunk)),
            unit=StanceRollup.Unit.REPORT,
        ).delete()
        rows = reduce(or_, (_month_q(slot, QUOTE_SLOT) for slot in chunk))
        quotes = _quote_cell_rows(Quote.objects.filter(rows))
        insert_select(QuoteRollup, QUOTE_CELL_COLUMNS, quotes)


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
    """Recompute every cell of one topic (its stances were marked settled or not again), by
    report and by utterance."""
    StanceRollup.objects.filter(topic_id=topic_id).delete()
    insert_select(
        StanceRollup, CELL_COLUMNS, _cell_rows(QuoteStance.objects.filter(topic=topic_id))
    )
    unit_rollup.units_topic_rebuild(topic_id=topic_id)
    return StanceRollup.objects.filter(topic_id=topic_id).count()


def rollup_rebuild(*, using: str = DEFAULT_DB_ALIAS) -> int:
    """Rebuild both rollups, by report and by utterance (``quotes.unit_rollup``), from the
    stored stances and the quotes, atomically; returns the cells written."""
    with transaction.atomic(using=using):
        StanceRollup.objects.using(using).all().delete()
        QuoteRollup.objects.using(using).all().delete()
        insert_select(StanceRollup, CELL_COLUMNS, _cell_rows(QuoteStance.objects.using(using)))
        quotes = Quote._base_manager.using(using).all()
        insert_select(QuoteRollup, QUOTE_CELL_COLUMNS, _quote_cell_rows(quotes))
        unit_rollup.units_rebuild(using=using)
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
    status, settled state, precision and month. Counted by utterance (``filters.unit``), a
    view's cells are read (``StanceRollup.Unit``): they answer speakers' series only.
    """
    by_utterance = filters.unit == StanceRollup.Unit.UTTERANCE
    cells = StanceRollup.objects.filter(
        unit=filters.unit if by_utterance else StanceRollup.Unit.REPORT,
        topic=filters.topic,
        status=filters.status,
        said_on_precision__in=placeable,
        count__gt=0,
        **{f"{field}__in": values},
    )
    if by_utterance:
        cells = cells.filter(is_settled=filters.settled_only)
    elif filters.settled_only:
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
    bucket can place (units, counted by utterance). Arguments as ``rollup_daily``."""
    unit = StanceRollup.Unit.UTTERANCE if filters.unit == "utterance" else StanceRollup.Unit.REPORT
    cells = QuoteRollup.objects.filter(unit=unit, status=filters.status, **{f"{field}__in": values})
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
