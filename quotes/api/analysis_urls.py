"""Analysis routes, included under /api/ next to quotes.api.urls."""

from django.urls import path

from quotes.api.agreement_views import TopicAgreementView
from quotes.api.analysis_views import CompareView, SpeakerTimelineView

app_name = "analysis"

urlpatterns = [
    path("speakers/<slug:slug>/timeline/", SpeakerTimelineView.as_view(), name="speaker-timeline"),
    path("compare/", CompareView.as_view(), name="compare"),
    path("topics/<slug:slug>/agreement/", TopicAgreementView.as_view(), name="topic-agreement"),
]
