"""The first day of a date's month, quarter or year, computed by the database.

Django's ``TruncMonth`` on SQLite calls a Python function once per row; over a speaker with a
hundred thousand quotes that costs seconds. SQLite's own ``strftime`` gives the same dates at C
speed, so SQLite gets native SQL here and other databases keep Django's ``Trunc*``.
"""

import datetime
import functools

import orjson
from django.db import connections
from django.db.models import Aggregate, DateField, Func, QuerySet, TextField
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

_DJANGO_TRUNC = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}
_SQLITE_TEMPLATES = {
    # Percent signs are doubled: Django's SQLite cursor reads "%s" as a parameter.
    "month": "strftime('%%Y-%%m-01', {date})",
    "year": "strftime('%%Y-01-01', {date})",
    # The month's first day, minus (month - 1) mod 3 months; NULL stays NULL.
    "quarter": (
        "date({date}, 'start of month', "
        "printf('-%%d months', (CAST(strftime('%%m', {date}) AS INTEGER) - 1) %% 3))"
    ),
}


class PeriodStart(Func):
    """``PeriodStart("said_on", bucket="month")``: the date the bucket containing it starts."""

    output_field = DateField()

    def __init__(self, expression, *, bucket: str, **extra):
        if bucket not in _DJANGO_TRUNC:
            raise ValueError(f"unknown bucket {bucket!r}")
        self.bucket = bucket
        super().__init__(expression, **extra)

    def convert_value(self, value, expression, connection):
        # PostgreSQL's date_trunc answers a timestamp; the period start is a date.
        return value.date() if isinstance(value, datetime.datetime) else value

    def as_sql(self, compiler, connection, **extra_context):
        truncate = _DJANGO_TRUNC[self.bucket](
            *self.get_source_expressions(), output_field=DateField()
        )
        return compiler.compile(truncate)

    def as_sqlite(self, compiler, connection, **extra_context):
        date_sql, date_params = compiler.compile(self.get_source_expressions()[0])
        template = _SQLITE_TEMPLATES[self.bucket]
        # The quarter's template names the date twice: its parameters repeat with it.
        return template.format(date=date_sql), tuple(date_params) * template.count("{date}")


class IdList(Aggregate):
    """The ids of a group as one comma-separated string (``GROUP_CONCAT`` / ``STRING_AGG``).

    Listing a period's quote ids inside the grouped query saves a second query that would read
    every quote of the series again; the caller splits and sorts the string.
    """

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')",
            **extra_context,
        )


def split_ids(joined: str | None) -> list[int]:
    """The sorted ids of an ``IdList`` value (read as a JSON array: C speed for 100,000 ids)."""
    return sorted(orjson.loads(f"[{joined}]")) if joined else []


def _period_start_sql(vendor: str, bucket: str, column: str) -> str:
    if vendor == "sqlite":
        return _SQLITE_TEMPLATES[bucket].format(date=column)
    if vendor == "postgresql":
        return f"CAST(date_trunc('{bucket}', {column}) AS date)"
    raise NotImplementedError(f"period roll-ups support SQLite and PostgreSQL, not {vendor}")


JOINED_IDS = {"sqlite": "GROUP_CONCAT({})", "postgresql": "STRING_AGG({}, ',')"}


def period_rollup(
    daily: QuerySet,
    *,
    bucket: str,
    columns: dict[str, str],
    date: str = "said_on",
    grouped: bool = True,
) -> list[tuple]:
    """Per-day aggregate rows summed up into periods by the database, in one statement.

    ``daily`` is a ``values("series", "said_on").annotate(...)`` queryset (``date`` names its
    date column when it is not ``said_on``); ``columns`` maps each
    output name to an aggregate over its columns, written against the alias ``daily``
    (``"SUM(daily.n)"``; ``JOINED_IDS`` joins id lists). Rows come back as tuples
    ``(series, period, *columns)`` ordered by series and period, the period as the database
    answers it (a date, or its ISO text on SQLite; ``period_day`` reads both; None for undated
    rows). ``grouped=False``: ``daily``'s rows are periods already (month cells read
    for a month bucket), so the statement only orders them and ``columns`` are expressions of
    one row (``"daily.n"``).

    Why two levels: grouping a speaker's hundred thousand quotes directly on a computed period
    makes SQLite sort every row in a temporary B-tree (60 ms); grouped by day they are read in the
    index's order, and only a few thousand day rows are grouped into periods (17 ms).
    """
    connection = connections[daily.db]
    sql, params = period_sql(
        daily, vendor=connection.vendor, bucket=bucket, columns=columns, date=date, grouped=grouped
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def period_sql(
    daily: QuerySet, *, vendor: str, bucket: str, columns: dict, date: str, grouped: bool
) -> tuple[str, tuple]:
    """The statement of ``period_rollup``, unexecuted."""
    inner, params = daily.query.sql_with_params()
    if grouped:
        period = _period_start_sql(vendor, bucket, f"daily.{date}")
    elif vendor == "sqlite":
        # As text: SQLite's date converter parsed every row's date (a sixth of a compare's
        # time); period_day parses each distinct month once.
        period = f"CAST(daily.{date} AS TEXT)"
    else:
        period = f"daily.{date}"
    selected = ", ".join(f'{expression} AS "{name}"' for name, expression in columns.items())
    sql = f'SELECT daily.series AS "series", {period} AS "period", {selected} FROM ({inner}) daily'
    return sql + (" GROUP BY 1, 2 ORDER BY 1, 2" if grouped else " ORDER BY 1, 2"), params


@functools.lru_cache(maxsize=65536)
def period_day(value) -> datetime.date | None:
    """A period of ``period_rollup``'s rows as a date: SQLite answers a period as text.
    Cached, and read where the rows are used: a compare's rows were copied once only to
    convert them."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value
