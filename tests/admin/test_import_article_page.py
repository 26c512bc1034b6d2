"""The "Import article" admin page: editors paste or upload an article and review its proposals."""

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quotes.admin.importing import proposed_quotes_url
from quotes.models import Quote, Source
from tests.admin.conftest import messages_of

pytestmark = pytest.mark.django_db

URL = reverse("admin:quotes_source_import_article")
ARTICLE = (
    "Defence Minister Anna Berg said on Tuesday that the exercises would go ahead. "
    "\u201cWe will not be intimidated,\u201d Berg told reporters. \u201cThe drills are "
    "defensive,\u201d she added.\nAn informed source told The Courier that a summit was planned.\n"
)
FIELDS = {
    "outlet": "The Courier",
    "title": "Drills go ahead",
    "published_on": "2023-03-09",
    "url": "https://courier.example/drills",
    "language": "en",
}


def _state() -> dict[str, int]:
    """Row counts of every model of the app, the history tables included."""
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("quotes").get_models()
    }


def _upload(content: bytes, name: str = "article.txt", content_type: str = "text/plain"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_annotator_is_refused_the_page_and_writes_nothing(client_for, annotator):
    client = client_for(annotator)
    before = _state()
    assert client.get(URL).status_code == 403
    assert client.post(URL, {**FIELDS, "text": ARTICLE}).status_code == 403
    assert _state() == before


def test_editor_finds_the_page_from_the_source_and_quote_lists(client_for, editor, annotator):
    for changelist in ("admin:quotes_source_changelist", "admin:quotes_quote_changelist"):
        assert URL in client_for(editor).get(reverse(changelist)).content.decode()
        assert URL not in client_for(annotator).get(reverse(changelist)).content.decode()
    page = client_for(editor).get(URL)
    assert page.status_code == 200
    assert (
        b"csrfmiddlewaretoken" in page.content and b'enctype="multipart/form-data"' in page.content
    )


def test_a_pasted_article_becomes_a_source_with_proposed_quotes(client_for, editor):
    response = client_for(editor).post(URL, {**FIELDS, "text": ARTICLE}, follow=True)
    source = Source.objects.get()
    assert response.redirect_chain == [(proposed_quotes_url(source), 302)]
    assert "source__id__exact" in response.redirect_chain[0][0]
    quotes = Quote.objects.filter(source=source)
    assert quotes.count() >= 3
    assert set(quotes.values_list("status", flat=True)) == {Quote.Status.PROPOSED}
    assert source.url == FIELDS["url"] and source.outlet == "The Courier"
    # The filtered quote list shows exactly the new proposals.
    assert response.context["cl"].result_count == quotes.count()
    (message,) = messages_of(response)
    assert f"{quotes.count()} quotes proposed, 0 already there, new speakers: " in message
    assert "Anna Berg" in message


def test_an_uploaded_windows_1251_html_page_is_decoded(client_for, editor):
    body = "<p>Министр сказал: «Мы открыты для диалога», — заявил Иван Петров.</p>" * 3
    html = (
        '<html><head><meta charset="windows-1251"><title>T</title></head><body>'
        f"<nav>Menu Home Sport</nav><article><h1>Заголовок</h1>{body}</article>"
        "<footer>Leave a comment</footer></body></html>"
    ).encode("windows-1251")
    upload = _upload(html, "page.html", "text/html")
    response = client_for(editor).post(URL, {**FIELDS, "language": "ru", "file": upload})
    assert response.status_code == 302
    source = Source.objects.get()
    assert "Мы открыты для диалога" in source.text
    assert "Leave a comment" not in source.text
    assert source.language == "ru"


def test_resubmitting_the_same_article_adds_nothing(client_for, editor):
    client = client_for(editor)
    client.post(URL, {**FIELDS, "text": ARTICLE}, follow=True)
    proposed = Quote.objects.count()
    before = _state()
    response = client.post(URL, {**FIELDS, "text": ARTICLE}, follow=True)
    assert _state() == before
    (message,) = messages_of(response)
    assert f"already stored): 0 quotes proposed, {proposed} already there" in message


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"file": _upload(b"", "empty.txt")}, "file", "empty"),
        ({"file": _upload(b"   \n\n")}, "file", "The file is empty"),
        ({"file": _upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.png")}, "file", "binary"),
        ({"file": _upload(bytes(range(128, 256)) * 3)}, "file", "UTF-8"),
        ({"text": ARTICLE, "published_on": "2023-02-30"}, "published_on", "valid date"),
        ({"text": ARTICLE, "url": "not a url"}, "url", "valid URL"),
        (
            {"text": ARTICLE, "original_url": "https://example.ru/a"},
            "original_language",
            "original language",
        ),
        ({}, "__all__", "Paste the article text or choose a file"),
        ({"text": ARTICLE, "file": _upload(ARTICLE.encode())}, "__all__", "not both"),
    ],
    ids=[
        "empty-file",
        "blank-file",
        "binary",
        "not-utf8",
        "bad-date",
        "bad-url",
        "original-without-language",
        "nothing",
        "both",
    ],
)
def test_bad_input_is_shown_on_the_form_and_writes_nothing(
    client_for, editor, data, field, message
):
    for value in data.values():
        if hasattr(value, "seek"):
            value.seek(0)
    before = _state()
    response = client_for(editor).post(URL, {**FIELDS, **data})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors.get(field, [])), errors
    assert _state() == before


def test_a_file_over_the_size_limit_is_refused(client_for, editor, settings):
    settings.IMPORT_MAX_BYTES = 100
    before = _state()
    response = client_for(editor).post(URL, {**FIELDS, "file": _upload(ARTICLE.encode() * 3)})
    assert response.status_code == 200
    assert "the limit is 100 bytes" in " ".join(response.context["form"].errors["file"])
    assert b"the limit is 100 bytes" in response.content
    assert _state() == before
