"""export_dataset reads one consistent snapshot without blocking writers: a save on another
connection in the middle of an export succeeds at once, and the bundle does not hold it.

Both run against a scratch database in its own file (SQLite) or server database (PostgreSQL),
with connections in autocommit as on a live site: the test database's own transaction would
hide the locking.
"""

import copy
import json
import time
from urllib.parse import urlparse

import pytest
from django.db import connections

from quotes import dataset
from quotes.models import Topic


def _alias(name: str, settings_dict: dict) -> str:
    connections.settings[name] = settings_dict
    return name


def _sqlite_aliases(url: str) -> tuple[str, str]:
    path = urlparse(url).path
    base = copy.deepcopy(connections["default"].settings_dict)
    base.update(NAME=path, TEST={"NAME": path})
    writer = copy.deepcopy(base)
    writer["OPTIONS"]["timeout"] = 1  # a blocked save fails in a second, not after 20
    return _alias("snapshot_reader", base), _alias("snapshot_writer", writer)


def _postgresql_aliases(url: str) -> tuple[str, str]:
    base = copy.deepcopy(connections["default"].settings_dict)
    base.update(NAME=urlparse(url).path.lstrip("/"))
    base["TEST"] = {"NAME": base["NAME"]}
    writer = copy.deepcopy(base)
    writer["OPTIONS"] = {**writer.get("OPTIONS", {}), "options": "-c lock_timeout=1000"}
    return _alias("snapshot_reader", base), _alias("snapshot_writer", writer)


def _add_topic(alias: str, slug: str) -> None:
    """A topic row written on connection ``alias`` in autocommit (plain SQL: the audit trail
    would write its history row through the default connection)."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "INSERT INTO quotes_topic (name, slug, description, released, codes_needed) "
            "VALUES (%s, %s, '', %s, 1)",
            [slug.title(), slug, False],
        )


def _export_while_saving(reader: str, writer: str, directory, monkeypatch) -> dict:
    """Export through ``reader`` while, after its first row, ``writer`` saves a new topic; returns
    how long the save took and the topic slugs the bundle holds."""
    _add_topic(reader, "before-export")
    saved = {}
    original = dataset._TableWriter.write

    def write(self, row):
        if not saved:
            started = time.monotonic()
            _add_topic(writer, "during-export")
            saved["seconds"] = time.monotonic() - started
        original(self, row)

    monkeypatch.setattr(dataset._TableWriter, "write", write)
    try:
        dataset.export_bundle(directory, using=reader)
        saved["committed"] = Topic.objects.using(writer).filter(slug="during-export").exists()
    finally:
        for alias in (reader, writer):
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]
    lines = (directory / "quotes.topic.jsonl").read_text().splitlines()
    saved["slugs"] = [json.loads(line)["slug"] for line in lines]
    return saved


def _seed_a_user(alias: str) -> None:
    """The export writes its first row (when the save happens) from the users' table."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.using(alias).create(username="reader")


@pytest.mark.sqlite_only
def test_sqlite_save_during_an_export_succeeds_and_stays_out_of_the_bundle(
    fresh_sqlite_url, tmp_path, monkeypatch, django_db_blocker
):
    with django_db_blocker.unblock():
        reader, writer = _sqlite_aliases(fresh_sqlite_url)
        _seed_a_user(reader)
        saved = _export_while_saving(reader, writer, tmp_path / "bundle", monkeypatch)

    assert saved["seconds"] < 0.5 and saved["committed"]
    assert saved["slugs"] == ["before-export"]


@pytest.mark.postgresql_only
def test_postgresql_save_during_an_export_succeeds_and_stays_out_of_the_bundle(
    fresh_postgresql_url, tmp_path, monkeypatch, django_db_blocker
):
    with django_db_blocker.unblock():
        reader, writer = _postgresql_aliases(fresh_postgresql_url)
        _seed_a_user(reader)
        saved = _export_while_saving(reader, writer, tmp_path / "bundle", monkeypatch)

    assert saved["seconds"] < 0.5 and saved["committed"]
    assert saved["slugs"] == ["before-export"]
