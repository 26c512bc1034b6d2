"""The compare page: a server-rendered chart, its table, and the SVG and CSV downloads."""

import csv
import datetime
import io

import pytest

from tests.factories import EventFactory, SpeakerFactory, quote_with_stances
from tests.web.conftest import SVG, parse_svg

URL = "?speakers=ann,bob&topic=nato-russia-dialogue&bucket=month"


@pytest.fixture
def quotes(topic):
    """Ann: October 2021 one quote (+2); Bob: October two quotes (−1, −2 → −1.5), November
    one (+1, a change of +2.5). Events on 1 Nov 2021 (in range) and 1 Jan 2020 (out of it)."""
    ann, bob = SpeakerFactory(slug="ann", name="Ann"), SpeakerFactory(slug="bob", name="Bob")
    text = "Dialogue <is> over,"
    solo = quote_with_stances(
        topic, [2], speaker=ann, text=text, source__text=f"“{text}” she said."
    )
    pair = [quote_with_stances(topic, [value], speaker=bob) for value in (-1, -2)]
    november = quote_with_stances(topic, [1], speaker=bob, said_on=datetime.date(2021, 11, 3))
    EventFactory(slug="talks", title="Talks & more", occurred_on=datetime.date(2021, 11, 1))
    EventFactory(slug="long-ago", occurred_on=datetime.date(2020, 1, 1))
    return {"solo": solo, "pair": pair, "november": november}


def test_compare_page_draws_one_point_per_series_and_period_with_a_mean(quotes, client):
    response = client.get("/compare/" + URL)

    assert response.status_code == 200
    svg = parse_svg(response.content.decode())
    assert svg.get("role") == "group"
    points = sorted((c.get("data-series"), c.get("data-period")) for c in svg.iter(f"{SVG}circle"))
    assert points == [("ann", "2021-10"), ("bob", "2021-10"), ("bob", "2021-11")]
    assert [g.get("data-event") for g in svg.iter(f"{SVG}g") if g.get("class") == "event"] == [
        "talks"
    ]


def test_a_point_links_to_its_quote_or_to_the_list_of_its_quotes(quotes, client):
    svg = parse_svg(client.get("/compare/" + URL).content.decode())
    links = {
        a.find(f"{SVG}circle").get("data-series")
        + " "
        + a.find(f"{SVG}circle").get("data-period"): a.get("href")
        for a in svg.iter(f"{SVG}a")
    }

    first, second = sorted(quote.pk for quote in quotes["pair"])
    assert links["ann 2021-10"] == f"/quotes/{quotes['solo'].pk}/"
    assert links["bob 2021-10"] == f"/quotes/?ids={first},{second}"


def test_a_point_shows_period_mean_count_and_quote_text_on_hover(quotes, client):
    svg = parse_svg(client.get("/compare/" + URL).content.decode())
    titles = {
        c.get("data-series") + " " + c.get("data-period"): c.find(f"{SVG}title").text
        for c in svg.iter(f"{SVG}circle")
    }

    assert titles["ann 2021-10"].startswith("Ann, 2021-10: mean +2.00")
    assert "1 quote" in titles["ann 2021-10"]
    assert "“Dialogue <is> over,”" in titles["ann 2021-10"]
    assert "Bob, 2021-11: mean +1.00" in titles["bob 2021-11"]


def test_table_under_the_chart_carries_the_same_numbers(quotes, client):
    html = client.get("/compare/" + URL).content.decode()

    assert '<tr data-series="bob" data-period="2021-10">' in html
    assert "−1.50" in html
    assert "+2.50 <strong>shift</strong>" in html


def test_compare_page_without_parameters_shows_the_form(topic, client):
    response = client.get("/compare/")

    assert response.status_code == 200
    assert b"<svg" not in response.content
    assert b'name="speakers"' in response.content


def test_compare_page_names_a_bad_parameter_with_400(topic, client):
    response = client.get("/compare/?speakers=nobody&topic=nato-russia-dialogue&bucket=week")

    assert response.status_code == 400
    assert b"<strong>speakers</strong>" in response.content
    assert b"<strong>bucket</strong>" in response.content


def test_chart_downloads_as_an_svg_file_with_absolute_links(quotes, client):
    response = client.get("/compare/chart.svg" + URL)

    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == (
        'attachment; filename="stance-nato-russia-dialogue-month.svg"'
    )
    body = response.content.decode()
    assert body.startswith('<?xml version="1.0"')
    assert f'href="http://testserver/quotes/{quotes["solo"].pk}/"' in body
    assert "Talks &amp; more" in body


def test_series_download_as_csv_one_row_per_series_and_period_with_quotes(quotes, client):
    response = client.get("/compare/series.csv" + URL)

    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["series"], r["period"], r["quotes"], r["mean"], r["shift"]) for r in rows] == [
        ("ann", "2021-10", "1", "2.0", "0"),
        ("bob", "2021-10", "2", "-1.5", "0"),
        ("bob", "2021-11", "1", "1.0", "1"),
    ]


def test_downloads_answer_400_on_bad_parameters(topic, client):
    response = client.get("/compare/series.csv?topic=nato-russia-dialogue")

    assert response.status_code == 400
    assert response.content.startswith(b"speakers:")


def test_a_busy_point_shows_the_first_few_quotes_and_counts_the_rest(topic, client):
    """Seven coded quotes in one month: the hover text quotes the first five (by id) and says
    how many more there are (only those five texts are read, however busy the month)."""
    speaker = SpeakerFactory(slug="busy", name="Busy")
    quotes = [
        quote_with_stances(
            topic, [1], speaker=speaker, text=f"Point {n},", source__text=f"“Point {n},” said."
        )
        for n in range(7)
    ]
    body = client.get("/compare/?speakers=busy&topic=nato-russia-dialogue").content.decode()

    [title] = [t.text for t in parse_svg(body).iter(f"{SVG}title") if "Busy, 2021-10" in t.text]
    assert [line for line in title.splitlines() if line.startswith("“")] == [
        f"“Point {n},”" for n in range(5)
    ]
    assert title.endswith("… and 2 more")
    assert sorted(q.pk for q in quotes)[:5] == [q.pk for q in quotes[:5]]


def test_the_table_links_the_first_ten_quotes_of_a_period_and_counts_the_rest(topic, client):
    speaker = SpeakerFactory(slug="busy", name="Busy")
    quotes = [quote_with_stances(topic, [1], speaker=speaker) for _ in range(12)]
    body = client.get("/compare/?speakers=busy&topic=nato-russia-dialogue").content.decode()

    row = body[body.index('<tr data-series="busy"') :].split("</tr>")[0]
    first_ten = sorted(quote.pk for quote in quotes)[:10]
    assert [f'href="/quotes/{pk}/"' in row for pk in first_ten] == [True] * 10
    assert "… and 2 more" in row


def test_the_chart_comes_before_the_picker_once_there_is_a_comparison(quotes, client):
    """On a phone the picker's fields would otherwise push the chart off the first screen."""
    asked = client.get("/compare/" + URL).content.decode()
    empty = client.get("/compare/").content.decode()

    assert asked.index('<figure class="chart">') < asked.index('<form class="compare filters"')
    assert 'href="#change">change the comparison</a>' in asked
    assert '<form class="compare filters"' in empty and "<figure" not in empty
