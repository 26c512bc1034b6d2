"""Statements compiled once (quotes/api/prepared.py) read the same rows as the ORM, in one query."""

import random

import pytest

from quotes.api import quote_rows
from quotes.api.prepared import ByIds
from quotes.models import Quote, QuoteStance
from tests.factories import EventFactory, QuoteFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotes(annotator):
    made = [QuoteFactory(event=EventFactory()), QuoteFactory(affiliation=None, said_on=None)]
    made += [QuoteFactory() for _ in range(5)]
    for quote in made[::2]:
        StanceAnnotationFactory(quote=quote, topic=TopicFactory(), annotator=annotator, value=1)
    return made


def test_rows_by_ids_are_the_orms_rows_in_the_order_asked(quotes, django_assert_num_queries):
    """Every size (each compiled once, padded to a power of two) and every order: the rows and
    their converted values (dates, nulls) are what ``values()`` reads, one query each time."""
    ids = [quote.pk for quote in quotes]
    for size in range(1, len(ids) + 1):
        asked = random.Random(size).sample(ids, size)
        expected = {row["id"]: row for row in Quote.objects.values(*quote_rows.ROW_FIELDS)}
        with django_assert_num_queries(1):
            rows = quote_rows.rows_by_ids(asked)
        assert rows == [expected[pk] for pk in asked]


def test_stance_rows_keep_booleans_and_topic_order(quotes):
    statement = ByIds(
        QuoteStance,
        lambda ids: (
            QuoteStance.objects.filter(quote_id__in=ids)
            .order_by("topic__slug")
            .values_list("quote_id", "topic__slug", "topic__released", "is_settled", "value")
        ),
    )
    ids = [quote.pk for quote in quotes]
    expected = QuoteStance.objects.filter(quote_id__in=ids).order_by("topic__slug")
    rows = statement.rows(ids)

    assert [tuple(row) for row in rows] == list(
        expected.values_list("quote_id", "topic__slug", "topic__released", "is_settled", "value")
    )
    assert rows and all(isinstance(row[2], bool) and isinstance(row[3], bool) for row in rows)


def test_no_ids_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert quote_rows.rows_by_ids([]) == []


def test_a_statement_with_another_parameter_is_refused(quotes):
    """Only the ids may vary: a compiled filter value would be reused for every later caller."""
    statement = ByIds(Quote, lambda ids: Quote.objects.filter(pk__in=ids, status="confirmed"))
    with pytest.raises(ValueError, match="no parameter but its ids"):
        statement.rows([quotes[0].pk])
