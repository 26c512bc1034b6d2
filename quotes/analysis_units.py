"""Counting by utterance: the daily rows of ``quotes.analysis`` with each statement once.

``quotes.analysis`` counts reports (quotes) by default shape; with ``unit="utterance"`` it reads
these querysets instead, which put each unit (an utterance, or a quote linked to none:
``quotes.utterances.unit_key``) on its date (the utterance's, or the quote's own) and give it
the mean of its reports' stored stances, or a reviewer's stance for it. The shapes are those
``period_rollup`` sums into periods, with the date column ``unit_day``; ``stances_by_unit`` is
also what the topic ranking counts by utterance (``quotes.ranking``).
"""

from django.db.models import Avg, Count, Q, QuerySet

from quotes.models import Quote, QuoteStance
from quotes.periods import IdList
from quotes.utterances import unit_date, unit_key, with_unit_stance

DATE = "unit_day"


def _said_between(queryset: QuerySet, filters) -> QuerySet:
    if filters.said_after is not None:
        queryset = queryset.filter(unit_day__gte=filters.said_after)
    if filters.said_before is not None:
        queryset = queryset.filter(unit_day__lte=filters.said_before)
    return queryset


def daily_units(group, filters, placeable) -> QuerySet:
    """Per series and day: ``n`` units of quotes of the status asked for, ``placed`` those
    whose date the bucket can place."""
    day, precision = unit_date()
    quotes = Quote.objects.filter(
        status=filters.status, **{f"{group.field}__in": group.values()}
    ).annotate(unit=unit_key(), unit_day=day, unit_precision=precision)
    return (
        _said_between(quotes, filters)
        .annotate(series=group.series(group.field))
        .values("series", DATE)
        .annotate(
            n=Count("unit", distinct=True),
            placed=Count("unit", distinct=True, filter=Q(unit_precision__in=placeable)),
        )
        .order_by()
    )


def stances_by_unit(stances: QuerySet, *, settled_only: bool, said_after, said_before) -> QuerySet:
    """The stored stances ``stances`` that give their unit a stance, each annotated with its
    ``unit``, the unit's day (``unit_day``) and precision, and the stance it gives
    (``unit_value``: ``quotes.utterances.with_unit_stance``); settled ones only with
    ``settled_only`` (an adjudicated utterance is settled), the unit said in the range."""
    day, precision = unit_date("quote__")
    stances = with_unit_stance(stances).filter(unit_value__isnull=False)
    if settled_only:
        stances = stances.filter(unit_settled=True)
    stances = stances.annotate(unit=unit_key("quote__"), unit_day=day, unit_precision=precision)
    if said_after is not None:
        stances = stances.filter(unit_day__gte=said_after)
    if said_before is not None:
        stances = stances.filter(unit_day__lte=said_before)
    return stances


def unit_stances(group, filters, placeable) -> QuerySet:
    """One row per series and unit with a stance: its day, ``n`` = 1, its stance (the mean of
    its reports' stored stances, or a reviewer's) as ``total``, ``low`` and ``high``, and the
    reports' ``ids``; ``period_rollup`` sums them as it sums days."""
    stances = QuoteStance.objects.filter(
        topic=filters.topic,
        status=filters.status,
        **{f"{group.stance_field}__in": group.values()},
    )
    return (
        stances_by_unit(
            stances,
            settled_only=filters.settled_only,
            said_after=filters.said_after,
            said_before=filters.said_before,
        )
        .filter(unit_precision__in=placeable)
        .annotate(series=group.series(group.stance_field))
        .values("series", "unit", DATE)
        .annotate(
            n=Count("unit", distinct=True),
            total=Avg("unit_value"),
            low=Avg("unit_value"),
            high=Avg("unit_value"),
            ids=IdList("quote_id"),
        )
        .order_by()
    )
