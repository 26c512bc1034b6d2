"""import_dataset recomputes what is derived (stored stances, quote spans) and refuses a bundle
whose derived rows disagree with their inputs, even when its checksums were updated to match."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.reliability.test_dataset_import_safety import (
    rewrite,
    row_counts,
)


def _rows(directory, name):
    return [json.loads(line) for line in (directory / name).open()]


def _refused(directory, message):
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        call_command("import_dataset", str(directory))
    assert row_counts() == before


def test_an_edited_annotation_value_is_refused_naming_the_stored_stance(db, bundle):  # noqa: F811
    """The seed's stances come from one annotation each (or an adjudication): moving one
    annotation's value by one makes its quote's stored stance disagree, unless adjudicated."""
    adjudicated = {
        (row["quote_id"], row["topic_id"]) for row in _rows(bundle, "quotes.adjudication.jsonl")
    }
    annotation = next(
        row
        for row in _rows(bundle, "quotes.stanceannotation.jsonl")
        if row["value"] is not None and (row["quote_id"], row["topic_id"]) not in adjudicated
    )

    def edit(rows):
        for row in rows:
            if row["id"] == annotation["id"]:
                row["value"] = row["value"] - 1 if row["value"] > -2 else row["value"] + 1

    rewrite(bundle, "quotes.stanceannotation.jsonl", edit)

    _refused(
        bundle,
        rf"quotes.quotestance.jsonl: the stored stance id \d+ \(quote {annotation['quote_id']}, "
        rf"topic {annotation['topic_id']}\): value is",
    )


def test_a_stored_stance_whose_copied_status_differs_is_refused(db, bundle):  # noqa: F811
    stance = _rows(bundle, "quotes.quotestance.jsonl")[0]

    def edit(rows):
        rows[0]["status"] = "rejected" if rows[0]["status"] != "rejected" else "confirmed"

    rewrite(bundle, "quotes.quotestance.jsonl", edit)

    _refused(bundle, rf"stored stance id {stance['id']} .*status is")


def test_a_quote_whose_span_no_longer_matches_its_source_text_is_refused(db, bundle):  # noqa: F811
    quote = next(
        row for row in _rows(bundle, "quotes.quote.jsonl") if row["span_start"] is not None
    )

    def edit(rows):
        for row in rows:
            if row["id"] == quote["source_id"]:
                row["text"] = "Inserted. " + row["text"]

    rewrite(bundle, "quotes.source.jsonl", edit)

    _refused(bundle, rf"quotes.quote.jsonl: quote \d+'s span .* in source {quote['source_id']}")


def test_a_bundle_whose_derived_rows_agree_imports(db, bundle):  # noqa: F811
    call_command("import_dataset", str(bundle))

    assert row_counts()["quotes.quotestance"] == len(_rows(bundle, "quotes.quotestance.jsonl"))
