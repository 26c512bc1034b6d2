"""PATCH /api/sources/{id}/ with a new text moves the quotes with it, or is a 400 naming them."""

import pytest

from quotes.models import Quote, Source
from tests.api.helpers import client_for
from tests.factories import QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = "Intro. “We want dialogue,” the minister said. Nothing else happened."


def test_editor_cannot_overwrite_a_text_its_quotes_point_into(editor):
    quote = QuoteFactory(source=SourceFactory(text=TEXT))

    response = client_for(editor).patch(
        f"/api/sources/{quote.source_id}/", {"text": "Completely different article."}, format="json"
    )

    assert response.status_code == 400
    assert any(f"Quote {quote.pk}" in message for message in response.json()["text"])
    assert Source.objects.get(pk=quote.source_id).text == TEXT
    assert Quote.objects.get(pk=quote.pk).span_start == quote.span_start


def test_editor_cannot_empty_a_sources_text(editor):
    quote = QuoteFactory(source=SourceFactory(text=TEXT))

    response = client_for(editor).patch(
        f"/api/sources/{quote.source_id}/", {"text": ""}, format="json"
    )

    assert response.status_code == 400
    assert "text" in response.json()
    assert Source.objects.get(pk=quote.source_id).text == TEXT


def test_corrected_text_moves_the_quotes_and_names_the_editor_in_the_history(editor):
    quote = QuoteFactory(source=SourceFactory(text=TEXT))
    corrected = "Corrected intro. " + TEXT

    response = client_for(editor).patch(
        f"/api/sources/{quote.source_id}/", {"text": corrected}, format="json"
    )

    assert response.status_code == 200, response.content
    moved = Quote.objects.get(pk=quote.pk)
    assert corrected[moved.span_start : moved.span_end] == quote.text
    assert response.json()["quotes"][0]["id"] == quote.pk
    assert moved.source.history.latest().history_user == editor


def test_other_fields_of_a_source_with_quotes_still_change(editor):
    quote = QuoteFactory(source=SourceFactory(text=TEXT))

    response = client_for(editor).patch(
        f"/api/sources/{quote.source_id}/", {"title": "A better title"}, format="json"
    )

    assert response.status_code == 200, response.content
    assert Source.objects.get(pk=quote.source_id).title == "A better title"
