"""Page sizes are bounded: 1 to 500, default 50; anything else is a 400 naming page_size."""

import pytest

from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db


def test_default_page_size_is_50(api_client, settings):
    from quotes.api.pagination import PageNumberPagination

    assert PageNumberPagination.page_size == settings.REST_FRAMEWORK["PAGE_SIZE"] == 50


def test_page_size_chooses_rows_per_page(api_client):
    quotes = QuoteFactory.create_batch(3)

    first = api_client.get("/api/quotes/", {"page_size": 2}).json()
    second = api_client.get("/api/quotes/", {"page_size": 2, "page": 2}).json()

    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["next"] is not None
    assert len(second["results"]) == 1
    listed = {row["id"] for row in first["results"] + second["results"]}
    assert listed == {quote.id for quote in quotes}


def test_page_size_500_is_allowed(api_client):
    QuoteFactory()

    assert api_client.get("/api/quotes/", {"page_size": 500}).status_code == 200


@pytest.mark.parametrize("page_size", ["0", "-1", "abc", "501", "2.5"])
@pytest.mark.parametrize("path", ["/api/quotes/", "/api/speakers/", "/api/sources/"])
def test_bad_page_size_is_a_400_naming_page_size(api_client, page_size, path):
    response = api_client.get(path, {"page_size": page_size})

    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_page_beyond_the_end_is_404(api_client):
    QuoteFactory()

    assert api_client.get("/api/quotes/", {"page": 2}).status_code == 404
