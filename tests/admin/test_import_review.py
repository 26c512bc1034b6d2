"""Reviewing an import on one page: the article with its proposals highlighted, and a row per
quote to confirm, reject or give another speaker, one by one or ticked in bulk."""

import datetime
import re

import pytest
from django.apps import apps
from django.urls import reverse

from quotes.models import Quote
from quotes.services import quote_save
from tests.admin.conftest import messages_of
from tests.factories import AffiliationFactory, QuoteFactory, SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Talks <b>resumed</b> & stalled. \u201cWe want dialogue,\u201d said Anna Berg.\n"
    "\u201cThe drills are defensive,\u201d said Ivan Petrov. "
    "\u201c<script>alert(1)</script> is no answer,\u201d Berg added.\n"
)


def review_url(source) -> str:
    return reverse("admin:quotes_source_review", args=[source.pk])


def _proposed(source, text, speaker, **kwargs):
    return QuoteFactory(
        source=source,
        text=text,
        speaker=speaker,
        affiliation=None,
        status=Quote.Status.PROPOSED,
        extraction_note=f"{speaker.name if speaker else 'nobody'} named next to the quotation",
        **kwargs,
    )


@pytest.fixture
def article():
    """An article with three proposals, created out of reading order."""
    source = SourceFactory(text=ARTICLE)
    berg = SpeakerFactory(name="Anna Berg", slug="anna-berg")
    petrov = SpeakerFactory(name="Ivan Petrov", slug="ivan-petrov")
    third = _proposed(source, "<script>alert(1)</script> is no answer,", berg)
    first = _proposed(source, "We want dialogue,", berg)
    second = _proposed(source, "The drills are defensive,", None)
    second.extraction_note = "no attribution found next to the quotation"
    second.save()
    return {"source": source, "quotes": [first, second, third], "berg": berg, "petrov": petrov}


def _state() -> dict[str, int]:
    """Row counts of every model of the app (history tables included) and every quote's status,
    speaker and version."""
    counts = {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("quotes").get_models()
    }
    return {
        **counts,
        "quotes": sorted(Quote.objects.values_list("pk", "status", "speaker", "version")),
    }


def _row_data(quote, *, speaker=None, other=None) -> dict:
    data = {f"version-{quote.pk}": quote.version}
    data[f"speaker-{quote.pk}"] = speaker.pk if speaker else (quote.speaker_id or "")
    if other is not None:
        data[f"other-{quote.pk}"] = other.pk
    return data


def test_page_highlights_every_proposal_in_reading_order_and_escapes_the_article(
    client_for, editor, article
):
    page = client_for(editor).get(review_url(article["source"])).content.decode()
    marks = re.findall(
        r'<mark id="highlight-(\d+)" class="status-proposed" data-quote="(\d+)">', page
    )
    assert marks == [(str(n), str(q.pk)) for n, q in enumerate(article["quotes"], start=1)]
    for number, quote in enumerate(article["quotes"], start=1):
        assert f'<a href="#quote-{quote.pk}" class="number">{number}</a>' in page
        assert f'<tr id="quote-{quote.pk}"' in page
        assert f'<a href="#highlight-{number}">{number}</a>' in page
    assert "Talks &lt;b&gt;resumed&lt;/b&gt; &amp; stalled." in page
    assert "<b>resumed" not in page and "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is no answer," in page
    # Evidence, the proposed speaker and the choice among the article's speakers are on the row.
    assert "no attribution found next to the quotation" in page
    assert '<option value="" selected>(undecided)</option>' in page
    assert "data-ajax--url" in page  # any known speaker, through the admin's autocomplete


def test_confirmed_and_rejected_quotes_are_shown_but_not_editable(client_for, editor, article):
    first, second, _ = article["quotes"]
    quote_save(quote=_with(first, status=Quote.Status.CONFIRMED), expected_version=first.version)
    client = client_for(editor)
    page = client.get(review_url(article["source"])).content.decode()
    assert f'class="status-confirmed" data-quote="{first.pk}"' in page
    assert f'name="speaker-{first.pk}"' not in page and f'value="confirm:{first.pk}"' not in page
    assert f'name="speaker-{second.pk}"' in page
    first.refresh_from_db()
    before = _state()
    response = client.post(
        review_url(article["source"]), {"do": f"reject:{first.pk}", **_row_data(first)}, follow=True
    )
    assert _state() == before
    assert messages_of(response) == [f"Nothing was changed: Quote {first.pk} is already confirmed."]


def _with(quote, **changes):
    for name, value in changes.items():
        setattr(quote, name, value)
    return quote


def test_annotator_is_refused_and_anonymous_is_sent_to_the_login(
    client, client_for, annotator, article
):
    url = review_url(article["source"])
    first = article["quotes"][0]
    before = _state()
    annotator_client = client_for(annotator)
    assert annotator_client.get(url).status_code == 403
    assert (
        annotator_client.post(url, {"do": f"confirm:{first.pk}", **_row_data(first)}).status_code
        == 403
    )
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.post(url, {"do": f"confirm:{first.pk}", **_row_data(first)}).status_code == 302
    assert _state() == before


def test_the_page_is_linked_from_the_source_page_for_editors(
    client_for, editor, annotator, article
):
    change = reverse("admin:quotes_source_change", args=[article["source"].pk])
    url = review_url(article["source"])
    assert url in client_for(editor).get(change).content.decode()
    assert url not in client_for(annotator).get(change).content.decode()


def test_the_import_result_links_to_the_review_page(client_for, editor):
    fields = {
        "outlet": "The Courier",
        "title": "Drills",
        "published_on": "2023-03-09",
        "language": "en",
    }
    text = "\u201cWe will not be intimidated,\u201d Defence Minister Anna Berg told reporters.\n"
    response = client_for(editor).post(
        reverse("admin:quotes_source_import_article"), {**fields, "text": text}, follow=True
    )
    (message,) = messages_of(response)
    source = Quote.objects.get().source
    assert f'<a href="{review_url(source)}" id="review-import-link">' in message
    assert client_for(editor).get(review_url(source)).status_code == 200


def test_editor_confirms_a_row_with_its_proposed_speaker_and_the_history_says_so(
    client_for, editor, article
):
    first, second, third = article["quotes"]
    response = client_for(editor).post(
        review_url(article["source"]),
        {"do": f"confirm:{first.pk}", **_row_data(first)},
        follow=True,
    )
    assert response.redirect_chain == [(review_url(article["source"]), 302)]
    assert messages_of(response) == ["1 quote(s) confirmed."]
    first.refresh_from_db()
    assert (first.status, first.speaker, first.version) == ("confirmed", article["berg"], 2)
    latest = first.history.latest()
    assert (latest.status, latest.history_user) == ("confirmed", editor)
    assert set(Quote.objects.exclude(pk=first.pk).values_list("status", flat=True)) == {"proposed"}


def test_editor_rejects_a_row(client_for, editor, article):
    third = article["quotes"][2]
    client_for(editor).post(
        review_url(article["source"]), {"do": f"reject:{third.pk}", **_row_data(third)}
    )
    third.refresh_from_db()
    assert third.status == "rejected"
    assert third.history.latest().history_user == editor


def test_editor_fixes_the_speaker_from_the_articles_speakers_and_confirms(
    client_for, editor, article
):
    second = article["quotes"][1]
    petrov = article["petrov"]
    # Ivan Petrov is named in the article but was proposed for no quote: he is a known speaker.
    role = AffiliationFactory(speaker=petrov, role="Defence Minister")
    response = client_for(editor).post(
        review_url(article["source"]),
        {"do": f"confirm:{second.pk}", **_row_data(second, speaker=article["berg"], other=petrov)},
        follow=True,
    )
    assert messages_of(response) == ["1 quote(s) confirmed, speaker changed on 1."]
    second.refresh_from_db()
    # The autocomplete's speaker wins over the article list's, and his role on the date is proposed.
    assert (second.status, second.speaker, second.affiliation) == ("confirmed", petrov, role)
    assert (second.history.latest().speaker_id, second.history.latest().history_user) == (
        petrov.pk,
        editor,
    )


def test_a_speaker_chosen_from_the_articles_list_replaces_the_proposed_one(
    client_for, editor, article
):
    first = article["quotes"][0]
    petrov = SpeakerFactory(name="Olga Sidorova")
    _proposed(article["source"], "The drills", petrov)  # so she is one of the article's speakers
    page = client_for(editor).get(review_url(article["source"])).content.decode()
    row = page[page.index(f'name="speaker-{first.pk}"') :]
    assert f'<option value="{petrov.pk}">Olga Sidorova</option>' in row[: row.index("</select>")]
    client_for(editor).post(
        review_url(article["source"]),
        {"do": f"confirm:{first.pk}", **_row_data(first, speaker=petrov)},
    )
    first.refresh_from_db()
    assert (first.status, first.speaker) == ("confirmed", petrov)


def test_editor_confirms_and_rejects_the_ticked_rows_in_bulk(client_for, editor, article):
    first, second, third = article["quotes"]
    client = client_for(editor)
    data = {
        "do": "confirm-checked",
        "selected": [first.pk, second.pk],
        **_row_data(first),
        **_row_data(second, speaker=article["berg"]),
        **_row_data(third),
    }
    response = client.post(review_url(article["source"]), data, follow=True)
    assert messages_of(response) == ["2 quote(s) confirmed, speaker changed on 1."]
    third.refresh_from_db()
    data = {"do": "reject-checked", "selected": [third.pk], **_row_data(third)}
    assert messages_of(client.post(review_url(article["source"]), data, follow=True)) == [
        "1 quote(s) rejected."
    ]
    statuses = dict(Quote.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "confirmed", second.pk: "confirmed", third.pk: "rejected"}
    assert [q.history.latest().history_user for q in (first, second, third)] == [editor] * 3


def test_a_quote_of_another_source_among_the_ticked_writes_nothing(client_for, editor, article):
    first = article["quotes"][0]
    elsewhere = QuoteFactory(status=Quote.Status.PROPOSED)
    before = _state()
    data = {
        "do": "confirm-checked",
        "selected": [first.pk, elsewhere.pk],
        **_row_data(first),
        **_row_data(elsewhere),
    }
    response = client_for(editor).post(review_url(article["source"]), data, follow=True)
    assert _state() == before
    assert messages_of(response) == [
        f"Nothing was changed: Quote {elsewhere.pk} is a quote of another source, not of this "
        "article."
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda q: {"do": "confirm:999999", "version-999999": "1"}, "No quote has the id 999999."),
        (lambda q: {f"version-{q.pk}": ""}, "came without its version: reload the page."),
        (lambda q: {"do": "confirm:abc"}, "Nothing was changed: 'abc' is not a quote id."),
        (lambda q: {f"speaker-{q.pk}": "999999"}, "no speaker has the id 999999."),
        (lambda q: {f"other-{q.pk}": "Anna"}, "'Anna' is not a speaker id."),
        (lambda q: {"do": "confirm-checked"}, "Nothing was changed: Tick at least one quote."),
        (lambda q: {"do": "publish"}, "Nothing was changed: Choose what to do"),
        (lambda q: {f"speaker-{q.pk}": ""}, "has no speaker: choose one before confirming"),
    ],
    ids=[
        "unknown quote",
        "no version",
        "not an id",
        "unknown speaker",
        "speaker not an id",
        "none ticked",
        "unknown action",
        "no speaker",
    ],
)
def test_bad_input_gets_a_message_and_writes_nothing(client_for, editor, article, change, message):
    second = article["quotes"][1]  # proposed without a speaker
    data = {"do": f"confirm:{second.pk}", **_row_data(second, speaker=article["berg"])}
    data.update(change(second))
    before = _state()
    response = client_for(editor).post(review_url(article["source"]), data, follow=True)
    assert _state() == before
    (shown,) = messages_of(response)
    assert shown.startswith("Nothing was changed: ") and message in shown


def test_a_page_opened_before_someone_elses_save_is_refused(client_for, editor, article):
    first, second, _ = article["quotes"]
    stale = {**_row_data(first), **_row_data(second, speaker=article["berg"])}
    # Meanwhile another editor gives the first quote another speaker on the quote page.
    quote_save(quote=_with(first, speaker=article["petrov"]), expected_version=first.version)
    before = _state()
    data = {"do": "confirm-checked", "selected": [first.pk, second.pk], **stale}
    response = client_for(editor).post(review_url(article["source"]), data, follow=True)
    assert _state() == before
    (shown,) = messages_of(response)
    assert shown.startswith(
        f"Nothing was changed: Quote(s) {first.pk} were changed by someone else"
    )


def test_confirming_from_the_review_refuses_a_quote_form_opened_before(client_for, editor, article):
    """The review saves through the version check, so the quote page's older form is stale."""
    first = article["quotes"][0]
    client = client_for(editor)
    change = reverse("admin:quotes_quote_change", args=[first.pk])
    loaded = client.get(change).context["adminform"].form.fields["loaded_version"].initial
    client.post(review_url(article["source"]), {"do": f"confirm:{first.pk}", **_row_data(first)})
    form = {
        "text": first.text,
        "speaker": first.speaker_id,
        "source": first.source_id,
        "kind": "direct",
        "status": "proposed",
        "said_on_precision": "day",
        "said_on": "2021-10-18",
        "loaded_version": loaded,
    }
    response = client.post(change, form)
    first.refresh_from_db()
    assert first.status == "confirmed"
    assert b"Someone saved this since you opened it" in response.content


def test_review_page_runs_same_queries_for_3_and_12_proposals(
    client_for, django_assert_num_queries, editor
):
    """Session, user, the editor's permissions (user's, then their groups'), the source, and its
    quotes with their speakers: six, however many proposals (the speaker lists come from the
    quotes, and the autocomplete widgets run no query)."""
    sentences = [f"\u201cPoint {n:03d} stands,\u201d said Person {n:03d}." for n in range(12)]
    source = SourceFactory(text=" ".join(sentences) + "\n")
    client = client_for(editor)
    for wanted in (3, 12):
        while source.quotes.count() < wanted:
            n = source.quotes.count()
            speaker = SpeakerFactory(name=f"Person {n:03d}") if n % 3 else None
            _proposed(source, f"Point {n:03d} stands,", speaker, said_on=datetime.date(2021, 10, 1))
        with django_assert_num_queries(6):
            page = client.get(review_url(source))
        assert page.content.decode().count("<mark ") == wanted


def test_any_known_speaker_is_found_by_the_rows_autocomplete(client_for, editor, article):
    """The autocomplete the rows use is the quote page's: it searches names and aliases."""
    response = client_for(editor).get(
        reverse("admin:autocomplete"),
        {"app_label": "quotes", "model_name": "quote", "field_name": "speaker", "term": "Petrov"},
    )
    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(article["petrov"].pk), "text": "Ivan Petrov"}]
