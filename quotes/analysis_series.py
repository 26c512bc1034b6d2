"""The points of one kind of series (speakers, organisations, organisation kinds), counted by
the database: from the rollups (``quotes.rollup``) when they can answer, else from the quotes
and their stored stances (``quotes.analysis`` explains what a point is).
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import Case, Count, F, IntegerField, Max, Min, Q, Sum, Value, When
from django.db.models.functions import Left

from quotes import analysis_units
from quotes.analysis_types import EXCERPT_LENGTH, PLACEABLE, Filters, Point, period_label
from quotes.display import stance_range
from quotes.models import Quote, QuoteStance
from quotes.periods import JOINED_IDS, IdList, period_rollup, split_ids
from quotes.rollup import rollup_daily, rollup_quotes_daily, rollup_serves


@dataclass(frozen=True)
class Group:
    """One kind of series: the field that splits quotes into series, the same field seen from a
    stored stance, and the labels of the values asked for."""

    kind: str
    field: str
    stance_field: str
    labels: dict  # group value -> (key, label), in the order asked for
    # group value -> the field values it pools (an organization and its descendants); None: each
    # group value is the field's own value
    members: dict | None = None
    # The StanceRollup column the series are drawn from, when the rollup can answer (quotes.rollup)
    rollup_field: str | None = None

    def values(self) -> list:
        if self.members is None:
            return list(self.labels)
        return [member for pooled in self.members.values() for member in pooled]

    def series(self, field: str):
        """The expression naming a row's series: the field, or the group value pooling it."""
        if self.members is None:
            return F(field)
        whens = [
            When(**{f"{field}__in": pooled}, then=Value(value))
            for value, pooled in self.members.items()
        ]
        return Case(*whens, output_field=IntegerField())


def _count(column: str) -> str:
    # A sum of counts is numeric on PostgreSQL (a Decimal in Python): keep it an integer.
    return f"CAST(SUM({column}) AS bigint)"


def _rollup_args(group: Group, placeable) -> dict:
    return {
        "field": group.rollup_field,
        "values": group.values(),
        "series": group.series(group.rollup_field),
        "placeable": placeable,
    }


def _daily_quotes(group: Group, filters: Filters, placeable):
    """Per series and day: ``n`` quotes of the status asked for, ``placed`` those the bucket
    can place."""
    return (
        Quote.objects.filter(status=filters.status)
        .said_between(filters.said_after, filters.said_before)
        .filter(**{f"{group.field}__in": group.values()})
        .annotate(series=group.series(group.field))
        .values("series", "said_on")
        .annotate(n=Count("pk"), placed=Count("pk", filter=Q(said_on_precision__in=placeable)))
        .order_by()
    )


def _daily_stances(group: Group, filters: Filters, placeable, with_ids: bool):
    """Per series and day: the stored stances' ``n``, ``total``, ``low``, ``high`` (and their
    quotes' ``ids``)."""
    stances = QuoteStance.objects.filter(
        topic=filters.topic,
        value__isnull=False,  # coded only "cannot code": no stance to place
        status=filters.status,
        said_on_precision__in=placeable,
        **{f"{group.stance_field}__in": group.values()},
    )
    if filters.settled_only:
        stances = stances.filter(is_settled=True)
    if filters.said_after is not None:
        stances = stances.filter(said_on__gte=filters.said_after)
    if filters.said_before is not None:
        stances = stances.filter(said_on__lte=filters.said_before)
    stances = stances.annotate(series=group.series(group.stance_field))
    return (
        stances.values("series", "said_on")
        .annotate(
            # quote_id, not the stance's own id: it is in the timeline index, so PostgreSQL
            # answers from the index alone (SQLite's indexes all carry the row id anyway).
            n=Count("quote_id"),
            total=Sum("value"),
            low=Min("value"),
            high=Max("value"),
            **({"ids": IdList("quote_id")} if with_ids else {}),
        )
        .order_by()
    )


def group_series(group: Group, filters: Filters, excerpts: int, ids: bool = True) -> dict:
    """Points per group value, keyed by period start, plus imprecise and undated counts.

    Two statements whatever the number of quotes, each grouping by day and then by period
    (``period_rollup``): the quotes per period (those that cannot be placed give the imprecise
    and undated counts), then the stored stances per period with their quotes' ids. The stances
    carry copies of their quote's speaker, status and date, so a speaker's stances are one index
    range scan rather than a join per quote. With ``excerpts`` (the charts' hover text) a third
    query reads the text of that many quotes per point, however many the point has. Without
    ``ids`` (and ``excerpts``) the points' ``quote_ids`` stay empty and are not read.
    """
    placeable = PLACEABLE[filters.bucket]
    by_utterance = filters.unit == "utterance"
    # The rollups hold months: they answer a range of whole months; by utterance, speakers'
    # series only (quotes.unit_rollup).
    rolled = bool(group.rollup_field) and not (ids or excerpts) and rollup_serves(filters)
    rolled = rolled and (not by_utterance or group.rollup_field == "speaker_id")
    if rolled:
        quotes = rollup_quotes_daily(filters, **_rollup_args(group, placeable))
    elif by_utterance:  # each statement once, on its date (quotes.analysis_units)
        quotes = analysis_units.daily_units(group, filters, placeable)
    else:
        quotes = _daily_quotes(group, filters, placeable)
    date = analysis_units.DATE if by_utterance and not rolled else "said_on"
    found = {value: {"points": {}, "imprecise": 0, "undated": 0} for value in group.labels}
    for row in period_rollup(
        quotes,
        bucket=filters.bucket,
        columns={"count": _count("daily.placed"), "total": _count("daily.n")},
        date=date,
    ):
        entry = found[row["series"]]
        if row["period"] is None:
            entry["undated"] += row["total"]
            continue
        entry["imprecise"] += row["total"] - row["count"]
        if row["count"]:
            entry["points"][row["period"]] = Point(
                period=period_label(row["period"], filters.bucket),
                start=row["period"],
                count=row["count"],
            )

    if rolled:
        daily = rollup_daily(filters, **_rollup_args(group, placeable))
    elif by_utterance:  # one row per statement: the mean of its reports' stances
        daily = analysis_units.unit_stances(group, filters, placeable)
    else:
        daily = _daily_stances(group, filters, placeable, ids or excerpts)
    columns = {
        "with_stance": _count("daily.n"),
        "mean": "SUM(daily.total) / SUM(daily.n)",
        "min": "MIN(daily.low)",
        "max": "MAX(daily.high)",
    }
    if ids or excerpts:
        columns["ids"] = JOINED_IDS[connections[daily.db].vendor].format("daily.ids")
    for row in period_rollup(daily, bucket=filters.bucket, columns=columns, date=date):
        point = found[row["series"]]["points"][row["period"]]
        point.with_stance = row["with_stance"]
        # Rounded (quotes.display): a sum of floats depends on the order the database adds
        # them in, and the same question should get the same answer; min and max are rounded
        # alike and the mean held between them, so no surface shows a mean above its max.
        point.mean, point.min, point.max = stance_range(row["mean"], row["min"], row["max"])
        point.quote_ids = split_ids(row.get("ids"))
    if excerpts:
        points = [point for entry in found.values() for point in entry["points"].values()]
        wanted = [pk for point in points for pk in point.quote_ids[:excerpts]]
        texts = dict(
            Quote.objects.filter(pk__in=wanted)
            .annotate(excerpt=Left("text", EXCERPT_LENGTH))
            .values_list("pk", "excerpt")
        )
        for point in points:
            point.excerpts = {pk: texts[pk] for pk in point.quote_ids[:excerpts]}
    return found
