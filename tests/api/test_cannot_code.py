"""The API takes and returns "cannot code" (``cannot_code: true``, no value) beside −2 … +2."""

import pytest

from quotes.models import StanceAnnotation
from tests.api.helpers import client_for
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db


def post(user, body):
    return client_for(user).post("/api/stances/", body, format="json")


def test_annotator_posts_cannot_code(annotator, topic):
    quote = QuoteFactory()
    response = post(annotator, {"quote": quote.id, "topic": topic.slug, "cannot_code": True})
    assert response.status_code == 201, response.content
    assert (response.json()["value"], response.json()["cannot_code"]) == (None, True)
    stance = client_for(annotator).get(f"/api/quotes/{quote.id}/").json()["stances"][0]
    assert (stance["value"], stance["annotators"], stance["cannot_code"]) == (None, 0, 1)
    assert stance["annotations"][0]["cannot_code"] is True


@pytest.mark.parametrize(
    "body",
    [{}, {"value": None}, {"value": 0, "cannot_code": True}, {"cannot_code": False}],
    ids=["nothing", "null", "both", "false"],
)
def test_a_code_is_required_and_is_one_thing(annotator, topic, body):
    response = post(annotator, {"quote": QuoteFactory().id, "topic": topic.slug, **body})
    assert response.status_code == 400
    assert "value" in response.json()
    assert not StanceAnnotation.objects.exists()


def test_patch_switches_between_a_value_and_cannot_code(annotator, topic):
    created = post(annotator, {"quote": QuoteFactory().id, "topic": topic.slug, "value": 1})
    url = f"/api/stances/{created.json()['id']}/"
    client = client_for(annotator)
    answer = client.patch(url, {"cannot_code": True}, format="json").json()
    assert (answer["value"], answer["cannot_code"]) == (None, True)
    answer = client.patch(url, {"value": -2}, format="json").json()
    assert (answer["value"], answer["cannot_code"]) == (-2, False)
    answer = client.patch(url, {"rationale": "kept"}, format="json").json()
    assert (answer["value"], answer["cannot_code"], answer["rationale"]) == (-2, False, "kept")
    assert client.patch(url, {"value": None}, format="json").status_code == 400
