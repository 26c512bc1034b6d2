"""/api/stances/: annotators create and change only their own annotations."""

import pytest

from quotes.models import QuoteStance, StanceAnnotation
from tests.api.helpers import client_for, results
from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quote():
    return QuoteFactory()


def test_annotator_creates_their_annotation_and_the_summary_follows(annotator, quote, topic):
    response = client_for(annotator).post(
        "/api/stances/",
        {"quote": quote.id, "topic": topic.slug, "value": -1, "rationale": "Rules it out."},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["annotator"] == "annie"
    assert response.json()["version"] == 1
    summary = QuoteStance.objects.get(quote=quote, topic=topic)
    assert (summary.value, summary.annotator_count) == (-1, 1)


def test_annotator_in_the_body_is_ignored(annotator, other_annotator, quote, topic):
    response = client_for(annotator).post(
        "/api/stances/",
        {"quote": quote.id, "topic": topic.slug, "value": 1, "annotator": other_annotator.id},
        format="json",
    )

    assert response.status_code == 201
    assert StanceAnnotation.objects.get().annotator == annotator


def test_posting_again_for_the_same_quote_and_topic_updates_it(annotator, quote, topic):
    client = client_for(annotator)
    client.post("/api/stances/", {"quote": quote.id, "topic": topic.slug, "value": 1})

    response = client.post(
        "/api/stances/", {"quote": quote.id, "topic": topic.slug, "value": 2, "conditional": True}
    )

    assert response.status_code == 200
    annotation = StanceAnnotation.objects.get()
    assert (annotation.value, annotation.conditional, annotation.version) == (2, True, 2)


def test_annotator_updates_their_own_annotation(annotator, quote, topic):
    annotation = StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=1)

    response = client_for(annotator).patch(
        f"/api/stances/{annotation.id}/", {"value": -2, "version": 1}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["value"] == -2
    assert response.json()["rationale"] == annotation.rationale
    assert QuoteStance.objects.get(quote=quote, topic=topic).value == -2


def test_annotator_cannot_update_another_annotators_stance(
    annotator, other_annotator, quote, topic
):
    theirs = StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=1)

    response = client_for(annotator).patch(
        f"/api/stances/{theirs.id}/", {"value": -2}, format="json"
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.value == 1


def test_reviewer_who_sees_an_annotation_still_cannot_change_it(reviewer, annotator, quote, topic):
    theirs = StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=1)
    client = client_for(reviewer)

    assert client.get(f"/api/stances/{theirs.id}/").status_code == 200
    response = client.put(f"/api/stances/{theirs.id}/", {"value": -2}, format="json")

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.value == 1


def test_annotator_cannot_delete_another_annotators_stance(
    annotator, other_annotator, quote, topic
):
    theirs = StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator)

    assert client_for(annotator).delete(f"/api/stances/{theirs.id}/").status_code == 404
    assert StanceAnnotation.objects.filter(pk=theirs.pk).exists()


def test_annotator_deletes_their_own_annotation_and_the_summary_goes(annotator, quote, topic):
    mine = StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator)

    assert client_for(annotator).delete(f"/api/stances/{mine.id}/").status_code == 204
    assert not QuoteStance.objects.filter(quote=quote).exists()


def test_stale_version_is_a_409_with_a_clear_message(annotator, quote, topic):
    annotation = StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=1)
    client = client_for(annotator)
    client.patch(f"/api/stances/{annotation.id}/", {"value": 2, "version": 1}, format="json")

    response = client.patch(
        f"/api/stances/{annotation.id}/", {"value": -1, "version": 1}, format="json"
    )

    assert response.status_code == 409
    assert "changed since you opened it" in response.json()["detail"]
    annotation.refresh_from_db()
    assert annotation.value == 2


def test_stale_version_on_create_is_a_409(annotator, quote, topic):
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=1)
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=2)  # version 2

    response = client_for(annotator).post(
        "/api/stances/", {"quote": quote.id, "topic": topic.slug, "value": 0, "version": 1}
    )

    assert response.status_code == 409


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"value": 3}, "value"),
        ({"value": "strong"}, "value"),
        ({"value": 1, "topic": "no-such-topic"}, "topic"),
        ({"value": 1, "quote": 999999}, "quote"),
        ({"value": 1, "version": 0}, "version"),
    ],
)
def test_bad_annotation_is_a_400(annotator, quote, topic, body, key):
    payload = {"quote": quote.id, "topic": topic.slug, **body}

    response = client_for(annotator).post("/api/stances/", payload, format="json")

    assert response.status_code == 400
    assert key in response.json()


def test_stance_list_shows_only_the_users_own_annotations(annotator, other_annotator, topic):
    mine = StanceAnnotationFactory(annotator=annotator, topic=topic)
    StanceAnnotationFactory(annotator=other_annotator, topic=topic)

    listed = results(client_for(annotator).get("/api/stances/"))

    assert [row["id"] for row in listed] == [mine.id]


@pytest.mark.parametrize("persona", ["reviewer", "admin_user"])
def test_reviewers_and_superusers_list_every_annotation(
    request, persona, annotator, other_annotator, topic
):
    StanceAnnotationFactory(annotator=annotator, topic=topic)
    StanceAnnotationFactory(annotator=other_annotator, topic=topic)

    listed = results(client_for(request.getfixturevalue(persona)).get("/api/stances/"))

    assert {row["annotator"] for row in listed} == {"annie", "otto"}


def test_stance_list_filters_by_quote_and_topic(annotator, topic):
    from tests.factories import TopicFactory

    wanted = StanceAnnotationFactory(annotator=annotator, topic=topic)
    StanceAnnotationFactory(annotator=annotator, topic=topic)
    StanceAnnotationFactory(annotator=annotator, quote=wanted.quote, topic=TopicFactory())
    client = client_for(annotator)

    listed = results(client.get("/api/stances/", {"quote": wanted.quote_id, "topic": topic.slug}))

    assert [row["id"] for row in listed] == [wanted.id]
    assert client.get("/api/stances/", {"topic": "nope"}).status_code == 400


def test_anonymous_cannot_read_or_write_stances(api_client, quote, topic):
    assert api_client.get("/api/stances/").status_code == 401
    response = api_client.post(
        "/api/stances/", {"quote": quote.id, "topic": topic.slug, "value": 1}
    )
    assert response.status_code == 401


def test_user_without_a_role_cannot_annotate(quote, topic):
    from tests.factories import UserFactory

    response = client_for(UserFactory()).post(
        "/api/stances/", {"quote": quote.id, "topic": topic.slug, "value": 1}
    )

    assert response.status_code == 403
