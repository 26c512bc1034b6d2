"""Datasette plugin: give Datasette's connections what stancedb's have, so that only the web
layers differ. Django's SQLite functions (django_date_trunc, …) so Datasette can run the exact
SQL stancedb runs, and the same page cache and memory mapping (stancedb/settings.py)."""

import os

from datasette import hookimpl
from django.db.backends.sqlite3._functions import register


@hookimpl
def prepare_connection(conn):
    register(conn)
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute(f"PRAGMA mmap_size={int(os.environ.get('SQLITE_MMAP_SIZE', 1 << 30))}")
