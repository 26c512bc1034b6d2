"""Datasette plugin: give Datasette's connections what stancedb's have, so that only the web
layers differ. Django's SQLite functions (django_date_trunc, …) so Datasette can run the exact
SQL stancedb runs, and stancedb's read settings (stancedb/sqlite.py), which bench/servers.py
passes in ``STANCEDB_SQLITE_PRAGMAS``."""

import os

from datasette import hookimpl
from django.db.backends.sqlite3._functions import register


@hookimpl
def prepare_connection(conn):
    register(conn)
    for pragma in filter(None, os.environ.get("STANCEDB_SQLITE_PRAGMAS", "").split(";")):
        conn.execute(pragma)
