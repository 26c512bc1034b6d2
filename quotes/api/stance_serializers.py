"""Stance annotations and adjudications: what the API shows and what it accepts.

Who annotates or adjudicates is never read from the body: the view passes the signed-in user.
"""

from rest_framework import serializers

from quotes.api.serializers import SlugRelatedField
from quotes.models import Adjudication, Quote, StanceAnnotation, Topic
from quotes.models.stances import StanceValue


class StanceAnnotationSerializer(serializers.ModelSerializer):
    topic = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    annotator = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = StanceAnnotation
        fields = [
            "id",
            "quote",
            "topic",
            "annotator",
            "value",
            "conditional",
            "rationale",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


_VERSION_HELP = "The version you read; if it changed since (another tab): 409."


class StanceAnnotationCreateSerializer(serializers.Serializer):
    """Your annotation of a quote on a topic; posting again for the same pair updates it."""

    quote = serializers.PrimaryKeyRelatedField(queryset=Quote.objects.all())
    topic = SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    value = serializers.ChoiceField(choices=StanceValue.choices)
    conditional = serializers.BooleanField(default=False)
    rationale = serializers.CharField(max_length=300, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, min_value=1, help_text=_VERSION_HELP)


class StanceAnnotationUpdateSerializer(serializers.Serializer):
    """A change to your own annotation; its quote and topic stay."""

    value = serializers.ChoiceField(choices=StanceValue.choices)
    conditional = serializers.BooleanField(required=False)
    rationale = serializers.CharField(max_length=300, allow_blank=True, required=False)
    version = serializers.IntegerField(required=False, min_value=1, help_text=_VERSION_HELP)


class AdjudicationSerializer(serializers.ModelSerializer):
    topic = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Adjudication
        fields = [
            "id",
            "quote",
            "topic",
            "reviewer",
            "value",
            "rationale",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AdjudicationCreateSerializer(serializers.Serializer):
    """A reviewer's final value for a quote on a topic; posting again for the pair replaces it."""

    quote = serializers.PrimaryKeyRelatedField(queryset=Quote.objects.all())
    topic = SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    value = serializers.ChoiceField(choices=StanceValue.choices)
    rationale = serializers.CharField(max_length=300, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, min_value=1, help_text=_VERSION_HELP)
