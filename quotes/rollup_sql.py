"""What both rollups (``quotes.rollup`` by report, ``quotes.unit_rollup`` by utterance) write
with: month slots and INSERT … SELECT."""

import datetime

from django.db import connections
from django.db.models import Q, QuerySet


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    following = day.replace(day=28) + datetime.timedelta(days=4)
    return following - datetime.timedelta(days=following.day)


def month_q(slot: tuple, names: tuple) -> Q:
    """The rows of one month slot: its other fields equal, the date within its month (none:
    undated)."""
    fields = dict(zip(names, slot, strict=True))
    month = fields.pop("said_on")
    if month is None:
        return Q(said_on__isnull=True, **fields)
    return Q(said_on__gte=month, said_on__lte=month_end(month), **fields)


def insert_select(model, columns, rows: QuerySet) -> None:
    """Write the aggregate ``rows`` as ``model`` rows in one INSERT … SELECT: the cells never
    travel through Python."""
    select, params = rows.query.sql_with_params()
    names = ", ".join(model._meta.get_field(name).column for name in columns)
    with connections[rows.db].cursor() as cursor:
        cursor.execute(f"INSERT INTO {model._meta.db_table} ({names}) {select}", params)
