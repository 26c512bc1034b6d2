"""The quote list: the API's filters on a page, each quote linked to its place in the source."""

import datetime

import pytest

from quotes.models import Quote
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
    quote_with_stances,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotes(topic):
    ministry = OrganizationFactory(slug="mid")
    ann = SpeakerFactory(slug="ann")
    role = AffiliationFactory(speaker=ann, organization=ministry)
    texts = {
        "sanctions": "Sanctions will not work,",
        "dialogue": "Dialogue must go on,",
        "indirect": "talks should continue",
    }
    found = {
        "sanctions": quote_with_stances(
            topic,
            [-2],
            speaker=ann,
            affiliation=role,
            text=texts["sanctions"],
            source__text=f"“{texts['sanctions']}” she said.",
            source__outlet="Izvestia",
        ),
        "dialogue": quote_with_stances(
            topic,
            [2],
            text=texts["dialogue"],
            source__text=f"“{texts['dialogue']}” he said.",
            said_on=datetime.date(2022, 2, 1),
        ),
        "indirect": QuoteFactory(
            text=texts["indirect"], kind=Quote.Kind.INDIRECT, source__text="Nothing here."
        ),
    }
    QuoteFactory(status=Quote.Status.PROPOSED, text="We want dialogue,")
    return found


def _texts(response):
    return [quote.text for quote in response.context["quotes"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=sanctions", ["sanctions"]),
        ("speaker=ann", ["sanctions"]),
        ("organization=mid", ["sanctions"]),
        ("topic=nato-russia-dialogue&stance_min=1", ["dialogue"]),
        ("said_after=2022-01-01", ["dialogue"]),
        ("kind=indirect", ["indirect"]),
        ("outlet=izvestia", ["sanctions"]),
    ],
)
def test_quote_list_filters_as_the_api_does(quotes, client, query, expected):
    response = client.get("/quotes/?" + query)

    assert response.status_code == 200
    assert _texts(response) == [quotes[name].text for name in expected]


def test_quote_list_shows_confirmed_quotes_only(quotes, client):
    assert len(_texts(client.get("/quotes/"))) == 3


def test_each_quote_links_to_its_place_in_the_source(quotes, client):
    quote = quotes["sanctions"]
    html = client.get("/quotes/?speaker=ann").content.decode()

    assert f'href="/sources/{quote.source_id}/#quote-{quote.pk}"' in html


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("speaker=nobody", "speaker"),
        ("topic=nothing", "topic"),
        ("stance_min=1", "stance_min"),
        ("topic=nato-russia-dialogue&stance_min=7", "stance_min"),
        ("said_after=yesterday", "said_after"),
        ("kind=shout", "kind"),
        ("ordering=text", "ordering"),
        ("page=-1", "page"),
        ("ids=1,abc", "ids"),
    ],
)
def test_bad_quote_list_parameters_are_a_400_naming_them(quotes, client, query, parameter):
    response = client.get("/quotes/?" + query)

    assert response.status_code == 400
    assert f"<strong>{parameter}:</strong>" in response.content.decode()


def test_a_stance_filter_on_an_unreleased_topic_is_refused_to_the_public(quotes, client):
    TopicFactory(slug="hidden", released=False)

    assert client.get("/quotes/?topic=hidden&stance_min=1").status_code == 403


def test_source_page_marks_each_quote_where_it_was_printed(quotes, client):
    quote = quotes["sanctions"]
    html = client.get(f"/sources/{quote.source_id}/").content.decode()

    assert f'<mark id="quote-{quote.pk}" tabindex="-1"><a href="/quotes/{quote.pk}/"' in html
    assert html.count("<mark") == 1 and "” she said." in html


def test_source_page_lists_quotes_not_found_word_for_word(quotes, client):
    quote = quotes["indirect"]
    html = client.get(f"/sources/{quote.source_id}/").content.decode()

    assert f'<li id="quote-{quote.pk}">' in html


def test_source_page_escapes_the_article_text(client, db):
    source = SourceFactory(text="<script>alert(1)</script> “Fine,” he said.")
    QuoteFactory(source=source, text="Fine,")

    html = client.get(f"/sources/{source.pk}/").content.decode()

    assert "<script>alert" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("count", [3, 30])
def test_quote_list_runs_the_same_queries_for_3_and_30_quotes(
    topic, client, django_assert_num_queries, count
):
    """1 the speaker slug checked, 2 the topic, 3 the count, 4 the page of quotes with speaker,
    source, role and event, 5 their stances."""
    speaker = SpeakerFactory(slug="busy")
    for _ in range(count):
        quote_with_stances(topic, [1], speaker=speaker)

    with django_assert_num_queries(5):
        response = client.get("/quotes/?speaker=busy&topic=nato-russia-dialogue&stance_min=0")

    assert len(response.context["quotes"]) == count


@pytest.mark.parametrize("count", [1, 12])
def test_source_page_runs_the_same_queries_for_1_and_12_quotes(
    client, django_assert_num_queries, count
):
    """1 the source, 2 its confirmed quotes with their speakers."""
    texts = [f"Point number {index} stands," for index in range(count)]
    source = SourceFactory(text=" ".join(f"“{text}” he said." for text in texts))
    for text in texts:
        QuoteFactory(source=source, text=text)

    with django_assert_num_queries(2):
        response = client.get(f"/sources/{source.pk}/")

    assert response.content.decode().count("<mark") == count
