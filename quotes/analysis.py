"""Positions over time: timelines, comparisons and shifts, counted by the database.

Everything here returns plain dataclasses that the API, the pages, the SVG chart and the CSV all
read, so "the mean stance of a period" has one definition. The stance of a quote is the stored
summary (``QuoteStance``, which carries copies of its quote's speaker, status and date); nothing
here averages annotations. A point's ``quote_ids`` are the quotes its mean is computed from.

A date known only to the month or year is placed only in buckets at least that coarse (a
month-precise quote goes into month, quarter and year buckets, a year-precise one only into
years); coarser dates are counted as ``imprecise`` and unknown ones as ``undated``, never placed.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Case, Count, F, IntegerField, Max, Min, Q, Sum, Value, When
from django.db.models.functions import Left

from quotes import analysis_units
from quotes.display import round_stance, stance_range
from quotes.hierarchy import organization_members
from quotes.models import (
    DatePrecision,
    Event,
    Organization,
    Quote,
    QuoteStance,
    Speaker,
    Topic,
)
from quotes.periods import JOINED_IDS, IdList, period_rollup, split_ids
from quotes.rollup import rollup_daily

BUCKETS = ("month", "quarter", "year")
# The date precisions each bucket can place: a quote never goes into a bucket finer than its date.
PLACEABLE = {
    "month": (DatePrecision.DAY, DatePrecision.MONTH),
    "quarter": (DatePrecision.DAY, DatePrecision.MONTH),
    "year": (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR),
}
SHIFT_THRESHOLD = 1.0
EXCERPT_LENGTH = 160


def period_label(start: datetime.date, bucket: str) -> str:
    """ "2021-10", "2021-Q4" or "2021" for the period of ``bucket`` starting on ``start``."""
    if bucket == "month":
        return f"{start:%Y-%m}"
    if bucket == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}"


def period_end(start: datetime.date, bucket: str) -> datetime.date:
    """The last day of the period of ``bucket`` starting on ``start``."""
    months = {"month": 1, "quarter": 3, "year": 12}[bucket]
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, month_index % 12 + 1, 1) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    label: str
    start: datetime.date
    end: datetime.date


@dataclass
class Point:
    """One series in one period: how many quotes, and the stored stances' mean, min and max."""

    period: str
    start: datetime.date
    count: int = 0
    with_stance: int = 0
    mean: float | None = None
    min: float | None = None
    max: float | None = None
    quote_ids: list[int] = field(default_factory=list)
    # The first few quotes' text (the charts' hover text), by id; only when asked for.
    excerpts: dict[int, str] = field(default_factory=dict)
    change: float | None = None
    shift: bool = False

    @property
    def without_stance(self) -> int:
        return self.count - self.with_stance


@dataclass
class Series:
    """A speaker, an organization or a kind of organization, over the comparison's periods."""

    key: str
    label: str
    kind: str  # "speaker", "organization" or "organization_kind"
    points: list[Point] = field(default_factory=list)
    imprecise: int = 0
    undated: int = 0

    @property
    def without_stance(self) -> int:
        return sum(point.without_stance for point in self.points)

    @property
    def count(self) -> int:
        return sum(point.count for point in self.points)


@dataclass(frozen=True)
class EventMark:
    slug: str
    title: str
    occurred_on: datetime.date
    precision: str


@dataclass
class Comparison:
    """Series on the union of their periods, with the events in the range they cover."""

    topic: Topic
    bucket: str
    periods: list[Period]
    series: list[Series]
    events: list[EventMark]
    start: datetime.date | None
    end: datetime.date | None


@dataclass(frozen=True)
class Filters:
    """Which quotes count: a topic, a bucket, an optional date range and a review status."""

    topic: Topic
    bucket: str = "month"
    said_after: datetime.date | None = None
    said_before: datetime.date | None = None
    status: str = Quote.Status.CONFIRMED
    # Count settled stances only (quotes.coding.settled_only: everyone but reviewers).
    settled_only: bool = True
    # "utterance": each statement once, however many outlets reported it (quotes.utterances);
    # "report": each quote.
    unit: str = "utterance"


@dataclass(frozen=True)
class _Group:
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


def _group_series(group: _Group, filters: Filters, excerpts: int, ids: bool = True) -> dict:
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
    quotes = (
        Quote.objects.filter(status=filters.status)
        .said_between(filters.said_after, filters.said_before)
        .filter(**{f"{group.field}__in": group.values()})
        .annotate(series=group.series(group.field))
        .values("series", "said_on")
        .annotate(n=Count("pk"), placed=Count("pk", filter=Q(said_on_precision__in=placeable)))
        .order_by()
    )
    by_utterance = filters.unit == "utterance"
    if by_utterance:  # each statement once, on its date (quotes.analysis_units)
        quotes = analysis_units.daily_units(group, filters, placeable)
    date = analysis_units.DATE if by_utterance else "said_on"
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
    daily = (
        stances.values("series", "said_on")
        .annotate(
            # quote_id, not the stance's own id: it is in the timeline index, so PostgreSQL
            # answers from the index alone (SQLite's indexes all carry the row id anyway).
            n=Count("quote_id"),
            total=Sum("value"),
            low=Min("value"),
            high=Max("value"),
            **({"ids": IdList("quote_id")} if ids or excerpts else {}),
        )
        .order_by()
    )
    if group.rollup_field and not (ids or excerpts or by_utterance):  # the rollup's sums
        daily = rollup_daily(
            filters,
            field=group.rollup_field,
            values=group.values(),
            series=group.series(group.rollup_field),
            placeable=placeable,
        )
    columns = {
        "with_stance": _count("daily.n"),
        "mean": "SUM(daily.total) / SUM(daily.n)",
        "min": "MIN(daily.low)",
        "max": "MAX(daily.high)",
    }
    if by_utterance:  # one row per statement: the mean of its reports' stances
        daily = analysis_units.unit_stances(group, filters, placeable)
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


def mark_shifts(points: list[Point]) -> None:
    """Set ``change`` and ``shift`` on each point against the previous point that has a mean."""
    previous = None
    for point in points:
        if point.mean is None:
            continue
        if previous is not None:
            point.change = round_stance(point.mean - previous)
            point.shift = abs(point.change) >= SHIFT_THRESHOLD - 1e-9
        previous = point.mean


def events_between(start: datetime.date | None, end: datetime.date | None) -> list[EventMark]:
    """Events from ``start`` to ``end`` inclusive (one query; none without a range)."""
    if start is None or end is None or start > end:
        return []
    rows = Event.objects.filter(occurred_on__range=(start, end)).order_by("occurred_on", "id")
    return [
        EventMark(row.slug, row.title, row.occurred_on, row.occurred_on_precision) for row in rows
    ]


def _organization_groups(organizations: list[Organization]) -> list[_Group]:
    """The organizations as few groups as can be: one, unless one asked organization is inside
    another (then each quote must count in both, so the nested one goes into its own group)."""
    if not organizations:
        return []
    members = organization_members(organizations)
    rounds: list[tuple[set, list[Organization]]] = []
    for organization in organizations:
        pooled = set(members[organization.pk])
        for used, chosen in rounds:
            if not used & pooled:
                used |= pooled
                chosen.append(organization)
                break
        else:
            rounds.append((pooled, [organization]))
    return [
        _Group(
            "organization",
            "affiliation__organization_id",
            "quote__affiliation__organization_id",
            {o.pk: (o.slug, o.name) for o in chosen},
            members={o.pk: members[o.pk] for o in chosen},
            rollup_field="organization_id",
        )
        for _, chosen in rounds
    ]


def compare(
    filters: Filters,
    *,
    speakers: list[Speaker] = (),
    organizations: list[Organization] = (),
    organization_kinds: list[str] = (),
    align: bool = True,
    excerpts: int = 0,
    ids: bool = True,
) -> Comparison:
    """Series for each speaker, organization (the one a quote's role was in, or any of its
    descendants) and organization kind, on the union of their periods.

    Two queries per kind of series asked for, one more for the organizations' hierarchy (and
    two more for each asked organization nested in another asked one), one for the events, one
    for the text of ``excerpts`` quotes per point when asked for (the charts' hover text); a quote
    is one row of each aggregate (the stance summary is unique per quote and topic, the role a
    foreign key), so it weighs once. With ``align`` every series gets a point for every period
    (empty ones with count 0); without it, only its periods with quotes. Without ``ids`` the
    points carry no quote ids (the API's default: a timeline's size then does not grow with
    its quotes).
    """
    kind_labels = dict(Organization.Kind.choices)
    groups = [
        _Group(
            "speaker",
            "speaker_id",
            "speaker_id",
            {s.pk: (s.slug, s.name) for s in speakers},
            rollup_field="speaker_id",
        ),
        *_organization_groups(list(organizations)),
        _Group(
            "organization_kind",
            "affiliation__organization__kind",
            "quote__affiliation__organization__kind",
            {kind: (kind, kind_labels.get(kind, kind)) for kind in organization_kinds},
        ),
    ]
    series: list[Series] = []
    starts: set[datetime.date] = set()
    for group in groups:
        if not group.labels:
            continue
        found = _group_series(group, filters, excerpts, ids)
        for value, (key, label) in group.labels.items():
            entry = found[value]
            series.append(
                Series(
                    key=key,
                    label=label,
                    kind=group.kind,
                    points=list(entry["points"].values()),
                    imprecise=entry["imprecise"],
                    undated=entry["undated"],
                )
            )
            starts.update(entry["points"])
    # In the order asked, although nested organizations were counted in a group of their own.
    asked = {o.slug: index for index, o in enumerate(organizations)}
    series.sort(key=lambda one: asked.get(one.key, 0) if one.kind == "organization" else 0)
    periods = [
        Period(period_label(start, filters.bucket), start, period_end(start, filters.bucket))
        for start in sorted(starts)
    ]
    for one in series:
        if align:
            have = {point.start: point for point in one.points}
            one.points = [have.get(p.start) or Point(p.label, p.start) for p in periods]
        mark_shifts(one.points)
    start = filters.said_after or (periods[0].start if periods else None)
    end = filters.said_before or (periods[-1].end if periods else None)
    return Comparison(
        topic=filters.topic,
        bucket=filters.bucket,
        periods=periods,
        series=series,
        events=events_between(start, end),
        start=start,
        end=end,
    )


def timeline(
    speaker: Speaker, filters: Filters, *, excerpts: int = 0, ids: bool = True
) -> Comparison:
    """One speaker's periods with quotes (three queries: quotes, stances (with ids), events; one
    more for ``excerpts``)."""
    return compare(filters, speakers=[speaker], align=False, excerpts=excerpts, ids=ids)


def speaker_topics(speaker: Speaker, topics=None) -> list[Topic]:
    """Topics (of ``topics``, default all) on which the speaker's confirmed quotes have a
    stance (one query)."""
    return list(
        (Topic.objects.all() if topics is None else topics)
        .filter(
            stance_summaries__speaker=speaker,
            stance_summaries__status=Quote.Status.CONFIRMED,
            stance_summaries__value__isnull=False,
        )
        .distinct()
        .order_by("name", "id")
    )
