import xml.etree.ElementTree as ET

import pytest

SVG = "{http://www.w3.org/2000/svg}"


def parse_svg(html: str) -> ET.Element:
    """The first inline <svg> of a page, parsed as XML (which also proves it well-formed)."""
    start = html.index("<svg")
    return ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])


@pytest.fixture
def svg_ns():
    return SVG
