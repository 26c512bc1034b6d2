"""Error answers shared by the OpenAPI descriptions of the endpoints, and the schema class that
adds the ones every endpoint of a kind can give (tests/robustness checks each answer against it)."""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, inline_serializer
from rest_framework import permissions, serializers

_FIELD_ERRORS = {
    "type": "object",
    # A body that is not JSON (or not a form) at all: {"detail": "JSON parse error - …"}.
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}

_DETAIL = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})

FILTER_ERRORS = OpenApiResponse(
    _FIELD_ERRORS,
    description="A query parameter was malformed or named something unknown (a date that is not "
    "a date, a stance outside −2..2 or without topic, an unknown slug, id, kind, status or "
    "ordering, a bad page_size). Keyed by the parameter's name.",
    examples=[
        OpenApiExample("Bad date", value={"said_after": ["Enter a valid date."]}),
        OpenApiExample(
            "Stance without topic",
            value={"stance_min": ["A stance filter needs topic= (the topic's slug)."]},
        ),
    ],
)

WRITE_ERRORS = OpenApiResponse(
    _FIELD_ERRORS,
    description="The body did not validate (including the model's own rules, such as a quote "
    "text not found in its source). Keyed by field; non_field_errors for the rest.",
    examples=[
        OpenApiExample(
            "Quote not in source",
            value={"text": ["This text was not found in the source's article text …"]},
        )
    ],
)

VALIDATION_ERRORS = WRITE_ERRORS

NOT_FOUND = OpenApiResponse(_DETAIL, description="No such id or slug (or page).")

CONFLICT = OpenApiResponse(
    _DETAIL,
    description="The row changed since the version you sent (another tab or person): reload it.",
)

DENIED = {
    401: OpenApiResponse(_DETAIL, description="Not signed in (send a token or a session)."),
    403: OpenApiResponse(_DETAIL, description="Signed in without the needed role or permission."),
}

TOO_LARGE = OpenApiResponse(
    _DETAIL, description="The body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE (refused unread)."
)

THROTTLED = OpenApiResponse(
    _DETAIL,
    description="Too many requests (only when API_THROTTLE_ANON or API_THROTTLE_USER is set); "
    "the Retry-After header says in how many seconds to try again.",
)

LOCKED_OUT = OpenApiResponse(
    _DETAIL,
    description="Too many failed logins for this account or from this address "
    "(LOGIN_FAILURE_LIMIT, see quotes/logins.py), or past the API's rate; the Retry-After header "
    "says in how many seconds to try again.",
)

UNSUPPORTED_MEDIA_TYPE = OpenApiResponse(
    _DETAIL, description="The body's Content-Type is none of those the operation accepts."
)

PAGE_ERRORS = OpenApiResponse(
    _FIELD_ERRORS,
    description="A query parameter was malformed (a page_size outside 1..500, a bad filter). "
    "Keyed by the parameter's name.",
)

PAGE_NOT_FOUND = OpenApiResponse(_DETAIL, description="No such page (below 1 or past the end).")


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus the errors that any operation of its kind can answer and
    that its ``extend_schema`` did not describe already: 401 wherever a client can authenticate
    (a wrong token, or a read with API_ANONYMOUS_READ=0), 403 and 400 on writes, 413 and 415 on
    bodies, 400 and 404 on a paginated list (page_size, page), 404 under a path parameter, 429
    wherever throttling applies. Errors are JSON whatever format was asked for."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, answer in self._common_errors().items():
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(
                    answer, str(code), ("application/json",), direction
                )
        return responses

    def _common_errors(self) -> dict:
        view = self.view
        write = self.method in ("POST", "PUT", "PATCH", "DELETE")
        errors = {}
        if self.method in ("POST", "PUT", "PATCH"):
            errors[400] = WRITE_ERRORS
        if getattr(view, "action", None) == "list" and getattr(view, "pagination_class", None):
            errors[400], errors[404] = PAGE_ERRORS, PAGE_NOT_FOUND
        if view.authentication_classes:
            errors[401] = DENIED[401]
        if write and any(
            cls is not permissions.AllowAny for cls in getattr(view, "permission_classes", [])
        ):
            errors[403] = DENIED[403]
        if "{" in self.path:
            errors[404] = NOT_FOUND
        if self.method in ("POST", "PUT", "PATCH"):
            errors[413], errors[415] = TOO_LARGE, UNSUPPORTED_MEDIA_TYPE
        if view.throttle_classes:
            errors[429] = THROTTLED
        return errors
