"""The read rules notebooks use: Quote.objects.confirmed().by_speaker(...).with_stance(topic)."""

import pytest

from quotes.models import Quote
from tests.factories import QuoteFactory, SpeakerAliasFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


def test_by_speaker_finds_quotes_by_slug_or_alias_slug(topic, annotator):
    lavrov = QuoteFactory().speaker
    SpeakerAliasFactory(speaker=lavrov, name="Sergey Lavrov")
    other = QuoteFactory()
    coded = QuoteFactory(speaker=lavrov, source=other.source, text="Nothing else happened.")
    StanceAnnotationFactory(quote=coded, topic=topic, annotator=annotator, value=-2)

    by_alias = Quote.objects.confirmed().by_speaker("sergey-lavrov").with_stance(topic)

    assert {quote.pk: quote.stance for quote in by_alias} == {
        lavrov.quotes.exclude(pk=coded.pk).get().pk: None,
        coded.pk: -2,
    }
    assert set(Quote.objects.by_speaker(lavrov.slug, other.speaker.slug)) == set(
        Quote.objects.all()
    )
