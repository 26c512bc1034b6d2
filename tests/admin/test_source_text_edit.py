"""The admin's source form changes a text only with its quotes found again in it."""

import pytest
from django.urls import reverse

from quotes.models import Quote, Source
from tests.factories import QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = "Intro. “We want dialogue,” the minister said. Nothing else happened."


def _post(client, source, text):
    return client.post(
        reverse("admin:quotes_source_change", args=[source.pk]),
        {
            "outlet": source.outlet,
            "title": source.title,
            "url": source.url,
            "authors": source.authors,
            "published_on": source.published_on.isoformat(),
            "language": source.language,
            "original_language": "",
            "original_url": "",
            "text": text,
        },
    )


def test_a_text_losing_a_quote_is_a_form_error_naming_the_quote(client_for, editor):
    quote = QuoteFactory(source=SourceFactory(text=TEXT))

    response = _post(client_for(editor), quote.source, "Completely different article.")

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["text"]
    assert any(f"Quote {quote.pk} no longer occurs" in error for error in errors)
    assert Source.objects.get(pk=quote.source_id).text == TEXT


def test_a_corrected_text_moves_the_quotes(client_for, editor):
    quote = QuoteFactory(source=SourceFactory(text=TEXT))
    corrected = "Corrected intro. " + TEXT

    response = _post(client_for(editor), quote.source, corrected)

    assert response.status_code == 302
    moved = Quote.objects.get(pk=quote.pk)
    assert corrected[moved.span_start : moved.span_end] == quote.text
    assert moved.source.history.latest().history_user == editor
