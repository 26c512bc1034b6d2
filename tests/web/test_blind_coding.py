"""The human pages call quotes.coding: an unreleased topic's values and charts stay hidden."""

import pytest
from django.urls import reverse

from tests.factories import QuoteFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded(db, annotator, other_annotator):
    topic = TopicFactory(slug="arms-control", name="Arms control", released=False, codes_needed=2)
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=-2)
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=-1)
    return quote, topic


def test_the_quote_page_shows_only_how_many_coded_an_unreleased_topic(coded, client):
    quote, topic = coded
    html = client.get(reverse("web:quote-detail", args=[quote.pk])).content.decode()
    assert "2 annotators coded it; not released yet" in html
    assert "-1.50" not in html and "−1.50" not in html
    topic.released = True
    topic.save()
    html = client.get(reverse("web:quote-detail", args=[quote.pk])).content.decode()
    assert "−1.50" in html


def test_a_coder_sees_the_value_on_the_pages(coded, client, annotator):
    quote, _ = coded
    client.force_login(annotator)
    html = client.get(reverse("web:quote-list") + f"?ids={quote.pk}").content.decode()
    assert "−1.50" in html


def test_the_speaker_page_draws_no_chart_of_an_unreleased_topic(coded, client, reviewer):
    quote, _ = coded
    url = reverse("web:speaker-detail", args=[quote.speaker.slug])
    assert client.get(url).context["charts"] == []
    assert "not released yet" in client.get(url).content.decode()
    client.force_login(reviewer)
    assert [item["topic"].slug for item in client.get(url).context["charts"]] == ["arms-control"]


@pytest.mark.parametrize("name", ["web:compare", "web:compare-chart", "web:compare-csv"])
def test_comparisons_of_an_unreleased_topic_are_a_403_saying_why(coded, client, name):
    quote, _ = coded
    query = f"?speakers={quote.speaker.slug}&topic=arms-control"
    response = client.get(reverse(name) + query)
    assert response.status_code == 403
    assert "not released" in response.content.decode()
