"""What both rollups (``quotes.rollup`` by report, ``quotes.unit_rollup`` by utterance) write
with: month slots and INSERT … SELECT."""

import datetime

from django.db import connections
from django.db.models import DateField, Q, QuerySet, Value


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


def slot_values(slot: tuple) -> dict:
    """The fields of one dated month slot (topic, speaker, status, month, precision) as constant
    annotations: an aggregate of that slot's rows selects them rather than grouping by them
    (a stance save then sorts no group and computes no month per row: ~0.3 ms less)."""
    topic, speaker, status, month, precision = slot
    return {
        **dict(cell_topic=Value(topic), cell_speaker=Value(speaker), cell_status=Value(status)),
        "cell_month": Value(month, output_field=DateField()),
        "cell_precision": Value(precision),
    }


def insert_select(model, columns, rows: QuerySet) -> None:
    """Write the aggregate ``rows`` as ``model`` rows in one INSERT … SELECT: the cells never
    travel through Python."""
    select, params = rows.query.sql_with_params()
    names = ", ".join(model._meta.get_field(name).column for name in columns)
    with connections[rows.db].cursor() as cursor:
        cursor.execute(f"INSERT INTO {model._meta.db_table} ({names}) {select}", params)


def insert_sql(model, columns, *selects) -> tuple[str, tuple]:
    """The INSERT … SELECT of ``insert_select``, unexecuted: of the UNION ALL of ``selects``,
    each a queryset or an (sql, params) pair."""
    parts = [s.query.sql_with_params() if isinstance(s, QuerySet) else s for s in selects]
    select = " UNION ALL ".join(sql for sql, _ in parts)
    names = ", ".join(model._meta.get_field(name).column for name in columns)
    params = tuple(value for _, values in parts for value in values)
    return f"INSERT INTO {model._meta.db_table} ({names}) {select}", params


def delete_sql(rows: QuerySet) -> tuple[str, tuple]:
    """The DELETE of the one-table queryset ``rows`` (a filter of the rollup's own columns)."""
    select, params = rows.values("pk").order_by().query.sql_with_params()
    head, where = select.split(" WHERE ", 1)
    if " JOIN " in head:
        raise ValueError("delete_sql takes a filter of one table")
    return f"DELETE FROM {rows.model._meta.db_table} WHERE {where}", params


# Compiling the rollup's statements costs far more than running them (each an index range):
# a statement shape is compiled once per process with stand-in values, then run with new ones.
_COMPILED: dict = {}


def _stand_ins(args: tuple, seed: int) -> tuple:
    out = []
    for index, value in enumerate(args):
        base = 10**9 + seed * 10**6 + index
        if isinstance(value, bool) or value is None:
            out.append(value)
        elif isinstance(value, int):
            out.append(base if value > 0 else -base)
        elif isinstance(value, str):
            out.append(f"\x1f{seed}:{index}")
        elif isinstance(value, datetime.date):
            out.append(datetime.date(1100 + seed * 100 + index, 2, 1))
        else:
            raise TypeError(f"no stand-in for {value!r}")
    return tuple(out)


def _derived(args: tuple) -> list:
    """What a statement's parameters are made of: each argument, its negation, a month's end."""
    found = []
    for value in args:
        found.append(value)
        if isinstance(value, int) and not isinstance(value, bool):
            found.append(-value)
        if isinstance(value, datetime.date):
            found.append(month_end(value))
    return found


def _prep(connection, value):
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    return value


def _compile(connection, build, args: tuple):
    """The statements of ``build`` as (sql, slots) where each slot names the constant or the
    derived argument its parameter is; None when a parameter cannot be traced (built each time)."""
    first, second = _stand_ins(args, 1), _stand_ins(args, 2)
    made = []
    for (sql_a, params_a), (sql_b, params_b) in zip(build(*first), build(*second), strict=True):
        if sql_a != sql_b or len(params_a) != len(params_b):
            return None
        known_a = [_prep(connection, v) for v in _derived(first)]
        known_b = [_prep(connection, v) for v in _derived(second)]
        slots = []
        for a, b in zip(params_a, params_b, strict=True):
            if a == b:
                slots.append(("constant", a))
                continue
            at = next(
                (
                    i
                    for i, (x, y) in enumerate(zip(known_a, known_b, strict=True))
                    if x == a and y == b
                ),
                None,
            )
            if at is None:
                return None
            slots.append(("argument", at))
        made.append((sql_a, slots))
    return made


def _shape(value):
    """What of an argument may change a statement's SQL: a bool or None itself, an int's sign
    (units: utterances above zero, lone quotes below), else its type."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return ("int", value > 0)
    return type(value)


def compiled(name: str, build, args: tuple, *, using: str = "default") -> list[tuple]:
    """The statements ``build(*args)`` returns (a list of (sql, params)), compiled once per
    ``name``, database and shape of ``args`` (``_shape``), with ``args``'s values as their
    parameters. ``build`` must take every value that varies from ``args`` and branch only on
    what the shape holds (None, a bool, an int's sign, the number of arguments)."""
    connection = connections[using]
    shape = tuple(_shape(v) for v in args)
    key = (name, using, connection.vendor, shape)
    if key not in _COMPILED:
        _COMPILED[key] = _compile(connection, build, args)
    made = _COMPILED[key]
    if made is None:
        return list(build(*args))
    known = [_prep(connection, v) for v in _derived(args)]
    return [
        (sql, [value if kind == "constant" else known[value] for kind, value in slots])
        for sql, slots in made
    ]


def run_compiled(name: str, build, args: tuple, *, using: str = "default") -> None:
    """Run the statements ``build(*args)`` returns, compiled once (``compiled``)."""
    statements = compiled(name, build, args, using=using)
    with connections[using].cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)


def fetch_compiled(name: str, build, args: tuple, *, using: str = "default") -> list[list]:
    """The rows of each statement ``build(*args)`` returns, compiled once (``compiled``)."""
    statements = compiled(name, build, args, using=using)
    with connections[using].cursor() as cursor:
        found = []
        for sql, params in statements:
            cursor.execute(sql, params)
            found.append(cursor.fetchall())
        return found
