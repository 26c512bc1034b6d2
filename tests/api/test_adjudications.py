"""/api/adjudications/: reviewers set the final value, which overrides the annotators' mean."""

import pytest

from quotes.models import Adjudication
from tests.api.helpers import client_for, results
from tests.factories import AdjudicationFactory, QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def disputed(topic, annotator, other_annotator):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=2)
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=-2)
    return quote


def test_reviewer_adjudicates_and_the_quote_shows_the_adjudicated_value(
    reviewer, disputed, topic, api_client
):
    response = client_for(reviewer).post(
        "/api/adjudications/",
        {"quote": disputed.id, "topic": topic.slug, "value": 1, "rationale": "Mostly for."},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["reviewer"] == "rita"
    [row] = results(api_client.get("/api/quotes/"))
    assert row["stances"][0]["value"] == 1
    assert row["stances"][0]["adjudicated"] is True
    assert row["stances"][0]["annotators"] == 2


def test_adjudicating_again_replaces_the_value(reviewer, disputed, topic):
    client = client_for(reviewer)
    client.post("/api/adjudications/", {"quote": disputed.id, "topic": topic.slug, "value": 1})

    response = client.post(
        "/api/adjudications/", {"quote": disputed.id, "topic": topic.slug, "value": 0}
    )

    assert response.status_code == 200
    assert Adjudication.objects.get().value == 0


def test_adjudication_with_a_stale_version_is_a_409(reviewer, disputed, topic):
    AdjudicationFactory(quote=disputed, topic=topic, reviewer=reviewer, value=1)
    AdjudicationFactory(quote=disputed, topic=topic, reviewer=reviewer, value=2)

    response = client_for(reviewer).post(
        "/api/adjudications/", {"quote": disputed.id, "topic": topic.slug, "value": 0, "version": 1}
    )

    assert response.status_code == 409


@pytest.mark.parametrize("persona", ["annotator", "editor"])
def test_only_reviewers_adjudicate(request, persona, disputed, topic):
    client = client_for(request.getfixturevalue(persona))

    response = client.post(
        "/api/adjudications/", {"quote": disputed.id, "topic": topic.slug, "value": 1}
    )

    assert response.status_code == 403
    assert not Adjudication.objects.exists()


def test_anonymous_cannot_adjudicate(api_client, disputed, topic):
    response = api_client.post(
        "/api/adjudications/", {"quote": disputed.id, "topic": topic.slug, "value": 1}
    )

    assert response.status_code == 401


def test_adjudication_value_outside_the_scale_is_a_400(reviewer, disputed, topic):
    response = client_for(reviewer).post(
        "/api/adjudications/", {"quote": disputed.id, "topic": topic.slug, "value": -3}
    )

    assert response.status_code == 400
    assert list(response.json()) == ["value"]


def test_adjudications_on_an_unreleased_topic_are_listed_for_reviewers_and_coders_only(
    reviewer, annotator, disputed, topic
):
    from quotes.roles import ANNOTATORS
    from tests.factories import user_with_role

    topic.released = False
    topic.save()
    AdjudicationFactory(quote=disputed, topic=topic, reviewer=reviewer, value=1)
    newcomer = user_with_role(ANNOTATORS, "newcomer")

    assert len(results(client_for(reviewer).get("/api/adjudications/"))) == 1
    assert len(results(client_for(annotator).get("/api/adjudications/"))) == 1  # coded it
    assert results(client_for(newcomer).get("/api/adjudications/")) == []
    topic.released = True
    topic.save()
    assert len(results(client_for(newcomer).get("/api/adjudications/"))) == 1


def test_reviewer_adjudicates_cannot_code_and_the_stance_has_no_value(
    reviewer, disputed, topic, api_client
):
    client = client_for(reviewer)
    both = client.post(
        "/api/adjudications/",
        {"quote": disputed.id, "topic": topic.slug, "value": 1, "cannot_code": True},
        format="json",
    )
    assert both.status_code == 400 and "value" in both.json()
    neither = client.post(
        "/api/adjudications/", {"quote": disputed.id, "topic": topic.slug}, format="json"
    )
    assert neither.status_code == 400 and "value" in neither.json()
    response = client.post(
        "/api/adjudications/",
        {"quote": disputed.id, "topic": topic.slug, "cannot_code": True},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["value"], response.json()["cannot_code"]) == (None, True)
    [row] = results(api_client.get("/api/quotes/"))
    assert (row["stances"][0]["value"], row["stances"][0]["adjudicated"]) == (None, True)
