"""?ordering= on /api/quotes/: undated quotes last both ways, the id breaks ties."""

import datetime

import pytest

from tests.api.helpers import ids
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_and_undated():
    undated = QuoteFactory(said_on=None)
    early = QuoteFactory(said_on=datetime.date(2020, 1, 1))
    late_a = QuoteFactory(said_on=datetime.date(2022, 1, 1))
    late_b = QuoteFactory(said_on=datetime.date(2022, 1, 1))
    return undated, early, late_a, late_b


def test_default_order_is_newest_first_with_undated_last(api_client, dated_and_undated):
    undated, early, late_a, late_b = dated_and_undated

    assert ids(api_client.get("/api/quotes/")) == [late_b.id, late_a.id, early.id, undated.id]


def test_ordering_said_on_puts_undated_quotes_last(api_client, dated_and_undated):
    undated, early, late_a, late_b = dated_and_undated

    listed = ids(api_client.get("/api/quotes/", {"ordering": "said_on"}))

    assert listed == [early.id, late_a.id, late_b.id, undated.id]


def test_ordering_minus_said_on_puts_undated_quotes_last(api_client, dated_and_undated):
    undated, early, late_a, late_b = dated_and_undated

    listed = ids(api_client.get("/api/quotes/", {"ordering": "-said_on"}))

    assert listed == [late_b.id, late_a.id, early.id, undated.id]


@pytest.mark.parametrize("ordering", ["id", "-id"])
def test_ordering_by_id(api_client, dated_and_undated, ordering):
    expected = sorted(quote.id for quote in dated_and_undated)
    if ordering == "-id":
        expected.reverse()

    assert ids(api_client.get("/api/quotes/", {"ordering": ordering})) == expected
