"""The "Import article" page offers the same choice as the command for a corrected article."""

import pytest
from django.urls import reverse

from quotes.models import Quote, Source

pytestmark = pytest.mark.django_db

URL = reverse("admin:quotes_source_import_article")
V1 = (
    "Defence Minister Anna Berg said on Tuesday that the exercises would go ahead as planned "
    "despite the protests in the capital. \u201cWe will not be intimidated,\u201d Berg told "
    "reporters at the ministry. \u201cThe drills are defensive,\u201d she added, before "
    "leaving for a meeting with the general staff.\n"
)
V2 = V1.replace("Tuesday", "Wednesday").replace("a meeting", "talks")
FIELDS = {
    "outlet": "The Courier",
    "title": "Drills go ahead",
    "published_on": "2023-03-09",
    "url": "https://courier.example/drills",
    "language": "en",
}


def test_another_text_at_a_stored_url_is_a_form_error_until_new_version_is_chosen(
    client_for, editor
):
    client = client_for(editor)
    assert client.post(URL, {**FIELDS, "text": V1}).status_code == 302
    quote = Quote.objects.get(text__contains="intimidated")

    refused = client.post(URL, {**FIELDS, "text": V2})

    assert refused.status_code == 200
    assert "already stored as source" in " ".join(refused.context["form"].errors["text"])
    assert Source.objects.get().text == V1

    stored = client.post(URL, {**FIELDS, "text": V2, "if_stored": "new-version"})

    assert stored.status_code == 302
    source = Source.objects.get()
    assert source.text == V2
    assert source.history.latest().history_user == editor
    moved = Quote.objects.get(pk=quote.pk)
    assert V2[moved.span_start : moved.span_end] == moved.text


def test_a_near_duplicate_is_refused_then_stored_apart_when_chosen(client_for, editor):
    client = client_for(editor)
    client.post(URL, {**FIELDS, "text": V1})
    other = {**FIELDS, "url": "", "outlet": "The Other Courier"}

    refused = client.post(URL, {**other, "text": V2})

    assert "alike source" in " ".join(refused.context["form"].errors["text"])
    assert client.post(URL, {**other, "text": V2, "if_stored": "separate"}).status_code == 302
    assert Source.objects.count() == 2
