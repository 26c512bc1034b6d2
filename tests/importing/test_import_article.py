"""`import_article`: store an article once, propose its quotes, refuse bad input cleanly."""

import io
import sys

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from quotes.models import Quote, Source, Speaker
from tests.factories import SpeakerAliasFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Defence Minister Anna Berg said on Tuesday that the exercises would go ahead. "
    "\u201cWe will not be intimidated,\u201d Berg told reporters. \u201cThe drills are "
    "defensive,\u201d she added.\nAn informed source told The Courier that a summit was planned.\n"
)
OPTIONS = {"outlet": "The Courier", "title": "Drills go ahead", "published": "2023-03-09"}


def _import(path, **options):
    out = io.StringIO()
    call_command(
        "import_article", str(path), stdout=out, stderr=io.StringIO(), **{**OPTIONS, **options}
    )
    return out.getvalue()


def _state():
    models = apps.get_app_config("quotes").get_models()
    return {model.__name__: model.objects.count() for model in models}


def test_an_article_becomes_a_source_with_proposed_quotes_and_speakers(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    output = _import(path)
    source = Source.objects.get()
    assert source.text.startswith("Defence Minister Anna Berg")
    quotes = Quote.objects.filter(source=source)
    assert quotes.count() >= 3
    assert set(quotes.values_list("status", flat=True)) == {Quote.Status.PROPOSED}
    direct = quotes.get(text__contains="We will not be intimidated")
    assert direct.speaker.name == "Anna Berg"
    assert direct.is_verified
    assert quotes.get(text__contains="drills are defensive").speaker == direct.speaker
    anonymous = Speaker.objects.get(kind=Speaker.Kind.ANONYMOUS)
    assert anonymous.cited_by == "The Courier"
    assert "new speakers" in output


def test_a_known_speaker_is_matched_by_alias_instead_of_created(tmp_path):
    berg = SpeakerFactory(name="Anna Bergová", slug="anna-bergova")
    SpeakerAliasFactory(speaker=berg, name="Anna Berg")
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    _import(path)
    assert Quote.objects.get(text__contains="intimidated").speaker == berg
    assert not Speaker.objects.filter(name="Anna Berg").exists()


def test_reimport_adds_nothing_and_never_overwrites_a_reviewed_quote(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    _import(path)
    reviewed = Quote.objects.get(text__contains="intimidated")
    reviewed.status, reviewed.text = Quote.Status.CONFIRMED, "We will not be intimidated,"
    reviewed.full_clean()
    reviewed.save()
    before = _state()
    output = _import(path, title="Same text, other title")
    assert _state() == before
    reviewed.refresh_from_db()
    assert reviewed.status == Quote.Status.CONFIRMED
    assert "already stored" in output


def test_html_is_reduced_to_its_article_body_in_its_declared_charset(tmp_path):
    body = "<p>Министр сказал: «Мы открыты для диалога», — заявил Иван Петров.</p>" * 3
    html = (
        '<html><head><meta charset="windows-1251"><title>T</title></head><body>'
        "<nav>Menu Home Sport</nav><article><h1>Заголовок</h1>"
        f"{body}</article><footer>Leave a comment</footer></body></html>"
    ).encode("windows-1251")
    path = tmp_path / "page.html"
    path.write_bytes(html)
    _import(path, language="ru")
    text = Source.objects.get().text
    assert "Мы открыты для диалога" in text
    assert "Leave a comment" not in text and "Menu Home" not in text


def test_standard_input_is_read_with_a_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    _import("-")
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (b"", {}, "empty"),
        (b"   \n\n", {}, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {}, "binary"),
        (bytes(range(128, 256)) * 3, {}, "UTF-8"),
        (ARTICLE.encode(), {"published": "2023-02-30"}, "--published"),
        (ARTICLE.encode(), {"url": "not a url"}, "url"),
        (ARTICLE.encode(), {"original_url": "https://example.ru/a"}, "original_language"),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "not-utf8",
        "bad-date",
        "bad-url",
        "original-without-language",
    ],
)
def test_bad_input_is_refused_with_a_message_and_writes_nothing(
    tmp_path, content, options, message
):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    before = _state()
    with pytest.raises(CommandError, match=message):
        _import(path, **options)
    assert _state() == before


def test_a_file_over_the_limit_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE * 3, encoding="utf-8")
    with pytest.raises(CommandError, match="limit is 100 bytes"):
        _import(path)
    assert not Source.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        _import(tmp_path / "nope.txt")
