"""Topic rankings count utterances unless ``unit=report``, as the timelines do."""

import datetime

import pytest

from quotes.ranking import speaker_ranking
from quotes.utterance_services import (
    utterance_adjudication_set,
    utterance_link_confirm,
    utterance_link_propose,
)
from tests.factories import StanceAnnotationFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."
DAY = datetime.date(2021, 10, 18)


@pytest.fixture
def statement(speaker, report, topic):
    """One confirmed statement reported twice (+2 and 0), and another statement (−1)."""
    first, second = report(speaker, GAS, said_on=DAY), report(speaker, GAS_TOO, said_on=DAY)
    other = report(speaker, "Transit through Ukraine will continue.", said_on=DAY)
    for quote, value in ((first, 2), (second, 0), (other, -1)):
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    link = utterance_link_propose(quote=first, other=second, similarity=0.6)
    return utterance_link_confirm(link=link)


def _counted(topic, **kwargs):
    return [
        (row.speaker.slug, row.count, row.mean) for row in speaker_ranking(topic, **kwargs).ranked
    ]


def test_two_reports_of_one_confirmed_utterance_count_once_and_twice_by_report(
    speaker, topic, statement
):
    # by utterance: the statement's mean (+1) and the other's −1; by report: (2 + 0 − 1) / 3
    assert _counted(topic, minimum=1) == [(speaker.slug, 2, 0.0)]
    assert _counted(topic, minimum=1, unit="report") == [(speaker.slug, 3, pytest.approx(1 / 3))]


def test_the_minimum_counts_utterances(speaker, topic, statement):
    assert _counted(topic, minimum=3) == []
    assert speaker_ranking(topic, minimum=3).too_few == 1
    assert [row[1] for row in _counted(topic, minimum=3, unit="report")] == [3]


def test_an_adjudicated_utterance_ranks_with_the_reviewers_stance(
    speaker, topic, reviewer, statement
):
    utterance_adjudication_set(utterance=statement, topic=topic, reviewer=reviewer, value=-1)
    assert _counted(topic, minimum=1) == [(speaker.slug, 2, -1.0)]
    assert _counted(topic, minimum=1, unit="report")[0][1:] == (3, pytest.approx(1 / 3))


def test_the_period_is_the_utterances_date(speaker, report, topic):
    """Reported on the 18th and the 20th: the statement was said on the 18th."""
    first = report(speaker, GAS, said_on=DAY)
    second = report(speaker, GAS_TOO, said_on=DAY + datetime.timedelta(days=2))
    for quote in (first, second):
        StanceAnnotationFactory(quote=quote, topic=topic, value=1)
    utterance_link_confirm(link=utterance_link_propose(quote=first, other=second, similarity=0.6))
    later = DAY + datetime.timedelta(days=1)
    assert _counted(topic, minimum=1, said_after=later) == []
    assert _counted(topic, minimum=1, said_after=later, unit="report")[0][1] == 1


def test_the_topic_page_ranks_by_the_unit_asked(client, speaker, report, topic):
    for index in range(5):
        first = report(speaker, f"{GAS} Point {index}.", said_on=DAY)
        second = report(speaker, f"{GAS_TOO} Point {index}.", said_on=DAY)
        for quote in (first, second):
            StanceAnnotationFactory(quote=quote, topic=topic, value=1)
        utterance_link_confirm(
            link=utterance_link_propose(quote=first, other=second, similarity=0.6)
        )
    url = f"/topics/{topic.slug}/"
    by_utterance = client.get(url)
    assert [row.count for row in by_utterance.context["ranking"].ranked] == [5]
    assert "Statements counted" in by_utterance.content.decode()
    by_report = client.get(url + "?unit=report")
    assert [row.count for row in by_report.context["ranking"].ranked] == [10]
    assert "Quotes counted" in by_report.content.decode()


@pytest.mark.parametrize("unit", ["quote", "UTTERANCE"])
def test_an_unknown_unit_on_the_topic_page_is_a_400_naming_unit(client, topic, unit):
    response = client.get(f"/topics/{topic.slug}/?unit={unit}")
    assert response.status_code == 400
    assert "unit" in response.content.decode()
