"""The SVG builder: well-formed, accessible, escaped, and honest about an empty range."""

import datetime
import xml.etree.ElementTree as ET

from quotes import analysis
from quotes.models import Topic
from quotes.web.charts import signed, stance_chart
from tests.web.conftest import SVG

OCT = datetime.date(2021, 10, 1)


def _comparison(series, periods, events=()):
    return analysis.Comparison(
        topic=Topic(slug="t", name="Dialogue"),
        bucket="month",
        periods=periods,
        series=series,
        events=list(events),
        start=periods[0].start if periods else None,
        end=periods[-1].end if periods else None,
    )


def test_chart_escapes_labels_titles_and_event_names():
    point = analysis.Point(
        "2021-10",
        OCT,
        count=1,
        with_stance=1,
        mean=1.0,
        min=1.0,
        max=1.0,
        quote_ids=[7],
        excerpts={7: 'He said "<b>no</b>" & left'},
    )
    series = analysis.Series("a", "A <script>", "speaker", [point])
    event = analysis.EventMark("e", "Talks & <tea>", datetime.date(2021, 10, 5), "day")
    periods = [analysis.Period("2021-10", OCT, datetime.date(2021, 10, 31))]

    markup = stance_chart(
        _comparison([series], periods, [event]), title="T & t", href_for=lambda p: "/q/?ids=1&x=2"
    )

    svg = ET.fromstring(markup)  # raises if anything unescaped broke the XML
    assert svg.get("role") == "group" and svg.find(f"{SVG}title").text == "T & t"
    assert svg.find(f".//{SVG}a").get("href") == "/q/?ids=1&x=2"
    assert '“He said "<b>no</b>" & left”' in svg.find(f".//{SVG}circle/{SVG}title").text
    assert "<script>" not in markup


def test_chart_of_an_empty_range_says_so():
    svg = ET.fromstring(stance_chart(_comparison([], []), title="Empty"))

    assert [t.text for t in svg.iter(f"{SVG}text")] == ["No quotes in this range."]


def test_signed_uses_a_real_minus_sign():
    assert (signed(1.5), signed(-0.25), signed(0.0)) == ("+1.50", "−0.25", "0.00")
