import datetime
import itertools

import pytest

from tests.factories import QuoteFactory, SourceFactory, SpeakerFactory

OUTLETS = itertools.cycle(["Kommersant", "Izvestia", "TASS", "Reuters"])
ARTICLES = itertools.count(1)


@pytest.fixture
def speaker(db):
    return SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov")


@pytest.fixture
def report(db):
    """``report(speaker, text, said_on=…, **quote_fields)``: a confirmed quote printed by an
    outlet of its own (its source's text holds it)."""

    def make(speaker, text, said_on=datetime.date(2021, 10, 18), **fields):
        outlet = next(OUTLETS)
        source = SourceFactory(
            outlet=outlet,
            text=f"{outlet}, article {next(ARTICLES)}. The minister spoke. “{text}” he said.",
            published_on=said_on,
        )
        fields.setdefault("said_on_precision", "day")
        return QuoteFactory(
            source=source, speaker=speaker, affiliation=None, text=text, said_on=said_on, **fields
        )

    return make
