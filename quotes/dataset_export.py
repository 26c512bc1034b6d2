"""Writing a bundle: every table of ``quotes.dataset_format`` as JSON Lines, from one consistent
snapshot that blocks no writer, then the manifest with each file's row count and checksum."""

import datetime
import hashlib
import json
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

from quotes.dataset_format import (
    CHUNK,
    FORMAT,
    MANIFEST,
    MEMBERSHIPS,
    DatasetError,
    bundle_models,
    columns,
    file_name,
)
from quotes.dataset_versions import FORMAT_VERSION


def _to_json(field, value):
    """A column value in its portable form: ISO dates and UTC datetimes, exact floats."""
    if value is None:
        return None
    if isinstance(field, models.FloatField):
        # SQLite may hand back an int for a whole-number REAL; the bundle must not depend on it.
        return float(value)
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise DatasetError(f"{field} holds a {type(value).__name__}, which the format has no form for")


def _line(row: dict) -> bytes:
    return (
        json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    ).encode()


class _TableWriter:
    """Writes one JSON Lines file, counting rows and hashing the bytes as they go."""

    def __init__(self, path: Path):
        self.file = path.open("wb")
        self.sha256 = hashlib.sha256()
        self.rows = 0

    def write(self, row: dict) -> None:
        data = _line(row)
        self.sha256.update(data)
        self.file.write(data)
        self.rows += 1

    def close(self) -> dict:
        self.file.close()
        return {"rows": self.rows, "sha256": self.sha256.hexdigest()}


def export_bundle(
    directory: Path, *, with_passwords: bool = False, using: str = DEFAULT_DB_ALIAS
) -> dict:
    """Write the whole database to ``directory`` (created; must be empty); returns the manifest.

    Reads one consistent snapshot without blocking anyone (``_read_snapshot``), so people keep
    working while it runs. ``manifest.json`` is written last: a bundle without it is incomplete
    and the import refuses it.
    """
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise DatasetError(f"{directory} is not empty: export into a new directory.")
    directory.mkdir(parents=True, exist_ok=True)
    tables = []
    with _read_snapshot(using):
        for model in bundle_models():
            fields = columns(model, with_passwords)
            names = [field.attname for field in fields]
            writer = _TableWriter(directory / file_name(model))
            rows = model._base_manager.using(using).order_by("pk").values_list(*names)
            for values in rows.iterator(chunk_size=CHUNK):
                writer.write(
                    {f.attname: _to_json(f, v) for f, v in zip(fields, values, strict=True)}
                )
            tables.append(
                {"file": file_name(model), "model": model._meta.label_lower, "columns": names}
                | writer.close()
            )
        writer = _TableWriter(directory / MEMBERSHIPS)
        memberships = (
            get_user_model()
            .groups.through.objects.using(using)
            .order_by("user_id", "group__name")
            .values_list("user_id", "group__name")
        )
        for user_id, group in memberships.iterator(chunk_size=CHUNK):
            writer.write({"group": group, "user_id": user_id})
        tables.insert(1, {"file": MEMBERSHIPS, "columns": ["group", "user_id"]} | writer.close())
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "includes_password_hashes": with_passwords,
        "tables": tables,
    }
    (directory / MANIFEST).write_text(
        json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


@contextmanager
def _read_snapshot(using: str):
    """One snapshot of the database for every read inside, taking no write lock.

    PostgreSQL: a REPEATABLE READ READ ONLY transaction. SQLite: a deferred read transaction in
    WAL mode (the app's transactions are IMMEDIATE, which would take the write lock and make
    every writer wait past its timeout); in WAL a reader never blocks writers, and the snapshot
    is fixed at its first read. Inside a caller's transaction that transaction is the snapshot.
    """
    connection = connections[using]
    if connection.in_atomic_block or connection.vendor not in ("sqlite", "postgresql"):
        with transaction.atomic(using=using):
            yield
        return
    if connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        if cursor.fetchone()[0] not in ("wal", "memory"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("BEGIN DEFERRED")
        try:
            cursor.execute("SELECT count(*) FROM sqlite_master")  # the snapshot starts here
            yield
        finally:
            cursor.execute("ROLLBACK")  # it read, it wrote nothing
