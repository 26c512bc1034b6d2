"""Counting by utterance from maintained rows: each counting unit once, then month cells.

Two layers, both derived and written in the transaction of the write that moves them:

1. ``UnitStance`` and ``UnitQuote``: one row per unit (an utterance, or a quote linked to none:
   ``quotes.utterances.unit_key``) × topic × status × speaker, with the unit's date and its
   stance as ``quotes.utterances.with_unit_stance`` defines it (the mean of every report's
   stance, and of the settled ones'), recomputed from the base rows for the units a write
   touched (``units_refresh``): a stance save recomputes one unit on one topic.
2. The utterance cells of ``StanceRollup`` and ``QuoteRollup`` (``unit="utterance"``), summed
   from layer 1 per month slot: the slots the refreshed units were in before and are in now.

Timelines and compare of speakers read the cells; the topic ranking counts layer 1 per
speaker and value. An organisation's series counted by utterance still reads the base rows
(``quotes.analysis_units``): the reports of one utterance may be in roles at two
organisations, and a unit's mean then depends on which organisations a series pools.
"""

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Avg, Count, F, Max, Min, Q, QuerySet, Sum, Value

from quotes.models import Quote, QuoteRollup, QuoteStance, StanceRollup, UnitQuote, UnitStance
from quotes.periods import PeriodStart
from quotes.rollup_sql import (
    delete_sql,
    insert_select,
    insert_sql,
    month_q,
    month_start,
    run_compiled,
    slot_values,
)
from quotes.utterances import unit_date, unit_key, with_unit_stance

UTTERANCE = StanceRollup.Unit.UTTERANCE
UNIT_STANCE_COLUMNS = (
    *("unit", "topic_id", "speaker_id", "status", "said_on", "said_on_precision"),
    *("value", "settled_value"),
)
UNIT_QUOTE_COLUMNS = ("unit", "speaker_id", "status", "said_on", "said_on_precision", "reports")
CELL_COLUMNS = (
    *("unit", "topic_id", "speaker_id", "organization_id", "status", "is_settled"),
    *("said_on_precision", "said_on", "quotes", "count", "total", "total_squares", "low", "high"),
)
QUOTE_CELL_COLUMNS = (
    *("unit", "speaker_id", "organization_id", "status", "said_on_precision", "said_on"),
    "quotes",
)
# A stance cell's slot, as in quotes.rollup; a quote cell's: a speaker's month (or undated).
SLOT = ("topic_id", "speaker_id", "status", "said_on", "said_on_precision")
QUOTE_SLOT = ("speaker_id", "said_on")
UNITS_PER_QUERY = 500
SLOTS_PER_QUERY = 100


def _of_units(units: Iterable[int], prefix: str = "") -> list[Q]:
    """The base rows (quotes, or stored stances with ``prefix="quote__"``) of these units: one
    condition for the utterances' reports, one for the unlinked quotes (each an index range;
    OR-ed across the join to the quote they would make a scan of the topic's stances)."""
    units = list(units)
    linked = [unit for unit in units if unit > 0]
    alone = [-unit for unit in units if unit < 0]
    found = [Q(**{f"{prefix}utterance_id__in": linked})] if linked else []
    if alone:
        unlinked = {"quote_id__in" if prefix else "id__in": alone}
        found.append(Q(**unlinked, **{f"{prefix}utterance__isnull": True}))
    return found


def unit_stance_rows(stances: QuerySet) -> QuerySet:
    """The ``UnitStance`` rows of the stored stances ``stances`` (``UNIT_STANCE_COLUMNS``), as
    one aggregate: the direct computation the maintained rows must always equal."""
    day, precision = unit_date("quote__")
    return (
        with_unit_stance(stances.filter(speaker__isnull=False))
        .filter(unit_value__isnull=False)
        .annotate(row_unit=unit_key("quote__"), unit_day=day, unit_precision=precision)
        .values("row_unit", "topic_id", "speaker_id", "status", "unit_day", "unit_precision")
        .annotate(
            mean=Avg("unit_value"), settled_mean=Avg("unit_value", filter=Q(unit_settled=True))
        )
        .order_by()
        .values_list(
            *("row_unit", "topic_id", "speaker_id", "status", "unit_day", "unit_precision"),
            *("mean", "settled_mean"),
        )
    )


def unit_quote_rows(quotes: QuerySet) -> QuerySet:
    """The ``UnitQuote`` rows of ``quotes`` (those with a speaker; ``UNIT_QUOTE_COLUMNS``)."""
    day, precision = unit_date()
    return (
        quotes.filter(speaker__isnull=False)
        .annotate(row_unit=unit_key(), unit_day=day, unit_precision=precision)
        .values("row_unit", "speaker_id", "status", "unit_day", "unit_precision")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("row_unit", "speaker_id", "status", "unit_day", "unit_precision", "n")
    )


def _cell_rows(units: QuerySet, *, settled: bool, slot: tuple | None = None) -> QuerySet:
    """The utterance cells of the ``UnitStance`` rows ``units`` in one view (``CELL_COLUMNS``):
    ``settled``, the units with a settled stance at its mean; else every unit at its mean. With
    ``slot``, the rows are that month slot's (``month_q``): its fields are constants, grouped by
    its precision alone (one group, none when no unit is left)."""
    field = "settled_value" if settled else "value"
    units = units.filter(said_on__isnull=False, **{f"{field}__isnull": False})
    if slot is None:
        units = units.annotate(month=PeriodStart("said_on", bucket="month"))
        keys = grouped = ("topic_id", "speaker_id", "status", "month", "said_on_precision")
        fixed = {}
    else:
        fixed, grouped = slot_values(slot), ("said_on_precision",)
        keys = tuple(fixed)
    topic, speaker, status, month, precision = keys
    return (
        units.values(*grouped)
        .annotate(
            row_unit=Value(UTTERANCE),
            **fixed,
            organization=Value(0),
            view=Value(settled),
            n_units=Count("pk"),
            n=Count("pk"),
            sum_values=Sum(field),
            sum_squares=Sum(F(field) * F(field)),
            lowest=Min(field),
            highest=Max(field),
        )
        .order_by()
        .values_list(
            *("row_unit", topic, speaker, "organization", status, "view", precision, month),
            *("n_units", "n", "sum_values", "sum_squares", "lowest", "highest"),
        )
    )


def slot_cells_select(units: QuerySet, slot: tuple) -> tuple[str, tuple]:
    """Both views' utterance cells (``CELL_COLUMNS``) of the ``UnitStance`` rows ``units`` of
    one dated month slot (``month_q``), as ``_cell_rows`` makes them, from one scan of the rows
    instead of one per view: each view's aggregates side by side in one row, then that row split
    into one per view (none for a view without a unit). An (sql, params) pair."""
    views = {"settled": "settled_value", "every": "value"}
    aggregates = {}
    for view, field in views.items():  # COUNT, SUM, MIN and MAX skip an empty settled_value
        aggregates |= {
            **{f"{view}_n": Count(field), f"{view}_total": Sum(field)},
            f"{view}_squares": Sum(F(field) * F(field)),
            **{f"{view}_low": Min(field), f"{view}_high": Max(field)},
        }
    fixed = {"row_unit": Value(UTTERANCE), **slot_values(slot), "organization": Value(0)}
    rows = units.values("said_on_precision").annotate(**fixed, **aggregates).order_by()
    sql, params = rows.values(*fixed, *aggregates).query.sql_with_params()

    def pick(name):
        return f"CASE WHEN v.is_settled THEN u.settled_{name} ELSE u.every_{name} END"

    keys = ("row_unit", "cell_topic", "cell_speaker", "organization", "cell_status")
    columns = [*(f"u.{key}" for key in keys), "v.is_settled", "u.cell_precision", "u.cell_month"]
    columns += [pick(name) for name in ("n", "n", "total", "squares", "low", "high")]
    views_sql = "SELECT CAST(%s AS BOOLEAN) AS is_settled UNION ALL SELECT CAST(%s AS BOOLEAN)"
    return (
        f"SELECT {', '.join(columns)} FROM ({sql}) u CROSS JOIN ({views_sql}) v"
        f" WHERE {pick('n')} > 0",
        (*params, True, False),
    )


def _quote_cell_rows(units: QuerySet) -> QuerySet:
    """The utterance cells of the ``UnitQuote`` rows ``units`` (``QUOTE_CELL_COLUMNS``)."""
    return (
        units.annotate(month=PeriodStart("said_on", bucket="month"))
        .values("speaker_id", "status", "said_on_precision", "month")
        .annotate(row_unit=Value(UTTERANCE), organization=Value(0), n=Count("pk"))
        .order_by()
        .values_list(
            *("row_unit", "speaker_id", "organization", "status", "said_on_precision", "month"),
            "n",
        )
    )


def cells(units: QuerySet) -> Iterable[StanceRollup]:
    """The utterance cells of the ``UnitStance`` rows ``units``, both views, unsaved."""
    for settled in (True, False):
        for row in _cell_rows(units, settled=settled):
            yield StanceRollup(**dict(zip(CELL_COLUMNS, row, strict=True)))


def quote_cells(units: QuerySet) -> Iterable[QuoteRollup]:
    """The utterance cells of the ``UnitQuote`` rows ``units``, unsaved."""
    for row in _quote_cell_rows(units):
        yield QuoteRollup(**dict(zip(QUOTE_CELL_COLUMNS, row, strict=True)))


def _month_slots(rows) -> set[tuple]:
    return {(*row[:-2], month_start(row[-2]) if row[-2] else None, row[-1]) for row in rows}


def _chunks(items, size):
    items = sorted(items, key=str)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def cells_refresh(slots: Iterable[tuple]) -> None:
    """Recompute the utterance stance cells of these month slots (``SLOT``) from ``UnitStance``:
    per hundred slots a DELETE and an INSERT … SELECT for each view."""
    for chunk in _chunks(set(slots), SLOTS_PER_QUERY):
        flat = tuple(value for slot in chunk for value in slot)
        run_compiled("utterance cells", _cells_statements, flat)


def _cells_statements(*flat) -> list[tuple]:
    chunk = [flat[start : start + len(SLOT)] for start in range(0, len(flat), len(SLOT))]
    cell = reduce(or_, (Q(**dict(zip(SLOT, slot, strict=True))) for slot in chunk))
    units = UnitStance.objects.filter(reduce(or_, (month_q(slot, SLOT) for slot in chunk)))
    return [
        delete_sql(StanceRollup.objects.filter(cell, unit=UTTERANCE)),
        *(
            insert_sql(StanceRollup, CELL_COLUMNS, _cell_rows(units, settled=settled))
            for settled in (True, False)
        ),
    ]


def quote_cells_refresh(slots: Iterable[tuple]) -> None:
    """Recompute the utterance quote cells of these (speaker, month) slots from ``UnitQuote``."""
    for chunk in _chunks(set(slots), SLOTS_PER_QUERY):
        QuoteRollup.objects.filter(
            reduce(or_, (Q(speaker_id=speaker, said_on=month) for speaker, month in chunk)),
            unit=UTTERANCE,
        ).delete()
        units = UnitQuote.objects.filter(reduce(or_, (month_q(slot, QUOTE_SLOT) for slot in chunk)))
        insert_select(QuoteRollup, QUOTE_CELL_COLUMNS, _quote_cell_rows(units))


def units_of(quote_ids: Iterable[int]) -> set[int]:
    """The units these quotes count in now, and each as a unit of its own (the one it was, or
    will be, when linked to no utterance): one query."""
    ids = list(quote_ids)
    linked = Quote._base_manager.filter(pk__in=ids, utterance__isnull=False)
    return {-pk for pk in ids} | set(linked.values_list("utterance_id", flat=True))


def units_refresh(
    *,
    quote_ids: Iterable[int] = (),
    utterance_ids: Iterable[int] = (),
    topic_ids: Iterable[int] | None = None,
    stances: bool = True,
    quotes: bool = True,
) -> None:
    """Recompute the units of these quotes (``units_of``) and utterances (those a write emptied
    or dissolved included), on ``topic_ids`` (None: every topic), and then the utterance cells
    of the month slots their rows were in before and are in now. ``stances`` and ``quotes``
    choose the layers (a stance save moves no quote count). Per 500 units: a SELECT of the
    slots, a DELETE and an INSERT … SELECT, a SELECT of the new slots; then the cells. Call it
    inside the write's transaction, after the write (the utterances' dates included)."""
    units = units_of(quote_ids) | set(utterance_ids)
    topics = None if topic_ids is None else list(topic_ids)
    for chunk in _chunks(units, UNITS_PER_QUERY):
        if stances:
            rows = UnitStance.objects.filter(unit__in=chunk)
            base = QuoteStance.objects.all()
            if topics is not None:
                rows, base = rows.filter(topic_id__in=topics), base.filter(topic_id__in=topics)
            slots = _month_slots(
                rows.exclude(said_on=None).values_list(*SLOT).order_by().distinct()
            )
            flat = (*chunk, *(topics or ()))
            build = _units_statements(len(chunk), every_topic=topics is None)
            run_compiled(f"units {len(chunk)} {topics is None}", build, flat)
            slots |= _month_slots(
                rows.exclude(said_on=None).values_list(*SLOT).order_by().distinct()
            )
            cells_refresh(slots)
        if quotes:
            rows = UnitQuote.objects.filter(unit__in=chunk)
            slots = _month_slots(
                rows.values_list(*QUOTE_SLOT, "said_on_precision").order_by().distinct()
            )
            rows.delete()
            for condition in _of_units(chunk):
                quotes = unit_quote_rows(Quote._base_manager.filter(condition))
                insert_select(UnitQuote, UNIT_QUOTE_COLUMNS, quotes)
            slots |= _month_slots(
                rows.values_list(*QUOTE_SLOT, "said_on_precision").order_by().distinct()
            )
            quote_cells_refresh({slot[:2] for slot in slots})


def _units_statements(count: int, *, every_topic: bool):
    """A builder of the DELETE and INSERT … SELECTs recomputing the ``UnitStance`` rows of
    ``count`` units (the first arguments) on the topics that follow (``every_topic``: all)."""

    def build(*flat) -> list[tuple]:
        units, topics = flat[:count], flat[count:]
        rows = UnitStance.objects.filter(unit__in=units)
        base = QuoteStance.objects.all()
        if not every_topic:
            rows, base = rows.filter(topic_id__in=topics), base.filter(topic_id__in=topics)
        return [
            delete_sql(rows),
            *(
                insert_sql(UnitStance, UNIT_STANCE_COLUMNS, unit_stance_rows(base.filter(q)))
                for q in _of_units(units, "quote__")
            ),
        ]

    return build


def units_topic_rebuild(*, topic_id: int) -> None:
    """Recompute every unit and utterance cell of one topic (its stances were marked settled
    or not again): four statements."""
    UnitStance.objects.filter(topic_id=topic_id).delete()
    StanceRollup.objects.filter(topic_id=topic_id, unit=UTTERANCE).delete()
    stances = QuoteStance.objects.filter(topic_id=topic_id)
    insert_select(UnitStance, UNIT_STANCE_COLUMNS, unit_stance_rows(stances))
    units = UnitStance.objects.filter(topic_id=topic_id)
    for settled in (True, False):
        insert_select(StanceRollup, CELL_COLUMNS, _cell_rows(units, settled=settled))


def units_rebuild(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Rebuild both layers from the base rows (the caller holds the transaction and has emptied
    the rollups' utterance cells, or all of them)."""
    UnitStance.objects.using(using).all().delete()
    UnitQuote.objects.using(using).all().delete()
    stances = QuoteStance.objects.using(using).all()
    insert_select(UnitStance, UNIT_STANCE_COLUMNS, unit_stance_rows(stances))
    quotes = Quote._base_manager.using(using).all()
    insert_select(UnitQuote, UNIT_QUOTE_COLUMNS, unit_quote_rows(quotes))
    units = UnitStance.objects.using(using).all()
    for settled in (True, False):
        insert_select(StanceRollup, CELL_COLUMNS, _cell_rows(units, settled=settled))
    insert_select(QuoteRollup, QUOTE_CELL_COLUMNS, _quote_cell_rows(UnitQuote.objects.using(using)))
