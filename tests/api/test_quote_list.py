"""GET /api/quotes/ and /api/quotes/{id}/: what each quote shows."""

import datetime

import pytest

from quotes.models import DatePrecision, Quote
from tests.api.helpers import ids, results
from tests.factories import (
    EventFactory,
    QuoteFactory,
    SourceFactory,
    StanceAnnotationFactory,
)

pytestmark = pytest.mark.django_db


def test_quote_list_shows_speaker_role_source_event_and_stance(api_client, topic):
    event = EventFactory(slug="talks", title="Talks")
    quote = QuoteFactory(event=event, affiliation__role="Foreign Minister")
    StanceAnnotationFactory(quote=quote, topic=topic, value=2)
    StanceAnnotationFactory(quote=quote, topic=topic, value=1)

    [row] = results(api_client.get("/api/quotes/"))

    assert row["id"] == quote.id
    assert row["text"] == "We want dialogue,"
    assert row["kind"] == "direct"
    assert row["status"] == "confirmed"
    assert row["speaker"] == {
        "slug": quote.speaker.slug,
        "name": quote.speaker.name,
        "kind": "person",
    }
    assert row["affiliation"] == {
        "organization": {
            "slug": quote.affiliation.organization.slug,
            "name": quote.affiliation.organization.name,
        },
        "role": "Foreign Minister",
    }
    assert row["said_on"] == "2021-10-18"
    assert row["said_on_precision"] == "day"
    assert row["source"] == {
        "id": quote.source.id,
        "outlet": "The Daily Test",
        "title": quote.source.title,
        "url": "",
        "published_on": "2021-10-19",
        "language": "en",
    }
    assert row["event"] == {"slug": "talks", "title": "Talks"}
    assert row["is_verified"] is True
    assert row["stances"] == [
        {
            "topic": "nato-russia-dialogue",
            "visible": True,
            "codes": 2,
            "value": 1.5,
            "adjudicated": False,
            "annotators": 2,
            "cannot_code": 0,
            "annotations": [],
        }
    ]


def test_quote_without_role_event_or_date_shows_nulls(api_client):
    QuoteFactory(affiliation=None, said_on=None, said_on_precision=DatePrecision.UNKNOWN)

    [row] = results(api_client.get("/api/quotes/"))

    assert row["affiliation"] is None
    assert row["event"] is None
    assert row["said_on"] is None
    assert row["said_on_precision"] == "unknown"
    assert row["stances"] == []


def test_quote_from_a_source_without_text_is_not_verified(api_client):
    QuoteFactory(source=SourceFactory(text=""))

    [row] = results(api_client.get("/api/quotes/"))

    assert row["is_verified"] is False


def test_quote_list_shows_only_confirmed_quotes_by_default(api_client):
    confirmed = QuoteFactory()
    QuoteFactory(status=Quote.Status.PROPOSED)
    QuoteFactory(status=Quote.Status.REJECTED)

    assert ids(api_client.get("/api/quotes/")) == [confirmed.id]


def test_status_filter_lists_quotes_of_that_status(api_client):
    QuoteFactory()
    proposed = QuoteFactory(status=Quote.Status.PROPOSED)

    assert ids(api_client.get("/api/quotes/", {"status": "proposed"})) == [proposed.id]


def test_status_all_lists_every_status(api_client):
    quotes = [QuoteFactory(status=status) for status in Quote.Status.values]

    listed = ids(api_client.get("/api/quotes/", {"status": "all"}))

    assert sorted(listed) == sorted(quote.id for quote in quotes)


def test_quote_detail_shows_one_quote(api_client):
    quote = QuoteFactory(said_on=datetime.date(2021, 10, 1), said_on_precision="month")

    response = api_client.get(f"/api/quotes/{quote.id}/")

    assert response.status_code == 200
    assert response.json()["id"] == quote.id
    assert response.json()["said_on_precision"] == "month"


def test_quote_detail_shows_a_proposed_quote_too(api_client):
    quote = QuoteFactory(status=Quote.Status.PROPOSED)

    assert api_client.get(f"/api/quotes/{quote.id}/").status_code == 200


@pytest.mark.parametrize("path", ["/api/quotes/999999/", "/api/quotes/not-a-number/"])
def test_unknown_quote_id_is_404(api_client, path):
    assert api_client.get(path).status_code == 404
