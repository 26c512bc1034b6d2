"""No stance form of the desk preselects a code: a choice is required, "cannot code" is one."""

import pytest
from django.urls import reverse

from quotes.models import Adjudication, QuoteStance, StanceAnnotation
from tests.admin.conftest import messages_of, quote_url, stance_url
from tests.admin.test_bulk_actions import run_action
from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


def test_my_stance_form_preselects_nothing(client_for, annotator, topic):
    quote = QuoteFactory()
    response = client_for(annotator).get(quote_url(quote))
    [desk] = response.context["topic_desks"]
    assert "value" not in desk.form.initial
    html = str(desk.form["value"])
    assert '<option value="" selected>' in html
    assert "cannot code / not about this topic" in html


def test_my_stance_without_a_choice_is_refused_with_a_message(client_for, annotator, topic):
    quote = QuoteFactory()
    response = client_for(annotator).post(
        stance_url(quote), {"topic": topic.pk, "version": 0}, follow=True
    )
    assert not StanceAnnotation.objects.exists()
    assert "Your stance was not saved" in messages_of(response)[0]
    assert "Choose a code" in messages_of(response)[0]


def test_my_stance_can_be_cannot_code(client_for, annotator, topic):
    quote = QuoteFactory()
    client = client_for(annotator)
    client.post(stance_url(quote), {"topic": topic.pk, "value": "cannot_code", "version": 0})
    annotation = StanceAnnotation.objects.get()
    assert (annotation.value, annotation.cannot_code) == (None, True)
    [desk] = client.get(quote_url(quote)).context["topic_desks"]
    assert desk.form.initial["value"] == "cannot_code"
    assert QuoteStance.objects.get().cannot_code_count == 1


def test_bulk_set_my_stance_preselects_nothing_and_needs_a_choice(client_for, annotator, topic):
    quotes = [QuoteFactory() for _ in range(2)]
    client = client_for(annotator)
    page = run_action(client, "set_my_stance", quotes)
    assert page.context["form"]["value"].value() is None
    response = run_action(client, "set_my_stance", quotes, apply="1", topic=topic.pk)
    assert response.context["form"].errors["value"]
    assert not StanceAnnotation.objects.exists()


def test_bulk_set_my_stance_saves_cannot_code(client_for, annotator, topic):
    quotes = [QuoteFactory() for _ in range(2)]
    run_action(
        client_for(annotator),
        "set_my_stance",
        quotes,
        apply="1",
        topic=topic.pk,
        value="cannot_code",
    )
    assert set(StanceAnnotation.objects.values_list("value", "cannot_code")) == {(None, True)}


def test_adjudication_form_preselects_nothing_and_needs_a_choice(
    client_for, reviewer, annotator, topic
):
    quote = StanceAnnotationFactory(topic=topic, annotator=annotator, value=2).quote
    client = client_for(reviewer)
    [desk] = client.get(quote_url(quote)).context["topic_desks"]
    assert desk.adjudication_form.initial["value"] == ""
    response = client.post(
        reverse("admin:quotes_quote_adjudicate", args=[quote.pk]),
        {"topic": topic.pk, "version": 0},
        follow=True,
    )
    assert not Adjudication.objects.exists()
    assert "The adjudication was not saved" in messages_of(response)[0]


def test_a_reviewer_can_adjudicate_cannot_code_and_the_quote_then_has_no_stance(
    client_for, reviewer, annotator, other_annotator, topic
):
    """Coded −2 and +1; the reviewer decides the quote is not about the topic. The stored stance
    keeps the codes counted, is adjudicated and has no value; the agreement report says so."""
    quote = StanceAnnotationFactory(topic=topic, annotator=annotator, value=-2).quote
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=1)
    client = client_for(reviewer)
    [desk] = client.get(quote_url(quote)).context["topic_desks"]
    assert "cannot code / not about this topic" in str(desk.adjudication_form["value"])
    client.post(
        reverse("admin:quotes_quote_adjudicate", args=[quote.pk]),
        {"topic": topic.pk, "value": "cannot_code", "version": 0},
    )
    adjudication = Adjudication.objects.get()
    assert (adjudication.value, adjudication.cannot_code) == (None, True)
    stance = QuoteStance.objects.get()
    assert (stance.value, stance.is_adjudicated, stance.annotator_count) == (None, True, 2)
    [desk] = client.get(quote_url(quote)).context["topic_desks"]
    assert desk.adjudication_form.initial["value"] == "cannot_code"
    report = client.get(reverse("admin:quotes_topic_agreement", args=[topic.pk])).content.decode()
    assert "adjudicated: cannot code" in report and "0 open" in report


def test_annotation_admin_form_needs_a_choice_and_takes_cannot_code(client_for, annotator, topic):
    quote = QuoteFactory()
    client = client_for(annotator)
    add = reverse("admin:quotes_stanceannotation_add")
    response = client.post(add, {"quote": quote.pk, "topic": topic.pk})
    assert response.status_code == 200 and response.context["adminform"].form.errors["value"]
    client.post(add, {"quote": quote.pk, "topic": topic.pk, "value": "cannot_code"})
    annotation = StanceAnnotation.objects.get()
    assert (annotation.value, annotation.cannot_code, annotation.annotator) == (
        None,
        True,
        annotator,
    )


def test_quote_list_counts_cannot_code(client_for, annotator, other_annotator, topic):
    quote = StanceAnnotationFactory(topic=topic, annotator=annotator, value=-1).quote
    StanceAnnotationFactory(
        quote=quote, topic=topic, annotator=other_annotator, value=None, cannot_code=True
    )
    html = client_for(annotator).get(reverse("admin:quotes_quote_changelist")).content.decode()
    assert "NATO–Russia dialogue: −1.00 (n=1, 1 cannot code, you −1)" in html


def test_a_spreadsheet_row_can_say_cannot_code(client_for, editor, topic):
    """The stance column takes "cannot code" (any case, with _ or the desk's long label); a
    second import of the same row changes nothing; a stance that is neither is refused."""
    import csv
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    from quotes.admin.spreadsheet import COLUMNS
    from tests.factories import SourceFactory

    quote = QuoteFactory(source=SourceFactory(url="https://x.example/a"))

    def upload(stance):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="")
        writer.writeheader()
        writer.writerow(
            {
                **{"id": quote.pk, "text": quote.text, "speaker": quote.speaker.slug},
                **{"kind": "direct", "status": "confirmed", "said_on": "2021-10-18"},
                **{"source_url": "https://x.example/a", "topic": topic.slug, "stance": stance},
            }
        )
        return SimpleUploadedFile("q.csv", out.getvalue().encode(), content_type="text/csv")

    client = client_for(editor)

    def preview(stance):
        return client.post(
            reverse("admin:quotes_quote_import"),
            {"resource": "0", "format": "0", "import_file": upload(stance)},
        )

    refused = preview("maybe").context["result"]
    assert refused.has_validation_errors()
    assert "cannot code" in " ".join(refused.invalid_rows[0].field_specific_errors["stance"])
    for spelling in ("Cannot_Code", "cannot code / not about this topic"):
        shown = preview(spelling)
        assert not shown.context["result"].has_validation_errors()
        form = shown.context["confirm_form"]
        client.post(
            reverse("admin:quotes_quote_process_import"),
            {name: form.initial[name] for name in form.fields},
        )
    mine = StanceAnnotation.objects.get(annotator=editor)
    assert (mine.value, mine.cannot_code, mine.version) == (None, True, 1)
    assert QuoteStance.objects.get(quote=quote).cannot_code_count == 1
