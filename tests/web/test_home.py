"""The front door: what stancedb holds, a search box, recent quotes, topics, the way in."""

import datetime

import pytest

from tests.factories import QuoteFactory, SpeakerFactory, TopicFactory, quote_with_stances

pytestmark = pytest.mark.django_db


def test_home_says_what_stancedb_holds_and_links_everywhere(client, seed):
    html = client.get("/").content.decode()

    assert "<title>Quotes, speakers and their stances · stancedb</title>" in html
    assert '<form class="search" method="get" action="/quotes/" role="search">' in html
    assert "confirmed quotes by" in html and "said from" in html
    for href in ("/speakers/", "/organizations/", "/compare/", "/api/docs/", "/admin/"):
        assert f'href="{href}"' in html
    assert 'href="/topics/nato-russia-dialogue/"' in html and "For (+1/+2)" in html
    assert html.count("<li>\n  <blockquote>") >= 5  # recent confirmed quotes


def test_home_no_longer_sends_visitors_to_the_admin_login(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert b"No confirmed quotes yet." in response.content


def test_home_counts_only_confirmed_quotes_and_shows_their_date_range(client, topic):
    QuoteFactory(said_on=datetime.date(2020, 3, 4))
    QuoteFactory(said_on=datetime.date(2022, 5, 6))
    QuoteFactory(status="proposed", said_on=datetime.date(2001, 1, 1))
    QuoteFactory(said_on=None)

    html = client.get("/").content.decode()

    assert "3 confirmed quotes" in html
    assert "said from 4 March 2020 to 6 May 2022" in html


def test_home_shows_the_range_as_precisely_as_its_ends_are_known(client, topic):
    QuoteFactory(said_on=datetime.date(2020, 1, 1), said_on_precision="year")
    QuoteFactory(said_on=datetime.date(2022, 5, 1), said_on_precision="month")

    assert "said from 2020 to May 2022" in client.get("/").content.decode()


@pytest.mark.parametrize("quotes", [3, 30])
def test_home_runs_the_same_queries_for_3_and_30_quotes(client, django_assert_num_queries, quotes):
    """1 the quotes counted, 2 the first and 3 the last dated quote, 4 the recent quotes with
    their speaker, source and role, 5 their stances, 6 speakers, 7 sources and 8 organizations
    counted, 9 the topics."""
    topic = TopicFactory(slug="t")
    speaker = SpeakerFactory()
    for index in range(quotes):
        quote_with_stances(topic, [index % 5 - 2], speaker=speaker)

    with django_assert_num_queries(9):
        response = client.get("/")

    assert response.status_code == 200
