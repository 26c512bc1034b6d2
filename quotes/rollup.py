"""The stance rollup kept in step: every cell a write may have moved is recomputed from base rows.

``StanceRollup`` sums the stored stances (``QuoteStance``) per speaker × topic × organisation at
the time × status × settled × date precision × day × unit. Whatever writes stored stances or their
copies of a quote's fields wraps the write in ``rollup_kept(quote_ids)`` (one line, in the same
transaction): it notes the day slots (topic, speaker, status, date, precision) the quotes'
stances are in before the write, and afterwards recomputes those slots and the ones they are in
after it, from the base rows, a hundred slots per statement. Recomputing rather than adding
deltas keeps the minimum and maximum right when the value that was the minimum leaves a cell,
and a slot is small (one speaker's stances of one day on one topic), so that costs one range
of an index.

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

from quotes.models import QuoteStance, StanceRollup

# A topic's stances of one speaker, status, day and precision: a range of the stored stances'
# timeline index (quote_stance_timeline), so recomputing a slot reads only its own rows.
SLOT = ("topic_id", "speaker_id", "status", "said_on", "said_on_precision")
# Slots per statement: each is five conditions OR-ed, far from SQLite's expression depth limit.
SLOTS_PER_QUERY = 100
BATCH_SIZE = 5000


def _placed(stances):
    """The stored stances that have a cell: with a speaker and a date."""
    return stances.filter(speaker__isnull=False, said_on__isnull=False)


def cells(stances) -> Iterable[StanceRollup]:
    """The rollup rows of the stored stances ``stances``, aggregated by the database (one
    query), unsaved: the direct aggregation the maintained rollup must always equal."""
    rows = (
        _placed(stances)
        .values(
            *SLOT,
            "is_settled",
            organization=Coalesce("quote__affiliation__organization_id", Value(0)),
        )
        .annotate(
            n_quotes=Count("pk"),
            n=Count("value"),
            sum_values=Sum("value"),
            sum_squares=Sum(F("value") * F("value")),
            lowest=Min("value"),
            highest=Max("value"),
        )
        .order_by()
    )
    for row in rows.iterator(chunk_size=BATCH_SIZE):
        yield StanceRollup(
            unit=StanceRollup.Unit.REPORT,
            topic_id=row["topic_id"],
            speaker_id=row["speaker_id"],
            organization_id=row["organization"],
            status=row["status"],
            is_settled=row["is_settled"],
            said_on_precision=row["said_on_precision"],
            said_on=row["said_on"],
            quotes=row["n_quotes"],
            count=row["n"],
            total=float(row["sum_values"] or 0.0),
            total_squares=float(row["sum_squares"] or 0.0),
            low=row["lowest"],
            high=row["highest"],
        )


def _write(rows: Iterable[StanceRollup], using: str) -> int:
    batch, written = [], 0
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH_SIZE:
            written += len(StanceRollup.objects.using(using).bulk_create(batch))
            batch = []
    if batch:
        written += len(StanceRollup.objects.using(using).bulk_create(batch))
    return written


def _slots(quote_ids: list[int]) -> set[tuple]:
    """The day slots the quotes' placed stored stances are in (one query)."""
    stances = _placed(QuoteStance.objects.filter(quote_id__in=quote_ids))
    return set(stances.values_list(*SLOT).order_by().distinct())


def rollup_apply(quote_ids: Iterable[int], slots: Iterable[tuple] = ()) -> None:
    """Recompute, from the base rows, the cells of the day slots the quotes' stored stances are
    in, and of ``slots`` (those they were in before a write): one query for the slots, then per
    hundred slots a DELETE, the aggregate and an INSERT (none when no cell remains). Call it
    inside the write's transaction."""
    todo = sorted(_slots(list(quote_ids)) | set(slots), key=str)
    for start in range(0, len(todo), SLOTS_PER_QUERY):
        where = reduce(
            or_,
            (
                Q(**dict(zip(SLOT, slot, strict=True)))
                for slot in todo[start : start + SLOTS_PER_QUERY]
            ),
        )
        StanceRollup.objects.filter(where, unit=StanceRollup.Unit.REPORT).delete()
        _write(list(cells(QuoteStance.objects.filter(where))), DEFAULT_DB_ALIAS)


@contextmanager
def rollup_kept(quote_ids: Iterable[int] | None):
    """Keep the rollup in step with a write to these quotes' stored stances (or their copies of
    the quotes' fields) done inside the ``with`` block; None: any quote (the whole rollup is
    rebuilt afterwards). Use it inside the write's transaction."""
    if quote_ids is None:
        yield
        rollup_rebuild()
        return
    ids = list(quote_ids)
    before = _slots(ids)
    yield
    rollup_apply(ids, before)


@transaction.atomic
def rollup_topic_refresh(*, topic_id: int) -> int:
    """Recompute every cell of one topic (its stances were marked settled or not again)."""
    StanceRollup.objects.filter(topic_id=topic_id).delete()
    return _write(cells(QuoteStance.objects.filter(topic_id=topic_id)), DEFAULT_DB_ALIAS)


def rollup_rebuild(*, using: str = DEFAULT_DB_ALIAS) -> int:
    """Rebuild the whole rollup from the stored stances, atomically; returns the rows written."""
    with transaction.atomic(using=using):
        StanceRollup.objects.using(using).all().delete()
        return _write(cells(QuoteStance.objects.using(using).all()), using)


def rollup_daily(filters, *, field: str, values: list, series, placeable) -> QuerySet:
    """The rollup's answer to a timeline's stance query (``quotes.analysis``): per series and day,
    ``n`` stances with a value, their ``total``, ``low`` and ``high``, summed over the day's cells.

    ``field`` is the rollup column the series are drawn from (``speaker_id`` or
    ``organization_id``), ``values`` its values, ``series`` the expression naming a row's series
    and ``placeable`` the date precisions the bucket places. The same rows as the stored stances
    would give: a cell holds only stances of one status, settled state, precision and day.
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
