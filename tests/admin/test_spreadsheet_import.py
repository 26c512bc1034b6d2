"""Quotes from and to spreadsheets in the admin: a dry-run preview first, then one transaction."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quotes.admin.spreadsheet import COLUMNS
from quotes.models import Quote, QuoteStance, Source, StanceAnnotation
from tests.admin.conftest import messages_of
from tests.factories import (
    AffiliationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
)

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:quotes_quote_import")
CONFIRM_URL = reverse("admin:quotes_quote_process_import")
EXPORT_URL = reverse("admin:quotes_quote_export")
CSV_FORMAT, XLSX_FORMAT = "0", "1"
ARTICLE = "“We want dialogue,” the minister said. “Sanctions must stay,” she added."


def _state() -> dict[str, int]:
    """Row counts of every model of the app, the history tables included."""
    models = apps.get_app_config("quotes").get_models()
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def berg(db):
    """A speaker with an alias and a role, and an article quoting her."""
    speaker = SpeakerFactory(name="Anna Berg", slug="anna-berg")
    SpeakerAliasFactory(speaker=speaker, name="Anna Bergová")
    AffiliationFactory(speaker=speaker, started_on=datetime.date(2020, 1, 1))
    SourceFactory(
        outlet="The Courier",
        title="Dialogue",
        published_on=datetime.date(2023, 3, 9),
        url="https://courier.example/dialogue",
        text=ARTICLE,
    )
    return speaker


def _row(**values) -> dict:
    row = {
        "text": "We want dialogue,",
        "speaker": "anna-berg",
        "kind": "direct",
        "said_on": "2023-03-08",
        "source_url": "https://courier.example/dialogue",
    }
    return {**row, **values}


def _csv(rows: list[dict], with_id: bool = False) -> SimpleUploadedFile:
    """A CSV of ``rows`` with every column (``id`` only when asked: it is optional)."""
    out = io.StringIO()
    columns = COLUMNS if with_id else [c for c in COLUMNS if c != "id"]
    writer = csv.DictWriter(out, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("quotes.csv", out.getvalue().encode(), content_type="text/csv")


def _preview(client, upload, file_format=CSV_FORMAT):
    return client.post(IMPORT_URL, {"resource": "0", "format": file_format, "import_file": upload})


def _confirm(client, preview):
    form = preview.context["confirm_form"]
    return client.post(CONFIRM_URL, {name: form.initial[name] for name in form.fields}, follow=True)


def test_annotator_cannot_import_but_can_export(client_for, annotator, topic):
    client = client_for(annotator)
    changelist = client.get(reverse("admin:quotes_quote_changelist")).content.decode()
    assert IMPORT_URL not in changelist and EXPORT_URL in changelist
    assert "Next quote to tag" in changelist  # the desk's own object tools stay
    assert client.get(IMPORT_URL).status_code == 403
    assert _preview(client, _csv([_row()])).status_code == 403
    assert client.post(CONFIRM_URL, {"import_file_name": "x"}).status_code == 403
    assert client.get(EXPORT_URL).status_code == 200


def test_editor_sees_the_import_and_export_buttons(client_for, editor):
    changelist = client_for(editor).get(reverse("admin:quotes_quote_changelist")).content.decode()
    assert IMPORT_URL in changelist and EXPORT_URL in changelist
    page = client_for(editor).get(IMPORT_URL).content.decode()
    assert "source_published_on" in page and "blind coding" in page


def test_dry_run_shows_every_bad_row_and_writes_nothing(client_for, editor, berg, topic):
    rows = [
        _row(topic=topic.slug, stance="1"),
        _row(speaker="nobody-at-all"),
        _row(text="We never said this,"),
        _row(text="Sanctions must stay,", topic=topic.slug, stance="7"),
        _row(text="Sanctions must stay,", topic="no-such-topic", stance="1"),
    ]
    before = _state()
    response = _preview(client_for(editor), _csv(rows))
    assert response.status_code == 200
    result = response.context["result"]
    assert "confirm_form" not in response.context
    errors = {row.number: row.field_specific_errors for row in result.invalid_rows}
    assert sorted(errors) == [2, 3, 4, 5]
    assert "Unknown speaker 'nobody-at-all'" in " ".join(errors[2]["speaker"])
    assert "not found in the source" in " ".join(errors[3]["text"])
    assert "not 7" in " ".join(errors[4]["stance"])
    assert "Unknown topic 'no-such-topic'" in " ".join(errors[5]["topic"])
    assert "Unknown speaker" in response.content.decode()
    assert _state() == before


def test_a_good_csv_is_previewed_then_confirmed_with_my_stances(
    client_for, editor, berg, topic, other_annotator
):
    rows = [
        _row(topic=topic.slug, stance="2", rationale="Asks for talks."),
        # Found by alias name; the source by outlet, title and date; a month-precise date.
        _row(
            text="Sanctions must stay,",
            speaker="Anna Bergová",
            said_on="2023-03-08",
            said_on_precision="month",
            source_url="",
            source_outlet="The Courier",
            source_title="Dialogue",
            source_published_on="2023-03-09",
            topic=topic.name,
            stance="-1",
        ),
        # A source not yet known is created without text: the quote stays unverified.
        _row(
            text="Talks are over.",
            said_on="",
            status="",
            source_url="https://other.example/talks",
            source_outlet="The Other Paper",
            source_title="Talks",
            source_published_on="2023-03-10",
        ),
    ]
    client = client_for(editor)
    before = _state()
    preview = _preview(client, _csv(rows))
    result = preview.context["result"]
    assert not result.has_validation_errors() and not result.has_errors()
    assert [row.import_type for row in result.rows] == ["new", "new", "new"]
    assert _state() == before

    response = _confirm(client, preview)
    assert "Import finished: 3 new, 0 updated" in messages_of(response)[0]
    dialogue = Quote.objects.get(text="We want dialogue,")
    assert dialogue.speaker == berg and dialogue.is_verified and dialogue.affiliation is not None
    assert dialogue.status == Quote.Status.PROPOSED
    mine = StanceAnnotation.objects.get(quote=dialogue, annotator=editor)
    assert (mine.topic, mine.value, mine.rationale) == (topic, 2, "Asks for talks.")
    assert QuoteStance.objects.get(quote=dialogue, topic=topic).value == 2
    sanctions = Quote.objects.get(text="Sanctions must stay,")
    assert sanctions.said_on == datetime.date(2023, 3, 1)
    assert sanctions.source == dialogue.source
    assert QuoteStance.objects.get(quote=sanctions, topic=topic).value == -1
    talks = Quote.objects.get(text="Talks are over.")
    assert not talks.is_verified and talks.source.text == ""
    assert talks.said_on is None and talks.said_on_precision == "unknown"
    assert Source.objects.count() == 2


def test_an_xlsx_file_imports_too(client_for, editor, berg, topic):
    book = openpyxl.Workbook()
    sheet = book.active
    header = ["text", "speaker", "said_on", "source_url", "topic", "stance"]
    sheet.append(header)
    sheet.append(
        [
            "We want dialogue,",
            "Anna Berg",
            datetime.date(2023, 3, 8),
            "https://courier.example/dialogue",
            topic.slug,
            1,
        ]
    )
    data = io.BytesIO()
    book.save(data)
    upload = SimpleUploadedFile("quotes.xlsx", data.getvalue())
    client = client_for(editor)
    preview = _preview(client, upload, XLSX_FORMAT)
    assert "confirm_form" in preview.context
    _confirm(client, preview)
    quote = Quote.objects.get()
    assert quote.said_on == datetime.date(2023, 3, 8) and quote.speaker == berg
    assert StanceAnnotation.objects.get(quote=quote, annotator=editor).value == 1


def test_a_confirm_that_no_longer_validates_writes_nothing(client_for, editor, berg):
    client = client_for(editor)
    preview = _preview(client, _csv([_row(), _row(text="Sanctions must stay,")]))
    assert "confirm_form" in preview.context
    berg.slug = "anna-berg-renamed"  # between preview and confirm, the speaker's slug changed
    berg.save()
    before = _state()
    response = _confirm(client, preview)
    assert "Nothing was imported" in messages_of(response)[0]
    assert _state() == before


def test_a_spreadsheet_over_the_size_limit_is_refused(client_for, editor, berg, settings):
    settings.IMPORT_MAX_BYTES = 50
    response = _preview(client_for(editor), _csv([_row(), _row()]))
    assert "the limit is 50 bytes" in " ".join(response.context["form"].errors["import_file"])
    assert not Quote.objects.exists()


def _export(client, file_format) -> bytes:
    fields = {f"quoteresource_{column}": "on" for column in COLUMNS}
    response = client.post(EXPORT_URL, {"resource": "0", "format": file_format, **fields})
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_export_then_reimport_changes_nothing(
    client_for, editor, topic, other_annotator, file_format
):
    coded = QuoteFactory(said_on=datetime.date(2021, 10, 1), said_on_precision="month")
    StanceAnnotationFactory(quote=coded, topic=topic, annotator=other_annotator, value=-2)
    QuoteFactory(source=SourceFactory(url="https://daily.example/a"), status="proposed")
    QuoteFactory(said_on=None, said_on_precision="unknown", kind="indirect", text="Not there.")
    client = client_for(editor)
    exported = _export(client, file_format)
    versions = dict(Quote.objects.values_list("pk", "version"))
    before = _state()

    name = "export.csv" if file_format == CSV_FORMAT else "export.xlsx"
    preview = _preview(client, SimpleUploadedFile(name, exported), file_format)
    result = preview.context["result"]
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert {row.import_type for row in result.rows} == {"skip"}
    _confirm(client, preview)
    assert _state() == before
    assert dict(Quote.objects.values_list("pk", "version")) == versions


def test_export_carries_no_individual_stance(client_for, editor, annotator, topic, other_annotator):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=-2)
    for user in (editor, annotator):
        rows = list(csv.DictReader(io.StringIO(_export(client_for(user), CSV_FORMAT).decode())))
        assert [row["id"] for row in rows] == [str(quote.pk)]
        assert (rows[0]["topic"], rows[0]["stance"], rows[0]["rationale"]) == ("", "", "")
        assert rows[0]["speaker"] == quote.speaker.slug


def test_a_row_with_an_id_changes_that_quote_and_an_unknown_id_is_an_error(
    client_for, editor, berg
):
    quote = QuoteFactory(
        speaker=berg,
        affiliation=berg.affiliations.get(),
        source=Source.objects.get(url="https://courier.example/dialogue"),
        status="proposed",
    )
    client = client_for(editor)
    change = {**_row(status="confirmed"), "id": quote.pk}
    unknown = {**_row(), "id": quote.pk + 100}
    preview = _preview(client, _csv([change, unknown], with_id=True))
    (invalid,) = preview.context["result"].invalid_rows
    assert invalid.number == 2
    assert "No quote has id" in " ".join(invalid.field_specific_errors["id"])

    preview = _preview(client, _csv([change], with_id=True))
    assert [row.import_type for row in preview.context["result"].rows] == ["update"]
    _confirm(client, preview)
    quote.refresh_from_db()
    assert quote.status == Quote.Status.CONFIRMED and quote.version == 2
