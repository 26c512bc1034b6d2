"""Bulk work on the quote list: confirm or reject proposals, set my stance on many quotes."""

import pytest
from django.urls import reverse

from quotes.models import Quote, StanceAnnotation
from tests.admin.conftest import messages_of
from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:quotes_quote_changelist")


def run_action(client, action, quotes, **data):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [quote.pk for quote in quotes], **data},
        follow=True,
    )


def test_editor_confirms_selected_proposed_quotes(client_for, editor):
    proposed = [QuoteFactory(status=Quote.Status.PROPOSED) for _ in range(2)]
    response = run_action(client_for(editor), "confirm_selected", proposed)
    assert set(Quote.objects.values_list("status", flat=True)) == {"confirmed"}
    assert "2 quote(s) confirmed." in messages_of(response)


def test_quote_without_speaker_stays_proposed_with_a_message(client_for, editor):
    with_speaker = QuoteFactory(status=Quote.Status.PROPOSED)
    without = QuoteFactory(status=Quote.Status.PROPOSED, speaker=None, affiliation=None)
    response = run_action(client_for(editor), "confirm_selected", [with_speaker, without])
    with_speaker.refresh_from_db()
    without.refresh_from_db()
    assert (with_speaker.status, without.status) == ("confirmed", "proposed")
    assert any("without a speaker cannot be confirmed" in text for text in messages_of(response))


def test_quote_without_speaker_cannot_be_rejected_either(client_for, editor):
    without = QuoteFactory(status=Quote.Status.PROPOSED, speaker=None, affiliation=None)
    response = run_action(client_for(editor), "reject_selected", [without])
    without.refresh_from_db()
    assert without.status == "proposed"
    assert "0 quote(s) rejected." in messages_of(response)


def test_editor_rejects_proposed_quotes_and_leaves_others_alone(client_for, editor):
    proposed = QuoteFactory(status=Quote.Status.PROPOSED)
    confirmed = QuoteFactory()
    response = run_action(client_for(editor), "reject_selected", [proposed, confirmed])
    proposed.refresh_from_db()
    confirmed.refresh_from_db()
    assert (proposed.status, confirmed.status) == ("rejected", "confirmed")
    assert any("were not proposed" in text for text in messages_of(response))


def test_annotator_cannot_confirm_quotes(client_for, annotator):
    proposed = QuoteFactory(status=Quote.Status.PROPOSED)
    client = client_for(annotator)
    actions = client.get(CHANGELIST).context["action_form"].fields["action"].choices
    assert "confirm_selected" not in dict(actions)
    assert "set_my_stance" in dict(actions)
    run_action(client, "confirm_selected", [proposed])
    proposed.refresh_from_db()
    assert proposed.status == "proposed"


def test_set_my_stance_asks_for_the_stance_on_an_intermediate_page(client_for, annotator):
    quotes = [QuoteFactory() for _ in range(2)]
    response = run_action(client_for(annotator), "set_my_stance", quotes)
    assert response.templates[0].name == "admin/quotes/quote/bulk_stance.html"
    assert set(response.context["form"].fields) == {"topic", "value", "conditional", "rationale"}
    assert not StanceAnnotation.objects.exists()


def test_set_my_stance_saves_for_the_logged_in_user_only(
    client_for, annotator, other_annotator, topic
):
    quotes = [QuoteFactory() for _ in range(3)]
    theirs = StanceAnnotationFactory(quote=quotes[0], topic=topic, annotator=other_annotator)
    mine_before = StanceAnnotationFactory(quote=quotes[1], topic=topic, annotator=annotator)
    response = run_action(
        client_for(annotator),
        "set_my_stance",
        quotes,
        apply="1",
        topic=topic.pk,
        value=-1,
        conditional="on",
        rationale="Conditional on guarantees.",
        annotator=other_annotator.pk,
    )
    mine = StanceAnnotation.objects.filter(annotator=annotator)
    assert mine.count() == 3
    assert set(mine.values_list("value", "conditional", "rationale")) == {
        (-1, True, "Conditional on guarantees.")
    }
    theirs.refresh_from_db()
    assert theirs.value == 1 and theirs.annotator == other_annotator
    mine_before.refresh_from_db()
    assert mine_before.version == 2
    assert "(2 new, 1 changed)" in messages_of(response)[0]
    assert quotes[0].stance_summaries.get().annotator_count == 2


def test_set_my_stance_with_an_invalid_value_shows_the_form_again(client_for, annotator, topic):
    quote = QuoteFactory()
    response = run_action(
        client_for(annotator), "set_my_stance", [quote], apply="1", topic=topic.pk, value=7
    )
    assert response.context["form"].errors["value"]
    assert not StanceAnnotation.objects.exists()
