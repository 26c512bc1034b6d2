"""import_dataset reads the bundles of older stancedb versions it can complete."""

import json

import pytest
from django.core.management import call_command

from quotes.models import Source
from tests.reliability.test_dataset_import_safety import (  # noqa: F401 - fixtures
    bundle,
    rewrite,
    seed_bundle,
)


def test_a_version_2_bundle_without_text_in_the_sources_history_imports(db, bundle):  # noqa: F811
    rewrite(bundle, "quotes.historicalsource.jsonl", lambda rows: [row.pop("text") for row in rows])
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["format_version"] = 2
    (bundle / "manifest.json").write_text(json.dumps(manifest))

    call_command("import_dataset", str(bundle))

    assert Source.objects.exists()
    assert set(Source.history.values_list("text", flat=True)) == {""}


def test_a_bundle_of_a_newer_version_is_refused(db, bundle):  # noqa: F811
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["format_version"] = 4
    (bundle / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(Exception, match="format version 4"):
        call_command("import_dataset", str(bundle))
