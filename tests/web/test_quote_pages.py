"""The public quote page and the list a chart point of several quotes leads to."""

import datetime

import pytest
from django.test import override_settings

from quotes.models import DatePrecision, Quote
from tests.factories import QuoteFactory, quote_with_stances


@pytest.fixture
def quote(topic):
    text = "We need substantial dialogue,"
    return quote_with_stances(
        topic,
        [2, 1],
        text=text,
        source__text=f"“{text}” the Secretary General said.",
        source__outlet="Izvestia",
        speaker__name="Jens",
        said_on=datetime.date(2022, 1, 1),
        said_on_precision=DatePrecision.MONTH,
    )


def test_quote_page_shows_text_speaker_role_date_source_and_stance(quote, client):
    """The stance is the mean of the two annotations: (2 + 1) / 2 = +1.50."""
    html = client.get(f"/quotes/{quote.pk}/").content.decode()

    assert "We need substantial dialogue," in html
    assert "Jens" in html and "Minister" in html
    assert "<dt>Said</dt><dd>January 2022</dd>" in html and "1 January 2022" not in html
    assert "Izvestia" in html
    assert "NATO–Russia dialogue: +1.50 (mean of 2 annotators)" in html


def test_unconfirmed_quote_page_is_404(db, client):
    quote = QuoteFactory(status=Quote.Status.PROPOSED)

    assert client.get(f"/quotes/{quote.pk}/").status_code == 404


def test_quote_list_shows_the_quotes_named_by_ids(quote, client):
    other = QuoteFactory()

    html = client.get(f"/quotes/?ids={quote.pk},{other.pk}").content.decode()

    assert "2 quotes" in html
    assert "We need substantial dialogue," in html and "We want dialogue," in html


@pytest.mark.parametrize("ids", ["", "1,x", "-1"])
def test_quote_list_answers_400_on_bad_ids(db, client, ids):
    assert client.get(f"/quotes/?ids={ids}").status_code == 400


@override_settings(API_ANONYMOUS_READ=False)
def test_pages_follow_the_api_when_anonymous_reading_is_off(quote, client):
    response = client.get(f"/quotes/{quote.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
