"""Quarter and year buckets: labels, boundaries and aggregates."""

import datetime

import pytest

from tests.factories import SpeakerFactory, quote_with_stances


@pytest.fixture
def speaker(topic):
    """Quotes on 31 Dec 2021 (−2), 1 Jan 2022 (+1), 31 Mar 2022 (+2, 0 → +1), 1 Apr 2022 (+2)."""
    speaker = SpeakerFactory(slug="quarterly")
    for day, values in [
        (datetime.date(2021, 12, 31), [-2]),
        (datetime.date(2022, 1, 1), [1]),
        (datetime.date(2022, 3, 31), [2, 0]),
        (datetime.date(2022, 4, 1), [2]),
    ]:
        quote_with_stances(topic, values, speaker=speaker, said_on=day)
    return speaker


def test_quarter_buckets_split_on_quarter_boundaries(speaker, api_client):
    """2021-Q4: −2. 2022-Q1: (+1 + 1) / 2 = 1, a change of +3. 2022-Q2: +2, change +1."""
    body = api_client.get(
        "/api/speakers/quarterly/timeline/?topic=nato-russia-dialogue&bucket=quarter"
    ).json()

    assert [
        (p["period"], p["start"], p["count"], p["mean"], p["change"], p["shift"])
        for p in body["periods"]
    ] == [
        ("2021-Q4", "2021-10-01", 1, -2.0, None, False),
        ("2022-Q1", "2022-01-01", 2, 1.0, 3.0, True),
        ("2022-Q2", "2022-04-01", 1, 2.0, 1.0, True),
    ]


def test_year_buckets_gather_the_whole_year(speaker, api_client):
    """2021: −2. 2022: (1 + 1 + 2) / 3 = 4/3, min 1, max 2; change 4/3 + 2 = 10/3."""
    body = api_client.get(
        "/api/speakers/quarterly/timeline/?topic=nato-russia-dialogue&bucket=year"
    ).json()

    y2021, y2022 = body["periods"]
    assert (y2021["period"], y2021["mean"]) == ("2021", -2.0)
    assert (y2022["period"], y2022["count"]) == ("2022", 3)
    assert y2022["mean"] == pytest.approx(4 / 3)
    assert (y2022["min"], y2022["max"]) == (1.0, 2.0)
    assert y2022["change"] == pytest.approx(10 / 3)


def test_date_range_keeps_only_quotes_said_within_it(speaker, api_client):
    """said_after=2022-01-01 & said_before=2022-03-31: the two Q1 quotes, mean 1."""
    body = api_client.get(
        "/api/speakers/quarterly/timeline/?topic=nato-russia-dialogue&bucket=quarter"
        "&said_after=2022-01-01&said_before=2022-03-31"
    ).json()

    assert [(p["period"], p["count"], p["mean"]) for p in body["periods"]] == [("2022-Q1", 2, 1.0)]
    assert (body["said_after"], body["said_before"]) == ("2022-01-01", "2022-03-31")
