"""A stance save that changes nothing a rollup holds of the stored stance (its slot, value and
settled state) leaves both rollups and the units alone: no statement touches them."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes import services
from tests.factories import QuoteFactory

ROLLUP_TABLES = ("quotes_stancerollup", "quotes_unitstance", "quotes_quoterollup")


def _rollup_statements(queries):
    return [q["sql"] for q in queries if any(table in q["sql"] for table in ROLLUP_TABLES)]


def test_stance_save_with_same_value_issues_no_rollup_statement(annotator, topic):
    quote = QuoteFactory(status="confirmed", said_on=datetime.date(2020, 5, 17))
    services.stance_annotation_save(quote=quote, topic=topic, annotator=annotator, value=1)
    with CaptureQueriesContext(connection) as queries:
        services.stance_annotation_save(
            quote=quote, topic=topic, annotator=annotator, value=1, rationale="on reflection"
        )
    assert _rollup_statements(queries) == []


def test_stance_save_with_another_value_refreshes_the_rollups(annotator, topic):
    quote = QuoteFactory(status="confirmed", said_on=datetime.date(2020, 5, 17))
    services.stance_annotation_save(quote=quote, topic=topic, annotator=annotator, value=1)
    with CaptureQueriesContext(connection) as queries:
        services.stance_annotation_save(quote=quote, topic=topic, annotator=annotator, value=2)
    statements = _rollup_statements(queries)
    assert any("quotes_stancerollup" in sql for sql in statements)
    assert any("quotes_unitstance" in sql for sql in statements)
