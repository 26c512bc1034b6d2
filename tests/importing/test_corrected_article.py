"""A corrected article: a new text at a stored URL, or nearly a stored text, is never ignored
and never a second source silently; the user chooses between refusing and a new version."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from quotes.models import Quote, Source

pytestmark = pytest.mark.django_db

URL = "https://courier.example/drills"
V1 = (
    "Defence Minister Anna Berg said on Tuesday that the exercises would go ahead as planned "
    "despite the protests in the capital. \u201cWe will not be intimidated,\u201d Berg told "
    "reporters at the ministry. \u201cThe drills are defensive,\u201d she added, before "
    "leaving for a meeting with the general staff.\n"
)
V2 = V1.replace("Tuesday", "Wednesday").replace("a meeting", "talks")
OPTIONS = {"outlet": "The Courier", "title": "Drills go ahead", "published": "2023-03-09"}


def _import(tmp_path, text, **options):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "import_article", str(path), stdout=out, stderr=io.StringIO(), **{**OPTIONS, **options}
    )
    return out.getvalue()


def _state():
    tables = [*apps.get_app_config("quotes").get_models()]
    return {model.__name__: list(model.objects.values()) for model in tables}


@pytest.fixture
def stored(tmp_path):
    """Version 1 imported, one of its quotes confirmed by an editor."""
    _import(tmp_path, V1, url=URL)
    quote = Quote.objects.get(text__contains="intimidated")
    quote.status = Quote.Status.CONFIRMED
    quote.full_clean()
    quote.save()
    return quote


def test_another_text_at_a_stored_url_is_refused_by_default_and_changes_nothing(tmp_path, stored):
    before = _state()

    with pytest.raises(CommandError, match=f"{URL} is already stored as source .* another text"):
        _import(tmp_path, V2, url=URL)

    assert _state() == before


def test_a_near_duplicate_without_url_is_refused_naming_the_source(tmp_path, stored):
    before = _state()

    with pytest.raises(CommandError, match=rf"\d+% alike source {stored.source_id} "):
        _import(tmp_path, V2)

    assert _state() == before


def test_new_version_replaces_the_text_of_the_same_source_and_moves_its_quotes(tmp_path, stored):
    output = _import(tmp_path, V2, url=URL, new_version=True, title="Drills go ahead (corrected)")

    source = Source.objects.get()
    assert (source.pk, source.text, source.title) == (
        stored.source_id,
        V2,
        "Drills go ahead (corrected)",
    )
    assert "new version" in output
    confirmed = Quote.objects.get(pk=stored.pk)
    assert V2[confirmed.span_start : confirmed.span_end] == confirmed.text
    assert confirmed.status == Quote.Status.CONFIRMED
    assert Quote.objects.filter(text__contains="intimidated").count() == 1
    assert [row.text for row in source.history.order_by("history_id")][-2:] == [V1, V2]


def test_new_version_of_a_near_duplicate_without_url_is_the_same_source(tmp_path, stored):
    _import(tmp_path, V2, new_version=True)

    assert Source.objects.get().text == V2


def test_new_version_of_a_near_duplicate_keeps_the_stored_url(tmp_path, stored):
    _import(tmp_path, V2, new_version=True, url="https://courier.example/drills-corrected")

    assert (Source.objects.get().url, Source.objects.get().text) == (URL, V2)


def test_separate_stores_a_near_duplicate_as_a_source_of_its_own(tmp_path, stored):
    _import(tmp_path, V2, separate=True, outlet="The Other Courier")

    assert Source.objects.count() == 2


def test_a_new_version_that_loses_a_confirmed_quote_is_refused_whole(tmp_path, stored):
    before = _state()
    v3 = V1.replace("We will not be intimidated", "We shall not be intimidated")

    with pytest.raises(CommandError, match=f"Quote {stored.pk} no longer occurs"):
        _import(tmp_path, v3, url=URL, new_version=True)

    assert _state() == before


def test_another_article_of_the_same_outlet_is_not_a_near_duplicate(tmp_path, stored):
    other = (
        "The foreign minister said on Friday that talks with the neighbours would resume in "
        "spring. \u201cDialogue is the only way,\u201d he told a press conference in the port "
        "city, adding that a date would be set after the elections.\n"
    )
    output = _import(tmp_path, other, title="Talks resume")

    assert "stored as a new source" in output
    assert Source.objects.count() == 2
