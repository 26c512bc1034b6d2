"""A stance save that moves a stored stance keeps both rollups in four statements (five for a
linked quote), whatever the rows around it: the unit's rows (a DELETE and an INSERT … SELECT),
then the cells of the stance's month slot and of its unit's (a DELETE and one INSERT … SELECT
of report and utterance cells). The cells it writes equal a direct aggregation."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes import services, unit_rollup, utterance_services
from quotes.models import QuoteStance, StanceRollup, UnitStance
from quotes.rollup import cells
from tests.factories import QuoteFactory, UserFactory

# the rollups' tables, and the utterance's date read for a linked quote
TABLES = (
    "quotes_stancerollup",
    "quotes_unitstance",
    "quotes_quoterollup",
    'FROM "quotes_utterance"',
)


def _rollup_statements(queries):
    return [q["sql"] for q in queries if any(table in q["sql"] for table in TABLES)]


def _cells():
    names = ("unit", "speaker_id", "is_settled", "said_on", "quotes", "count", "total", "low")
    rows = StanceRollup.objects.values_list(*names, "high")
    return sorted(rows, key=str)


def _direct():
    by_report = cells(QuoteStance.objects.all())
    by_unit = unit_rollup.cells(UnitStance.objects.all())
    return sorted(
        (
            (
                c.unit,
                c.speaker_id,
                c.is_settled,
                c.said_on,
                c.quotes,
                c.count,
                c.total,
                c.low,
                c.high,
            )
            for c in [*by_report, *by_unit]
        ),
        key=str,
    )


def test_a_stance_save_on_an_unlinked_quote_keeps_the_rollups_in_four_statements(annotator, topic):
    quote = QuoteFactory(status="confirmed", said_on=datetime.date(2020, 5, 17))
    QuoteFactory(status="confirmed", speaker=quote.speaker, said_on=datetime.date(2020, 5, 2))
    services.stance_annotation_save(quote=quote, topic=topic, annotator=annotator, value=1)
    with CaptureQueriesContext(connection) as queries:
        services.stance_annotation_save(quote=quote, topic=topic, annotator=annotator, value=-2)
    assert len(_rollup_statements(queries)) == 4
    assert _cells() == _direct()


def test_a_stance_save_on_a_linked_quote_reads_its_utterances_date_once_more(annotator, topic):
    one = QuoteFactory(status="confirmed", said_on=datetime.date(2020, 5, 17))
    other = QuoteFactory(
        status="confirmed", speaker=one.speaker, said_on=one.said_on, text=one.text
    )
    link = utterance_services.utterance_link_propose(quote=one, other=other, similarity=0.9)
    utterance_services.utterance_link_confirm(link=link, user=UserFactory())
    services.stance_annotation_save(quote=one, topic=topic, annotator=annotator, value=1)
    services.stance_annotation_save(quote=other, topic=topic, annotator=annotator, value=2)
    with CaptureQueriesContext(connection) as queries:
        services.stance_annotation_save(quote=one, topic=topic, annotator=annotator, value=-1)
    assert len(_rollup_statements(queries)) == 5
    assert _cells() == _direct()
    assert UnitStance.objects.get(topic=topic).value == 0.5  # the utterance: (-1 + 2) / 2
