"""Quotes: the shape the API reads (with the stances and annotations the viewer may see, as
``quotes.coding`` says) and the one editors write through ``quote_save``."""

from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from quotes import coding
from quotes.api.quote_rows import annotation_entry, render_quote, row_from_instance, stance_entry
from quotes.api.serializers.fields import SlugRelatedField, SpeakerSlugField
from quotes.api.serializers.refs import (
    EventRefSerializer,
    QuoteAffiliationSerializer,
    SourceRefSerializer,
    SpeakerRefSerializer,
)
from quotes.models import Event, Quote, Speaker
from quotes.services import quote_save


class AnnotationBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    annotator = serializers.CharField(source="annotator.username")
    value = serializers.IntegerField(allow_null=True, help_text="Null when cannot_code.")
    cannot_code = serializers.BooleanField(help_text="Cannot code / not about this topic.")
    conditional = serializers.BooleanField()
    rationale = serializers.CharField()
    version = serializers.IntegerField()


class StanceSummarySerializer(serializers.Serializer):
    topic = serializers.CharField(help_text="Topic slug.")
    visible = serializers.BooleanField(
        help_text="Whether you may see the values (quotes.coding): reviewers always; those who "
        "coded the quote; everyone once the topic is released and the quote complete or "
        "adjudicated. When false, only codes is given."
    )
    codes = serializers.IntegerField(help_text='How many annotators coded it ("cannot code" too).')
    value = serializers.FloatField(
        allow_null=True,
        help_text="Adjudicated value, else the mean of the annotators who gave a value; null "
        'when every code is "cannot code" (or not visible).',
    )
    adjudicated = serializers.BooleanField(allow_null=True)
    annotators = serializers.IntegerField(
        allow_null=True, help_text="How many annotators gave it a value."
    )
    cannot_code = serializers.IntegerField(
        allow_null=True, help_text='How many annotators said "cannot code".'
    )
    annotations = AnnotationBriefSerializer(
        many=True,
        help_text="The annotations you may see: every one for reviewers and superusers; on a "
        "quote you have coded, yours and the others'; none otherwise (coding stays blind).",
    )


class QuoteReadSerializer(serializers.ModelSerializer):
    speaker = SpeakerRefSerializer(allow_null=True)
    affiliation = QuoteAffiliationSerializer(allow_null=True)
    source = SourceRefSerializer()
    event = EventRefSerializer(allow_null=True)
    is_verified = serializers.BooleanField(
        help_text="True when the text was found in the stored source text."
    )
    utterance_id = serializers.IntegerField(
        allow_null=True,
        help_text="The utterance this quote reports, with the other outlets' reports of the same "
        "statement (/api/utterances/{id}/); null: the quote is an utterance of its own.",
    )
    stances = serializers.SerializerMethodField()

    class Meta:
        model = Quote
        fields = [
            "id",
            "text",
            "kind",
            "status",
            "speaker",
            "affiliation",
            "said_on",
            "said_on_precision",
            "source",
            "event",
            "is_verified",
            "utterance_id",
            "stances",
            "version",
        ]

    def to_representation(self, quote):
        """The declared fields above, written out by ``quote_rows.render_quote``.

        The declared fields document the shape (the OpenAPI schema reads them); writing the dict
        directly renders a page of quotes several times faster than DRF's nested serializers
        (a test compares both renderings). Lists render from ``values()`` rows with the same
        function (``QuoteViewSet.list``).
        """
        return render_quote(row_from_instance(quote), self.get_stances(quote))

    @extend_schema_field(StanceSummarySerializer(many=True))
    def get_stances(self, quote):
        """The stored summaries (prefetched by ``for_list()``) with the annotations the viewer
        may see (prefetched as ``visible_annotations`` by the view; absent when anonymous);
        which values show is ``coding.can_see_values``."""
        request = self.context.get("request")
        user = request.user if request is not None else AnonymousUser()
        by_topic = defaultdict(list)
        coded = set()
        for annotation in getattr(quote, "visible_annotations", ()):
            if annotation.annotator_id == user.pk:
                coded.add(annotation.topic_id)
            by_topic[annotation.topic_id].append(
                annotation_entry(
                    annotation.id,
                    annotation.annotator.username,
                    annotation.value,
                    annotation.cannot_code,
                    annotation.conditional,
                    annotation.rationale,
                    annotation.version,
                )
            )
        return [
            stance_entry(
                summary.topic.slug,
                summary.value,
                summary.is_adjudicated,
                summary.annotator_count,
                summary.cannot_code_count,
                by_topic.get(summary.topic_id, []),
                visible=coding.summary_visible(user, summary, summary.topic_id in coded),
            )
            for summary in quote.stance_summaries.all()
        ]


class QuoteWriteSerializer(serializers.ModelSerializer):
    """Quote create and update; the span, and the role when unambiguous, are computed by
    ``Quote.full_clean()`` inside ``quote_save``."""

    speaker = SpeakerSlugField(
        slug_field="slug",
        queryset=Speaker.objects.all(),
        allow_null=True,
        required=False,
        help_text="Speaker slug or alias slug; only a proposed quote may lack one.",
    )
    event = SlugRelatedField(
        slug_field="slug", queryset=Event.objects.all(), allow_null=True, required=False
    )
    version = serializers.IntegerField(
        required=False,
        write_only=True,
        help_text="On update: the version you read. If the quote changed since: 409.",
    )

    class Meta:
        model = Quote
        fields = [
            "text",
            "kind",
            "status",
            "speaker",
            "source",
            "affiliation",
            "said_on",
            "said_on_precision",
            "event",
            "version",
        ]

    def create(self, validated_data):
        validated_data.pop("version", None)
        return quote_save(quote=Quote(**validated_data))

    def update(self, instance, validated_data):
        version = validated_data.pop("version", None)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return quote_save(quote=instance, expected_version=version)
