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

from quotes.analysis_series import Group, group_series
from quotes.analysis_types import (  # noqa: F401 (the names callers read from here)
    BUCKETS,
    EXCERPT_LENGTH,
    PLACEABLE,
    SHIFT_THRESHOLD,
    Comparison,
    EventMark,
    Filters,
    Period,
    Point,
    Series,
    period_end,
    period_label,
)
from quotes.display import round_stance
from quotes.hierarchy import organization_members
from quotes.models import Event, Organization, Quote, Speaker, Topic
from quotes.rollup_sql import fetch_compiled


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
    (rows,) = fetch_compiled("events between", _events_statement, (start, end))
    return [EventMark(*row) for row in rows]


def _events_statement(start, end) -> list[tuple]:
    rows = Event.objects.filter(occurred_on__range=(start, end)).order_by("occurred_on", "id")
    fields = ("slug", "title", "occurred_on", "occurred_on_precision")
    return [rows.values_list(*fields).query.sql_with_params()]


def _organization_groups(organizations: list[Organization]) -> list[Group]:
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
        Group(
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
        Group(
            "speaker",
            "speaker_id",
            "speaker_id",
            {s.pk: (s.slug, s.name) for s in speakers},
            rollup_field="speaker_id",
        ),
        *_organization_groups(list(organizations)),
        Group(
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
        found = group_series(group, filters, excerpts, ids)
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
