"""Editors create and update quotes through quote_save (full_clean computes the span)."""

import datetime

import pytest

from quotes.models import Quote
from tests.api.helpers import client_for
from tests.factories import (
    AffiliationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

ARTICLE = "Moscow. “NATO is not interested in any equal dialogue,” the minister said on Monday."


@pytest.fixture
def source():
    return SourceFactory(text=ARTICLE)


@pytest.fixture
def lavrov():
    speaker = SpeakerFactory(slug="sergei-lavrov", name="Sergei Lavrov")
    AffiliationFactory(speaker=speaker, role="Minister of Foreign Affairs")
    return speaker


def _body(source, **fields):
    return {
        "text": "NATO is not interested in any equal dialogue,",
        "kind": "direct",
        "status": "confirmed",
        "speaker": "sergei-lavrov",
        "source": source.id,
        "said_on": "2021-10-18",
        "said_on_precision": "day",
        **fields,
    }


def test_editor_creates_a_quote_whose_span_and_role_are_computed(editor, source, lavrov):
    response = client_for(editor).post("/api/quotes/", _body(source), format="json")

    assert response.status_code == 201, response.content
    quote = Quote.objects.get(pk=response.json()["id"])
    assert (quote.span_start, quote.span_end) == (9, 54)
    assert quote.affiliation.role == "Minister of Foreign Affairs"
    assert response.json()["is_verified"] is True
    assert response.json()["affiliation"]["role"] == "Minister of Foreign Affairs"


def test_quote_create_accepts_an_alias_slug_for_the_speaker(editor, source, lavrov):
    SpeakerAliasFactory(speaker=lavrov, name="Sergey Lavrov")

    response = client_for(editor).post(
        "/api/quotes/", _body(source, speaker="sergey-lavrov"), format="json"
    )

    assert response.status_code == 201, response.content
    assert response.json()["speaker"]["slug"] == "sergei-lavrov"


def test_quote_create_refuses_text_not_in_the_source(editor, source, lavrov):
    response = client_for(editor).post(
        "/api/quotes/", _body(source, text="NATO wants a grand bargain."), format="json"
    )

    assert response.status_code == 400
    assert "not found in the source" in response.json()["text"][0]
    assert not Quote.objects.exists()


def test_quote_create_refuses_a_role_not_held_on_the_date(editor, source, lavrov):
    old_role = AffiliationFactory(
        speaker=lavrov,
        role="Ambassador",
        started_on=datetime.date(1994, 1, 1),
        ended_on=datetime.date(2004, 1, 1),
        ended_on_precision="day",
    )

    response = client_for(editor).post(
        "/api/quotes/", _body(source, affiliation=old_role.id), format="json"
    )

    assert response.status_code == 400
    assert "was not held on 2021-10-18" in response.json()["affiliation"][0]


def test_quote_create_refuses_an_unknown_speaker(editor, source):
    response = client_for(editor).post("/api/quotes/", _body(source), format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["speaker"]


def test_annotator_cannot_create_a_quote(annotator, source, lavrov):
    response = client_for(annotator).post("/api/quotes/", _body(source), format="json")

    assert response.status_code == 403
    assert not Quote.objects.exists()


def test_anonymous_cannot_create_a_quote(api_client, source, lavrov):
    response = api_client.post("/api/quotes/", _body(source), format="json")

    assert response.status_code == 401


def test_editor_updates_a_quote_and_its_version_moves_on(editor):
    quote = QuoteFactory(status=Quote.Status.PROPOSED)

    response = client_for(editor).patch(
        f"/api/quotes/{quote.id}/", {"status": "confirmed", "version": 1}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "confirmed"
    assert response.json()["version"] == 2


def test_quote_update_with_a_stale_version_is_a_409(editor):
    quote = QuoteFactory()
    client = client_for(editor)
    client.patch(f"/api/quotes/{quote.id}/", {"kind": "partial", "version": 1}, format="json")

    response = client.patch(
        f"/api/quotes/{quote.id}/", {"kind": "indirect", "version": 1}, format="json"
    )

    assert response.status_code == 409
    assert "changed by someone else" in response.json()["detail"]
    quote.refresh_from_db()
    assert quote.kind == "partial"


def test_annotator_cannot_update_a_quote(annotator):
    quote = QuoteFactory()

    response = client_for(annotator).patch(
        f"/api/quotes/{quote.id}/", {"kind": "partial"}, format="json"
    )

    assert response.status_code == 403


def test_quotes_cannot_be_deleted_through_the_api(admin_user):
    quote = QuoteFactory()

    response = client_for(admin_user).delete(f"/api/quotes/{quote.id}/")

    assert response.status_code == 405
    assert Quote.objects.filter(pk=quote.pk).exists()
