"""Top-level routes: the admin (tagging desk), the REST API and the human pages."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("quotes.api.urls")),
    path("api/", include("quotes.api.analysis_urls")),
    path("", include("quotes.web.urls")),
]
