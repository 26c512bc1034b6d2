"""The tagging queue: "next quote to tag" for a topic and "save and tag next"."""

import datetime

import pytest
from django.urls import reverse

from quotes.models import Quote, StanceAnnotation
from tests.admin.conftest import messages_of, quote_url, stance_url
from tests.factories import QuoteFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db

NEXT = reverse("admin:quotes_quote_next_to_tag")


def next_for(client, topic):
    return client.get(NEXT, {"topic": topic.slug})


def test_next_to_tag_opens_the_oldest_confirmed_quote_i_have_not_coded(
    client_for, annotator, other_annotator, topic
):
    QuoteFactory(said_on=datetime.date(2019, 1, 1), status=Quote.Status.PROPOSED)
    mine = QuoteFactory(said_on=datetime.date(2019, 6, 1))
    StanceAnnotationFactory(quote=mine, topic=topic, annotator=annotator)
    coded_by_other = QuoteFactory(said_on=datetime.date(2020, 1, 1))
    StanceAnnotationFactory(quote=coded_by_other, topic=topic, annotator=other_annotator)
    QuoteFactory(said_on=datetime.date(2021, 1, 1))
    response = next_for(client_for(annotator), topic)
    assert response.status_code == 302
    assert response["Location"] == quote_url(coded_by_other, topic)


def test_next_to_tag_breaks_ties_by_id_and_puts_undated_quotes_last(client_for, annotator, topic):
    undated = QuoteFactory(said_on=None)
    first = QuoteFactory(said_on=datetime.date(2021, 1, 1))
    QuoteFactory(said_on=datetime.date(2021, 1, 1))
    client = client_for(annotator)
    assert next_for(client, topic)["Location"] == quote_url(first, topic)
    Quote.objects.exclude(pk=undated.pk).update(status=Quote.Status.REJECTED)
    assert next_for(client, topic)["Location"] == quote_url(undated, topic)


def test_queue_is_per_topic(client_for, annotator, topic):
    other_topic = TopicFactory(slug="arms-control")
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator)
    client = client_for(annotator)
    assert next_for(client, other_topic)["Location"] == quote_url(quote, other_topic)


def test_save_and_tag_next_saves_and_opens_the_next_quote(client_for, annotator, topic):
    first = QuoteFactory(said_on=datetime.date(2021, 1, 1))
    second = QuoteFactory(said_on=datetime.date(2021, 2, 1))
    client = client_for(annotator)
    response = client.post(
        stance_url(first),
        {"topic": topic.pk, "value": 1, "rationale": "Wants talks.", "version": 0, "_tagnext": "1"},
        follow=True,
    )
    assert StanceAnnotation.objects.get(annotator=annotator).quote == first
    assert response.redirect_chain[-1][0] == quote_url(second, topic)
    assert response.context["original"] == second


def test_when_nothing_is_left_a_message_says_so(client_for, annotator, topic):
    quote = QuoteFactory()
    client = client_for(annotator)
    response = client.post(
        stance_url(quote),
        {"topic": topic.pk, "value": 0, "version": 0, "_tagnext": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("admin:quotes_quote_changelist")
    assert any("Nothing left to tag" in text for text in messages_of(response))


def test_unknown_topic_is_refused_with_a_message(client_for, annotator):
    response = client_for(annotator).get(NEXT, {"topic": "no-such-topic"}, follow=True)
    assert any("Choose a topic" in text for text in messages_of(response))


def test_queue_topic_comes_first_on_the_quote_page(client_for, annotator, topic):
    TopicFactory(slug="aaa", name="Aaa first alphabetically")
    quote = QuoteFactory()
    desks = client_for(annotator).get(quote_url(quote, topic)).context["topic_desks"]
    assert desks[0].topic == topic


def test_quote_list_and_topic_list_link_to_the_queue(client_for, annotator, topic):
    client = client_for(annotator)
    changelist = client.get(reverse("admin:quotes_quote_changelist")).content.decode()
    assert f'action="{NEXT}"' in changelist and f'value="{topic.slug}"' in changelist
    topics = client.get(reverse("admin:quotes_topic_changelist")).content.decode()
    assert f"{NEXT}?topic={topic.slug}" in topics


def test_users_who_cannot_tag_get_no_queue(client, django_user_model, topic):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    client.force_login(viewer)
    assert next_for(client, topic).status_code == 403
