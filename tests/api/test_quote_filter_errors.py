"""Malformed or unknown filter values answer 400 keyed by the parameter, never a 500."""

import pytest

from tests.factories import QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_quotes(topic):
    SpeakerFactory(slug="sergei-lavrov")
    QuoteFactory()


@pytest.mark.parametrize(
    ("params", "key", "message"),
    [
        ({"said_after": "yesterday"}, "said_after", "Enter a valid date."),
        ({"said_before": "2021-13-45"}, "said_before", "Enter a valid date."),
        ({"topic": "nato-russia-dialogue", "stance": 7}, "stance", "less than or equal to 2"),
        (
            {"topic": "nato-russia-dialogue", "stance_min": -3},
            "stance_min",
            "greater than or equal to -2",
        ),
        ({"topic": "nato-russia-dialogue", "stance_max": "high"}, "stance_max", "Enter a number."),
        ({"stance": 1}, "stance", "needs topic="),
        ({"stance_min": 1}, "stance_min", "needs topic="),
        ({"stance_max": 1}, "stance_max", "needs topic="),
        (
            {"topic": "nato-russia-dialogue", "stance_min": 2, "stance_max": 1},
            "stance_max",
            "below",
        ),
        ({"said_after": "2022-01-01", "said_before": "2021-01-01"}, "said_before", "before"),
        ({"speaker": "nobody-at-all"}, "speaker", "Unknown speaker: nobody-at-all."),
        ({"speaker": "sergei-lavrov,ghost"}, "speaker", "Unknown speaker: ghost."),
        ({"topic": "no-such-topic"}, "topic", "valid choice"),
        ({"organization": "no-such-organization"}, "organization", "valid choice"),
        ({"organization_kind": "club"}, "organization_kind", "valid choice"),
        ({"kind": "rumour"}, "kind", "valid choice"),
        ({"status": "deleted"}, "status", "valid choice"),
        ({"source": 999999}, "source", "valid choice"),
        ({"source": "first"}, "source", "valid choice"),
        ({"ordering": "text"}, "ordering", "valid choice"),
        ({"ordering": "said_on,speaker"}, "ordering", "valid choice"),
        ({"page_size": 0}, "page_size", "1 to 500"),
    ],
)
def test_bad_filter_value_is_a_400_keyed_by_the_parameter(
    api_client, some_quotes, params, key, message
):
    response = api_client.get("/api/quotes/", params)

    assert response.status_code == 400
    body = response.json()
    assert list(body) == [key]
    assert message in body[key][0]


def test_bad_filter_with_csv_format_is_still_a_json_400(api_client, some_quotes):
    response = api_client.get("/api/quotes/", {"format": "csv", "said_after": "soon"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"said_after": ["Enter a valid date."]}


def test_several_bad_values_are_all_reported(api_client, some_quotes):
    response = api_client.get("/api/quotes/", {"said_after": "x", "kind": "y"})

    assert response.status_code == 400
    assert set(response.json()) == {"said_after", "kind"}
