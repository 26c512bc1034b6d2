"""The small shapes nested in others: an organization, a speaker, a source or an event by its
slug or id and name, and the role a quote was said in."""

from rest_framework import serializers

from quotes.models import Affiliation, Event, Organization, Source, Speaker


class OrganizationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name"]


class SpeakerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["slug", "name", "kind"]


class SourceRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "outlet", "title", "url", "published_on", "language"]


class EventRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["slug", "title"]


class QuoteAffiliationSerializer(serializers.ModelSerializer):
    """The role a quote was said in."""

    organization = OrganizationRefSerializer()

    class Meta:
        model = Affiliation
        fields = ["organization", "role"]
