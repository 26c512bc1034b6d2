"""A spreadsheet with the wrong columns is refused naming them; rows imported before (without
ids) are reported as already there, not as a span conflict, and are not imported twice."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quotes.models import Quote
from tests.admin.test_spreadsheet_import import (  # noqa: F401
    _confirm,
    _csv,
    _preview,
    _row,
    _state,
    berg,
)

pytestmark = pytest.mark.django_db


def _csv_with(header: list[str], rows: list[list[str]]) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile("quotes.csv", out.getvalue().encode(), content_type="text/csv")


def _base_errors(response) -> str:
    return " ".join(str(error.error) for error in response.context["result"].base_errors)


def test_a_file_with_wrong_columns_names_the_missing_and_unknown_ones(
    client_for,
    editor,
    berg,  # noqa: F811
):
    upload = _csv_with(["quote", "who", "source_url"], [["We want dialogue,", "anna-berg", ""]])
    before = _state()
    response = _preview(client_for(editor), upload)
    message = _base_errors(response)
    assert "missing column(s): text, speaker" in message
    assert "unknown column(s): quote, who" in message
    assert "cannot be blank" not in response.content.decode()
    assert "confirm_form" not in response.context
    assert _state() == before


def test_a_row_without_a_source_column_names_the_source_columns(
    client_for,
    editor,
    berg,  # noqa: F811
):
    upload = _csv_with(["text", "speaker"], [["We want dialogue,", "anna-berg"]])
    message = _base_errors(_preview(client_for(editor), upload))
    assert "source_url, or source_outlet, source_title and source_published_on" in message


def test_a_file_of_known_columns_without_the_optional_ones_imports(
    client_for,
    editor,
    berg,  # noqa: F811
):
    upload = _csv_with(
        ["text", "speaker", "source_url"],
        [["We want dialogue,", "anna-berg", "https://courier.example/dialogue"]],
    )
    response = _preview(client_for(editor), upload)
    assert "confirm_form" in response.context, _base_errors(response)


def test_reimporting_the_same_rows_without_ids_says_they_are_already_there(
    client_for,
    editor,
    berg,  # noqa: F811
):
    client = client_for(editor)
    rows = [_row(), _row(text="Sanctions must stay,")]
    _confirm(client, _preview(client, _csv(rows)))
    first = Quote.objects.get(text="We want dialogue,")

    response = _preview(client, _csv(rows))
    errors = {
        row.number: row.field_specific_errors for row in response.context["result"].invalid_rows
    }
    assert sorted(errors) == [1, 2]
    assert f"Already there as quote {first.pk}" in " ".join(errors[1]["text"])
    page = response.content.decode()
    assert "already exists" not in page and "Span start" not in page
    assert Quote.objects.count() == 2


def test_the_same_row_twice_in_one_file_is_reported_the_second_time(
    client_for,
    editor,
    berg,  # noqa: F811
):
    response = _preview(client_for(editor), _csv([_row(), _row()]))
    errors = {
        row.number: row.field_specific_errors for row in response.context["result"].invalid_rows
    }
    assert list(errors) == [2] and "Already there" in " ".join(errors[2]["text"])
