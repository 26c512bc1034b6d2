"""Every SVG the app serves is well-formed XML, even when a name, a quote or an event holds
characters XML cannot carry (control characters from data stored before validation refused
them). A browser shows nothing at all of an SVG file that is not well-formed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import get_resolver

from quotes.models import Event, Quote, Speaker, Topic
from tests.factories import EventFactory, SpeakerFactory, quote_with_stances
from tests.web.conftest import parse_svg

HOSTILE = "Ctl\x0bName\x01 <&> \x1f\x7f\ufffe"
COMPARE = "?speakers=ann,bob&topic=nato-russia-dialogue&bucket=month"

# Each route that answers with an SVG file, and a query that draws one. A new .svg route fails
# test_every_svg_route_is_checked until it is added here.
SVG_FILES = {"compare/chart.svg": "/compare/chart.svg" + COMPARE}
PAGES_WITH_SVG = ["/compare/" + COMPARE, "/speakers/ann/"]


@pytest.fixture
def hostile_data(topic):
    """Two speakers, a quote, an event and the topic, all named with control characters that
    reach the database past validation (``update()`` does not validate)."""
    ann, bob = SpeakerFactory(slug="ann"), SpeakerFactory(slug="bob")
    quote_with_stances(topic, [2], speaker=ann)
    quote_with_stances(topic, [-1], speaker=bob, said_on=datetime.date(2021, 11, 3))
    EventFactory(slug="talks", occurred_on=datetime.date(2021, 10, 20))
    Speaker.objects.update(name=HOSTILE)
    Quote.objects.update(text=HOSTILE)
    Event.objects.update(title=HOSTILE)
    Topic.objects.update(name=HOSTILE)


def _svg_routes(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from _svg_routes(pattern.url_patterns, route)
        elif route.rstrip("$").endswith(".svg"):
            yield route.lstrip("^").rstrip("$")


def test_every_svg_route_is_checked():
    assert set(_svg_routes()) == set(SVG_FILES), "add the new .svg route to SVG_FILES"


@pytest.mark.parametrize("url", SVG_FILES.values())
def test_an_svg_file_with_hostile_names_parses_as_xml(hostile_data, client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    svg = ET.fromstring(response.content)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Ctl" in response.content.decode()  # the name is shown, without its controls


@pytest.mark.parametrize("url", PAGES_WITH_SVG)
def test_an_inline_chart_with_hostile_names_parses_as_xml(hostile_data, client, url):
    response = client.get(url)
    assert response.status_code == 200
    parse_svg(response.content.decode())
