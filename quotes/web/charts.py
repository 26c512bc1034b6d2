"""An SVG line chart of stances over time, rendered on the server (no CDN; a small script of the
app's own, ``static/web/chart-tooltip.js``, turns each point's hover text into a tooltip that
mouse, keyboard and touch can open).

The chart reads a ``quotes.analysis.Comparison`` as it is: one series per speaker (or
organization) in the Okabe–Ito colour-blind-safe palette, a point per period with a mean whose
area grows with the number of quotes behind it, a whisker from the period's lowest to highest
stance, a line through the means, the codebook's two ends on the stance axis, numbered event
markers staggered so that none overlaps another, and a legend. Every value is drawn with SVG
attributes rather than CSS, so a downloaded file looks the same as the page. ``width`` gives a
wide (800) or a narrow (400, for phones) layout of the same chart.
"""

import datetime
import math
from collections.abc import Callable

from django.utils.html import escape as escape_html
from django.utils.safestring import SafeString, mark_safe

from quotes.analysis import Comparison, Point, Series
from quotes.display import signed  # +1.50, −0.25: the one rounding and minus sign
from quotes.text import strip_control_characters

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency; black and grey last.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")
WIDTH, NARROW = 800, 400
LEFT, RIGHT = 44, 16
PLOT_HEIGHT = {WIDTH: 280, NARROW: 240}
LEGEND_ROW = 20
TICK_AREA = 48
EVENT_ROW = 16
EVENT_LANE = 13  # height of one row of staggered event numbers
EVENT_GAP = 16  # least horizontal room between two event numbers in one row
MIN_TICK_GAP = 60
DODGE = 7  # px between the series' points of one period
TOOLTIP_QUOTES = 5
STANCE_TICKS = {2: "+2", 1: "+1", 0: "0", -1: "−1", -2: "−2"}


def shorten(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def escape(value) -> str:
    """``value`` escaped for XML, without the characters XML cannot carry (names stored before
    validation refused them)."""
    return escape_html(strip_control_characters(str(value))[0])


def _el(tag: str, attrs: dict, children: str = "") -> str:
    rendered = "".join(
        f' {name}="{escape(value)}"' for name, value in attrs.items() if value is not None
    )
    return f"<{tag}{rendered}>{children}</{tag}>" if children else f"<{tag}{rendered}/>"


def _num(value: float) -> str:
    return f"{value:.1f}"


def point_title(series: Series, point: Point) -> str:
    """The hover text of a point: period, mean, counts and the quotes' texts, shortened."""
    plural = "quote" if point.count == 1 else "quotes"
    lines = [
        f"{series.label}, {point.period}: mean {signed(point.mean)} "
        f"(min {signed(point.min)}, max {signed(point.max)}); {point.count} {plural}, "
        f"{point.with_stance} with a stance"
    ]
    shown = point.quote_ids[:TOOLTIP_QUOTES]
    lines += [f"“{shorten(point.excerpts.get(pk, ''), 100)}”" for pk in shown]
    if len(point.quote_ids) > len(shown):
        lines.append(f"… and {len(point.quote_ids) - len(shown)} more")
    return "\n".join(lines)


def radius(count: int) -> float:
    """A point's radius: its area grows with the quotes behind it (1 → 4, 10 → 7, 100+ → 12)."""
    return min(4 + (count > 1) + 3 * math.log10(max(count, 1)), 12)


class _Layout:
    """Positions: a time axis from the comparison's start to its end, stance from −2 to +2."""

    def __init__(self, comparison: Comparison, legend_rows: int, width: int):
        self.width = width
        self.height = PLOT_HEIGHT.get(width, PLOT_HEIGHT[WIDTH])
        self.right = width - RIGHT
        self.start = comparison.start
        # No end without periods (said_after past every quote): an empty axis.
        known = comparison.start and comparison.end
        self.days = max((comparison.end - comparison.start).days, 1) if known else 1
        self.ends = {period.start: period.end for period in comparison.periods}
        self.event_rows = self._stagger(comparison) if known else []
        lanes = max(self.event_rows, default=-1) + 1
        self.top = 12 + legend_rows * LEGEND_ROW + 8 + lanes * EVENT_LANE
        self.bottom = self.top + self.height

    def _stagger(self, comparison: Comparison) -> list[int]:
        """Each event's row: the first whose last number is far enough to the left."""
        rows, last = [], []
        for event in comparison.events:
            x = self.x(event.occurred_on)
            for row, end in enumerate(last):
                if x - end >= EVENT_GAP:
                    last[row] = x
                    rows.append(row)
                    break
            else:
                last.append(x)
                rows.append(len(last) - 1)
        return rows

    def x(self, day: datetime.date) -> float:
        share = min(max((day - self.start).days / self.days, 0.0), 1.0)
        return LEFT + share * (self.right - LEFT)

    def middle(self, start: datetime.date) -> float:
        """x of the middle of the period starting on ``start``: where its point sits."""
        return self.x(start + (self.ends[start] - start) / 2)

    def y(self, stance: float) -> float:
        return self.top + (2 - stance) / 4 * self.height


def _legend(comparison: Comparison, width: int) -> tuple[list[str], int]:
    parts, x, row = [], LEFT, 0
    for index, series in enumerate(comparison.series):
        item = 28 + 7 * len(series.label)
        if x + item > width - RIGHT and x > LEFT:
            x, row = LEFT, row + 1
        y = 12 + row * LEGEND_ROW
        color = PALETTE[index % len(PALETTE)]
        parts.append(
            _el(
                "g",
                {"class": "legend-item", "data-series": series.key},
                _el("rect", {"x": x, "y": y, "width": 12, "height": 12, "rx": 6, "fill": color})
                + _el("text", {"x": x + 18, "y": y + 11}, escape(series.label)),
            )
        )
        x += item
    return parts, row + 1 if comparison.series else 0


def _axes(comparison: Comparison, layout: _Layout) -> list[str]:
    parts = []
    for stance, label in STANCE_TICKS.items():
        y = _num(layout.y(stance))
        parts.append(
            _el(
                "line",
                {"x1": LEFT, "x2": layout.right, "y1": y, "y2": y}
                | {"stroke": "#888" if stance == 0 else "#ddd", "stroke-width": 1},
            )
        )
        parts.append(
            _el("text", {"x": LEFT - 6, "y": y, "text-anchor": "end", "dy": "0.35em"}, label)
        )
    # The codebook's two ends, inside the plot by the top and bottom lines.
    name = shorten(comparison.topic.name, 40 if layout.width > NARROW else 28)
    for stance, text, dy in ((2, f"for {name}", "1.1em"), (-2, f"against {name}", "-0.5em")):
        parts.append(
            _el(
                "text",
                {"class": "axis-end", "x": LEFT + 4, "y": _num(layout.y(stance)), "dy": dy}
                | {"fill": "#444", "font-style": "italic"},
                escape(text),
            )
        )
    last_tick = None
    for period in comparison.periods:
        x = layout.middle(period.start)
        parts.append(
            _el(
                "line",
                {"x1": _num(x), "x2": _num(x), "y1": layout.bottom, "y2": layout.bottom + 5}
                | {"stroke": "#666"},
            )
        )
        if last_tick is None or x - last_tick >= MIN_TICK_GAP:
            attrs = {"class": "tick", "x": _num(x), "y": layout.bottom + 18}
            parts.append(_el("text", attrs | {"text-anchor": "middle"}, escape(period.label)))
            last_tick = x
    parts.append(
        _el(
            "line",
            {"x1": LEFT, "x2": layout.right, "y1": layout.bottom, "y2": layout.bottom}
            | {"stroke": "#666"},
        )
    )
    axis = f"said in ({comparison.bucket}) · point size: quotes · whisker: min–max"
    parts.append(
        _el(
            "text",
            {"x": LEFT, "y": layout.bottom + 34, "fill": "#444"},
            escape(axis if layout.width > NARROW else axis.replace("point size", "size")),
        )
    )
    return parts


def _events(comparison: Comparison, layout: _Layout) -> tuple[list[str], list[str]]:
    markers, notes = [], []
    for number, (event, row) in enumerate(
        zip(comparison.events, layout.event_rows, strict=True), start=1
    ):
        x = _num(layout.x(event.occurred_on))
        label = f"{event.occurred_on:%Y-%m-%d} {event.title}"
        y = layout.top - 4 - row * EVENT_LANE
        markers.append(
            _el(
                "g",
                {"class": "event", "data-event": event.slug, "data-row": row},
                _el("title", {}, escape(f"{number}. {label}"))
                + _el(
                    "line",
                    {"x1": x, "x2": x, "y1": y + 2, "y2": layout.bottom}
                    | {"stroke": "#777", "stroke-dasharray": "4 3"},
                )
                + _el(
                    "text",
                    {"x": x, "y": y, "text-anchor": "middle", "font-size": 11},
                    str(number),
                ),
            )
        )
        y = layout.bottom + TICK_AREA + (number - 1) * EVENT_ROW
        length = 110 if layout.width > NARROW else 44
        notes.append(
            _el("text", {"x": LEFT, "y": y}, escape(f"{number}. {shorten(label, length)}"))
        )
    return markers, notes


def _series(
    comparison: Comparison, layout: _Layout, href_for: Callable[[Point], str | None]
) -> list[str]:
    parts = []
    for index, series in enumerate(comparison.series):
        color = PALETTE[index % len(PALETTE)]
        drawn = [point for point in series.points if point.mean is not None]
        # Side by side in a period, so that whiskers of one period do not hide each other.
        dodge = (index - (len(comparison.series) - 1) / 2) * DODGE
        coords = [(layout.middle(point.start) + dodge, point) for point in drawn]
        if len(coords) > 1:
            line = " ".join(f"{_num(x)},{_num(layout.y(p.mean))}" for x, p in coords)
            parts.append(
                _el(
                    "polyline",
                    {"class": "line", "data-series": series.key, "points": line}
                    | {"fill": "none", "stroke": color, "stroke-width": 2},
                )
            )
        for x, point in coords:
            if point.min is not None and point.max is not None and point.max > point.min:
                parts.append(
                    _el(
                        "line",
                        {"class": "whisker", "data-series": series.key}
                        | {"x1": _num(x), "x2": _num(x)}
                        | {"y1": _num(layout.y(point.max)), "y2": _num(layout.y(point.min))}
                        | {"stroke": color, "stroke-width": 2, "stroke-opacity": 0.55},
                    )
                )
            circle = _el(
                "circle",
                {
                    "class": "point",
                    "data-series": series.key,
                    "data-series-kind": series.kind,
                    "data-period": point.period,
                    "data-count": point.count,
                    "cx": _num(x),
                    "cy": _num(layout.y(point.mean)),
                    "r": _num(radius(point.with_stance or point.count)),
                    "fill": color,
                    "fill-opacity": 0.9,
                    "stroke": "#000" if point.shift else "#fff",
                    "stroke-width": 2 if point.shift else 1,
                },
                _el("title", {}, escape(point_title(series, point))),
            )
            href = href_for(point)
            parts.append(
                _el("a", {"href": href, "class": "point-link"}, circle) if href else circle
            )
    return parts


def stance_chart(
    comparison: Comparison,
    *,
    title: str,
    href_for: Callable[[Point], str | None] = lambda point: None,
    id_prefix: str = "chart",
    width: int = WIDTH,
) -> SafeString:
    """The chart as SVG markup, ready to inline in a page or to serve as a file."""
    legend, legend_rows = _legend(comparison, width)
    layout = _Layout(comparison, legend_rows, width)
    height = layout.bottom + TICK_AREA + len(comparison.events) * EVENT_ROW
    names = ", ".join(series.label for series in comparison.series) or "no series"
    description = (
        f"Mean stance per {comparison.bucket} on {comparison.topic.name}, from −2 (against) to "
        f"+2 (for), for {names}; {len(comparison.events)} events marked. "
        "The table with the chart gives the same numbers."
    )
    body = [
        _el("title", {"id": f"{id_prefix}-title"}, escape(title)),
        _el("desc", {"id": f"{id_prefix}-desc"}, escape(description)),
        _el("rect", {"width": width, "height": height, "fill": "#fff"}),
        *legend,
    ]
    if comparison.periods:
        markers, notes = _events(comparison, layout)
        body += [*_axes(comparison, layout), *markers, *_series(comparison, layout, href_for)]
        body += notes
    else:
        body.append(
            _el(
                "text",
                {"x": width / 2, "y": layout.top + layout.height / 2, "text-anchor": "middle"},
                "No quotes in this range.",
            )
        )
    svg = _el(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "stance-chart",
            "role": "group",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "viewBox": f"0 0 {width} {height}",
            "width": width,
            "height": height,
            "font-family": "system-ui, sans-serif",
            "font-size": 12 if width > NARROW else 13,
        },
        "\n".join(body),
    )
    return mark_safe(svg)  # every text and attribute above is escaped
