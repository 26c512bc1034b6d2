"""What makes a chart worth putting in a paper: the codebook's ends on the axis, the quotes behind
each point, their range as a whisker, events that never overlap, a legend, a narrow layout."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from quotes import analysis
from quotes.models import Topic
from quotes.web.charts import EVENT_GAP, NARROW, PALETTE, stance_chart
from tests.web.conftest import SVG

OCT = datetime.date(2021, 10, 1)
NOV = datetime.date(2021, 11, 1)


def _comparison(series, events=()):
    periods = [
        analysis.Period("2021-10", OCT, datetime.date(2021, 10, 31)),
        analysis.Period("2021-11", NOV, datetime.date(2021, 11, 30)),
    ]
    return analysis.Comparison(
        topic=Topic(slug="t", name="dialogue"),
        bucket="month",
        periods=periods,
        series=series,
        events=list(events),
        start=OCT,
        end=datetime.date(2021, 11, 30),
    )


def _point(start, count, mean, low, high):
    ids = list(range(1, count + 1))
    return analysis.Point(start.strftime("%Y-%m"), start, count, count, mean, low, high, ids)


@pytest.fixture
def chart():
    one = analysis.Series("a", "Ann", "speaker", [_point(OCT, 1, 1.0, 1.0, 1.0)])
    many = analysis.Series(
        "b", "Bob", "speaker", [_point(OCT, 40, -0.5, -2.0, 2.0), _point(NOV, 3, 0, -1, 1)]
    )
    # Five events within four days: their numbers would sit on top of each other in one row.
    events = [
        analysis.EventMark(f"e{n}", f"Event {n}", datetime.date(2021, 10, 10 + n), "day")
        for n in range(5)
    ]
    return ET.fromstring(stance_chart(_comparison([one, many], events), title="T"))


def test_stance_axis_carries_the_codebooks_ends(chart):
    ends = [t.text for t in chart.iter(f"{SVG}text") if t.get("class") == "axis-end"]

    assert ends == ["for dialogue", "against dialogue"]


def test_a_point_grows_with_its_quotes_and_says_how_many(chart):
    points = {p.get("data-count"): float(p.get("r")) for p in chart.iter(f"{SVG}circle")}

    assert points["1"] < points["3"] < points["40"]


def test_whiskers_span_the_periods_lowest_to_highest_stance(chart):
    whiskers = [w for w in chart.iter(f"{SVG}line") if w.get("class") == "whisker"]

    # Bob's two periods with a range; Ann's single quote has none to draw.
    assert [w.get("data-series") for w in whiskers] == ["b", "b"]
    top, bottom = float(whiskers[0].get("y1")), float(whiskers[0].get("y2"))
    assert bottom - top == pytest.approx(280)  # −2 … +2: the plot's full height


def test_event_numbers_never_overlap(chart):
    numbers = [
        (float(g.find(f"{SVG}text").get("x")), float(g.find(f"{SVG}text").get("y")))
        for g in chart.iter(f"{SVG}g")
        if g.get("class") == "event"
    ]

    assert len(numbers) == 5
    for index, (x, y) in enumerate(numbers):
        for other_x, other_y in numbers[index + 1 :]:
            assert y != other_y or abs(x - other_x) >= EVENT_GAP


def test_series_take_the_okabe_ito_palette_in_order_and_the_legend_names_them(chart):
    legend = [g for g in chart.iter(f"{SVG}g") if g.get("class") == "legend-item"]

    assert [g.find(f"{SVG}text").text for g in legend] == ["Ann", "Bob"]
    assert [g.find(f"{SVG}rect").get("fill") for g in legend] == list(PALETTE[:2])


def test_narrow_layout_is_400_wide_with_larger_type():
    series = analysis.Series("a", "Ann", "speaker", [_point(OCT, 2, 1.0, 0.0, 2.0)])
    svg = ET.fromstring(stance_chart(_comparison([series]), title="T", width=NARROW))

    assert svg.get("viewBox").startswith("0 0 400 ")
    assert int(svg.get("font-size")) > 12
