"""/api/utterances/ and the utterance_id of the quote list and its CSV."""

import datetime

import pytest

from quotes.utterance_services import (
    utterance_adjudication_set,
    utterance_link_confirm,
    utterance_link_propose,
)
from tests.factories import StanceAnnotationFactory, TopicFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."


def _utterance(speaker, report, topic=None, values=(), day=datetime.date(2021, 10, 18)):
    first, second = report(speaker, GAS, said_on=day), report(speaker, GAS_TOO, said_on=day)
    for quote, value in zip((first, second), values, strict=False):
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    link = utterance_link_propose(quote=first, other=second, similarity=0.6)
    return utterance_link_confirm(link=link), first, second


def test_an_utterance_lists_its_reports_outlets_stance_and_conflicts(
    api_client, speaker, report, topic
):
    utterance, first, second = _utterance(speaker, report, topic, values=(2, 0))
    data = api_client.get("/api/utterances/").json()["results"]
    assert [row["id"] for row in data] == [utterance.pk]
    row = data[0]
    assert row["speaker"] == {"slug": speaker.slug, "name": speaker.name}
    assert {r["id"] for r in row["reports"]} == {first.pk, second.pk}
    assert row["outlets"] == sorted({first.source.outlet, second.source.outlet})
    assert row["said_on"] == "2021-10-18"
    assert row["stances"] == [{"topic": topic.slug, "value": 1.0}]
    assert row["conflicts"] == [
        {"topic": topic.slug, "low": 0.0, "high": 2.0, "adjudicated": False}
    ]
    assert row["adjudications"] == []


def test_an_unreleased_topics_stance_is_not_shown_to_the_public(
    api_client, speaker, report, reviewer
):
    hidden = TopicFactory(released=False)
    _utterance(speaker, report, hidden, values=(2, 0))
    assert api_client.get("/api/utterances/").json()["results"][0]["stances"] == []
    api_client.force_authenticate(reviewer)
    assert api_client.get("/api/utterances/").json()["results"][0]["stances"] == [
        {"topic": hidden.slug, "value": 1.0}
    ]


def test_an_utterance_without_a_confirmed_report_is_not_listed(api_client, speaker, report):
    first = report(speaker, GAS, status="proposed")
    second = report(speaker, GAS_TOO, status="proposed")
    utterance_link_confirm(link=utterance_link_propose(quote=first, other=second, similarity=1))
    assert api_client.get("/api/utterances/").json()["results"] == []


@pytest.mark.parametrize("utterances", [2, 8])
def test_utterance_list_runs_same_queries_for_2_and_8_utterances(
    api_client, speaker, report, topic, django_assert_num_queries, utterances
):
    for index in range(utterances):
        _utterance(speaker, report, topic, values=(1, -1), day=datetime.date(2021, 1, 1 + index))
    # 1 the count, 2 the page of utterances with their speakers, 3 their reports with their
    # sources, 4 the stances' means, 5 the conflicts, 6 the adjudications the viewer may read
    with django_assert_num_queries(6):
        response = api_client.get("/api/utterances/")
    assert len(response.json()["results"]) == utterances


def test_utterances_filter_by_speaker_date_and_outlet(api_client, speaker, report):
    utterance, first, _ = _utterance(speaker, report)
    assert api_client.get(f"/api/utterances/?speaker={speaker.slug}").json()["count"] == 1
    assert api_client.get("/api/utterances/?said_after=2021-10-19").json()["count"] == 0
    outlet = first.source.outlet
    assert api_client.get(f"/api/utterances/?outlet={outlet}").json()["count"] == 1
    assert api_client.get(f"/api/utterances/{utterance.pk}/").json()["id"] == utterance.pk


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("speaker=nobody", "speaker"),
        ("said_after=yesterday", "said_after"),
        ("said_before=1", "said_before"),
    ],
)
def test_a_bad_utterance_filter_is_a_400_naming_it(api_client, db, query, parameter):
    response = api_client.get(f"/api/utterances/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_the_quote_list_and_its_csv_say_which_utterance_a_quote_reports(
    api_client, speaker, report
):
    utterance, first, second = _utterance(speaker, report)
    alone = report(speaker, "Gas transit through Ukraine will continue next year.")
    rows = api_client.get("/api/quotes/").json()["results"]
    assert {row["id"]: row["utterance_id"] for row in rows} == {
        first.pk: utterance.pk,
        second.pk: utterance.pk,
        alone.pk: None,
    }
    lines = b"".join(api_client.get("/api/quotes/?format=csv").streaming_content).decode()
    header, *body = [line.split(",") for line in lines.splitlines()]
    column = header.index("utterance_id")
    by_id = {int(line[0]): line[column] for line in body}
    assert by_id == {first.pk: str(utterance.pk), second.pk: str(utterance.pk), alone.pk: ""}


def test_an_adjudicated_conflict_says_so_and_the_stance_is_the_reviewers(
    api_client, speaker, report, topic, reviewer
):
    utterance, _, _ = _utterance(speaker, report, topic, values=(2, 0))
    utterance_adjudication_set(
        utterance=utterance, topic=topic, reviewer=reviewer, value=-1, note="Izvestia is right."
    )
    row = api_client.get(f"/api/utterances/{utterance.pk}/").json()
    assert row["stances"] == [{"topic": topic.slug, "value": -1.0}]
    assert row["conflicts"] == [{"topic": topic.slug, "low": 0.0, "high": 2.0, "adjudicated": True}]
    [adjudication] = row["adjudications"]
    assert (adjudication["topic"], adjudication["value"], adjudication["cannot_code"]) == (
        topic.slug,
        -1,
        False,
    )
    assert (adjudication["reviewer"], adjudication["note"]) == (
        reviewer.username,
        "Izvestia is right.",
    )


def test_a_blind_annotator_sees_an_unreleased_utterance_adjudication_only_after_coding_a_report(
    api_client, speaker, report, reviewer, annotator
):
    hidden = TopicFactory(released=False, codes_needed=2)
    utterance, first, _ = _utterance(speaker, report, hidden, values=(2, 0))
    utterance_adjudication_set(utterance=utterance, topic=hidden, reviewer=reviewer, value=-1)
    api_client.force_authenticate(annotator)
    row = api_client.get(f"/api/utterances/{utterance.pk}/").json()
    assert (row["stances"], row["conflicts"], row["adjudications"]) == ([], [], [])
    StanceAnnotationFactory(quote=first, topic=hidden, value=1, annotator=annotator)
    row = api_client.get(f"/api/utterances/{utterance.pk}/").json()
    assert [a["value"] for a in row["adjudications"]] == [-1]
    assert row["stances"] == [{"topic": hidden.slug, "value": -1.0}]


def test_the_conflict_filter_gives_the_reviewers_queue(
    api_client, speaker, report, topic, reviewer
):
    conflicted, _, _ = _utterance(speaker, report, topic, values=(2, 0))
    _utterance(speaker, report, topic, values=(1, 0), day=datetime.date(2021, 10, 19))

    def listed(state):
        return [
            row["id"]
            for row in api_client.get(f"/api/utterances/?conflict={state}").json()["results"]
        ]

    assert (listed("open"), listed("adjudicated")) == ([conflicted.pk], [])
    utterance_adjudication_set(utterance=conflicted, topic=topic, reviewer=reviewer, value=1)
    assert (listed("open"), listed("adjudicated")) == ([], [conflicted.pk])
    response = api_client.get("/api/utterances/?conflict=yes")
    assert response.status_code == 400
    assert "conflict" in response.json()
