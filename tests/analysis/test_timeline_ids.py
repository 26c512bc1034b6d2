"""A period's quote ids are in a timeline or comparison only when asked for (``?ids=1``)."""

import pytest

from tests.factories import SpeakerFactory, quote_with_stances

TIMELINE = "/api/speakers/{slug}/timeline/?topic=nato-russia-dialogue&bucket=month"
COMPARE = "/api/compare/?topic=nato-russia-dialogue&bucket=month&speakers={slug}"


@pytest.fixture
def coded(topic):
    speaker = SpeakerFactory(slug="ids-speaker")
    return [quote_with_stances(topic, [value], speaker=speaker) for value in (1, -1)]


def _points(body):
    return (
        body["periods"]
        if "periods" in body and "series" not in body
        else body["series"][0]["points"]
    )


@pytest.mark.parametrize("url", [TIMELINE, COMPARE])
def test_timeline_and_compare_leave_quote_ids_out_by_default(coded, api_client, url):
    body = api_client.get(url.format(slug="ids-speaker")).json()

    [october] = _points(body)
    assert (october["count"], october["mean"]) == (2, 0.0)
    assert "quote_ids" not in october


@pytest.mark.parametrize("url", [TIMELINE, COMPARE])
@pytest.mark.parametrize("flag", ["1", "true"])
def test_ids_1_lists_each_periods_quote_ids(coded, api_client, url, flag):
    body = api_client.get(url.format(slug="ids-speaker") + f"&ids={flag}").json()

    [october] = _points(body)
    assert october["quote_ids"] == sorted(quote.pk for quote in coded)


@pytest.mark.parametrize("url", [TIMELINE, COMPARE])
def test_ids_0_is_the_default(coded, api_client, url):
    [october] = _points(api_client.get(url.format(slug="ids-speaker") + "&ids=0").json())

    assert "quote_ids" not in october


@pytest.mark.parametrize("url", [TIMELINE, COMPARE])
def test_a_bad_ids_value_answers_400_naming_it(coded, api_client, url):
    response = api_client.get(url.format(slug="ids-speaker") + "&ids=maybe")

    assert response.status_code == 400
    assert "ids" in response.json()


def test_the_schema_documents_the_ids_parameter(api_client):
    schema = api_client.get("/api/schema/?format=json").json()

    for path in ("/api/speakers/{slug}/timeline/", "/api/compare/"):
        names = [parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]]
        assert "ids" in names
    point = schema["components"]["schemas"]["Point"]
    assert "quote_ids" not in point.get("required", [])
