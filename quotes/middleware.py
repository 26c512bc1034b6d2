"""Request size limits: a body over DATA_UPLOAD_MAX_MEMORY_SIZE gets a clear 413, never a 500.

Django checks the limit only when ``request.body`` or a form is read, and DRF's JSON parser reads
the stream directly, so without this a huge JSON body would be read whole. The check runs on the
declared Content-Length before any view or parser runs; ``RequestDataTooBig`` raised later (a
multipart form whose fields alone pass the limit) is answered the same way.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, JsonResponse


def too_large_response(request, limit: int | None) -> HttpResponse:
    """413 with a JSON ``detail`` on the API (DRF's error shape), plain text elsewhere."""
    message = (
        f"The request body is larger than this server accepts ({limit:,} bytes, "
        "DATA_UPLOAD_MAX_MEMORY_SIZE)."
        if limit is not None
        else "The request body is larger than this server accepts."
    )
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            return too_large_response(request, limit)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RequestDataTooBig):
            return too_large_response(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return None
