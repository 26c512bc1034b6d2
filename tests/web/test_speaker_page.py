"""A speaker's page: who they are, their roles, their confirmed quotes and their stance chart."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from quotes.models import DatePrecision, Quote
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    TopicFactory,
    quote_with_stances,
)
from tests.web.conftest import SVG, parse_svg


@pytest.fixture
def speaker(topic):
    """Sergei, alias Sergey, minister at the Ministry since 2004; two confirmed quotes (Oct 2021
    +2 and a month-precise January 2022 −1) and a proposed one that must not show."""
    speaker = SpeakerFactory(slug="sergei", name="Sergei", country="RU")
    SpeakerAliasFactory(speaker=speaker, name="Sergey")
    ministry = OrganizationFactory(name="The Ministry")
    role = AffiliationFactory(
        speaker=speaker,
        organization=ministry,
        role="Minister",
        started_on=datetime.date(2004, 3, 9),
    )
    older = "Channels must stay open,"
    quote_with_stances(
        topic,
        [2],
        speaker=speaker,
        affiliation=role,
        text=older,
        source__text=f"“{older}” he said.",
    )
    newer = "Channels are closed,"
    quote_with_stances(
        topic,
        [-1],
        speaker=speaker,
        affiliation=role,
        text=newer,
        source__text=f"“{newer}” he said.",
        said_on=datetime.date(2022, 1, 1),
        said_on_precision=DatePrecision.MONTH,
    )
    quote_with_stances(topic, [0], speaker=speaker, affiliation=role, status=Quote.Status.PROPOSED)
    return speaker


def test_speaker_page_shows_who_roles_and_quotes_newest_first(speaker, client):
    html = client.get("/speakers/sergei/").content.decode()

    assert "<h1>Sergei</h1>" in html
    assert "Sergey" in html
    assert "Minister" in html and "The Ministry" in html and "9 March 2004" in html
    listed = html[html.index("<h2>Quotes</h2>") :]
    assert listed.index("Channels are closed,") < listed.index("Channels must stay open,")
    assert "January 2022 ·" in html and "1 January 2022" not in html
    assert "We want dialogue," not in html  # the proposed quote
    for quote in Quote.objects.confirmed().filter(speaker=speaker):
        assert f'href="/quotes/{quote.pk}/"' in html
    assert "NATO–Russia dialogue +2.00 (1 annotator)" in html


def test_speaker_page_draws_the_stance_chart_per_topic(speaker, client):
    svg = parse_svg(client.get("/speakers/sergei/").content.decode())

    assert [c.get("data-period") for c in svg.iter(f"{SVG}circle")] == ["2021-10", "2022-01"]


def test_speaker_page_by_alias_redirects_to_the_canonical_slug(speaker, client):
    response = client.get("/speakers/sergey/")

    assert response.status_code == 302
    assert response["Location"] == "/speakers/sergei/"
    again = client.get("/speakers/sergey/?topic=nato-russia-dialogue&bucket=year")
    assert again["Location"] == "/speakers/sergei/?topic=nato-russia-dialogue&bucket=year"


def test_unknown_speaker_page_is_404(db, client):
    assert client.get("/speakers/nobody/").status_code == 404


def test_speaker_page_charts_one_topic_at_a_time_and_links_the_others(speaker, client, topic):
    other = TopicFactory(slug="arms", name="Arms control")
    quote_with_stances(other, [1], speaker=speaker, affiliation=speaker.affiliations.first())

    first = client.get("/speakers/sergei/")
    chosen = client.get("/speakers/sergei/?topic=nato-russia-dialogue&bucket=year")

    assert [item["topic"] for item in first.context["charts"]] == [other]  # by name
    assert 'href="?topic=nato-russia-dialogue&amp;bucket=month"' in first.content.decode()
    assert [item["topic"] for item in chosen.context["charts"]] == [topic]
    assert 'href="?topic=nato-russia-dialogue&amp;bucket=month"' in chosen.content.decode()


def test_a_topic_the_speaker_has_no_chart_on_is_a_400_naming_topic(speaker, client):
    TopicFactory(slug="unspoken")

    for topic in ("unspoken", "\x00", "x" * 5000):
        response = client.get("/speakers/sergei/", {"topic": topic})

        assert response.status_code == 400
        assert "<strong>topic:</strong>" in response.content.decode()


def test_speaker_chart_downloads_as_svg_png_and_csv_with_the_same_points(speaker, client, svg_ns):
    html = client.get("/speakers/sergei/").content.decode()
    series = "speakers=sergei&amp;topic=nato-russia-dialogue&amp;bucket=month"

    for href in (f"/compare/chart.svg?{series}", f"/compare/series.csv?{series}"):
        assert f'href="{href}"' in html
    assert f'data-png-from="/compare/chart.svg?{series}"' in html
    assert f'href="/api/compare/?{series}"' in html
    downloaded = client.get("/compare/chart.svg?" + series.replace("&amp;", "&"))
    points = ET.fromstring(downloaded.content).findall(f".//{svg_ns}circle[@class='point']")
    assert [p.get("data-period") for p in points] == ["2021-10", "2022-01"]
