"""PeriodStart gives the same period starts on every database (native SQL on SQLite)."""

import datetime

import pytest

from quotes.models import Quote
from quotes.periods import PeriodStart
from tests.factories import QuoteFactory, SourceFactory

D = datetime.date


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("said_on", "month", "quarter", "year"),
    [
        (D(2021, 1, 1), D(2021, 1, 1), D(2021, 1, 1), D(2021, 1, 1)),
        (D(2021, 3, 31), D(2021, 3, 1), D(2021, 1, 1), D(2021, 1, 1)),
        (D(2021, 4, 1), D(2021, 4, 1), D(2021, 4, 1), D(2021, 1, 1)),
        (D(2021, 11, 18), D(2021, 11, 1), D(2021, 10, 1), D(2021, 1, 1)),
        (D(1999, 12, 31), D(1999, 12, 1), D(1999, 10, 1), D(1999, 1, 1)),
    ],
)
def test_period_start_of_a_date(said_on, month, quarter, year):
    QuoteFactory(said_on=said_on, affiliation=None, source=SourceFactory())
    row = Quote.objects.annotate(
        month=PeriodStart("said_on", bucket="month"),
        quarter=PeriodStart("said_on", bucket="quarter"),
        year=PeriodStart("said_on", bucket="year"),
    ).values("month", "quarter", "year")[0]
    assert (row["month"], row["quarter"], row["year"]) == (month, quarter, year)


def test_an_unknown_bucket_is_refused():
    with pytest.raises(ValueError, match="unknown bucket"):
        PeriodStart("said_on", bucket="week")


@pytest.mark.django_db
def test_an_unknown_date_has_no_period_in_any_bucket():
    QuoteFactory(said_on=None, affiliation=None, source=SourceFactory())
    row = Quote.objects.annotate(
        **{bucket: PeriodStart("said_on", bucket=bucket) for bucket in ("month", "quarter", "year")}
    ).values("month", "quarter", "year")[0]
    assert row == {"month": None, "quarter": None, "year": None}
