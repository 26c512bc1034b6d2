"""Every change made through the admin lands in the audit trail with its author."""

import pytest
from django.urls import reverse

from quotes.models import Adjudication, Quote, Speaker, StanceAnnotation
from tests.admin.conftest import quote_url, stance_url
from tests.factories import QuoteFactory, SpeakerFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


def test_quote_changed_in_the_admin_is_in_its_history_with_the_editor(client_for, editor):
    quote = QuoteFactory()
    client = client_for(editor)
    client.post(
        quote_url(quote),
        {
            "text": quote.text,
            "speaker": quote.speaker_id,
            "affiliation": quote.affiliation_id,
            "source": quote.source_id,
            "kind": "partial",
            "status": "confirmed",
            "said_on": "2021-10-18",
            "said_on_precision": "day",
            "loaded_version": quote.version,
        },
    )
    latest = quote.history.latest()
    assert (latest.history_type, latest.history_user, latest.kind) == ("~", editor, "partial")
    assert latest.diff_against(latest.prev_record).changed_fields == ["kind"]
    page = client.get(reverse("admin:quotes_quote_history", args=[quote.pk])).content.decode()
    assert "edith" in page and "Kind" in page


def test_stance_saved_on_the_quote_page_is_in_the_history_with_the_annotator(
    client_for, annotator, topic
):
    quote = QuoteFactory()
    client_for(annotator).post(stance_url(quote), {"topic": topic.pk, "value": 2, "version": 0})
    record = StanceAnnotation.history.get()
    assert (record.history_type, record.history_user, record.value) == ("+", annotator, 2)


def test_stance_changed_and_deleted_in_the_admin_is_in_the_history(client_for, annotator, topic):
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    client = client_for(annotator)
    client.post(
        reverse("admin:quotes_stanceannotation_change", args=[mine.pk]),
        {"value": -1, "loaded_version": mine.version},
    )
    client.post(reverse("admin:quotes_stanceannotation_delete", args=[mine.pk]), {"post": "yes"})
    records = list(StanceAnnotation.history.filter(id=mine.pk).order_by("history_date"))
    assert [(r.history_type, r.value) for r in records] == [("+", 1), ("~", -1), ("-", -1)]
    assert [r.history_user for r in records[1:]] == [annotator, annotator]


def test_adjudication_is_in_the_history_with_the_reviewer(client_for, reviewer, topic):
    quote = QuoteFactory()
    client_for(reviewer).post(
        reverse("admin:quotes_quote_adjudicate", args=[quote.pk]),
        {"topic": topic.pk, "value": 1, "version": 0},
    )
    assert Adjudication.history.get().history_user == reviewer


def test_speaker_alias_added_inline_is_in_the_history_with_the_editor(client_for, editor):
    speaker = SpeakerFactory(name="Maria Zakharova", slug="maria-zakharova")
    response = client_for(editor).post(
        reverse("admin:quotes_speaker_change", args=[speaker.pk]),
        {
            "name": speaker.name,
            "slug": speaker.slug,
            "kind": "person",
            "country": "RU",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "Mariya Zakharova",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    alias = speaker.aliases.get()
    assert (alias.slug, alias.history.get().history_user) == ("mariya-zakharova", editor)


def test_bulk_confirmation_is_in_the_history_with_the_editor(client_for, editor):
    quote = QuoteFactory(status=Quote.Status.PROPOSED)
    client_for(editor).post(
        reverse("admin:quotes_quote_changelist"),
        {"action": "confirm_selected", "_selected_action": [quote.pk]},
    )
    latest = quote.history.latest()
    assert (latest.status, latest.history_user) == ("confirmed", editor)


def test_annotator_reads_a_quotes_history(client_for, annotator):
    quote = QuoteFactory()
    url = reverse("admin:quotes_quote_history", args=[quote.pk])
    assert client_for(annotator).get(url).status_code == 200
    assert Speaker.history.exists()


def test_past_versions_can_be_read_but_not_restored_through_the_admin(client_for, editor):
    """A revert would bypass the services' version checks and the annotator rules."""
    quote = QuoteFactory()
    record = quote.history.get()
    url = reverse("admin:quotes_quote_simple_history", args=[quote.pk, record.history_id])
    client = client_for(editor)
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": quote.text}).status_code == 403
