"""Ids from URLs (paths and query strings), read the same way by the admin and the pages."""

from django.core.exceptions import ValidationError
from django.db.models.fields import AutoFieldMixin


def primary_key_or_none(model, raw: str):
    """``raw`` as a primary key of ``model``, or None when no row can have it: not a whole
    number (``abc``, ``1\\x00``, ``²``), below 1 for an automatic id, or beyond the column's
    range (``99999999999999999999999``, which SQLite cannot even compare). Runs no query."""
    field = model._meta.pk
    try:
        value = field.to_python(raw)
        field.run_validators(value)
    except ValidationError:
        return None
    if isinstance(field, AutoFieldMixin) and value < 1:
        return None
    return value
