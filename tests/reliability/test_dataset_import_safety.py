"""import_dataset changes nothing unless it can load the whole bundle: it refuses a non-empty
database and a corrupt bundle before writing, and rolls back an import that fails half-way.

The bundle comes from a seeded SQLite database made by manage.py in a subprocess, so the test
database stays empty for the import.
"""

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from quotes.dataset import bundle_models
from quotes.models import Quote, Topic
from tests.factories import TopicFactory


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in bundle_models()}


def rewrite(bundle: Path, name: str, change) -> None:
    """Apply ``change`` to the rows of one file and update the manifest to match, so that the
    checksums pass and the database itself has to refuse the rows."""
    path = bundle / name
    rows = [json.loads(line) for line in path.open()]
    change(rows)
    path.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in rows))
    manifest = json.loads((bundle / "manifest.json").read_text())
    for table in manifest["tables"]:
        if table["file"] == name:
            table["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            table["rows"] = len(rows)
    (bundle / "manifest.json").write_text(json.dumps(manifest))


def import_fails(bundle: Path, message: str):
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        call_command("import_dataset", str(bundle))
    assert row_counts() == before


def test_import_keeps_primary_keys_and_moves_sequences_past_them(db, bundle):
    call_command("import_dataset", str(bundle))
    manifest = json.loads((bundle / "manifest.json").read_text())
    counts = row_counts()
    assert {t["model"]: t["rows"] for t in manifest["tables"] if "model" in t} == counts
    quote_ids = [json.loads(line)["id"] for line in (bundle / "quotes.quote.jsonl").open()]
    assert list(Quote.objects.order_by("pk").values_list("pk", flat=True)) == quote_ids
    imported_topics = set(Topic.objects.values_list("pk", flat=True))
    imported_history = set(Topic.history.values_list("history_id", flat=True))
    new = TopicFactory()
    assert new.pk > max(imported_topics)
    assert new.history.get().history_id > max(imported_history)


def test_imported_users_keep_their_groups_but_get_no_password(db, bundle):
    call_command("import_dataset", str(bundle))
    from django.contrib.auth import get_user_model

    users = list(get_user_model().objects.prefetch_related("groups"))
    assert users
    assert all(user.groups.exists() and not user.has_usable_password() for user in users)


def test_import_refuses_a_database_that_already_holds_data(db, bundle):
    TopicFactory()
    import_fails(bundle, "already holds data .*quotes.topic")


def test_import_refuses_a_bundle_whose_file_does_not_match_its_checksum(db, bundle):
    path = bundle / "quotes.quote.jsonl"
    path.write_bytes(path.read_bytes().replace(b"NATO", b"NAT0", 1))
    import_fails(bundle, "quotes.quote.jsonl does not match its checksum")


def test_import_refuses_a_bundle_without_manifest(db, bundle):
    (bundle / "manifest.json").unlink()
    import_fails(bundle, "has no manifest.json")


def test_import_refuses_a_bundle_missing_a_table(db, bundle):
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["tables"] = [t for t in manifest["tables"] if t["file"] != "quotes.event.jsonl"]
    (bundle / "manifest.json").write_text(json.dumps(manifest))
    import_fails(bundle, r"missing \['quotes.event.jsonl'\]")


def test_import_refuses_a_bundle_of_another_format_version(db, bundle):
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["format_version"] = 99
    (bundle / "manifest.json").write_text(json.dumps(manifest))
    import_fails(bundle, "format version 99")


def test_import_refuses_rows_with_unknown_columns(db, bundle):
    rewrite(bundle, "quotes.speaker.jsonl", lambda rows: rows[-1].update(shoe_size=44))
    import_fails(bundle, "quotes.speaker.jsonl line .*columns")


def test_import_failing_on_a_late_table_leaves_the_database_unchanged(db, bundle):
    """Users, speakers, sources and quotes are inserted before the bad annotation is reached."""
    rewrite(bundle, "quotes.stanceannotation.jsonl", lambda rows: rows[-1].update(value=7))
    import_fails(bundle, "does not fit the database")
    assert not Quote.objects.exists()


def test_import_with_a_dangling_reference_leaves_the_database_unchanged(db, bundle):
    """Foreign keys are checked at the end of the import, still inside its transaction."""
    rewrite(bundle, "quotes.quote.jsonl", lambda rows: rows[0].update(speaker_id=999_999))
    import_fails(bundle, "does not fit the database")
    assert connection.in_atomic_block  # the test's own transaction is still usable
    assert not Quote.objects.exists()
