"""Full-text search indexes, one per database (see quotes/search.py).

PostgreSQL: a GIN index on ``to_tsvector('english', text)``. SQLite: an FTS5 external-content
table ``quotes_quote_fts`` with triggers on insert, update and delete, filled once here. Both are
raw SQL because neither is a field or an index Django's model state describes.
"""

from django.db import migrations


def install(apps, schema_editor):
    from quotes import search

    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        search.postgresql_fts_install(schema_editor.connection)
    elif vendor == "sqlite":
        search.sqlite_fts_install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from quotes import search

    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute(f"DROP INDEX IF EXISTS {search.PG_INDEX}")
        elif vendor == "sqlite":
            search.sqlite_fts_triggers_drop(schema_editor.connection)
            cursor.execute(f"DROP TABLE IF EXISTS {search.FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("quotes", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
