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
            "cannot_code",
            "conditional",
            "rationale",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


_VERSION_HELP = "The version you read; if it changed since (another tab): 409."


_VALUE_HELP = "−2 … +2; leave it out (or null) with cannot_code: true."
_CANNOT_CODE_HELP = "Cannot code / not about this topic: counted, in no mean or alpha."


def _code_field(**kwargs) -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=StanceValue.choices, allow_null=True, help_text=_VALUE_HELP, **kwargs
    )


class _CodeValidation:
    """A code is a value or ``cannot_code: true``, never both; an absent field keeps what the
    annotation had (on update) or counts as not given (on create)."""

    def validate(self, data):
        value, cannot_code = data.get("value"), data.get("cannot_code")
        if cannot_code and value is not None:
            raise serializers.ValidationError(
                {"value": ["Give a value or cannot_code: true, not both."]}
            )
        needs_code = not self.partial or "value" in data or "cannot_code" in data
        if needs_code and value is None and not cannot_code:
            raise serializers.ValidationError(
                {"value": ["Choose a value (−2 … +2) or send cannot_code: true."]}
            )
        return data


class StanceAnnotationCreateSerializer(_CodeValidation, serializers.Serializer):
    """Your annotation of a quote on a topic; posting again for the same pair updates it."""

    quote = serializers.PrimaryKeyRelatedField(queryset=Quote.objects.all())
    topic = SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    value = _code_field(required=False)
    cannot_code = serializers.BooleanField(default=False, help_text=_CANNOT_CODE_HELP)
    conditional = serializers.BooleanField(default=False)
    rationale = serializers.CharField(max_length=300, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, min_value=1, help_text=_VERSION_HELP)


class StanceAnnotationUpdateSerializer(_CodeValidation, serializers.Serializer):
    """A change to your own annotation; its quote and topic stay."""

    value = _code_field(required=False)
    cannot_code = serializers.BooleanField(required=False, help_text=_CANNOT_CODE_HELP)
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
            "cannot_code",
            "rationale",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class AdjudicationCreateSerializer(_CodeValidation, serializers.Serializer):
    """A reviewer's final value for a quote on a topic (or cannot_code: true); posting again for
    the pair replaces it."""

    quote = serializers.PrimaryKeyRelatedField(queryset=Quote.objects.all())
    topic = SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    value = _code_field(required=False)
    cannot_code = serializers.BooleanField(default=False, help_text=_CANNOT_CODE_HELP)
    rationale = serializers.CharField(max_length=300, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, min_value=1, help_text=_VERSION_HELP)
