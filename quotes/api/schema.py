"""Error answers shared by the OpenAPI descriptions of the endpoints."""

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, inline_serializer
from rest_framework import serializers

_FIELD_ERRORS = {
    "type": "object",
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
