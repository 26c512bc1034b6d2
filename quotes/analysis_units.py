"""Counting by utterance: the daily rows of ``quotes.analysis`` with each statement once.

``quotes.analysis`` counts reports (quotes) by default shape; with ``unit="utterance"`` it reads
these querysets instead, which put each unit (an utterance, or a quote linked to none:
``quotes.utterances.unit_key``) on its date (the utterance's, or the quote's own) and give it
the mean of its reports' stored stances. The shapes are those ``period_rollup`` sums into
periods, with the date column ``unit_day``.
"""

from django.db.models import Avg, Count, Q, QuerySet

from quotes.models import Quote, QuoteStance
from quotes.periods import IdList
from quotes.utterances import unit_date, unit_key

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


def unit_stances(group, filters, placeable) -> QuerySet:
    """One row per series and unit with a stance: its day, ``n`` = 1, its reports' mean stance
    as ``total``, ``low`` and ``high``, and the reports' ``ids``; ``period_rollup`` sums them
    as it sums days."""
    day, precision = unit_date("quote__")
    stances = QuoteStance.objects.filter(
        topic=filters.topic,
        value__isnull=False,
        status=filters.status,
        **{f"{group.stance_field}__in": group.values()},
    )
    if filters.settled_only:
        stances = stances.filter(is_settled=True)
    stances = stances.annotate(
        unit=unit_key("quote__"), unit_day=day, unit_precision=precision
    ).filter(unit_precision__in=placeable)
    return (
        _said_between(stances, filters)
        .annotate(series=group.series(group.stance_field))
        .values("series", "unit", DATE)
        .annotate(
            n=Count("unit", distinct=True),
            total=Avg("value"),
            low=Avg("value"),
            high=Avg("value"),
            ids=IdList("quote_id"),
        )
        .order_by()
    )
