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
from quotes.periods import JOINED_IDS, IdList, period_day, period_rollup, period_sql, split_ids
from quotes.rollup import rollup_daily, rollup_quotes_daily, rollup_serves
from quotes.rollup_sql import fetch_compiled


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


# The columns of the two period statements: summed into periods from day (or month) rows, or,
# when month cells are read for a month bucket (``ROWS``), taken from each row as it is.
QUOTE_SUMS = {"count": _count("daily.placed"), "total": _count("daily.n")}
STANCE_SUMS = {
    "with_stance": _count("daily.n"),
    "mean": "SUM(daily.total) / SUM(daily.n)",
    "min": "MIN(daily.low)",
    "max": "MAX(daily.high)",
}
QUOTE_ROWS = {"count": "daily.placed", "total": "daily.n"}
STANCE_ROWS = {"with_stance": "daily.n", "mean": "daily.total / daily.n"}
STANCE_ROWS.update(min="daily.low", max="daily.high")


def _rolled_statements(group: Group, filters: Filters, placeable) -> list[tuple]:
    """The two period statements over the rollups (quotes, then stances): ``(sql, params)``,
    compiled once per shape of question (``quotes.rollup_sql.compiled``): building them
    through the ORM cost more than running them."""
    grouped = filters.bucket != "month"
    members = group.members or {}
    pooled = tuple(len(values) for values in members.values())
    keys = list(members or group.labels)
    name = (
        *("rollup read", group.kind, group.rollup_field, pooled, len(keys), filters.bucket),
        *(filters.unit, filters.settled_only, len(placeable)),
    )
    args = (
        *(filters.topic.pk, filters.status, *placeable, *keys),
        *(value for values in members.values() for value in values),
        *(filters.said_after, filters.said_before),
    )

    vendor = connections["default"].vendor

    def build(topic, status, *rest):
        shown, rest = rest[: len(placeable)], rest[len(placeable) :]
        values, rest = rest[: len(keys)], rest[len(keys) :]
        pooling = None
        if pooled:
            pooling, at = {}, 0
            for value, size in zip(values, pooled, strict=True):
                pooling[value], at = list(rest[at : at + size]), at + size
            rest = rest[at:]
        asked = Filters(
            topic=topic,
            bucket=filters.bucket,
            said_after=rest[0],
            said_before=rest[1],
            status=status,
            settled_only=filters.settled_only,
            unit=filters.unit,
        )
        like = Group(group.kind, group.field, group.stance_field, dict.fromkeys(values), pooling)
        rollup_args = {
            "field": group.rollup_field,
            "values": like.values(),
            "series": like.series(group.rollup_field),
            "placeable": shown,
        }
        common = {"vendor": vendor, "bucket": filters.bucket, "date": "said_on"}
        return [
            period_sql(
                rollup_quotes_daily(asked, **rollup_args),
                columns=QUOTE_SUMS if grouped else QUOTE_ROWS,
                grouped=grouped,
                **common,
            ),
            period_sql(
                rollup_daily(asked, **rollup_args),
                columns=STANCE_SUMS if grouped else STANCE_ROWS,
                grouped=grouped,
                **common,
            ),
        ]

    return fetch_compiled(name, build, args)


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
        quote_rows, stance_rows = _rolled_statements(group, filters, placeable)
    else:
        if by_utterance:  # each statement once, on its date (quotes.analysis_units)
            quotes = analysis_units.daily_units(group, filters, placeable)
            daily = analysis_units.unit_stances(group, filters, placeable)
        else:
            quotes = _daily_quotes(group, filters, placeable)
            daily = _daily_stances(group, filters, placeable, ids or excerpts)
        date = analysis_units.DATE if by_utterance else "said_on"
        quote_rows = period_rollup(quotes, bucket=filters.bucket, columns=QUOTE_SUMS, date=date)
        columns = dict(STANCE_SUMS)
        if ids or excerpts:
            columns["ids"] = JOINED_IDS[connections[daily.db].vendor].format("daily.ids")
        stance_rows = period_rollup(daily, bucket=filters.bucket, columns=columns, date=date)
    found = {value: {"points": {}, "imprecise": 0, "undated": 0} for value in group.labels}
    bucket = filters.bucket
    for series, period, count, total in quote_rows:
        entry = found[series]
        if period is None:
            entry["undated"] += total
            continue
        entry["imprecise"] += total - count
        if count:
            start = period_day(period)
            entry["points"][start] = Point(period_label(start, bucket), start, count)
    for series, period, with_stance, mean, low, high, *joined in stance_rows:
        point = found[series]["points"][period_day(period)]
        point.with_stance = with_stance
        # Rounded (quotes.display): a sum of floats depends on the order the database adds
        # them in, and the same question should get the same answer; min and max are rounded
        # alike and the mean held between them, so no surface shows a mean above its max.
        point.mean, point.min, point.max = stance_range(mean, low, high)
        if joined:
            point.quote_ids = split_ids(joined[0])
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
