"""Top-level routes: the admin (tagging desk), the REST API and the human pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("quotes.api.urls")),
    path("api/", include("quotes.api.analysis_urls")),
    path("", include("quotes.web.urls")),
]

# Unrouted /api/ URLs answer a JSON 404 like the API's own (quotes.api.exceptions).
handler404 = "quotes.api.exceptions.page_not_found"
