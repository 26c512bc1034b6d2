"""Coding stays blind: who sees which annotations inside a quote's stances."""

import pytest

from tests.api.helpers import client_for, results
from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded_quote(topic, annotator, other_annotator):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=2, rationale="A")
    StanceAnnotationFactory(
        quote=quote, topic=topic, annotator=other_annotator, value=-2, rationale="B"
    )
    return quote


def _stance(client):
    [row] = results(client.get("/api/quotes/"))
    [stance] = row["stances"]
    return stance


def test_anonymous_reader_sees_the_summary_but_no_annotations(api_client, coded_quote):
    stance = _stance(api_client)

    assert stance["value"] == 0
    assert stance["annotators"] == 2
    assert stance["annotations"] == []


def test_annotator_sees_only_their_own_annotation(coded_quote, annotator):
    stance = _stance(client_for(annotator))

    assert [
        (a["annotator"], a["value"], a["conditional"], a["rationale"])
        for a in stance["annotations"]
    ] == [("annie", 2, False, "A")]


def test_annotator_who_has_not_coded_sees_no_annotations(topic):
    from tests.factories import UserFactory, user_with_role

    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=UserFactory(), value=1)
    newcomer = user_with_role("annotators", "newcomer")

    assert _stance(client_for(newcomer))["annotations"] == []


@pytest.mark.parametrize("persona", ["editor", "reviewer", "admin_user"])
def test_editors_reviewers_and_superusers_see_every_annotation(coded_quote, request, persona):
    user = request.getfixturevalue(persona)

    stance = _stance(client_for(user))

    assert [(a["annotator"], a["value"]) for a in stance["annotations"]] == [
        ("annie", 2),
        ("otto", -2),
    ]


def test_quote_detail_follows_the_same_rule(coded_quote, annotator):
    row = client_for(annotator).get(f"/api/quotes/{coded_quote.id}/").json()

    assert [a["annotator"] for a in row["stances"][0]["annotations"]] == ["annie"]
