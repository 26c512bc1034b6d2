"""Timeline and compare endpoints: validate the parameters, call quotes.analysis, serialize.

Both are aggregates: on an unreleased topic they are a 403 to everyone but reviewers, and they
count settled stances only for everyone but reviewers (``quotes.coding``)."""

import dataclasses

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from quotes import analysis, coding
from quotes.api.analysis_serializers import (
    AnalysisQuerySerializer,
    CompareQuerySerializer,
    CompareSerializer,
    TimelineSerializer,
    compare_data,
    present,
    timeline_data,
)
from quotes.api.permissions import ReadOrModelPermissions
from quotes.api.schema import NOT_FOUND
from quotes.api.speaker_slugs import speakers_named
from quotes.models import Quote

NOT_RELEASED = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='The topic is not released (reviewers only until then): {"detail": "…"}.',
)
BAD_PARAMETERS = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='Bad parameters, keyed by the parameter: {"bucket": ["…"]}.',
)


class _AnalysisView(APIView):
    permission_classes = [ReadOrModelPermissions]
    # Only GET is served; a write attempt is judged by the quote model permission, then 405.
    queryset = Quote.objects.none()

    def policy_filters(self, query) -> analysis.Filters:
        """The query's filters, once ``coding`` allows the viewer this topic's aggregates."""
        filters = query.filters()
        coding.check_aggregate(self.request.user, filters.topic)
        return dataclasses.replace(filters, settled_only=coding.settled_only(self.request.user))


class SpeakerTimelineView(_AnalysisView):
    @extend_schema(
        summary="A speaker's stance on a topic over time",
        description=(
            "Per period with quotes: count, mean/min/max of the stored stance (its quote ids "
            "with `?ids=1`) and shift flags (the mean moved by 1 point or more since the "
            "previous period). Dates "
            "coarser than the bucket are counted as `imprecise`, unknown ones as `undated`."
        ),
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Speaker or alias slug.",
            ),
            AnalysisQuerySerializer,
        ],
        responses={
            200: TimelineSerializer,
            400: BAD_PARAMETERS,
            403: NOT_RELEASED,
            404: OpenApiResponse(
                NOT_FOUND.response, description="No speaker has this slug or alias."
            ),
        },
    )
    def get(self, request, slug):
        speaker = speakers_named([slug]).get(slug)
        if speaker is None:
            raise NotFound("No Speaker matches the given query.")  # as get_object_or_404 says
        query = AnalysisQuerySerializer(data=present(request.query_params))
        query.is_valid(raise_exception=True)
        filters = self.policy_filters(query)
        ids = query.validated_data["ids"]
        timeline = analysis.timeline(speaker, filters, ids=ids)
        return Response(timeline_data(speaker, timeline, filters, ids=ids))


class CompareView(_AnalysisView):
    @extend_schema(
        summary="Compare stances on a topic over time",
        description=(
            "One series per speaker, organization (the organization of the role a quote was said "
            "in) or organization kind, on the union of their periods; each quote weighs once. "
            "A period's quote ids only with `?ids=1`."
        ),
        parameters=[CompareQuerySerializer],
        responses={200: CompareSerializer, 400: BAD_PARAMETERS, 403: NOT_RELEASED},
    )
    def get(self, request):
        query = CompareQuerySerializer(data=present(request.query_params))
        query.is_valid(raise_exception=True)
        filters = self.policy_filters(query)
        ids = query.validated_data["ids"]
        comparison = analysis.compare(filters, ids=ids, **query.series_kwargs())
        return Response(compare_data(comparison, filters, ids=ids))
