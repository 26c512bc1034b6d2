"""Routes of the REST API under /api/ (the analysis endpoints live in analysis_urls.py)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from quotes.api import docs, stance_views, views
from quotes.api.auth import TokenView
from quotes.api.docs import LocalRedocView
from quotes.api.utterances import UtteranceViewSet

router = DefaultRouter()
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("sources", views.SourceViewSet, basename="source")
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("events", views.EventViewSet, basename="event")
router.register("stances", stance_views.StanceAnnotationViewSet, basename="stance")
router.register("adjudications", stance_views.AdjudicationViewSet, basename="adjudication")
router.register("utterances", UtteranceViewSet, basename="utterance")

urlpatterns = [
    path("token/", TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("redoc/", LocalRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("redoc/redoc.standalone.js", docs.redoc_bundle, name="api-redoc-bundle"),
    *router.urls,
]
