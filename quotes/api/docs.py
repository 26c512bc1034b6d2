"""The API's ReDoc page, served entirely by the app.

drf-spectacular-sidecar ships the ReDoc bundle as a static file, but the bundle itself draws a
logo from cdn.redoc.ly in its sidebar, and drf-spectacular's template links Google Fonts. Here
the template links nothing outside the app, and the bundle is served with that one image
address replaced by an inline image, so a browser opening /api/redoc/ asks nothing of anyone else.
"""

import functools

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from drf_spectacular.views import SpectacularRedocView

REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REMOTE_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# A blank 1×1 image: the link "API docs by Redocly" stays, without the request.
INLINE_LOGO = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E"
)


@functools.cache
def redoc_bundle_text() -> str:
    """The sidecar's ReDoc bundle with the remote logo replaced (read once per process)."""
    with open(finders.find(REDOC_BUNDLE), encoding="utf-8") as bundle:
        return bundle.read().replace(REMOTE_LOGO, INLINE_LOGO)


@require_GET
def redoc_bundle(request):
    response = HttpResponse(redoc_bundle_text(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


class LocalRedocView(SpectacularRedocView):
    template_name = "api/redoc.html"

    @staticmethod
    def _redoc_standalone():
        return reverse("api-redoc-bundle")
