"""Turn domain errors into HTTP answers, so no model validation or conflict ever becomes a 500."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from quotes.services import ConflictError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This row was changed by someone else since you read it. Reload it."
    default_code = "conflict"


def exception_handler(exc, context):
    """DRF's handler, also mapping ``full_clean()`` errors to 400 and ``ConflictError`` to 409."""
    if isinstance(exc, ConflictError):
        exc = Conflict(str(exc))
    elif isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {
                api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field: messages
                for field, messages in exc.message_dict.items()
            }
        else:
            detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)


def page_not_found(request, exception):
    """The 404 for a URL that no route matches (``handler404``): JSON under /api/, as DRF answers
    a missing row (``/api/quotes/1.5/`` or ``/api/speakers/a.b/`` match no route at all), and
    Django's page elsewhere. With DEBUG on Django shows its technical 404 page instead."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)
