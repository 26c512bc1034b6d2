"""Dates known to the month or year are placed only in buckets at least that coarse."""

import datetime

import pytest

from quotes.models import DatePrecision
from tests.factories import SpeakerFactory, quote_with_stances

TIMELINE = "/api/speakers/{slug}/timeline/?topic=nato-russia-dialogue&bucket={bucket}"


@pytest.fixture
def speaker(topic):
    """Four quotes: 18 Oct 2021 (+2), October 2021 (0), the year 2021 (−2), date unknown (+1)."""
    speaker = SpeakerFactory(slug="placed")
    for said_on, precision, value in [
        (datetime.date(2021, 10, 18), DatePrecision.DAY, 2),
        (datetime.date(2021, 10, 1), DatePrecision.MONTH, 0),
        (datetime.date(2021, 1, 1), DatePrecision.YEAR, -2),
        (None, DatePrecision.UNKNOWN, 1),
    ]:
        quote_with_stances(
            topic, [value], speaker=speaker, said_on=said_on, said_on_precision=precision
        )
    return speaker


@pytest.mark.parametrize(("bucket", "period"), [("month", "2021-10"), ("quarter", "2021-Q4")])
def test_year_precise_quote_is_counted_imprecise_not_placed_in_months_or_quarters(
    speaker, api_client, bucket, period
):
    """The day and month quotes share the period: mean (2 + 0) / 2 = 1; the year quote is
    imprecise, the undated one undated; neither is placed."""
    body = api_client.get(TIMELINE.format(slug=speaker.slug, bucket=bucket)).json()

    assert [(p["period"], p["count"], p["mean"]) for p in body["periods"]] == [(period, 2, 1.0)]
    assert (body["imprecise"], body["undated"]) == (1, 1)


def test_year_precise_quote_is_placed_in_its_year(speaker, api_client):
    """All three dated quotes are in 2021: mean (2 + 0 − 2) / 3 = 0, min −2, max 2."""
    body = api_client.get(TIMELINE.format(slug=speaker.slug, bucket="year")).json()

    [year] = body["periods"]
    assert (year["period"], year["start"], year["count"]) == ("2021", "2021-01-01", 3)
    assert (year["mean"], year["min"], year["max"]) == (0.0, -2.0, 2.0)
    assert (body["imprecise"], body["undated"]) == (0, 1)


def test_month_precise_quote_is_never_given_an_invented_day(topic, api_client):
    """A month-precise quote stored as 1 November sits in November, not in a day-sized slot,
    and its period starts on the 1st like any other."""
    speaker = SpeakerFactory(slug="monthly")
    quote_with_stances(
        topic,
        [1],
        speaker=speaker,
        said_on=datetime.date(2021, 11, 1),
        said_on_precision=DatePrecision.MONTH,
    )

    body = api_client.get(TIMELINE.format(slug="monthly", bucket="month")).json()

    assert [(p["period"], p["start"]) for p in body["periods"]] == [("2021-11", "2021-11-01")]


def test_a_period_counts_every_quote_but_lists_the_quotes_its_mean_is_made_of(topic, api_client):
    """Two quotes in October 2021, one coded (+1) and one not: count 2, with_stance 1, and the
    ids are those of the coded quote only (the quotes the mean comes from)."""
    speaker = SpeakerFactory(slug="half-coded")
    coded = quote_with_stances(topic, [1], speaker=speaker)
    quote_with_stances(topic, [], speaker=speaker)
    body = api_client.get(TIMELINE.format(slug=speaker.slug, bucket="month") + "&ids=1").json()

    [october] = body["periods"]
    assert (october["count"], october["with_stance"], october["without_stance"]) == (2, 1, 1)
    assert (october["mean"], october["quote_ids"]) == (1.0, [coded.pk])
    # Counts are integers on every database (PostgreSQL sums counts as numeric).
    assert {type(october[name]) for name in ("count", "with_stance", "without_stance")} == {int}
