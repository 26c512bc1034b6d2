"""Every way a quote is written keeps its stored stances' copies (speaker, status, date) in step:
the API, the admin's change form and bulk action, a speaker merge, the import review and the
spreadsheet import. ``Quote.save()`` writes no copies; each path's service does."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quotes.admin.spreadsheet import COLUMNS
from quotes.models import Quote, QuoteStance
from tests.admin.conftest import quote_url
from tests.api.helpers import client_for as api_client_for
from tests.factories import (
    AffiliationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for():
    from django.test import Client

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def copies(quote) -> set:
    return set(QuoteStance.objects.filter(quote=quote).values_list(*QuoteStance.COPIED_FROM_QUOTE))


def in_step(quote) -> bool:
    quote.refresh_from_db()
    stored = copies(quote)
    assert stored, "the quote has a stored stance"
    return stored == {tuple(getattr(quote, name) for name in QuoteStance.COPIED_FROM_QUOTE)}


def coded(topic, **kwargs) -> Quote:
    quote = QuoteFactory(**kwargs)
    StanceAnnotationFactory(quote=quote, topic=topic, value=2)
    return quote


def test_api_patch(editor, topic):
    quote = coded(topic)
    response = api_client_for(editor).patch(
        f"/api/quotes/{quote.pk}/",
        {"said_on": "2022-03-01", "said_on_precision": "month", "version": quote.version},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert in_step(quote) and quote.said_on_precision == "month"


def test_admin_change_form(client_for, editor, topic):
    quote = coded(topic)
    response = client_for(editor).post(
        quote_url(quote),
        {
            "text": quote.text,
            "speaker": quote.speaker_id,
            "affiliation": quote.affiliation_id,
            "source": quote.source_id,
            "kind": quote.kind,
            "status": "rejected",
            "said_on": "2020-01-01",
            "said_on_precision": "year",
            "loaded_version": quote.version,
        },
    )
    assert response.status_code == 302
    assert in_step(quote) and (quote.status, quote.said_on_precision) == ("rejected", "year")


def test_admin_bulk_status_action(client_for, editor, topic):
    quotes = [coded(topic, status=Quote.Status.PROPOSED) for _ in range(3)]
    client_for(editor).post(
        reverse("admin:quotes_quote_changelist"),
        {"action": "confirm_selected", "_selected_action": [quote.pk for quote in quotes]},
    )
    for quote in quotes:
        assert in_step(quote) and quote.status == "confirmed"


def test_admin_speaker_merge(client_for, editor, topic):
    kept, duplicate = SpeakerFactory(), SpeakerFactory()
    quote = coded(topic, speaker=duplicate)
    client_for(editor).post(
        reverse("admin:quotes_speaker_changelist"),
        {
            "action": "merge_into_another",
            "_selected_action": [kept.pk, duplicate.pk],
            "apply": "1",
            "into": kept.pk,
        },
    )
    assert in_step(quote) and quote.speaker_id == kept.pk


def test_import_review_confirms_with_another_speaker(client_for, editor, topic):
    source = SourceFactory(text="“We want dialogue,” said Anna Berg.")
    named, chosen = SpeakerFactory(), SpeakerFactory()
    AffiliationFactory(speaker=chosen)
    quote = coded(topic, source=source, speaker=named, affiliation=None, status="proposed")
    response = client_for(editor).post(
        reverse("admin:quotes_source_review", args=[source.pk]),
        {
            "do": f"confirm:{quote.pk}",
            f"version-{quote.pk}": quote.version,
            f"speaker-{quote.pk}": chosen.pk,
        },
    )
    assert response.status_code == 302
    assert in_step(quote) and (quote.status, quote.speaker_id) == ("confirmed", chosen.pk)


def test_spreadsheet_import_of_a_changed_row(client_for, editor, topic):
    source = SourceFactory(text="“We want dialogue,” the minister said.", url="https://x.example/a")
    quote = coded(topic, source=source)
    row = {
        "id": quote.pk,
        "text": quote.text,
        "speaker": quote.speaker.slug,
        "kind": "direct",
        "status": "confirmed",
        "said_on": "2019-05-01",
        "said_on_precision": "month",
        "source_url": "https://x.example/a",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerow(row)
    upload = SimpleUploadedFile("q.csv", out.getvalue().encode(), content_type="text/csv")
    client = client_for(editor)
    preview = client.post(
        reverse("admin:quotes_quote_import"),
        {"resource": "0", "format": "0", "import_file": upload},
    )
    assert not preview.context["result"].has_validation_errors()
    form = preview.context["confirm_form"]
    client.post(
        reverse("admin:quotes_quote_process_import"),
        {name: form.initial[name] for name in form.fields},
    )
    assert in_step(quote) and quote.said_on == datetime.date(2019, 5, 1)


def test_undoing_a_merge(topic):
    from quotes.services import speaker_merge, speaker_unmerge

    kept, duplicate = SpeakerFactory(), SpeakerFactory(slug="the-duplicate")
    quote = coded(topic, speaker=duplicate)
    speaker_merge(duplicate=duplicate, into=kept)
    speaker_unmerge(slug="the-duplicate")
    assert in_step(quote) and quote.speaker.slug == "the-duplicate"
