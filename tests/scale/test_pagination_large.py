"""LargeListPagination: a bounded count, or none, and DRF's response shape otherwise."""

import pytest
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory

from quotes.api.pagination_large import LargeListPagination, bounded_count
from quotes.models import Quote
from tests.factories import QuoteFactory


class SmallLimit(LargeListPagination):
    count_limit = 3


class QuoteIds(serializers.ModelSerializer):
    class Meta:
        model = Quote
        fields = ["id"]


class QuoteList(generics.ListAPIView):
    queryset = Quote.objects.order_by("-id")
    serializer_class = QuoteIds
    pagination_class = SmallLimit
    permission_classes = [AllowAny]
    authentication_classes = []


def get(**params):
    response = QuoteList.as_view()(APIRequestFactory().get("/quotes/", params))
    response.render()
    return response


@pytest.fixture
def five_quotes(db):
    return [QuoteFactory(kind=Quote.Kind.INDIRECT) for _ in range(5)]


def test_count_is_exact_up_to_the_limit(five_quotes):
    body = get(page_size=2, page=2).data
    assert body["count"] == 3 and body["count_exact"] is False  # 5 rows, limit 3
    assert [row["id"] for row in body["results"]] == [five_quotes[2].pk, five_quotes[1].pk]
    assert "page=3" in body["next"] and body["previous"].endswith("page_size=2")


def test_short_first_page_runs_the_same_queries_as_a_long_one(
    five_quotes, django_assert_num_queries
):
    with django_assert_num_queries(2):  # the page and the bounded count, whatever the data
        body = get(page_size=10).data
    assert body["count"] == 5 and body["count_exact"] is True and body["next"] is None


def test_count_false_skips_the_count(five_quotes, django_assert_num_queries):
    with django_assert_num_queries(1):  # the page, read one row long to find the next page
        body = get(page_size=2, count="false").data
    assert body["count"] is None and body["count_exact"] is False
    assert body["next"] is not None and len(body["results"]) == 2


def test_last_page_has_no_next(five_quotes):
    body = get(page_size=2, page=3, count="false").data
    assert body["next"] is None and len(body["results"]) == 1


@pytest.mark.parametrize(
    "params, status",
    [
        ({"page": 4, "page_size": 2}, 404),
        ({"page": "x"}, 404),
        ({"count": "maybe"}, 400),
    ],  # fmt: skip
)
def test_bad_pages_are_refused(five_quotes, params, status):
    assert get(**params).status_code == status


def test_a_search_without_words_answers_an_empty_page_without_a_query(
    five_quotes, api_client, django_assert_num_queries
):
    """Only punctuation matches nothing (quotes.search): no page, count or stance query."""
    with django_assert_num_queries(0):
        body = api_client.get("/api/quotes/", {"q": "!!!"}).json()
    assert (body["count"], body["count_exact"], body["results"]) == (0, True, [])


def test_the_bounded_count_stops_at_the_limit(five_quotes):
    assert bounded_count(Quote.objects.all(), 3) == 3
    assert bounded_count(Quote.objects.all(), 10) == 5
    assert bounded_count(Quote.objects.filter(text="no such quote"), 10) == 0
