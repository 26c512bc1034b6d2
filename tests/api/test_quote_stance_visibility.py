"""One coding-visibility policy (quotes.coding) in the API: who sees a quote's stance values.

On an unreleased topic, or while a quote is not complete and not adjudicated, its values (the
stored stance, the annotations) are shown only to reviewers and to those who coded it; everyone
else learns how many coded it. Aggregates of an unreleased topic are a 403 to all but reviewers.
"""

import re

import pytest

from quotes.roles import ANNOTATORS, EDITORS
from tests.api.helpers import client_for, csv_rows, results
from tests.factories import (
    AdjudicationFactory,
    QuoteFactory,
    StanceAnnotationFactory,
    TopicFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreleased(db):
    return TopicFactory(slug="arms-control", name="Arms control", released=False, codes_needed=2)


@pytest.fixture
def coded_quote(unreleased, annotator, other_annotator):
    quote = QuoteFactory()
    StanceAnnotationFactory(
        quote=quote, topic=unreleased, annotator=annotator, value=-2, rationale="A"
    )
    StanceAnnotationFactory(
        quote=quote, topic=unreleased, annotator=other_annotator, value=-1, rationale="B"
    )
    return quote


@pytest.fixture
def newcomer(db):
    return user_with_role(ANNOTATORS, "newcomer")


@pytest.fixture
def uncoding_editor(db):
    return user_with_role(EDITORS, "uncoding-editor")


def _client(request, persona):
    if persona == "anonymous":
        from rest_framework.test import APIClient

        return APIClient()
    return client_for(request.getfixturevalue(persona))


def _stance(client, quote=None):
    if quote is not None:
        response = client.get(f"/api/quotes/{quote.id}/")
        assert response.status_code == 200
        [stance] = response.json()["stances"]
        return stance
    [row] = results(client.get("/api/quotes/"))
    [stance] = row["stances"]
    return stance


HIDDEN = {
    "topic": "arms-control",
    "visible": False,
    "codes": 2,
    "value": None,
    "adjudicated": None,
    "annotators": None,
    "cannot_code": None,
    "annotations": [],
}


@pytest.mark.parametrize("persona", ["anonymous", "newcomer", "uncoding_editor"])
@pytest.mark.parametrize("single", [False, True], ids=["list", "detail"])
def test_annotator_cannot_see_unreleased_values_before_coding(
    coded_quote, request, persona, single
):
    client = _client(request, persona)
    assert _stance(client, coded_quote if single else None) == HIDDEN


@pytest.mark.parametrize("single", [False, True], ids=["list", "detail"])
def test_a_coder_sees_the_summary_and_the_others_annotations(coded_quote, annotator, single):
    stance = _stance(client_for(annotator), coded_quote if single else None)
    assert (stance["visible"], stance["value"], stance["annotators"]) == (True, -1.5, 2)
    assert [(a["annotator"], a["value"]) for a in stance["annotations"]] == [
        ("annie", -2),
        ("otto", -1),
    ]


@pytest.mark.parametrize("persona", ["reviewer", "admin_user"])
def test_reviewers_and_superusers_see_every_value(coded_quote, request, persona):
    stance = _stance(_client(request, persona))
    assert stance["value"] == -1.5
    assert [a["annotator"] for a in stance["annotations"]] == ["annie", "otto"]


def test_after_release_a_complete_quote_is_public_but_the_annotations_stay_with_coders(
    coded_quote, unreleased, api_client, newcomer
):
    unreleased.released = True
    unreleased.save()
    for client in (api_client, client_for(newcomer)):
        stance = _stance(client)
        assert (stance["visible"], stance["value"], stance["annotations"]) == (True, -1.5, [])


def test_after_release_an_incomplete_quote_stays_hidden_until_complete_or_adjudicated(
    unreleased, annotator, other_annotator, reviewer, api_client
):
    unreleased.released = True
    unreleased.save()
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=unreleased, annotator=annotator, value=2)
    assert _stance(api_client) == {**HIDDEN, "codes": 1}
    assert _stance(client_for(annotator))["value"] == 2
    AdjudicationFactory(quote=quote, topic=unreleased, reviewer=reviewer, value=1)
    assert _stance(api_client)["value"] == 1
    assert _stance(api_client)["adjudicated"] is True


@pytest.mark.parametrize("persona", ["anonymous", "annotator", "uncoding_editor"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/quotes/?topic=arms-control&stance_max=-1",
        "/api/quotes/?topic=arms-control&format=csv",
        "/api/speakers/{speaker}/timeline/?topic=arms-control",
        "/api/compare/?speakers={speaker}&topic=arms-control",
    ],
    ids=["stance-filter", "csv", "timeline", "compare"],
)
def test_aggregates_of_an_unreleased_topic_are_a_403_naming_the_reason(
    coded_quote, request, persona, path
):
    response = _client(request, persona).get(path.format(speaker=coded_quote.speaker.slug))
    assert response.status_code == 403
    assert "not released" in response.json()["detail"]
    assert "arms-control" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/quotes/?topic=arms-control&stance_max=-1",
        "/api/speakers/{speaker}/timeline/?topic=arms-control&ids=1",
        "/api/compare/?speakers={speaker}&topic=arms-control&ids=1",
    ],
)
def test_reviewers_get_the_aggregates_of_an_unreleased_topic(coded_quote, reviewer, path):
    response = client_for(reviewer).get(path.format(speaker=coded_quote.speaker.slug))
    assert response.status_code == 200
    # the quote's id as a JSON value, not a digit anywhere in the body
    assert re.search(rf"[\[:,]{coded_quote.id}[\],}}]", response.content.decode())


def test_csv_without_a_topic_leaves_out_unreleased_topics_but_for_reviewers(
    coded_quote, api_client, reviewer
):
    public = csv_rows(api_client.get("/api/quotes/", {"format": "csv"}))
    assert [column for column in public[0] if "arms-control" in column] == []
    full = csv_rows(client_for(reviewer).get("/api/quotes/", {"format": "csv"}))
    assert full[0]["stance:arms-control"] == "-1.5"


def test_released_aggregates_count_settled_quotes_only(unreleased, annotator, api_client):
    unreleased.released = True
    unreleased.save()
    complete = QuoteFactory()
    for value, user in ((-2, annotator), (-2, user_with_role(ANNOTATORS, "third"))):
        StanceAnnotationFactory(quote=complete, topic=unreleased, annotator=user, value=value)
    incomplete = QuoteFactory(speaker=complete.speaker, said_on=complete.said_on)
    StanceAnnotationFactory(quote=incomplete, topic=unreleased, annotator=annotator, value=2)
    response = api_client.get(
        f"/api/speakers/{complete.speaker.slug}/timeline/?topic=arms-control&ids=1"
    )
    assert response.status_code == 200
    [point] = response.json()["periods"]
    assert (point["count"], point["with_stance"], point["mean"]) == (2, 1, -2)
    assert point["quote_ids"] == [complete.id]
    listed = results(api_client.get("/api/quotes/?topic=arms-control&stance_min=1"))
    assert listed == []


def test_the_stance_list_shows_a_coder_the_others_annotations_and_a_newcomer_nothing(
    coded_quote, annotator, newcomer
):
    mine = results(client_for(annotator).get("/api/stances/"))
    assert sorted(a["annotator"] for a in mine) == ["annie", "otto"]
    assert results(client_for(newcomer).get("/api/stances/")) == []


def test_nobody_changes_another_persons_annotation_not_even_a_superuser(
    coded_quote, admin_user, other_annotator
):
    theirs = coded_quote.annotations.get(annotator=other_annotator)
    response = client_for(admin_user).patch(
        f"/api/stances/{theirs.id}/", {"value": 2}, format="json"
    )
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.value == -1
