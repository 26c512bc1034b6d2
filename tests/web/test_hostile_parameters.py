"""Page parameters that used to be a 500 (issue 15, item 8): a comparison that starts after
every quote is an empty chart, not a crash; quote ids no database can hold are a 400."""

import pytest

from tests.factories import QuoteFactory
from tests.web.conftest import parse_svg

pytestmark = pytest.mark.django_db

AFTER_EVERY_QUOTE = {
    "speakers": "sergei-lavrov",
    "topic": "nato-russia-dialogue",
    "said_after": "9999-12-31",
}


def test_compare_page_after_every_quote_shows_an_empty_chart(client, seed):
    response = client.get("/compare/", AFTER_EVERY_QUOTE)

    assert response.status_code == 200
    parse_svg(response.content.decode())


@pytest.mark.parametrize("path", ["/compare/chart.svg", "/compare/series.csv"])
def test_compare_downloads_after_every_quote_are_empty(client, seed, path):
    response = client.get(path, AFTER_EVERY_QUOTE)

    assert response.status_code == 200
    if path.endswith(".svg"):
        parse_svg(response.content.decode())
    else:
        assert len(response.content.decode().splitlines()) == 1  # the header only


@pytest.mark.parametrize(
    "ids", ["99999999999999999999999", "9223372036854775808", "1,abc", "²", "1\x00", "0", "-3"]
)
def test_quote_ids_no_row_can_have_are_a_400(client, ids):
    QuoteFactory()

    response = client.get("/quotes/", {"ids": ids})

    assert response.status_code == 400
    assert b"ids:" in response.content


def test_quote_ids_at_the_top_of_the_range_are_looked_up(client):
    quote = QuoteFactory()

    response = client.get("/quotes/", {"ids": f"{quote.pk},9223372036854775807"})

    assert response.status_code == 200
    assert quote.text.encode() in response.content
