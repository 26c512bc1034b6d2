"""The quote page: the quote in its paragraph, its role, and the stance forms (blind coding)."""

import pytest
from django.urls import reverse

from quotes.models import Adjudication, Quote, StanceAnnotation
from tests.admin.conftest import messages_of, quote_url, stance_url
from tests.factories import QuoteFactory, SourceFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Moscow, 18 October.\n"
    'The minister <b>said</b>: "We want dialogue, but NATO does not." Then he left.\n'
    "Another paragraph that is not shown."
)


def test_quote_is_shown_highlighted_inside_its_escaped_source_paragraph(client_for, annotator):
    quote = QuoteFactory(source=SourceFactory(text=ARTICLE), text="We want dialogue,")
    html = client_for(annotator).get(quote_url(quote)).content.decode()
    assert (
        "The minister &lt;b&gt;said&lt;/b&gt;: &quot;<mark>We want dialogue,</mark> but NATO does "
        "not.&quot; Then he left." in html
    )
    assert "Another paragraph" not in html
    assert "<b>said</b>" not in html
    assert 'id="unverified-warning"' not in html


def test_unverified_quote_from_a_source_without_text_shows_a_warning(client_for, annotator):
    quote = QuoteFactory(source=SourceFactory(text=""), text="We want dialogue.")
    assert quote.span_start is None
    html = client_for(annotator).get(quote_url(quote)).content.decode()
    assert 'id="unverified-warning"' in html
    assert "the source has no stored article text" in html
    assert "<mark>" not in html


def test_indirect_quote_not_found_in_the_source_shows_a_warning(client_for, editor):
    quote = QuoteFactory(kind=Quote.Kind.INDIRECT, text="He said he wanted talks.")
    html = client_for(editor).get(quote_url(quote)).content.decode()
    assert "this text was not found in the source" in html


def test_quote_page_shows_the_speakers_role_at_the_time(client_for, annotator):
    quote = QuoteFactory(affiliation__role="Deputy Foreign Minister")
    response = client_for(annotator).get(quote_url(quote))
    assert f'<span id="role-at-the-time">{quote.affiliation}</span>' in response.content.decode()


def test_annotator_saves_their_stance_from_the_quote_page(client_for, annotator, topic):
    quote = QuoteFactory()
    response = client_for(annotator).post(
        stance_url(quote),
        {"topic": topic.pk, "value": -1, "conditional": "on", "rationale": "After guarantees."},
        follow=True,
    )
    annotation = StanceAnnotation.objects.get()
    assert (annotation.annotator, annotation.value, annotation.conditional) == (annotator, -1, True)
    assert annotation.rationale == "After guarantees."
    assert response.redirect_chain[-1][0] == quote_url(quote, topic)
    assert f"Your stance on {topic} is saved." in messages_of(response)


def test_annotator_changes_their_stance_with_the_version_it_was_loaded_with(
    client_for, annotator, topic
):
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    client = client_for(annotator)
    form = next(d.form for d in client.get(quote_url(mine.quote)).context["topic_desks"])
    assert form.initial["version"] == 1 and form.initial["value"] == 1
    client.post(stance_url(mine.quote), {"topic": topic.pk, "value": 2, "version": 1})
    mine.refresh_from_db()
    assert (mine.value, mine.version) == (2, 2)


def test_stale_stance_form_is_refused_with_a_message_not_saved_over(client_for, annotator, topic):
    """The form was loaded at version 1; another tab saved version 2 meanwhile."""
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    client = client_for(annotator)
    client.post(stance_url(mine.quote), {"topic": topic.pk, "value": 2, "version": 1})
    response = client.post(
        stance_url(mine.quote), {"topic": topic.pk, "value": -2, "version": 1}, follow=True
    )
    mine.refresh_from_db()
    assert mine.value == 2
    assert any("was changed since you opened it" in text for text in messages_of(response))


def test_new_stance_form_conflicts_with_one_saved_meanwhile_in_another_tab(
    client_for, annotator, topic
):
    """Version 0 means "no annotation when I opened the page"."""
    quote = QuoteFactory()
    client = client_for(annotator)
    client.post(stance_url(quote), {"topic": topic.pk, "value": 1, "version": 0})
    response = client.post(
        stance_url(quote), {"topic": topic.pk, "value": -1, "version": 0}, follow=True
    )
    assert StanceAnnotation.objects.get().value == 1
    assert any("not saved" in text for text in messages_of(response))


def test_invalid_stance_value_is_refused_with_a_message(client_for, annotator, topic):
    quote = QuoteFactory()
    response = client_for(annotator).post(
        stance_url(quote), {"topic": topic.pk, "value": 5}, follow=True
    )
    assert not StanceAnnotation.objects.exists()
    assert any("not saved" in text for text in messages_of(response))


def test_annotator_sees_others_values_only_after_saving_their_own(
    client_for, annotator, other_annotator, topic
):
    topic.released, topic.codes_needed = False, 2
    topic.save()
    theirs = StanceAnnotationFactory(
        annotator=other_annotator, topic=topic, value=-2, rationale="Slams the door."
    )
    client = client_for(annotator)
    before = client.get(quote_url(theirs.quote)).content.decode()
    assert "Slams the door." not in before
    assert "1 annotator coded this quote." in before
    assert "stay hidden until you save your own stance or a reviewer releases" in before
    assert "Stance:" not in before
    client.post(stance_url(theirs.quote), {"topic": topic.pk, "value": 1, "version": 0})
    after = client.get(quote_url(theirs.quote)).content.decode()
    assert "Slams the door." in after
    assert "mean of 2 annotators" in after


def test_blindness_is_per_topic(client_for, annotator, other_annotator, topic):
    other_topic = TopicFactory(name="Arms control")
    theirs = StanceAnnotationFactory(
        annotator=other_annotator, topic=other_topic, rationale="Hidden reasoning."
    )
    StanceAnnotationFactory(annotator=annotator, topic=topic, quote=theirs.quote)
    html = client_for(annotator).get(quote_url(theirs.quote)).content.decode()
    assert "Hidden reasoning." not in html


@pytest.mark.parametrize(
    ("persona", "sees"), [("editor", False), ("reviewer", True), ("admin_user", True)]
)
def test_reviewers_and_superusers_see_every_stance_editors_only_after_coding(
    client_for, request, persona, sees, other_annotator, topic
):
    """Editors code too, so for values they are annotators (quotes.coding)."""
    topic.released = False
    topic.save()
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=topic, rationale="Visible.")
    html = client_for(request.getfixturevalue(persona)).get(quote_url(theirs.quote)).content
    assert ("Visible." in html.decode()) is sees


def test_only_reviewers_get_the_adjudication_form(client_for, annotator, editor, reviewer, topic):
    quote = QuoteFactory()
    for user, expected in ((annotator, False), (editor, False), (reviewer, True)):
        desks = client_for(user).get(quote_url(quote)).context["topic_desks"]
        assert (desks[0].adjudication_form is not None) is expected


def test_reviewer_adjudicates_from_the_quote_page(client_for, reviewer, annotator, topic):
    annotation = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    response = client_for(reviewer).post(
        reverse("admin:quotes_quote_adjudicate", args=[annotation.quote_id]),
        {"topic": topic.pk, "value": -1, "rationale": "Context is hostile.", "version": 0},
        follow=True,
    )
    adjudication = Adjudication.objects.get()
    assert (adjudication.reviewer, adjudication.value) == (reviewer, -1)
    summary = annotation.quote.stance_summaries.get()
    assert (summary.value, summary.is_adjudicated, summary.annotator_count) == (-1, True, 1)
    assert "adjudicated by rita" in response.content.decode()


def test_stale_adjudication_is_refused(client_for, reviewer, topic):
    quote = QuoteFactory()
    client = client_for(reviewer)
    url = reverse("admin:quotes_quote_adjudicate", args=[quote.pk])
    client.post(url, {"topic": topic.pk, "value": 1, "version": 0})
    response = client.post(url, {"topic": topic.pk, "value": 2, "version": 0}, follow=True)
    assert Adjudication.objects.get().value == 1
    assert any("not saved" in text for text in messages_of(response))


def test_editor_saving_a_quote_opened_before_another_save_is_refused(client_for, editor):
    quote = QuoteFactory()
    client = client_for(editor)
    data = {
        "text": quote.text,
        "speaker": quote.speaker_id,
        "affiliation": quote.affiliation_id,
        "source": quote.source_id,
        "kind": "direct",
        "status": "confirmed",
        "said_on": "2021-10-18",
        "said_on_precision": "day",
        "loaded_version": 1,
    }
    assert client.post(quote_url(quote), {**data, "extraction_note": "first"}).status_code == 302
    response = client.post(quote_url(quote), {**data, "extraction_note": "second"})
    assert response.status_code == 200
    assert "Someone saved this since you opened it" in response.content.decode()
    quote.refresh_from_db()
    assert quote.extraction_note == "first"
