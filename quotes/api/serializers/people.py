"""Speakers (their aliases and roles over time) and organizations: read, and written by editors."""

from rest_framework import serializers

from quotes.api.serializers.fields import FullCleanSerializer, SlugRelatedField
from quotes.api.serializers.refs import OrganizationRefSerializer
from quotes.models import Affiliation, Organization, Speaker, SpeakerAlias


class OrganizationSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "kind", "country", "parent"]


class AliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpeakerAlias
        fields = ["name", "slug"]


class AffiliationSerializer(serializers.ModelSerializer):
    organization = OrganizationRefSerializer()

    class Meta:
        model = Affiliation
        fields = [
            "organization",
            "role",
            "started_on",
            "started_on_precision",
            "ended_on",
            "ended_on_precision",
        ]


class SpeakerListSerializer(serializers.ModelSerializer):
    aliases = AliasSerializer(many=True, read_only=True)

    class Meta:
        model = Speaker
        fields = ["slug", "name", "kind", "country", "wikidata_id", "aliases"]


class SpeakerDetailSerializer(SpeakerListSerializer):
    organization = OrganizationRefSerializer(allow_null=True)
    affiliations = AffiliationSerializer(many=True, read_only=True)

    class Meta(SpeakerListSerializer.Meta):
        fields = [
            *SpeakerListSerializer.Meta.fields,
            "description",
            "organization",
            "cited_by",
            "affiliations",
        ]


class SpeakerWriteSerializer(FullCleanSerializer):
    organization = SlugRelatedField(
        slug_field="slug",
        queryset=Organization.objects.all(),
        allow_null=True,
        required=False,
        help_text="For an institution speaking as a body: its organization's slug.",
    )

    class Meta:
        model = Speaker
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "wikidata_id",
            "organization",
            "cited_by",
            "description",
        ]
