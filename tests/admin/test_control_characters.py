"""The admin refuses control characters in names and texts, in its forms and its spreadsheet
import, through the model fields' validator (tests/models/test_control_characters.py)."""

import pytest
from django.urls import reverse

from quotes.models import Speaker
from tests.admin.test_spreadsheet_import import _csv, _preview, _row, berg  # noqa: F401

pytestmark = pytest.mark.django_db

HOSTILE = "Ctl\x0bName\x01"


def test_the_admin_form_refuses_a_control_character(client_for, editor):
    response = client_for(editor).post(
        reverse("admin:quotes_speaker_add"),
        {"name": HOSTILE, "slug": "ctl", "kind": "person", "aliases-TOTAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "control character" in str(response.context["adminform"].form.errors["name"])
    assert not Speaker.objects.exists()


def test_a_spreadsheet_row_with_a_control_character_is_an_invalid_row(
    client_for,
    editor,
    berg,  # noqa: F811
):
    response = _preview(client_for(editor), _csv([_row(text="We want\x01 dialogue,")]))
    errors = [row.field_specific_errors for row in response.context["result"].invalid_rows]
    assert errors and "control character" in " ".join(errors[0]["text"])
