"""Datasette plugin: register Django's SQLite functions (django_date_trunc, …) on Datasette's
connections, so Datasette can run the exact SQL stancedb runs (the ORM emits them for TruncMonth
and friends on SQLite)."""

from datasette import hookimpl
from django.db.backends.sqlite3._functions import register


@hookimpl
def prepare_connection(conn):
    register(conn)
