"""``/api/utterances/``: statements with their reports (the quotes as each outlet printed them).

Read-only; an utterance's stance on a topic is the mean of its confirmed reports' stored stances
the viewer may see, or a reviewer's adjudication of the utterance (``quotes.utterances``,
``quotes.coding``); reports whose stances differ by 2 points or more are listed as
``conflicts``, each saying whether an adjudication settled it. A page runs a fixed number of
queries.
"""

from django.db.models import Exists, OuterRef, Prefetch
from django_filters import rest_framework as django_filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets

from quotes import utterances
from quotes.api.filters import FilterSet, SpeakerSlugsFilter
from quotes.api.permissions import ReadOrModelPermissions
from quotes.api.schema import FILTER_ERRORS, NOT_FOUND
from quotes.display import round_stance
from quotes.models import Quote, Utterance


class UtteranceFilter(FilterSet):
    speaker = SpeakerSlugsFilter(
        method="filter_speaker",
        help_text="Speaker slug or alias slug; several comma-separated. Unknown slug: 400.",
    )
    said_after = django_filters.DateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after (ISO date)."
    )
    said_before = django_filters.DateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before (ISO date)."
    )
    outlet = django_filters.CharFilter(
        method="filter_outlet",
        help_text="Only utterances one of whose reports this outlet printed.",
    )

    conflict = django_filters.ChoiceFilter(
        method="filter_conflict",
        choices=[("open", "open"), ("adjudicated", "adjudicated")],
        help_text="Only utterances two of whose confirmed reports' stances you may see differ by "
        "2 points or more on a topic: `open` (no reviewer adjudicated the utterance on that "
        "topic yet) or `adjudicated`. Anything else: 400.",
    )

    class Meta:
        model = Utterance
        fields = []

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(speaker_id__in=value) if value else queryset

    def filter_conflict(self, queryset, name, value):
        ids = utterances.conflicted_utterances(
            self.request.user, adjudicated=value == "adjudicated"
        )
        return queryset.filter(pk__in=ids)

    def filter_outlet(self, queryset, name, value):
        printed = Quote.objects.filter(utterance=OuterRef("pk"), source__outlet=value)
        return queryset.filter(Exists(printed))


class UtteranceSpeakerSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField()
    said_on = serializers.DateField(allow_null=True)
    said_on_precision = serializers.CharField()
    outlet = serializers.CharField(source="source.outlet")
    source_id = serializers.IntegerField()
    title = serializers.CharField(source="source.title")
    url = serializers.CharField(source="source.url")


class UtteranceStanceSerializer(serializers.Serializer):
    topic = serializers.CharField(help_text="The topic's slug.")
    value = serializers.FloatField(help_text="The mean of the confirmed reports' stored stances.")


class ConflictSerializer(serializers.Serializer):
    topic = serializers.CharField()
    low = serializers.FloatField()
    high = serializers.FloatField()
    adjudicated = serializers.BooleanField(
        help_text="A reviewer settled it: the utterance's stance is the adjudicated one."
    )


class UtteranceAdjudicationSerializer(serializers.Serializer):
    topic = serializers.CharField(source="topic.slug", help_text="The topic's slug.")
    value = serializers.IntegerField(
        allow_null=True, help_text='The reviewer\'s value; null when "cannot code".'
    )
    cannot_code = serializers.BooleanField()
    reviewer = serializers.CharField(source="reviewer.username")
    note = serializers.CharField()
    updated_at = serializers.DateTimeField()


class UtteranceSerializer(serializers.ModelSerializer):
    speaker = UtteranceSpeakerSerializer()
    reports = ReportSerializer(many=True, help_text="The quotes reporting it, oldest first.")
    outlets = serializers.SerializerMethodField(help_text="The outlets that reported it.")
    stances = serializers.SerializerMethodField()
    conflicts = serializers.SerializerMethodField(
        help_text="Topics on which two confirmed reports' stances differ by 2 points or more."
    )
    adjudications = serializers.SerializerMethodField(
        help_text="Reviewers' stances for the utterance, which replace its reports' mean: on a "
        "released topic public, else shown to reviewers and to who coded one of its reports."
    )

    class Meta:
        model = Utterance
        fields = [
            *("id", "speaker", "said_on", "said_on_precision", "notes"),
            *("outlets", "reports", "stances", "conflicts", "adjudications"),
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_outlets(self, utterance):
        return sorted({report.source.outlet for report in utterance.reports.all()})

    @extend_schema_field(UtteranceStanceSerializer(many=True))
    def get_stances(self, utterance):
        means = self.context["stances"].get(utterance.pk, {})
        return [{"topic": slug, "value": round_stance(means[slug])} for slug in sorted(means)]

    @extend_schema_field(ConflictSerializer(many=True))
    def get_conflicts(self, utterance):
        found = self.context["conflicts"].get(utterance.pk, {})
        adjudicated = self.context["adjudications"].get(utterance.pk, {})
        return [
            {
                "topic": slug,
                "low": round_stance(found[slug][0]),
                "high": round_stance(found[slug][1]),
                "adjudicated": slug in adjudicated,
            }
            for slug in sorted(found)
        ]

    @extend_schema_field(UtteranceAdjudicationSerializer(many=True))
    def get_adjudications(self, utterance):
        found = self.context["adjudications"].get(utterance.pk, {})
        return UtteranceAdjudicationSerializer(
            [found[slug] for slug in sorted(found)], many=True
        ).data


@extend_schema_view(
    list=extend_schema(
        summary="Utterances: statements with all their reports",
        responses={200: UtteranceSerializer(many=True), 400: FILTER_ERRORS},
    ),
    retrieve=extend_schema(responses={200: UtteranceSerializer, 404: NOT_FOUND}),
)
class UtteranceViewSet(viewsets.ReadOnlyModelViewSet):
    """Utterances that count (at least one confirmed report), newest first."""

    permission_classes = [ReadOrModelPermissions]
    serializer_class = UtteranceSerializer
    filterset_class = UtteranceFilter

    def get_queryset(self):
        confirmed = Quote.objects.filter(utterance=OuterRef("pk"), status=Quote.Status.CONFIRMED)
        reports = Quote.objects.select_related("source").order_by("said_on", "id")
        return (
            Utterance.objects.filter(Exists(confirmed))
            .select_related("speaker")
            .prefetch_related(Prefetch("reports", queryset=reports))
        )

    def get_serializer(self, *args, **kwargs):
        page = args[0] if args else None
        if page is not None:
            rows = page if isinstance(page, list | tuple) else [page]
            ids = [utterance.pk for utterance in rows]
            user = self.request.user
            kwargs["context"] = {
                **self.get_serializer_context(),
                "stances": utterances.utterance_stances(ids, user, topic="topic__slug"),
                "conflicts": utterances.conflicting_stances(ids, user, topic="topic__slug"),
                "adjudications": utterances.visible_adjudications(ids, user, topic="topic__slug"),
            }
        return super().get_serializer(*args, **kwargs)
