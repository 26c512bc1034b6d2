"""The quote serializer's hand-written rendering says exactly what its declared fields say."""

import json

import pytest
from rest_framework import serializers

from quotes.api.serializers import QuoteReadSerializer
from quotes.models import Quote, StanceAnnotation
from tests.factories import EventFactory, QuoteFactory, StanceAnnotationFactory, TopicFactory


@pytest.mark.django_db
@pytest.mark.parametrize("with_optional_parts", [True, False])
def test_fast_rendering_equals_drfs_field_by_field_rendering(with_optional_parts, annotator):
    if with_optional_parts:
        quote = QuoteFactory(event=EventFactory())
        StanceAnnotationFactory(quote=quote, topic=TopicFactory(), annotator=annotator, value=-2)
    else:
        quote = QuoteFactory(affiliation=None, said_on=None)
    quote = Quote.objects.for_list().get(pk=quote.pk)
    quote.visible_annotations = list(StanceAnnotation.objects.select_related("annotator"))
    serializer = QuoteReadSerializer()

    fast = serializer.to_representation(quote)
    generic = serializers.ModelSerializer.to_representation(serializer, quote)

    assert json.loads(json.dumps(fast)) == json.loads(json.dumps(generic))
    assert bool(fast["stances"]) is with_optional_parts
