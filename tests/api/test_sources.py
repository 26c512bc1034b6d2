"""/api/sources/: list, detail with its confirmed quotes, editors' writes."""

import pytest

from quotes.models import Quote, Source
from tests.api.helpers import client_for, results
from tests.factories import QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_source_list_leaves_out_the_article_text(api_client):
    source = SourceFactory(outlet="Kommersant", title="Russia infuriates NATO")

    [row] = results(api_client.get("/api/sources/"))

    assert row["id"] == source.id
    assert row["outlet"] == "Kommersant"
    assert row["title"] == "Russia infuriates NATO"
    assert "text" not in row


def test_source_detail_has_its_text_and_confirmed_quotes(api_client):
    quote = QuoteFactory()
    QuoteFactory(source=quote.source, status=Quote.Status.PROPOSED, text="Nothing else happened.")

    response = api_client.get(f"/api/sources/{quote.source.id}/")

    assert response.status_code == 200
    assert response.json()["text"] == quote.source.text
    assert [row["id"] for row in response.json()["quotes"]] == [quote.id]
    assert response.json()["quotes"][0]["speaker"]["slug"] == quote.speaker.slug


def test_unknown_source_is_404(api_client):
    assert api_client.get("/api/sources/424242/").status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "izvestia"}, ["Izvestia"]),
        ({"language": "ru"}, ["Izvestia"]),
        ({"published_after": "2022-01-01"}, ["Izvestia"]),
        ({"published_before": "2022-01-01"}, ["Kommersant"]),
    ],
)
def test_source_filters(api_client, params, expected):
    import datetime

    SourceFactory(outlet="Kommersant", published_on=datetime.date(2021, 10, 19))
    SourceFactory(outlet="Izvestia", language="ru", published_on=datetime.date(2022, 1, 26))

    assert [row["outlet"] for row in results(api_client.get("/api/sources/", params))] == expected


def test_bad_source_filter_is_a_400(api_client):
    response = api_client.get("/api/sources/", {"published_after": "last week"})

    assert response.status_code == 400
    assert list(response.json()) == ["published_after"]


def test_editor_creates_a_source(editor):
    response = client_for(editor).post(
        "/api/sources/",
        {
            "outlet": "Izvestia",
            "title": "Non-permanent",
            "published_on": "2022-01-26",
            "text": "“We need substantial dialogue,” he said.",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["quotes"] == []
    assert Source.objects.get().content_hash


def test_the_same_article_text_cannot_be_stored_twice(editor):
    existing = SourceFactory()

    response = client_for(editor).post(
        "/api/sources/",
        {"outlet": "X", "title": "Y", "published_on": "2022-01-26", "text": existing.text},
        format="json",
    )

    assert response.status_code == 400
    assert "already stored" in response.json()["text"][0]


def test_editor_updates_a_source(editor):
    source = SourceFactory()

    response = client_for(editor).patch(
        f"/api/sources/{source.id}/", {"url": "https://example.org/a"}, format="json"
    )

    assert response.status_code == 200
    source.refresh_from_db()
    assert source.url == "https://example.org/a"


def test_annotator_cannot_create_a_source(annotator):
    response = client_for(annotator).post(
        "/api/sources/", {"outlet": "X", "title": "Y", "published_on": "2022-01-26"}
    )

    assert response.status_code == 403
