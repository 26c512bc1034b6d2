"""What each role may see and change in the admin, and that nobody edits another's coding."""

import pytest
from django.urls import reverse

from quotes.models import Adjudication, Quote, StanceAnnotation
from quotes.roles import ANNOTATORS, EDITORS, REVIEWERS, ROLE_PERMISSIONS
from tests.admin.conftest import quote_url, stance_url
from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db

ANNOTATION_CHANGELIST = reverse("admin:quotes_stanceannotation_changelist")
ANNOTATION_ADD = reverse("admin:quotes_stanceannotation_add")


def annotation_change_url(annotation):
    return reverse("admin:quotes_stanceannotation_change", args=[annotation.pk])


def annotation_delete_url(annotation):
    return reverse("admin:quotes_stanceannotation_delete", args=[annotation.pk])


def test_roles_are_cumulative_and_only_reviewers_adjudicate():
    annotator, editor, reviewer = (
        set(ROLE_PERMISSIONS[role]) for role in (ANNOTATORS, EDITORS, REVIEWERS)
    )
    assert annotator < editor < reviewer
    assert {"add_stanceannotation", "change_stanceannotation", "view_quote"} <= annotator
    assert not {"add_quote", "change_quote", "add_speaker"} & annotator
    assert {
        "add_quote",
        "change_quote",
        "change_speaker",
        "change_source",
        "change_topic",
    } <= editor
    assert "add_adjudication" not in editor and "add_adjudication" in reviewer


@pytest.mark.parametrize(
    "url",
    [
        "admin:quotes_quote_changelist",
        "admin:quotes_speaker_changelist",
        "admin:quotes_source_changelist",
        "admin:quotes_topic_changelist",
        "admin:quotes_affiliation_changelist",
        "admin:quotes_organization_changelist",
        "admin:quotes_event_changelist",
        "admin:quotes_stanceannotation_changelist",
        "admin:quotes_adjudication_changelist",
        "admin:quotes_quotestance_changelist",
    ],
)
def test_annotator_reads_every_list(client_for, annotator, url):
    assert client_for(annotator).get(reverse(url)).status_code == 200


def test_annotator_opens_the_quote_page_but_cannot_change_the_quote(client_for, annotator):
    quote = QuoteFactory()
    client = client_for(annotator)
    assert client.get(quote_url(quote)).status_code == 200
    response = client.post(quote_url(quote), {"text": quote.text, "kind": "indirect"})
    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.kind == Quote.Kind.DIRECT


def test_annotator_cannot_add_quotes_or_speakers(client_for, annotator):
    client = client_for(annotator)
    assert client.get(reverse("admin:quotes_quote_add")).status_code == 403
    assert client.get(reverse("admin:quotes_speaker_add")).status_code == 403


def test_editor_changes_a_quote(client_for, editor):
    quote = QuoteFactory()
    response = client_for(editor).post(
        quote_url(quote),
        {
            "text": quote.text,
            "speaker": quote.speaker_id,
            "affiliation": quote.affiliation_id,
            "source": quote.source_id,
            "kind": Quote.Kind.PARTIAL,
            "status": Quote.Status.CONFIRMED,
            "said_on": "2021-10-18",
            "said_on_precision": "day",
            "extraction_note": "checked by hand",
            "loaded_version": quote.version,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    quote.refresh_from_db()
    assert (quote.kind, quote.extraction_note, quote.version) == ("partial", "checked by hand", 2)


def test_annotation_added_in_admin_belongs_to_the_logged_in_user_even_if_another_is_posted(
    client_for, annotator, other_annotator, topic
):
    quote = QuoteFactory()
    response = client_for(annotator).post(
        ANNOTATION_ADD,
        {
            "quote": quote.pk,
            "topic": topic.pk,
            "annotator": other_annotator.pk,
            "value": 1,
            "rationale": "forged?",
        },
    )
    assert response.status_code == 302
    annotation = StanceAnnotation.objects.get()
    assert annotation.annotator == annotator
    assert quote.stance_summaries.get().annotator_count == 1


def test_annotator_cannot_add_a_second_annotation_for_the_same_quote_and_topic(
    client_for, annotator, topic
):
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    response = client_for(annotator).post(
        ANNOTATION_ADD, {"quote": mine.quote_id, "topic": topic.pk, "value": -2}
    )
    assert response.status_code == 200
    assert "already coded" in str(response.context["adminform"].form.non_field_errors())
    mine.refresh_from_db()
    assert mine.value == 1


def test_annotator_edits_their_own_stance_in_the_admin(client_for, annotator, topic):
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    response = client_for(annotator).post(
        annotation_change_url(mine),
        {"value": 2, "rationale": "stronger", "loaded_version": mine.version},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.value, mine.version, mine.annotator) == (2, 2, annotator)
    assert mine.quote.stance_summaries.get().value == 2


def test_annotator_cannot_edit_another_annotators_stance(
    client_for, annotator, other_annotator, topic
):
    """Even where coding is no longer blind (both coded the quote), the other's row is
    read-only: the change page shows no form and a POST is refused."""
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=topic, value=-1)
    StanceAnnotationFactory(annotator=annotator, quote=theirs.quote, topic=topic, value=1)
    client = client_for(annotator)
    page = client.get(annotation_change_url(theirs))
    assert page.status_code == 200 and not page.context["has_change_permission"]
    response = client.post(
        annotation_change_url(theirs), {"value": 2, "loaded_version": theirs.version}
    )
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert (theirs.value, theirs.annotator) == (-1, other_annotator)


def test_annotator_cannot_open_another_annotation_before_coding_the_quote(
    client_for, annotator, other_annotator, topic
):
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=topic, value=-1)
    client = client_for(annotator)
    assert client.get(annotation_change_url(theirs)).status_code == 302  # "does not exist"
    history = reverse("admin:quotes_stanceannotation_history", args=[theirs.pk])
    assert client.get(history).status_code == 403
    response = client.post(annotation_change_url(theirs), {"value": 2})
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.value == -1


def test_annotator_cannot_delete_another_annotators_stance(
    client_for, annotator, other_annotator, topic
):
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=topic)
    StanceAnnotationFactory(annotator=annotator, quote=theirs.quote, topic=topic)
    client = client_for(annotator)
    assert client.post(annotation_delete_url(theirs), {"post": "yes"}).status_code == 403
    response = client.post(
        ANNOTATION_CHANGELIST,
        {"action": "delete_selected", "_selected_action": [theirs.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302, 403)
    assert StanceAnnotation.objects.filter(pk=theirs.pk).exists()


def test_annotator_deletes_their_own_stance_and_the_summary_follows(client_for, annotator, topic):
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic)
    response = client_for(annotator).post(annotation_delete_url(mine), {"post": "yes"})
    assert response.status_code == 302
    assert not StanceAnnotation.objects.exists()
    assert not mine.quote.stance_summaries.exists()


def test_editor_cannot_edit_an_annotators_stance(client_for, editor, annotator, topic):
    theirs = StanceAnnotationFactory(annotator=annotator, topic=topic, value=1)
    StanceAnnotationFactory(annotator=editor, topic=topic, quote=theirs.quote)  # sees it
    response = client_for(editor).post(annotation_change_url(theirs), {"value": -2})
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.value == 1


def test_annotation_list_is_blind_until_the_annotator_has_coded_the_quote(
    client_for, annotator, other_annotator, topic
):
    coded_by_both = StanceAnnotationFactory(annotator=other_annotator, topic=topic)
    StanceAnnotationFactory(annotator=annotator, quote=coded_by_both.quote, topic=topic)
    hidden = StanceAnnotationFactory(annotator=other_annotator, topic=topic)
    shown = client_for(annotator).get(ANNOTATION_CHANGELIST).context["cl"].result_list
    assert coded_by_both in shown and hidden not in shown
    assert len(shown) == 2


def test_reviewer_sees_every_annotation(client_for, reviewer, annotator, other_annotator, topic):
    StanceAnnotationFactory(annotator=annotator, topic=topic)
    StanceAnnotationFactory(annotator=other_annotator, topic=topic)
    shown = client_for(reviewer).get(ANNOTATION_CHANGELIST).context["cl"].result_list
    assert len(shown) == 2


def test_annotator_cannot_adjudicate(client_for, annotator, topic):
    quote = QuoteFactory()
    client = client_for(annotator)
    assert client.get(reverse("admin:quotes_adjudication_add")).status_code == 403
    response = client.post(
        reverse("admin:quotes_quote_adjudicate", args=[quote.pk]),
        {"topic": topic.pk, "value": 2, "version": 0},
    )
    assert response.status_code == 403
    assert not Adjudication.objects.exists()


def test_editor_cannot_adjudicate(client_for, editor, topic):
    quote = QuoteFactory()
    response = client_for(editor).post(
        reverse("admin:quotes_quote_adjudicate", args=[quote.pk]),
        {"topic": topic.pk, "value": 2, "version": 0},
    )
    assert response.status_code == 403


def test_reviewer_adjudicates_in_the_admin_as_themselves(client_for, reviewer, editor, topic):
    quote = QuoteFactory()
    response = client_for(reviewer).post(
        reverse("admin:quotes_adjudication_add"),
        {"quote": quote.pk, "topic": topic.pk, "value": -1, "reviewer": editor.pk},
    )
    assert response.status_code == 302
    adjudication = Adjudication.objects.get()
    assert adjudication.reviewer == reviewer
    assert quote.stance_summaries.get().is_adjudicated


def test_nobody_edits_the_stored_stance_summary(client_for, admin_user, topic):
    annotation = StanceAnnotationFactory(topic=topic)
    summary = annotation.quote.stance_summaries.get()
    client = client_for(admin_user)
    assert client.get(reverse("admin:quotes_quotestance_add")).status_code == 403
    change = reverse("admin:quotes_quotestance_change", args=[summary.pk])
    assert client.post(change, {"value": -2}).status_code == 403


def test_posting_a_stance_on_the_quote_page_never_touches_another_annotators_row(
    client_for, annotator, other_annotator, topic
):
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=topic, value=-2)
    response = client_for(annotator).post(
        stance_url(theirs.quote),
        {
            "topic": topic.pk,
            "value": 2,
            "annotator": other_annotator.pk,
            "version": theirs.version,
        },
    )
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.value == -2
    mine = StanceAnnotation.objects.get(annotator=annotator)
    assert (mine.quote, mine.value) == (theirs.quote, 2)


def test_anonymous_visitor_is_sent_to_the_login_page(client, topic):
    quote = QuoteFactory()
    for url in (quote_url(quote), stance_url(quote), reverse("admin:quotes_quote_next_to_tag")):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
