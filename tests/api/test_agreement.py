"""``/api/topics/{slug}/agreement/``: the agreement figures as JSON and CSV, under the policy."""

import csv
import io

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from tests.api.helpers import client_for
from tests.factories import (
    AdjudicationFactory,
    QuoteFactory,
    StanceAnnotationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CODES = ((-2, -2), (1, 1), (2, 1), (-2, 1), (0, 2), (-1, -1))


@pytest.fixture
def coded_topic(annotator, other_annotator, reviewer):
    """Six quotes coded by annie and otto; two disagreements, one of them adjudicated."""
    topic = TopicFactory(slug="dialogue", released=False, codes_needed=2)
    quotes = []
    for first, second in CODES:
        quote = QuoteFactory()
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=first)
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=second)
        quotes.append(quote)
    AdjudicationFactory(quote=quotes[3], topic=topic, reviewer=reviewer, value=-1)
    topic.quotes = quotes
    return topic


def url(topic, **query):
    suffix = "".join(f"&{key}={value}" for key, value in query.items())
    return f"/api/topics/{topic.slug}/agreement/" + (f"?{suffix[1:]}" if suffix else "")


def test_reviewer_gets_alpha_its_interval_pairs_and_disagreements(coded_topic, reviewer):
    data = client_for(reviewer).get(url(coded_topic)).json()
    assert data["level"] == "ordinal" and data["settled_only"] is False
    interval = data["interval"]
    assert interval["low"] <= data["alpha"] <= interval["high"]
    assert (interval["level"], interval["samples"]) == (0.95, 2000)
    assert (data["quotes"], data["annotators"], data["annotations"]) == (6, 2, 12)
    assert data["pairs"] == [
        {
            "annotators": ["annie", "otto"],
            "quotes": 6,
            "exact": pytest.approx(0.5),
            "mean_difference": pytest.approx(1.0),
            "alpha": data["alpha"],  # two coders: the pair is the whole topic
        }
    ]
    rows = [
        (row["quote"], row["status"], row["adjudicated_value"]) for row in data["disagreements"]
    ]
    assert rows == [
        (coded_topic.quotes[4].pk, "open", None),
        (coded_topic.quotes[3].pk, "adjudicated", -1),
    ]
    assert data["open"] == 1
    assert data["disagreements"][0]["codings"] == [
        {"annotator": "annie", "value": 0},
        {"annotator": "otto", "value": 2},
    ]
    link = data["disagreements"][0]["adjudicate_url"]
    assert link.endswith(
        f"/admin/quotes/quote/{coded_topic.quotes[4].pk}/change/?topic=dialogue#topic-dialogue"
    )


def test_the_same_data_give_the_same_interval(coded_topic, reviewer):
    client = client_for(reviewer)
    assert client.get(url(coded_topic)).json() == client.get(url(coded_topic)).json()


@pytest.mark.parametrize("persona", ["anonymous", "annotator", "editor"])
def test_an_unreleased_topics_agreement_is_refused_to_all_but_reviewers(
    request, api_client, coded_topic, persona
):
    client = api_client if persona == "anonymous" else client_for(request.getfixturevalue(persona))
    for query in ({}, {"format": "csv"}):
        response = client.get(url(coded_topic, **query))
        assert response.status_code == 403
        assert "not released" in response.content.decode()


def test_on_a_released_topic_others_see_figures_but_no_names_and_only_codes_they_share(
    api_client, coded_topic, annotator
):
    coded_topic.released = True
    coded_topic.save()
    anonymous = api_client.get(url(coded_topic)).json()
    assert anonymous["settled_only"] is True and anonymous["alpha"] is not None
    assert anonymous["pairs"][0]["annotators"] == ["annotator 1", "annotator 2"]
    assert {row["codings"] for row in anonymous["disagreements"]} == {None}
    assert {row["adjudicate_url"] for row in anonymous["disagreements"]} == {None}
    mine = client_for(annotator).get(url(coded_topic)).json()
    assert mine["disagreements"][0]["codings"] == [
        {"annotator": "annotator 1", "value": 0},
        {"annotator": "annotator 2", "value": 2},
    ]


def test_csv_gives_the_same_figures_with_cells_made_spreadsheet_safe(coded_topic, reviewer):
    """A username may start with "=" or "-": it must reach a spreadsheet as text."""
    hostile = UserFactory(username="=HYPERLINK")
    quote = coded_topic.quotes[4]
    StanceAnnotationFactory(quote=quote, topic=coded_topic, annotator=hostile, value=-2)
    response = client_for(reviewer).get(url(coded_topic, format="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    json = client_for(reviewer).get(url(coded_topic)).json()
    topic_row = rows[0]
    assert topic_row["row"] == "topic"
    assert float(topic_row["alpha"]) == json["alpha"]
    assert float(topic_row["interval_low"]) == json["interval"]["low"]
    pairs = [row for row in rows if row["row"] == "pair"]
    assert {row["annotator_a"] for row in pairs} == {"'=HYPERLINK", "annie"}
    disagreements = [row for row in rows if row["row"] == "disagreement"]
    assert [row["status"] for row in disagreements] == ["open", "adjudicated"]
    assert disagreements[0]["codings"] == "'=HYPERLINK: -2; annie: +0; otto: +2"


def test_the_endpoint_is_in_the_openapi_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    operation = schema["paths"]["/api/topics/{slug}/agreement/"]["get"]
    assert {"200", "403", "404"} <= set(operation["responses"])
    assert "text/csv" in operation["responses"]["200"]["content"]
