"""The human pages, at the site root."""

from django.urls import path

from quotes.web import home, organizations, quote_pages, speakers, topics, views

app_name = "web"

urlpatterns = [
    path("", home.home, name="home"),
    path("speakers/", speakers.speaker_index, name="speaker-index"),
    path("speakers/<slug:slug>/", speakers.speaker_detail, name="speaker-detail"),
    path("organizations/", organizations.organization_index, name="organization-index"),
    path(
        "organizations/<slug:slug>/",
        organizations.organization_detail,
        name="organization-detail",
    ),
    path("topics/", topics.topic_index, name="topic-index"),
    path("topics/<slug:slug>/", topics.topic_detail, name="topic-detail"),
    path("compare/", views.compare, name="compare"),
    path("compare/chart.svg", views.compare_chart, name="compare-chart"),
    path("compare/series.csv", views.compare_csv, name="compare-csv"),
    path("compare/suggest/", views.compare_suggest, name="compare-suggest"),
    path("quotes/", quote_pages.quote_list, name="quote-list"),
    path("quotes/<int:pk>/", quote_pages.quote_detail, name="quote-detail"),
    path("sources/<int:pk>/", quote_pages.source_detail, name="source-detail"),
]
