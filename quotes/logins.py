"""Limits on failed logins (django-axes), for the admin's login page and the API's token endpoint.

Axes counts failures per account and per client address; once either reaches
``LOGIN_FAILURE_LIMIT`` within ``LOGIN_LOCKOUT_MINUTES``, every attempt (even with the right
password) is refused until that many minutes have passed since the last failure. These two
functions are named in the settings (``AXES_CLIENT_IP_CALLABLE``, ``AXES_LOCKOUT_CALLABLE``).
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from rest_framework.throttling import BaseThrottle


def client_address(request) -> str:
    """The client's address as the API throttles count it: behind ``API_NUM_PROXIES`` proxies,
    the one they saw; otherwise the connecting address, whatever X-Forwarded-For claims."""
    return BaseThrottle().get_ident(request)


def lockout_message() -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return (
        "Too many failed logins for this account or from this address. "
        f"Try again in {minutes} minute{'s' if minutes != 1 else ''}."
    )


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """429 with Retry-After: JSON ``{"detail": …}`` on the API, the admin's login page with the
    message in place of "wrong password" elsewhere."""
    message = lockout_message()
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=429)
    elif form is None:
        response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=429)
    else:
        form.errors[NON_FIELD_ERRORS] = form.error_class([message])
        response = TemplateResponse(
            request, original_response.template_name, context, status=429
        ).render()
    response["Retry-After"] = str(settings.LOGIN_LOCKOUT_MINUTES * 60)
    return response
