"""Small generated corpora for the scale tests."""

import pytest
from django.core.management import call_command

from quotes.models import (
    Adjudication,
    Affiliation,
    Organization,
    Quote,
    QuoteStance,
    Source,
    Speaker,
    StanceAnnotation,
    StanceRollup,
    Utterance,
)


def generate(quotes: int, speakers: int, seed: int = 1, **options) -> None:
    call_command(
        "generate_corpus",
        quotes=quotes,
        speakers=speakers,
        seed=seed,
        no_progress=True,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
        **options,
    )


def delete_corpus() -> None:
    """Remove every generated row, children first (the foreign keys protect the parents)."""
    models = (QuoteStance, StanceRollup, Adjudication, StanceAnnotation, Quote, Utterance)
    for model in (*models, Source, Affiliation):
        model.objects.all().delete()
    Speaker.objects.all().delete()
    Organization.objects.all().delete()


@pytest.fixture
def small_corpus(db):
    generate(600, 12, seed=3)
