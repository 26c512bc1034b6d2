"""The quote serializer's hand-written rendering says exactly what its declared fields say."""

import json

import pytest
from rest_framework import serializers
from rest_framework.test import APIClient

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


@pytest.mark.parametrize("viewer", ["anonymous", "annotator", "reviewer"])
def test_a_quote_in_the_list_is_the_quote_retrieved_by_id(seed, viewer, request):
    """The list renders from flat rows, a single quote from its instance: same JSON for every
    seed quote, with the annotations each viewer may see."""
    client = APIClient()
    if viewer != "anonymous":
        client.force_authenticate(request.getfixturevalue(viewer))
    listed = client.get("/api/quotes/?page_size=100&status=all").json()

    assert listed["count"] == Quote.objects.count()
    for quote in listed["results"]:
        assert client.get(f"/api/quotes/{quote['id']}/").json() == quote
    annotations = [s["annotations"] for q in listed["results"] for s in q["stances"]]
    assert annotations and any(annotations) is (viewer == "reviewer")
