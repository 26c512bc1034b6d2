"""Timelines, compare and the series CSV count utterances unless ``unit=report``."""

import datetime

import pytest

from quotes.utterance_services import (
    utterance_link_confirm,
    utterance_link_propose,
    utterance_split,
)
from tests.factories import StanceAnnotationFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."
OTHER = "Gas transit through Ukraine will continue until the end of the contract next year."
DAY = datetime.date(2021, 10, 18)


def _timeline(api_client, speaker, topic, **params):
    query = "&".join(f"{key}={value}" for key, value in {"topic": topic.slug, **params}.items())
    return api_client.get(f"/api/speakers/{speaker.slug}/timeline/?{query}")


@pytest.fixture
def statement(speaker, report, topic):
    """One statement reported by two outlets (stances +2 and 0, the later report first), and
    another statement of the same month (−1)."""
    later = report(speaker, GAS, said_on=DAY + datetime.timedelta(days=1))
    earlier = report(speaker, GAS_TOO, said_on=DAY)
    other = report(speaker, OTHER, said_on=datetime.date(2021, 10, 5))
    for quote, value in ((later, 2), (earlier, 0), (other, -1)):
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    link = utterance_link_propose(quote=later, other=earlier, similarity=0.6)
    return {"link": link, "reports": (later, earlier), "other": other}


def _confirm(statement):
    return utterance_link_confirm(link=statement["link"])


def test_a_confirmed_statement_counts_once_and_twice_by_report(
    api_client, speaker, topic, statement
):
    _confirm(statement)
    by_utterance = _timeline(api_client, speaker, topic).json()
    by_report = _timeline(api_client, speaker, topic, unit="report").json()
    assert [p["count"] for p in by_utterance["periods"]] == [2]  # the statement, the other
    assert [p["count"] for p in by_report["periods"]] == [3]
    # the statement's stance is its reports' mean (+1), weighed once beside the other's −1
    assert by_utterance["periods"][0]["mean"] == 0
    assert by_report["periods"][0]["mean"] == pytest.approx(1 / 3, abs=0.01)


def test_the_acceptance_two_reports_count_1_then_2_after_a_split(
    api_client, speaker, topic, report
):
    first = report(speaker, GAS)
    second = report(speaker, GAS_TOO)
    utterance = utterance_link_confirm(
        link=utterance_link_propose(quote=first, other=second, similarity=0.6)
    )

    def counts(**params):
        return sum(
            p["count"] for p in _timeline(api_client, speaker, topic, **params).json()["periods"]
        )

    assert (counts(), counts(unit="report")) == (1, 2)
    utterance_split(utterance=utterance)
    assert (counts(), counts(unit="report")) == (2, 2)


def test_an_unconfirmed_link_changes_nothing(api_client, speaker, topic, statement):
    counts = [p["count"] for p in _timeline(api_client, speaker, topic).json()["periods"]]
    assert counts == [3]


def test_a_statement_is_placed_on_its_earliest_confirmed_reports_date(
    api_client, speaker, topic, report
):
    """Reported on 31 October and 1 November: one statement, in October."""
    first = report(speaker, GAS, said_on=datetime.date(2021, 11, 1))
    second = report(speaker, GAS_TOO, said_on=datetime.date(2021, 10, 31))
    utterance_link_confirm(link=utterance_link_propose(quote=first, other=second, similarity=0.6))
    periods = _timeline(api_client, speaker, topic).json()["periods"]
    assert [(p["period"], p["count"]) for p in periods] == [("2021-10", 1)]
    periods = _timeline(api_client, speaker, topic, unit="report").json()["periods"]
    assert [(p["period"], p["count"]) for p in periods] == [("2021-10", 1), ("2021-11", 1)]


def test_compare_counts_utterances_too(api_client, speaker, topic, statement):
    _confirm(statement)
    base = f"/api/compare/?speakers={speaker.slug}&topic={topic.slug}"
    by_utterance = api_client.get(base).json()["series"][0]["points"]
    by_report = api_client.get(base + "&unit=report").json()["series"][0]["points"]
    assert ([p["count"] for p in by_utterance], [p["count"] for p in by_report]) == ([2], [3])


def test_the_series_csv_counts_by_the_unit_asked(client, speaker, topic, statement):
    _confirm(statement)
    base = f"/compare/series.csv?speakers={speaker.slug}&topic={topic.slug}"
    rows = [line.split(",") for line in client.get(base).content.decode().splitlines()]
    report_rows = [
        line.split(",") for line in client.get(base + "&unit=report").content.decode().splitlines()
    ]
    count = rows[0].index("quotes")
    assert (rows[1][count], report_rows[1][count]) == ("2", "3")


@pytest.mark.parametrize("unit", ["quote", "UTTERANCE", "1"])
def test_an_unknown_unit_is_a_400_naming_unit(api_client, speaker, topic, unit):
    response = _timeline(api_client, speaker, topic, unit=unit)
    assert response.status_code == 400
    assert "unit" in response.json()
    response = api_client.get(
        f"/api/compare/?speakers={speaker.slug}&topic={topic.slug}&unit={unit}"
    )
    assert response.status_code == 400
    assert "unit" in response.json()


def test_the_unit_is_in_the_openapi_schema(api_client):
    schema = api_client.get("/api/schema/?format=json").json()
    timeline = next(p for path, p in schema["paths"].items() if path.endswith("/timeline/"))
    unit = next(p for p in timeline["get"]["parameters"] if p["name"] == "unit")
    assert unit["schema"]["enum"] == ["utterance", "report"]
    assert unit["schema"]["default"] == "utterance"
