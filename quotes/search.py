"""Full-text search over quote text: one definition, an index on each database.

PostgreSQL matches ``to_tsvector('english', text)`` against ``plainto_tsquery`` (English stemming,
stop words dropped), served by the GIN index ``quote_text_fts`` of migration 0002. SQLite matches
the FTS5 table ``quotes_quote_fts`` (an external-content index of ``quotes_quote.text`` kept
current by triggers). Both read a term as "all of these words"; neither gives the user's
punctuation any meaning, so no term can make the database raise a syntax error.
"""

import re

from django.db import connection as default_connection
from django.db import connections
from django.db.models import BooleanField, Func, Value
from django.db.models.expressions import RawSQL

FTS_TABLE = "quotes_quote_fts"
PG_INDEX = "quote_text_fts"
# FTS5's unicode61 tokenizer splits on everything but letters and digits; so do we.
_WORD = re.compile(r"[^\W_]+")

SQLITE_FTS_TRIGGERS = {
    f"{FTS_TABLE}_insert": f"""
        CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON quotes_quote BEGIN
            INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text);
        END""",
    f"{FTS_TABLE}_delete": f"""
        CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON quotes_quote BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
    f"{FTS_TABLE}_update": f"""
        CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF text ON quotes_quote BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text);
        END""",
}


def search_words(term: str) -> list[str]:
    """The words of ``term`` as both databases' tokenizers see them (punctuation dropped)."""
    return _WORD.findall(term.replace("\x00", " "))


def fts5_match_expression(term: str) -> str:
    """An FTS5 MATCH string that ANDs the words of ``term``, each one double-quoted.

    Quoting makes every word a plain string to FTS5, so ``NEAR(``, ``*``, ``"`` or ``OR`` are
    searched for (or ignored) rather than parsed as query syntax.
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in search_words(term))


class _PostgresTextMatch(Func):
    """``to_tsvector('english', text) @@ plainto_tsquery('english', term)``, spelled exactly as
    the GIN index's expression so that the planner can use it (Django's SearchVector wraps the
    column in COALESCE, which the index does not contain)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        text_sql, text_params = compiler.compile(self.source_expressions[0])
        term_sql, term_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"to_tsvector('english'::regconfig, {text_sql}) "
            f"@@ plainto_tsquery('english'::regconfig, {term_sql})"
        )
        return sql, (*text_params, *term_params)


def search_quotes(queryset, term: str):
    """Quotes of ``queryset`` whose text contains every word of ``term``.

    A blank term filters nothing; a term without any word (only punctuation) matches nothing.
    On PostgreSQL, stemming also finds other forms of a word ("sanction" finds "sanctions").
    """
    if not term or not term.strip():
        return queryset
    words = search_words(term)
    if not words:
        return queryset.none()
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return queryset.filter(_PostgresTextMatch("text", Value(" ".join(words))))
    if vendor == "sqlite":
        return queryset.filter(
            id__in=RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [fts5_match_expression(term)],
            )
        )
    query = queryset
    for word in words:
        query = query.filter(text__icontains=word)
    return query


def sqlite_fts_install(connection=default_connection, *, rebuild: bool = True) -> None:
    """Create the FTS5 table and its triggers where missing, then re-index every quote.

    Idempotent. SQLite drops a table's triggers with the table, and Django rebuilds a table to
    alter it, so a later migration that alters Quote on SQLite must call this again.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "text, content='quotes_quote', content_rowid='id')"
        )
        sqlite_fts_triggers_create(connection)
        if rebuild:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def sqlite_fts_triggers_create(connection=default_connection) -> None:
    """Create the triggers that keep the FTS5 index current (those that are missing)."""
    existing = sqlite_fts_triggers(connection)
    with connection.cursor() as cursor:
        for name, sql in SQLITE_FTS_TRIGGERS.items():
            if name not in existing:
                cursor.execute(sql)


def sqlite_fts_triggers_drop(connection=default_connection) -> None:
    """Drop the triggers, for a bulk load that re-indexes once at the end (generate_corpus)."""
    with connection.cursor() as cursor:
        for name in SQLITE_FTS_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def sqlite_fts_triggers(connection=default_connection) -> set[str]:
    """Names of the FTS triggers present on ``quotes_quote``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quotes_quote'"
        )
        return {name for (name,) in cursor.fetchall()} & set(SQLITE_FTS_TRIGGERS)


def sqlite_fts_rebuild(connection=default_connection) -> None:
    """Re-index every quote's text from ``quotes_quote`` (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def postgresql_fts_install(connection=default_connection) -> None:
    """Create the GIN index of the English text-search vector of each quote's text."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON quotes_quote "
            "USING gin (to_tsvector('english'::regconfig, text))"
        )
