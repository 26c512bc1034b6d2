"""Indexes in the API's order on PostgreSQL: newest first, undated quotes last.

The list orders by ``said_on DESC NULLS LAST, id DESC`` so that undated quotes come last on every
database. SQLite sorts NULL lowest, so its ``said_on DESC`` indexes (in the model) already give
that order; PostgreSQL's ``DESC`` puts NULL first, and only an index declared ``NULLS LAST``
serves the query without sorting a speaker's hundred thousand quotes. SQLite has no NULLS LAST
in index definitions, hence raw SQL for PostgreSQL only.
"""

from django.db import migrations

INDEXES = {
    # API ?speaker= (confirmed by default), newest first; covers the timeline's grouping too
    "quote_speaker_order_pg": (
        "speaker_id, status, said_on DESC NULLS LAST, id DESC, said_on_precision"
    ),
    # the API's default list, newest first
    "quote_said_on_order_pg": "said_on DESC NULLS LAST, id DESC",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name, columns in INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON quotes_quote ({columns})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("quotes", "0004_stance_covering_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
