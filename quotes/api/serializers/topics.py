"""Topics (their codebooks) and events (the markers on a timeline)."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from quotes.models import Event, Topic


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name", "description", "released", "codes_needed"]


# "Event" is the analysis API's chart marker; this is the full event resource.
@extend_schema_serializer(component_name="EventResource")
class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["slug", "title", "occurred_on", "occurred_on_precision", "description", "source"]
