"""import_dataset reads the bundles of older stancedb versions it can complete."""

import json

import pytest
from django.core.management import call_command

from quotes.models import Quote, Source, UtteranceAdjudication
from tests.reliability.test_dataset_import_safety import (
    rewrite,
)


def as_version_3(directory):
    """Make the bundle one of format version 3: no utterance tables, no quote.utterance_id."""
    for name in ("quotes.quote.jsonl", "quotes.historicalquote.jsonl"):
        rewrite(directory, name, lambda rows: [row.pop("utterance_id") for row in rows])
    manifest = json.loads((directory / "manifest.json").read_text())
    manifest["format_version"] = 3
    manifest["tables"] = [t for t in manifest["tables"] if "utterance" not in t["file"]]
    for table in manifest["tables"]:
        table["columns"] = [c for c in table["columns"] if c != "utterance_id"]
    (directory / "manifest.json").write_text(json.dumps(manifest))
    for path in directory.glob("*utterance*.jsonl"):
        path.unlink()


def test_a_version_2_bundle_without_text_in_the_sources_history_imports(db, bundle):  # noqa: F811
    as_version_3(bundle)
    rewrite(bundle, "quotes.historicalsource.jsonl", lambda rows: [row.pop("text") for row in rows])
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["format_version"] = 2
    (bundle / "manifest.json").write_text(json.dumps(manifest))

    call_command("import_dataset", str(bundle))

    assert Source.objects.exists()
    assert set(Source.history.values_list("text", flat=True)) == {""}


def test_a_version_3_bundle_without_utterances_imports_each_quote_as_its_own(
    db,
    bundle,  # noqa: F811
):
    as_version_3(bundle)

    call_command("import_dataset", str(bundle))

    assert Quote.objects.exists()
    assert not Quote.objects.filter(utterance__isnull=False).exists()


def test_a_version_4_bundle_without_utterance_adjudications_imports(db, bundle):  # noqa: F811
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["format_version"] = 4
    manifest["tables"] = [t for t in manifest["tables"] if "utteranceadjudication" not in t["file"]]
    (bundle / "manifest.json").write_text(json.dumps(manifest))
    for path in bundle.glob("*utteranceadjudication.jsonl"):
        path.unlink()

    call_command("import_dataset", str(bundle))

    assert Quote.objects.exists()
    assert not UtteranceAdjudication.objects.exists()


def test_a_bundle_of_a_newer_version_is_refused(db, bundle):  # noqa: F811
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["format_version"] = 6
    (bundle / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(Exception, match="format version 6"):
        call_command("import_dataset", str(bundle))
