"""Query parameters that used to be a 500 (issue 15, item 8) answer 400 keyed by the parameter,
or 404 for a page that cannot exist — on SQLite and PostgreSQL alike."""

import pytest

from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_quote(db):
    return QuoteFactory()


@pytest.mark.parametrize(
    ("params", "key", "message"),
    [
        # the message quotes the value: a % in it must not be taken for a format
        ({"speaker": "%"}, "speaker", "Unknown speaker: %."),
        ({"speaker": "%s,%(x)d"}, "speaker", "Unknown speaker: %s, %(x)d."),
        ({"ordering": ",,,,"}, "ordering", "Name a field in every comma-separated part."),
        ({"ordering": "said_on,"}, "ordering", "Name a field in every comma-separated part."),
    ],
)
def test_bad_quote_list_parameter_is_a_400_keyed_by_its_name(
    api_client, a_quote, params, key, message
):
    response = api_client.get("/api/quotes/", params)

    assert response.status_code == 400
    assert response.json() == {key: [message]}


@pytest.mark.parametrize("page", ["999999999999999999999999999999", str(2**62)])
def test_a_page_beyond_any_database_integer_is_a_404(api_client, a_quote, page):
    response = api_client.get("/api/quotes/", {"page": page})

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_an_empty_ordering_still_means_the_default_order(api_client, a_quote):
    assert api_client.get("/api/quotes/", {"ordering": ""}).status_code == 200
