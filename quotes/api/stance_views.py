"""Stance annotations (annotators code; coding stays blind) and adjudications (reviewers decide).

Every write goes through ``quotes.services`` so the stored stance summary follows in the same
transaction; the author is always the signed-in user, whatever the body says.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from quotes import coding
from quotes.api.filters import StanceAnnotationFilter
from quotes.api.permissions import ReadOrModelPermissions
from quotes.api.schema import CONFLICT, DENIED, FILTER_ERRORS, NOT_FOUND, WRITE_ERRORS
from quotes.api.stance_serializers import (
    AdjudicationCreateSerializer,
    AdjudicationSerializer,
    StanceAnnotationCreateSerializer,
    StanceAnnotationSerializer,
    StanceAnnotationUpdateSerializer,
)
from quotes.models import Adjudication, StanceAnnotation
from quotes.services import adjudication_set, stance_annotation_delete, stance_annotation_save

_WRITE_RESPONSES = {400: WRITE_ERRORS, **DENIED, 409: CONFLICT}


@extend_schema_view(
    list=extend_schema(
        description="Your annotations and the others' on the quotes and topics you have coded; "
        "reviewers and superusers see every one (quotes.coding).",
        responses={200: StanceAnnotationSerializer(many=True), 400: FILTER_ERRORS, **DENIED},
    ),
    retrieve=extend_schema(responses={200: StanceAnnotationSerializer, 404: NOT_FOUND, **DENIED}),
    create=extend_schema(
        description="Create your annotation of a quote on a topic (201), or update it if you "
        "already have one (200). The annotator is you; a user in the body is ignored.",
        request=StanceAnnotationCreateSerializer,
        responses={201: StanceAnnotationSerializer, 200: StanceAnnotationSerializer}
        | _WRITE_RESPONSES,
    ),
    update=extend_schema(
        request=StanceAnnotationUpdateSerializer,
        responses={200: StanceAnnotationSerializer, 404: NOT_FOUND} | _WRITE_RESPONSES,
    ),
    partial_update=extend_schema(
        request=StanceAnnotationUpdateSerializer,
        responses={200: StanceAnnotationSerializer, 404: NOT_FOUND} | _WRITE_RESPONSES,
    ),
    destroy=extend_schema(responses={204: None, 404: NOT_FOUND, **DENIED}),
)
class StanceAnnotationViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated, ReadOrModelPermissions]
    serializer_class = StanceAnnotationSerializer
    filterset_class = StanceAnnotationFilter

    def get_queryset(self):
        queryset = StanceAnnotation.objects.select_related("topic", "annotator")
        return coding.visible_annotations(queryset, self.request.user)

    def get_own_object(self) -> StanceAnnotation:
        """The annotation in the path if it is the user's: 404 when they cannot see it at all,
        403 when they can (a reviewer, a fellow coder, a superuser) but it is someone else's."""
        annotation = self.get_object()
        if not coding.may_change_annotation(self.request.user, annotation):
            raise PermissionDenied("You can only change your own annotations.")
        return annotation

    def create(self, request, *args, **kwargs):
        body = StanceAnnotationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        existed = StanceAnnotation.objects.filter(
            quote=data["quote"], topic=data["topic"], annotator=request.user
        ).exists()
        annotation = stance_annotation_save(
            quote=data["quote"],
            topic=data["topic"],
            annotator=request.user,
            value=data.get("value"),
            cannot_code=data["cannot_code"],
            conditional=data["conditional"],
            rationale=data["rationale"],
            expected_version=data.get("version"),
        )
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return Response(StanceAnnotationSerializer(annotation).data, status=code)

    def update(self, request, *args, **kwargs):
        annotation = self.get_own_object()
        body = StanceAnnotationUpdateSerializer(data=request.data, partial=kwargs.get("partial"))
        body.is_valid(raise_exception=True)
        data = body.validated_data
        if "value" in data or "cannot_code" in data:  # a new code (validated: exactly one)
            value, cannot_code = data.get("value"), bool(data.get("cannot_code"))
        else:
            value, cannot_code = annotation.value, annotation.cannot_code
        annotation = stance_annotation_save(
            quote=annotation.quote,
            topic=annotation.topic,
            annotator=request.user,
            value=value,
            cannot_code=cannot_code,
            conditional=data.get("conditional", annotation.conditional),
            rationale=data.get("rationale", annotation.rationale),
            expected_version=data.get("version"),
        )
        return Response(StanceAnnotationSerializer(annotation).data)

    def destroy(self, request, *args, **kwargs):
        stance_annotation_delete(annotation=self.get_own_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(
        description="Reviewers and superusers see every adjudication; others those on released "
        "topics and on the quotes they have coded.",
        responses={200: AdjudicationSerializer(many=True), **DENIED},
    ),
    create=extend_schema(
        description="Reviewers: set the final value of a quote on a topic (201), replacing an "
        "earlier adjudication of the same pair (200). It overrides the annotators' mean.",
        request=AdjudicationCreateSerializer,
        responses={201: AdjudicationSerializer, 200: AdjudicationSerializer} | _WRITE_RESPONSES,
    ),
)
class AdjudicationViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAuthenticated, ReadOrModelPermissions]
    serializer_class = AdjudicationSerializer

    def get_queryset(self):
        queryset = Adjudication.objects.select_related("topic", "reviewer")
        return coding.visible_adjudications(queryset, self.request.user)

    def create(self, request, *args, **kwargs):
        body = AdjudicationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        existed = Adjudication.objects.filter(quote=data["quote"], topic=data["topic"]).exists()
        adjudication = adjudication_set(
            quote=data["quote"],
            topic=data["topic"],
            reviewer=request.user,
            value=data.get("value"),
            cannot_code=data["cannot_code"],
            rationale=data["rationale"],
            expected_version=data.get("version"),
        )
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return Response(AdjudicationSerializer(adjudication).data, status=code)
