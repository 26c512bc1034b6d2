"""A quote's page says how many outlets reported its statement and shows their words."""

import datetime

import pytest

from quotes.utterance_services import utterance_link_confirm, utterance_link_propose
from tests.factories import QuoteFactory, SourceFactory, SpeakerFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."

pytestmark = pytest.mark.django_db


def _report(speaker, text, outlet):
    source = SourceFactory(outlet=outlet, text=f"{outlet}. “{text}” he said.")
    return QuoteFactory(
        source=source,
        speaker=speaker,
        affiliation=None,
        text=text,
        said_on=datetime.date(2021, 10, 18),
    )


def test_a_quote_page_says_reported_by_n_outlets_and_marks_the_other_words(client):
    speaker = SpeakerFactory()
    mine, theirs = _report(speaker, GAS, "Kommersant"), _report(speaker, GAS_TOO, "Izvestia")
    utterance_link_confirm(link=utterance_link_propose(quote=mine, other=theirs, similarity=0.6))
    page = client.get(f"/quotes/{mine.pk}/").content.decode()
    assert "2 outlets: Kommersant, Izvestia" in page
    assert "<ins>let anybody</ins>" in page
    assert f'href="/quotes/{theirs.pk}/"' in page


def test_a_quote_of_its_own_says_nothing_of_other_outlets(client):
    quote = _report(SpeakerFactory(), GAS, "TASS")
    assert "Reported by" not in client.get(f"/quotes/{quote.pk}/").content.decode()
