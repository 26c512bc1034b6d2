"""Bulk loading for the synthetic corpus (``generate_corpus``): rows as plain tuples, written
with ``COPY`` on PostgreSQL and ``executemany`` on SQLite, and on PostgreSQL the secondary
indexes and the foreign keys and unique constraints of the loaded tables dropped for the load
and made again at the end (one sort per index and one anti-join per key, instead of a B-tree
insert and a trigger per row).

Nothing here validates: the generator makes rows the application accepts (``check_sample``
proves a sample with ``full_clean()``, and the constraints are checked when they are made again).
"""

import datetime
from contextlib import contextmanager

from django.db import connection
from django.utils import timezone

COPY_CHUNK = 1 << 20  # characters handed to COPY at a time
# Memory for the index builds at the end of a load (this session only).
MAINTENANCE_WORK_MEM = "1GB"


def _copy_text(value) -> str:
    """``value`` in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return _escaped(value)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _nullable(value):
    return "\\N" if value is None else value


def _boolean(value) -> str:
    return "t" if value else "f"


def _line_function(model, columns, fixed: str):
    """A function from a row (a tuple of ``columns``) to its line of COPY text, ``fixed`` (the
    other columns' text) appended: one f-string, with a conversion only where a column needs
    one (text to escape, NULL, a boolean, a float written exactly)."""
    fields = {field.column: field for field in model._meta.concrete_fields}
    parts = []
    for at, column in enumerate(columns):
        field, value = fields[column], f"row[{at}]"
        if field.get_internal_type() == "BooleanField":
            value = f"_boolean({value})"
        elif field.get_internal_type() == "FloatField":
            value = f"_copy_text({value})"
        elif field.get_internal_type() in ("TextField", "CharField", "URLField"):
            value = f"_copy_text({value})" if field.null else f"_escaped({value})"
        elif field.null:
            value = f"_nullable({value})"
        parts.append("{" + value + "}")
    source = 'lambda row: f"' + "\\t".join(parts) + '{fixed}"'
    scope = {"_boolean": _boolean, "_copy_text": _copy_text, "_escaped": _escaped}
    scope.update(_nullable=_nullable, fixed=fixed)
    return eval(source, scope)  # noqa: S307 (built from the model's own field list)


def _sqlite_value(value):
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return str.__str__(value)  # a TextChoices member as its plain value
    return value


class Rows:
    """Rows of ``model`` to insert, as tuples of ``columns`` (the primary key among them); every
    other column takes the value a new instance of the model would save (its default, the
    time of the load for ``auto_now`` fields)."""

    def __init__(self, model, columns):
        self.model, self.columns, self.rows = model, list(columns), []
        self.add = self.rows.append  # add(row): a tuple of ``columns``
        template = model()
        fields = [field for field in model._meta.concrete_fields if field.column not in columns]
        self.fixed_columns = [field.column for field in fields]
        self.fixed = [
            field.get_db_prep_save(field.pre_save(template, add=True), connection)
            for field in fields
        ]

    def write(self) -> int:
        """Insert the rows gathered and forget them; returns how many."""
        rows = self.rows[:]
        self.rows.clear()
        if not rows:
            return 0
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(column) for column in self.columns + self.fixed_columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                fixed = "".join("\t" + _copy_text(value) for value in self.fixed) + "\n"
                line = _line_function(self.model, self.columns, fixed)
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for start in range(0, len(rows), 20_000):
                        copy.write("".join(map(line, rows[start : start + 20_000])))
            else:
                fixed = tuple(_sqlite_value(value) for value in self.fixed)
                marks = ", ".join(["%s"] * (len(self.columns) + len(fixed)))
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                    [tuple(map(_sqlite_value, row)) + fixed for row in rows],
                )
        return len(rows)


class Ids:
    """Primary keys for new rows of several models, drawn here and handed to the tables'
    sequences at the end (``close``): the same ids ``bulk_create`` would have given, without a
    query per batch."""

    def __init__(self, models):
        self.next = {}
        with connection.cursor() as cursor:
            for model in models:
                table = model._meta.db_table
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
                highest = cursor.fetchone()[0]
                if connection.vendor == "postgresql":
                    cursor.execute(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))")
                    highest = max(highest, cursor.fetchone()[0] - 1)
                self.next[model] = highest + 1

    def take(self, model) -> int:
        pk = self.next[model]
        self.next[model] = pk + 1
        return pk

    def close(self) -> None:
        if connection.vendor != "postgresql":
            return  # SQLite's AUTOINCREMENT follows the largest id inserted
        with connection.cursor() as cursor:
            for model, pk in self.next.items():
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s, false)", [pk]
                )


@contextmanager
def indexes_deferred(models, *, log=lambda message: None):
    """On PostgreSQL outside a transaction: drop the secondary indexes, unique constraints and
    foreign keys of ``models``' tables for the ``with`` block and make them again after it,
    with ``MAINTENANCE_WORK_MEM``. Elsewhere (SQLite, or a test's transaction, where pending
    foreign key checks forbid ALTER TABLE) the block runs with them in place."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('u', 'f') "
            "ORDER BY contype DESC, conrelid::regclass::text, conname",
            [tables],
        )
        constraints = cursor.fetchall()  # unique ones first: a foreign key may need one
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i "
            "WHERE indrelid = ANY(%s::regclass[]) AND NOT indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
            [tables],
        )
        indexes = cursor.fetchall()
        quote = connection.ops.quote_name
        for table, name, _, _ in reversed(constraints):
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"SET maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
            for name, definition in indexes:
                started = timezone.now()
                cursor.execute(definition)
                log(f"index {name}: {(timezone.now() - started).total_seconds():.1f} s")
            for table, name, _, definition in constraints:
                started = timezone.now()
                cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
                log(f"constraint {name}: {(timezone.now() - started).total_seconds():.1f} s")
            cursor.execute("RESET maintenance_work_mem")
