"""Statements read by primary keys, compiled by the ORM once and run again with other keys.

Compiling a queryset (its joins, columns and converters) costs the quote list more than the
database takes to answer it: SQLite reads a page of 50 quotes by id in under half a millisecond,
the ORM took four times that to build the same statement. A statement whose only parameters are
the ids of a ``pk__in`` (a page's rows, its stored stances) has one shape per number of ids, so
it is compiled once per database connection and per size, the sizes rounded up to a power of two
(at most ten shapes for a page of up to 512), and its rows go through the converters Django
chose for its columns (dates from SQLite's text, booleans from its integers). Whatever decides
who sees what stays out of these statements: the caller's filters and ``quotes.coding`` do that.
"""

import weakref

from django.db import connections, router

# A key no row has: it pads a list of ids up to the compiled size.
NO_ROW = 0


class ByIds:
    """``ByIds(Model, lambda ids: Model.objects.filter(pk__in=ids).values_list(...))``:
    ``rows(ids)`` runs that statement for ``ids`` (one query, on the database the routers pick
    for reading ``Model``) and returns its rows as lists."""

    def __init__(self, model, build):
        self.model = model
        self.build = build
        # connection -> {size: (sql, compiler, converters)}; a thread's connection is its own
        self._compiled = weakref.WeakKeyDictionary()

    def _statement(self, connection, size: int):
        compiled = self._compiled.setdefault(connection, {})
        if size not in compiled:
            # Distinct placeholders: the ORM drops repeated values of an IN list.
            placeholders = list(range(-size, 0))
            compiler = self.build(placeholders).query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()
            if list(params) != placeholders:
                raise ValueError("a ByIds statement may take no parameter but its ids")
            columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
            compiled[size] = (sql, compiler, compiler.get_converters(columns))
        return compiled[size]

    def rows(self, ids) -> list[list]:
        ids = list(ids)
        if not ids:
            return []
        connection = connections[router.db_for_read(self.model)]
        size = 1 << (len(ids) - 1).bit_length()
        sql, compiler, converters = self._statement(connection, size)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ids, *[NO_ROW] * (size - len(ids))])
            rows = cursor.fetchall()
        if converters:
            return list(compiler.apply_converters(rows, converters))
        return [list(row) for row in rows]
