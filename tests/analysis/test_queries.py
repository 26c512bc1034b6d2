"""The timeline runs the same small number of queries whatever the number of quotes."""

import datetime

import pytest

from tests.factories import EventFactory, SpeakerFactory, quote_with_stances


@pytest.mark.parametrize("quotes", [5, 50])
def test_timeline_runs_same_queries_for_5_and_50_quotes(
    topic, api_client, django_assert_num_queries, quotes
):
    speaker = SpeakerFactory(slug="busy")
    for index in range(quotes):
        day = datetime.date(2021, 1 + index % 12, 1 + index % 28)
        quote_with_stances(topic, [index % 5 - 2], speaker=speaker, said_on=day)
    EventFactory(occurred_on=datetime.date(2021, 3, 15))

    # 1 the speaker by slug or alias, 2 the topic, 3 the quotes per period (with imprecise and
    # undated), 4 the stored stances per period (mean, min, max, quote ids), 5 the events
    with django_assert_num_queries(5):
        response = api_client.get("/api/speakers/busy/timeline/?topic=nato-russia-dialogue")

    assert response.status_code == 200
    assert sum(period["count"] for period in response.json()["periods"]) == quotes
    assert len(response.json()["events"]) == 1


def test_compare_runs_two_queries_per_kind_of_series(topic, api_client, django_assert_num_queries):
    SpeakerFactory(slug="one")
    SpeakerFactory(slug="two")

    # 1 the speakers by slug or alias (quotes/api/speaker_slugs.py), 2 the topic (kinds are
    # checked without a query), 3 and 4 the speakers' quotes and stances per period, 5 and 6
    # the kinds'; no events query, as there are no periods to draw them on
    with django_assert_num_queries(6):
        response = api_client.get(
            "/api/compare/?speakers=one,two&organization_kinds=ministry&topic=nato-russia-dialogue"
        )

    assert response.status_code == 200
