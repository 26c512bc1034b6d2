"""The human pages, at the site root."""

from django.urls import path

from quotes.web import views

app_name = "web"

urlpatterns = [
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("compare/", views.compare, name="compare"),
    path("compare/chart.svg", views.compare_chart, name="compare-chart"),
    path("compare/series.csv", views.compare_csv, name="compare-csv"),
    path("quotes/", views.quote_list, name="quote-list"),
    path("quotes/<int:pk>/", views.quote_detail, name="quote-detail"),
]
