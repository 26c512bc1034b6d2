"""The first day of a date's month, quarter or year, computed by the database.

Django's ``TruncMonth`` on SQLite calls a Python function once per row; over a speaker with a
hundred thousand quotes that costs seconds. SQLite's own ``strftime`` gives the same dates at C
speed, so SQLite gets native SQL here and other databases keep Django's ``Trunc*``.
"""

import datetime

from django.db.models import Aggregate, DateField, Func, TextField
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear

_DJANGO_TRUNC = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}
_SQLITE_TEMPLATES = {
    # Percent signs are doubled: Django's SQLite cursor reads "%s" as a parameter.
    "month": "strftime('%%Y-%%m-01', {date})",
    "year": "strftime('%%Y-01-01', {date})",
    "quarter": (
        "printf('%%s-%%02d-01', strftime('%%Y', {date}), "
        "((CAST(strftime('%%m', {date}) AS INTEGER) - 1) / 3) * 3 + 1)"
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
    """The sorted ids of an ``IdList`` value."""
    return sorted(map(int, joined.split(","))) if joined else []
