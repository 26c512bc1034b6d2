"""The desk calls quotes.coding: unreleased values stay with coders and reviewers, reviewers
release topics, and nobody, superusers included, changes another's annotation."""

import pytest
from django.urls import reverse

from quotes.models import StanceAnnotation, Topic
from tests.admin.conftest import quote_url
from tests.factories import StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreleased(db):
    return TopicFactory(slug="arms-control", name="Arms control", released=False, codes_needed=2)


def test_annotator_cannot_see_unreleased_values_before_coding_on_the_quote_page(
    client_for, annotator, other_annotator, unreleased
):
    theirs = StanceAnnotationFactory(
        annotator=other_annotator, topic=unreleased, value=-2, rationale="Secret reasoning."
    )
    html = client_for(annotator).get(quote_url(theirs.quote)).content.decode()
    assert "Secret reasoning." not in html and "-2.00" not in html
    assert "1 annotator coded this quote." in html


def test_a_complete_quote_on_a_released_topic_shows_its_stance_but_not_the_codes(
    client_for, annotator, other_annotator, editor, unreleased
):
    theirs = StanceAnnotationFactory(
        annotator=other_annotator, topic=unreleased, value=-2, rationale="Secret reasoning."
    )
    StanceAnnotationFactory(annotator=annotator, topic=unreleased, quote=theirs.quote, value=-1)
    unreleased.released = True
    unreleased.save()
    html = client_for(editor).get(quote_url(theirs.quote)).content.decode()
    assert "Stance: <strong>−1.50</strong>" in html
    assert "Secret reasoning." not in html


@pytest.mark.parametrize("persona", ["annotator", "editor", "reviewer"])
def test_annotation_history_and_page_stay_closed_before_coding(
    client_for, request, persona, other_annotator, unreleased
):
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=unreleased)
    client = client_for(request.getfixturevalue(persona))
    change = reverse("admin:quotes_stanceannotation_change", args=[theirs.pk])
    history = reverse("admin:quotes_stanceannotation_history", args=[theirs.pk])
    if persona == "reviewer":
        assert client.get(change).status_code == 200
        assert client.get(history).status_code == 200
    else:
        assert client.get(change).status_code == 302  # "does not exist"
        assert client.get(history).status_code == 403


def test_a_superuser_cannot_change_or_delete_another_persons_annotation(
    client_for, admin_user, other_annotator, unreleased
):
    theirs = StanceAnnotationFactory(annotator=other_annotator, topic=unreleased, value=1)
    client = client_for(admin_user)
    change = reverse("admin:quotes_stanceannotation_change", args=[theirs.pk])
    assert client.post(change, {"value": -2, "loaded_version": theirs.version}).status_code == 403
    delete = reverse("admin:quotes_stanceannotation_delete", args=[theirs.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    theirs.refresh_from_db()
    assert theirs.value == 1 and StanceAnnotation.objects.filter(pk=theirs.pk).exists()


def test_only_reviewers_release_a_topic(client_for, editor, reviewer, unreleased):
    changelist = reverse("admin:quotes_topic_changelist")
    action = {"action": "release_selected", "_selected_action": [unreleased.pk]}
    editor_actions = client_for(editor).get(changelist).context["action_form"]
    assert editor_actions is None  # the release actions are the topic list's only actions
    client_for(editor).post(changelist, action)
    assert Topic.objects.get(pk=unreleased.pk).released is False
    client_for(reviewer).post(changelist, action)
    assert Topic.objects.get(pk=unreleased.pk).released is True


def test_editors_cannot_release_through_the_topic_form(client_for, editor, unreleased):
    form = client_for(editor).get(reverse("admin:quotes_topic_change", args=[unreleased.pk]))
    assert "released" not in form.context["adminform"].form.fields
    assert "codes_needed" not in form.context["adminform"].form.fields


def test_the_agreement_report_is_for_reviewers(client_for, editor, reviewer, unreleased):
    url = reverse("admin:quotes_topic_agreement", args=[unreleased.pk])
    assert client_for(editor).get(url).status_code == 403
    assert client_for(reviewer).get(url).status_code == 200
