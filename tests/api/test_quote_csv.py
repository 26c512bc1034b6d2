"""?format=csv (or Accept: text/csv) on /api/quotes/: every matching row, streamed, flat."""

import datetime

import pytest
from django.http import StreamingHttpResponse

from quotes.api.csv_export import QUOTE_COLUMNS
from quotes.models import Quote
from tests.api.helpers import csv_rows
from tests.factories import QuoteFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_csv_is_streamed_with_flat_columns(api_client, topic):
    quote = QuoteFactory(affiliation__role="Minister", said_on=datetime.date(2021, 10, 18))
    StanceAnnotationFactory(quote=quote, topic=topic, value=2)

    response = api_client.get("/api/quotes/", {"format": "csv"})
    [row] = csv_rows(response)

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    assert list(row)[: len(QUOTE_COLUMNS)] == QUOTE_COLUMNS
    assert row["id"] == str(quote.id)
    assert row["text"] == "We want dialogue,"
    assert row["speaker_slug"] == quote.speaker.slug
    assert row["speaker_name"] == quote.speaker.name
    assert row["speaker_kind"] == "person"
    assert row["organization"] == quote.affiliation.organization.slug
    assert row["role"] == "Minister"
    assert row["said_on"] == "2021-10-18"
    assert row["said_on_precision"] == "day"
    assert row["source_id"] == str(quote.source.id)
    assert row["outlet"] == "The Daily Test"
    assert row["published_on"] == "2021-10-19"
    assert row["language"] == "en"
    assert row["stance:nato-russia-dialogue"] == "2.0"
    assert row["stance_adjudicated:nato-russia-dialogue"] == "false"
    assert row["stance_annotators:nato-russia-dialogue"] == "1"


def test_accept_text_csv_gives_csv(api_client):
    QuoteFactory()

    response = api_client.get("/api/quotes/", HTTP_ACCEPT="text/csv")

    assert len(csv_rows(response)) == 1


def test_csv_is_not_paginated(api_client):
    QuoteFactory.create_batch(3)

    rows = csv_rows(api_client.get("/api/quotes/", {"format": "csv", "page_size": 1}))

    assert len(rows) == 3


def test_csv_applies_the_same_filters_and_ordering_as_json(api_client, topic):
    for value, day in [(2, 1), (1, 2), (-1, 3), (2, 4)]:
        StanceAnnotationFactory(
            quote=QuoteFactory(said_on=datetime.date(2021, 5, day)), topic=topic, value=value
        )
    QuoteFactory(status=Quote.Status.PROPOSED)
    params = {"topic": topic.slug, "stance_min": 1, "ordering": "said_on", "page_size": 500}

    json_rows = api_client.get("/api/quotes/", params).json()
    rows = csv_rows(api_client.get("/api/quotes/", {**params, "format": "csv"}))

    assert len(rows) == json_rows["count"] == 3
    assert [int(row["id"]) for row in rows] == [row["id"] for row in json_rows["results"]]


def test_csv_with_topic_has_only_that_topics_stance_columns(api_client, topic):
    other = TopicFactory(slug="sanctions")
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, value=-1)
    StanceAnnotationFactory(quote=quote, topic=other, value=2)

    [row] = csv_rows(api_client.get("/api/quotes/", {"format": "csv", "topic": topic.slug}))

    stance_columns = [column for column in row if column not in QUOTE_COLUMNS]
    assert stance_columns == [
        "stance:nato-russia-dialogue",
        "stance_adjudicated:nato-russia-dialogue",
        "stance_annotators:nato-russia-dialogue",
    ]
    assert row["stance:nato-russia-dialogue"] == "-1.0"


def test_csv_without_topic_has_columns_for_every_topic(api_client, topic):
    TopicFactory(slug="sanctions")
    QuoteFactory()
    StanceAnnotationFactory(quote=QuoteFactory(), topic=topic, value=1)

    rows = csv_rows(api_client.get("/api/quotes/", {"format": "csv", "ordering": "id"}))

    assert [row["stance:nato-russia-dialogue"] for row in rows] == ["", "1.0"]
    assert [row["stance:sanctions"] for row in rows] == ["", ""]


def test_csv_marks_adjudicated_stances(api_client, topic, reviewer):
    from quotes.services import adjudication_set

    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, value=2)
    adjudication_set(quote=quote, topic=topic, reviewer=reviewer, value=1)

    [row] = csv_rows(api_client.get("/api/quotes/", {"format": "csv", "topic": topic.slug}))

    assert row["stance:nato-russia-dialogue"] == "1.0"
    assert row["stance_adjudicated:nato-russia-dialogue"] == "true"


def test_csv_keeps_commas_quotes_and_newlines_in_text(api_client):
    from tests.factories import SourceFactory

    text = 'He said: "no, never"\nand left.'
    QuoteFactory(source=SourceFactory(text=f"Intro. {text} End."), text=text)

    [row] = csv_rows(api_client.get("/api/quotes/", {"format": "csv"}))

    assert row["text"] == text


def test_csv_is_only_offered_on_the_list(api_client):
    quote = QuoteFactory()

    assert api_client.get(f"/api/quotes/{quote.id}/", {"format": "csv"}).status_code == 404
