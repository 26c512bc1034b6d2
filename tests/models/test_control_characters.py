"""Control characters other than tab and line breaks are refused in every name and text, by one
validator on the model fields that the admin, the API, the spreadsheet import and the services all
run; an imported article has them removed, with a note. (They made the SVG charts unreadable.)"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from quotes.models import Source, Speaker
from tests.api.helpers import client_for as api_client_for
from tests.factories import QuoteFactory, SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

HOSTILE = "Ctl\x0bName\x01"


def test_a_name_with_a_control_character_is_refused_naming_the_character():
    speaker = SpeakerFactory.build(name=HOSTILE, slug="ctl")
    with pytest.raises(ValidationError) as refused:
        speaker.full_clean()
    assert "control character U+000B (at character 4)" in refused.value.message_dict["name"][0]


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0c", "\x1b", "\x7f", "\x85", "\ufffe"])
def test_every_control_character_is_refused_in_a_quote_text(char):
    # the source holds the words without the character (PostgreSQL cannot even store a NUL)
    source = SourceFactory(text="“We want dialogue,” he said.")
    with pytest.raises(ValidationError) as refused:
        QuoteFactory(source=source, text=f"We want{char} dialogue,")
    codes = [error.code for error in refused.value.error_dict["text"]]
    assert "control_character" in codes


def test_tab_and_line_breaks_are_text():
    SourceFactory.build(title="A\ttitle", text="One line.\r\nAnother.\n").full_clean()


def test_the_api_refuses_a_control_character_with_a_400_naming_the_field(editor):
    response = api_client_for(editor).post(
        "/api/speakers/", {"slug": "ctl", "name": HOSTILE}, format="json"
    )
    assert response.status_code == 400
    assert "control character" in response.json()["name"][0]
    assert not Speaker.objects.exists()


def test_an_imported_article_loses_its_control_characters_and_says_so(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("“We want\x0b dialogue,” Anna Berg said.\x01\n".encode())
    out = io.StringIO()
    call_command(
        "import_article",
        str(path),
        outlet="The Courier",
        title="Dialogue",
        published="2023-03-09",
        stdout=out,
        stderr=io.StringIO(),
    )
    assert Source.objects.get().text == "“We want dialogue,” Anna Berg said.\n"
    assert "note: 2 control characters removed from the text" in out.getvalue()
