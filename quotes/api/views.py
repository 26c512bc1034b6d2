"""The API's read and write endpoints for quotes, speakers, sources and the reference lists.

Views stay thin: scoping and prefetching in ``get_queryset()``, filters in ``filters.py``, rules
in the models and ``quotes/services.py``.
"""

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from quotes import coding
from quotes.api import filters, quote_rows
from quotes.api.csv_export import QUOTE_COLUMNS, CSVRenderer, quotes_csv_response
from quotes.api.pagination_large import LargeListPagination
from quotes.api.permissions import ReadOrModelPermissions
from quotes.api.renderers import JSONRenderer
from quotes.api.schema import CONFLICT, DENIED, FILTER_ERRORS, NOT_FOUND, WRITE_ERRORS
from quotes.api.serializers import (
    EventSerializer,
    OrganizationSerializer,
    QuoteReadSerializer,
    QuoteWriteSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    SourceWriteSerializer,
    SpeakerDetailSerializer,
    SpeakerListSerializer,
    SpeakerWriteSerializer,
    TopicSerializer,
)
from quotes.models import (
    Affiliation,
    Event,
    Organization,
    Quote,
    Source,
    Speaker,
    StanceAnnotation,
    Topic,
)


def quotes_for(user):
    """Quotes ready for ``QuoteReadSerializer``: ``for_list()`` plus the annotations ``user`` may
    see (``coding.visible_annotations``: one more query; none for anonymous readers). The
    article text is left unread."""
    queryset = Quote.objects.for_list().defer("source__text")
    if not user.is_authenticated:
        return queryset
    annotations = coding.visible_annotations(
        StanceAnnotation.objects.select_related("annotator").order_by(
            "topic_id", "annotator__username", "id"
        ),
        user,
    )
    return queryset.prefetch_related(
        Prefetch("annotations", queryset=annotations, to_attr="visible_annotations")
    )


class WriteReadViewSetMixin:
    """Validate with the write serializer, answer with the read shape (refetched with the view's
    prefetches, so the answer is the same as a GET)."""

    write_serializer_class = None

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        return super().get_serializer_class()

    def _answer(self, instance, code):
        instance = self.get_queryset().get(pk=instance.pk)
        read = self.read_serializer_class(instance, context=self.get_serializer_context())
        return Response(read.data, status=code)

    def create(self, request, *args, **kwargs):
        write = self.get_serializer(data=request.data)
        write.is_valid(raise_exception=True)
        return self._answer(write.save(), status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        write = self.get_serializer(self.get_object(), data=request.data, partial=partial)
        write.is_valid(raise_exception=True)
        return self._answer(write.save(), status.HTTP_200_OK)


_FORMAT = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="csv: every matching row (not paginated), streamed, columns "
    f"{', '.join(QUOTE_COLUMNS)}, then per topic stance:<slug>, stance_adjudicated:<slug>, "
    "stance_annotators:<slug> (only the chosen topic when topic= is given). "
    "Accept: text/csv does the same.",
)


@extend_schema_view(
    list=extend_schema(
        summary="List quotes (JSON pages or streamed CSV)",
        parameters=[_FORMAT],
        responses={
            (200, "application/json"): QuoteReadSerializer(many=True),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="Streamed CSV."),
            # Errors are JSON even when CSV was asked for.
            (400, "application/json"): FILTER_ERRORS,
            **{(code, "application/json"): answer for code, answer in DENIED.items()},
            (404, "application/json"): NOT_FOUND,
        },
    ),
    retrieve=extend_schema(responses={200: QuoteReadSerializer, 404: NOT_FOUND, **DENIED}),
    create=extend_schema(
        request=QuoteWriteSerializer,
        responses={201: QuoteReadSerializer, 400: WRITE_ERRORS, **DENIED},
        description="Editors. The text must be found in the source's stored text (400 if not).",
    ),
    update=extend_schema(
        request=QuoteWriteSerializer,
        responses={200: QuoteReadSerializer, 400: WRITE_ERRORS, 404: NOT_FOUND, 409: CONFLICT},
    ),
    partial_update=extend_schema(
        request=QuoteWriteSerializer,
        responses={200: QuoteReadSerializer, 400: WRITE_ERRORS, 404: NOT_FOUND, 409: CONFLICT},
    ),
)
class QuoteViewSet(
    WriteReadViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Quotes with who said them, in which role, when, where, and their stances."""

    permission_classes = [ReadOrModelPermissions]
    serializer_class = read_serializer_class = QuoteReadSerializer
    write_serializer_class = QuoteWriteSerializer
    filterset_class = filters.QuoteFilter
    # A speaker or a search word may match 100,000 quotes: bound the count (or skip it).
    pagination_class = LargeListPagination

    def get_queryset(self):
        return quotes_for(self.request.user)

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers.append(CSVRenderer())
        return renderers

    def filter_queryset(self, queryset):
        # The list's filters (and its confirmed-only default) must not hide a quote asked by id.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        """JSON pages: the filtered query finds the page's ids, and their rows are read by id
        without model instances (quote_rows.py); or every matching row as streamed CSV."""
        if request.accepted_renderer.format == "csv":
            rows = self.filter_queryset(Quote.objects.for_list().defer("source__text"))
            return quotes_csv_response(
                rows, user=request.user, topic_slug=request.query_params.get("topic") or None
            )
        ids = self.paginator.paginate_queryset(
            self.filter_queryset(Quote.objects.all()).values_list("pk", flat=True), request
        )
        rows = quote_rows.rows_by_ids(ids)
        return self.get_paginated_response(quote_rows.render_rows(rows, request.user))

    def finalize_response(self, request, response, *args, **kwargs):
        # An error asked for as CSV (a bad filter) is still answered as a JSON body.
        if (
            isinstance(response, Response)
            and response.status_code >= 400
            and getattr(request, "accepted_renderer", None) is not None
            and request.accepted_renderer.format == "csv"
        ):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


# What a SlugField holds (letters, digits, _ and -): any other path, such as one with a NUL
# character that PostgreSQL could not compare, matches no route and is a 404.
SLUG_REGEX = r"[-\w]+"

_SLUG_PATH = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="Slug or alias slug."
)


@extend_schema_view(
    list=extend_schema(responses={200: SpeakerListSerializer(many=True), 400: FILTER_ERRORS}),
    retrieve=extend_schema(
        parameters=[_SLUG_PATH], responses={200: SpeakerDetailSerializer, 404: NOT_FOUND}
    ),
    create=extend_schema(
        request=SpeakerWriteSerializer,
        responses={201: SpeakerDetailSerializer, 400: WRITE_ERRORS, **DENIED},
    ),
    update=extend_schema(
        parameters=[_SLUG_PATH],
        request=SpeakerWriteSerializer,
        responses={200: SpeakerDetailSerializer, 400: WRITE_ERRORS, 404: NOT_FOUND},
    ),
    partial_update=extend_schema(
        parameters=[_SLUG_PATH],
        request=SpeakerWriteSerializer,
        responses={200: SpeakerDetailSerializer, 400: WRITE_ERRORS, 404: NOT_FOUND},
    ),
)
class SpeakerViewSet(
    WriteReadViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Speakers with their aliases; the detail adds their affiliations over time."""

    permission_classes = [ReadOrModelPermissions]
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX
    filterset_class = filters.SpeakerFilter
    serializer_class = SpeakerListSerializer
    read_serializer_class = SpeakerDetailSerializer
    write_serializer_class = SpeakerWriteSerializer

    def get_queryset(self):
        queryset = Speaker.objects.prefetch_related("aliases")
        if self.action == "list":
            return queryset
        terms = Affiliation.objects.select_related("organization").order_by(
            F("started_on").asc(nulls_first=True), "id"
        )
        return queryset.select_related("organization").prefetch_related(
            Prefetch("affiliations", queryset=terms)
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return SpeakerDetailSerializer
        return super().get_serializer_class()

    def get_object(self):
        """By slug or alias slug: /api/speakers/sergey-lavrov/ is Sergei Lavrov."""
        queryset = self.get_queryset().by_slug_or_alias(self.kwargs[self.lookup_field])
        speaker = get_object_or_404(queryset)
        self.check_object_permissions(self.request, speaker)
        return speaker


@extend_schema_view(
    list=extend_schema(responses={200: SourceSerializer(many=True), 400: FILTER_ERRORS}),
    retrieve=extend_schema(responses={200: SourceDetailSerializer, 404: NOT_FOUND}),
    create=extend_schema(
        request=SourceWriteSerializer,
        responses={201: SourceDetailSerializer, 400: WRITE_ERRORS, **DENIED},
    ),
    update=extend_schema(
        request=SourceWriteSerializer,
        responses={200: SourceDetailSerializer, 400: WRITE_ERRORS, 404: NOT_FOUND},
    ),
    partial_update=extend_schema(
        request=SourceWriteSerializer,
        responses={200: SourceDetailSerializer, 400: WRITE_ERRORS, 404: NOT_FOUND},
    ),
)
class SourceViewSet(
    WriteReadViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Published articles; the detail adds the article text and its confirmed quotes."""

    permission_classes = [ReadOrModelPermissions]
    filterset_class = filters.SourceFilter
    serializer_class = SourceSerializer
    read_serializer_class = SourceDetailSerializer
    write_serializer_class = SourceWriteSerializer

    def get_queryset(self):
        if self.action == "list":
            return Source.objects.defer("text")
        quotes = quotes_for(self.request.user).confirmed()
        return Source.objects.prefetch_related(
            Prefetch("quotes", queryset=quotes, to_attr="confirmed_quotes")
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return SourceDetailSerializer
        return super().get_serializer_class()


@extend_schema_view(
    list=extend_schema(responses={200: OrganizationSerializer(many=True), 400: FILTER_ERRORS}),
    retrieve=extend_schema(responses={200: OrganizationSerializer, 404: NOT_FOUND}),
)
class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReadOrModelPermissions]
    serializer_class = OrganizationSerializer
    filterset_class = filters.OrganizationFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return Organization.objects.select_related("parent")


@extend_schema_view(
    list=extend_schema(responses={200: TopicSerializer(many=True)}),
    retrieve=extend_schema(responses={200: TopicSerializer, 404: NOT_FOUND}),
)
class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    """Topics; each description is the codebook for its stance values."""

    permission_classes = [ReadOrModelPermissions]
    serializer_class = TopicSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return Topic.objects.all()


@extend_schema_view(
    list=extend_schema(responses={200: EventSerializer(many=True), 400: FILTER_ERRORS}),
    retrieve=extend_schema(responses={200: EventSerializer, 404: NOT_FOUND}),
)
class EventViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReadOrModelPermissions]
    serializer_class = EventSerializer
    filterset_class = filters.EventFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG_REGEX

    def get_queryset(self):
        return Event.objects.all()
