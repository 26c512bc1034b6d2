"""Empty ranges, speakers without stances and review status: answers, not errors."""

import datetime

import pytest

from quotes.models import Quote
from tests.factories import QuoteFactory, SpeakerFactory, quote_with_stances


def test_empty_range_answers_200_with_empty_series(topic, api_client):
    speaker = SpeakerFactory(slug="quiet")
    quote_with_stances(topic, [1], speaker=speaker)

    response = api_client.get(
        "/api/compare/?speakers=quiet&topic=nato-russia-dialogue&said_after=2030-01-01"
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["periods"], body["events"]) == ([], [])
    assert [(s["key"], s["points"]) for s in body["series"]] == [("quiet", [])]


def test_speaker_without_stance_on_the_topic_gets_counts_but_no_mean(topic, api_client):
    """Two quotes, neither annotated on the topic: count 2, without_stance 2, no mean."""
    speaker = SpeakerFactory(slug="unannotated")
    QuoteFactory(speaker=speaker)
    QuoteFactory(speaker=speaker)

    body = api_client.get("/api/speakers/unannotated/timeline/?topic=nato-russia-dialogue").json()

    [october] = body["periods"]
    assert (october["count"], october["with_stance"], october["without_stance"]) == (2, 0, 2)
    assert (october["mean"], october["min"], october["max"]) == (None, None, None)
    assert body["without_stance"] == 2


@pytest.mark.parametrize(("status", "expected"), [("", (1, 2.0)), ("proposed", (1, -2.0))])
def test_only_confirmed_quotes_count_unless_a_status_is_asked(topic, api_client, status, expected):
    speaker = SpeakerFactory(slug="reviewed")
    quote_with_stances(topic, [2], speaker=speaker)
    quote_with_stances(
        topic,
        [-2],
        speaker=speaker,
        status=Quote.Status.PROPOSED,
        said_on=datetime.date(2021, 10, 2),
    )

    body = api_client.get(
        f"/api/speakers/reviewed/timeline/?topic=nato-russia-dialogue&status={status}"
    ).json()

    assert [(p["count"], p["mean"]) for p in body["periods"]] == [expected]
