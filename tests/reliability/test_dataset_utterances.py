"""Utterances travel in the bundle, and import_dataset checks what is derived about them."""

import json

from django.core.management import call_command

from tests.reliability.conftest import manage
from tests.reliability.test_dataset_import_safety import rewrite


def _export(directory):
    call_command("export_dataset", str(directory))
    return directory


def test_bundle_keeps_utterances_their_reports_and_links(rich_database, tmp_path):
    bundle = _export(tmp_path / "bundle")
    utterances = [json.loads(line) for line in (bundle / "quotes.utterance.jsonl").open()]
    quotes = [json.loads(line) for line in (bundle / "quotes.quote.jsonl").open()]
    links = [json.loads(line) for line in (bundle / "quotes.utterancelink.jsonl").open()]
    assert len(utterances) == 1
    assert sum(quote["utterance_id"] == utterances[0]["id"] for quote in quotes) == 2
    assert sorted(link["status"] for link in links) == ["confirmed", "rejected"]
    assert [link["similarity"] for link in links if link["status"] == "confirmed"] == [0.875]


def test_an_utterance_dated_otherwise_than_its_reports_is_refused(
    rich_database, tmp_path, fresh_sqlite_url
):
    bundle = _export(tmp_path / "bundle")

    def edit(rows):
        rows[0]["said_on"] = "1999-01-01"

    rewrite(bundle, "quotes.utterance.jsonl", edit)
    result = manage("import_dataset", str(bundle), DATABASE_URL=fresh_sqlite_url)
    assert result.returncode != 0
    assert "quotes.utterance.jsonl: utterance" in result.stderr
    assert "earliest confirmed report gives 2021-10-18 (day)" in result.stderr


def test_bundle_keeps_utterance_adjudications(rich_database, tmp_path):
    bundle = _export(tmp_path / "bundle")
    rows = [json.loads(line) for line in (bundle / "quotes.utteranceadjudication.jsonl").open()]
    utterances = [json.loads(line) for line in (bundle / "quotes.utterance.jsonl").open()]
    assert [(row["utterance_id"], row["value"], row["note"]) for row in rows] == [
        (utterances[0]["id"], 1, "Both «да»."),
    ]
