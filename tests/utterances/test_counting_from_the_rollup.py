"""Counting by utterance reads the maintained units and their month cells
(``quotes.unit_rollup``), never the stored stances, and says what the stored stances say."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes import analysis
from quotes.ranking import speaker_ranking
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


@pytest.fixture
def linked(speaker, report, topic):
    """One statement in two reports (+2 and 0, linked) and another statement (−1)."""
    later = report(speaker, GAS, said_on=DAY + datetime.timedelta(days=1))
    earlier = report(speaker, GAS_TOO, said_on=DAY)
    other = report(speaker, OTHER, said_on=datetime.date(2021, 10, 5))
    for quote, value in ((later, 2), (earlier, 0), (other, -1)):
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    link = utterance_link_propose(quote=later, other=earlier, similarity=0.6)
    return utterance_link_confirm(link=link)


def _points(comparison):
    return [(p.start, p.count, p.with_stance, p.mean) for s in comparison.series for p in s.points]


def _tables(queries) -> str:
    return " ".join(query["sql"] for query in queries)


def test_a_speakers_timeline_by_utterance_reads_only_the_rollups(speaker, topic, linked):
    filters = analysis.Filters(topic=topic, unit="utterance")
    with CaptureQueriesContext(connection) as queries:
        rolled = analysis.timeline(speaker, filters, ids=False)
    sql = _tables(queries)
    assert "quotes_quotestance" not in sql and '"quotes_quote"' not in sql
    assert "quotes_stancerollup" in sql and "quotes_quoterollup" in sql
    # the statement once, at its reports' mean (+1), beside the other statement (−1)
    assert _points(rolled) == [(datetime.date(2021, 10, 1), 2, 2, 0.0)]
    assert _points(rolled) == _points(analysis.timeline(speaker, filters, ids=True))


def test_splitting_a_statement_moves_the_rolled_timeline_back_to_three(speaker, topic, linked):
    utterance_split(utterance=linked)
    with CaptureQueriesContext(connection) as queries:
        rolled = analysis.timeline(
            speaker, analysis.Filters(topic=topic, unit="utterance"), ids=False
        )
    assert "quotes_quotestance" not in _tables(queries)
    assert _points(rolled) == [(datetime.date(2021, 10, 1), 3, 3, pytest.approx(1 / 3, abs=1e-6))]


def test_the_topic_ranking_by_utterance_counts_the_maintained_units(speaker, topic, linked):
    with CaptureQueriesContext(connection) as queries:
        ranking = speaker_ranking(topic, minimum=1)
    sql = _tables(queries)
    assert "quotes_unitstance" in sql and "quotes_quotestance" not in sql
    assert [(one.speaker, one.count, one.mean) for one in ranking.ranked] == [(speaker, 2, 0.0)]
