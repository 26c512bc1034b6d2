"""A small SVG line chart of stances over time, rendered on the server (no JavaScript, no CDN).

The chart reads a ``quotes.analysis.Comparison`` as it is: one colored series per speaker (or
organization), a circle per period with a mean, a line through them, dashed numbered markers for
the events in range, and a legend. Every value is drawn with SVG attributes rather than CSS so a
downloaded file looks the same as the page.
"""

import datetime
from collections.abc import Callable

from django.utils.html import escape as escape_html
from django.utils.safestring import SafeString, mark_safe

from quotes.analysis import Comparison, Point, Series
from quotes.text import strip_control_characters

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999")
WIDTH = 800
LEFT, RIGHT = 84, 24
PLOT_HEIGHT = 260
LEGEND_ROW = 20
TICK_AREA = 44
EVENT_ROW = 16
MIN_TICK_GAP = 56
TOOLTIP_QUOTES = 5
STANCE_LABELS = {2: "+2 for", 1: "+1", 0: "0", -1: "−1", -2: "−2 against"}


def shorten(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def signed(value: float) -> str:
    """+1.50, −0.25 (a real minus sign), 0.00."""
    return f"{value:+.2f}".replace("-", "−") if value else "0.00"


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


class _Layout:
    """Positions: a time axis from the comparison's start to its end, stance from −2 to +2."""

    def __init__(self, comparison: Comparison, legend_rows: int):
        self.top = 12 + legend_rows * LEGEND_ROW + 12
        self.bottom = self.top + PLOT_HEIGHT
        self.right = WIDTH - RIGHT
        self.start = comparison.start
        # No end without periods (said_after past every quote): an empty axis.
        known = comparison.start and comparison.end
        self.days = max((comparison.end - comparison.start).days, 1) if known else 1
        self.ends = {period.start: period.end for period in comparison.periods}

    def x(self, day: datetime.date) -> float:
        share = min(max((day - self.start).days / self.days, 0.0), 1.0)
        return LEFT + share * (self.right - LEFT)

    def middle(self, start: datetime.date) -> float:
        """x of the middle of the period starting on ``start``: where its point sits."""
        return self.x(start + (self.ends[start] - start) / 2)

    def y(self, stance: float) -> float:
        return self.top + (2 - stance) / 4 * PLOT_HEIGHT


def _legend(comparison: Comparison) -> tuple[list[str], int]:
    parts, x, row = [], LEFT, 0
    for index, series in enumerate(comparison.series):
        width = 28 + 7 * len(series.label)
        if x + width > WIDTH - RIGHT and x > LEFT:
            x, row = LEFT, row + 1
        y = 12 + row * LEGEND_ROW
        color = PALETTE[index % len(PALETTE)]
        parts.append(
            _el(
                "g",
                {"class": "legend-item", "data-series": series.key},
                _el("rect", {"x": x, "y": y, "width": 12, "height": 12, "fill": color})
                + _el("text", {"x": x + 18, "y": y + 11}, escape(series.label)),
            )
        )
        x += width
    return parts, row + 1 if comparison.series else 0


def _axes(comparison: Comparison, layout: _Layout) -> list[str]:
    parts = []
    for stance, label in STANCE_LABELS.items():
        y = _num(layout.y(stance))
        parts.append(
            _el(
                "line",
                {"x1": LEFT, "x2": layout.right, "y1": y, "y2": y}
                | {"stroke": "#999" if stance == 0 else "#ddd", "stroke-width": 1},
            )
        )
        parts.append(
            _el("text", {"x": LEFT - 6, "y": y, "text-anchor": "end", "dy": "0.35em"}, label)
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
            attrs = {
                "class": "tick",
                "x": _num(x),
                "y": layout.bottom + 18,
                "text-anchor": "middle",
            }
            parts.append(_el("text", attrs, escape(period.label)))
            last_tick = x
    parts.append(
        _el(
            "line",
            {"x1": LEFT, "x2": layout.right, "y1": layout.bottom, "y2": layout.bottom}
            | {"stroke": "#666"},
        )
    )
    return parts


def _events(comparison: Comparison, layout: _Layout) -> tuple[list[str], list[str]]:
    markers, notes = [], []
    for number, event in enumerate(comparison.events, start=1):
        x = _num(layout.x(event.occurred_on))
        label = f"{event.occurred_on:%Y-%m-%d} {event.title}"
        markers.append(
            _el(
                "g",
                {"class": "event", "data-event": event.slug},
                _el("title", {}, escape(label))
                + _el(
                    "line",
                    {"x1": x, "x2": x, "y1": layout.top, "y2": layout.bottom}
                    | {"stroke": "#777", "stroke-dasharray": "4 3"},
                )
                + _el(
                    "text",
                    {"x": x, "y": layout.top - 3, "text-anchor": "middle", "font-size": 10},
                    str(number),
                ),
            )
        )
        y = layout.bottom + TICK_AREA + (number - 1) * EVENT_ROW
        notes.append(_el("text", {"x": LEFT, "y": y}, escape(f"{number}. {shorten(label, 110)}")))
    return markers, notes


def _series(
    comparison: Comparison, layout: _Layout, href_for: Callable[[Point], str | None]
) -> list[str]:
    parts = []
    for index, series in enumerate(comparison.series):
        color = PALETTE[index % len(PALETTE)]
        drawn = [point for point in series.points if point.mean is not None]
        coords = [(layout.middle(point.start), point) for point in drawn]
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
            circle = _el(
                "circle",
                {
                    "class": "point",
                    "data-series": series.key,
                    "data-series-kind": series.kind,
                    "data-period": point.period,
                    "cx": _num(x),
                    "cy": _num(layout.y(point.mean)),
                    "r": 6 if point.shift else 5,
                    "fill": color,
                    "stroke": "#000" if point.shift else "#fff",
                    "stroke-width": 2 if point.shift else 1,
                },
                _el("title", {}, escape(point_title(series, point))),
            )
            href = href_for(point)
            parts.append(_el("a", {"href": href}, circle) if href else circle)
    return parts


def stance_chart(
    comparison: Comparison,
    *,
    title: str,
    href_for: Callable[[Point], str | None] = lambda point: None,
    id_prefix: str = "chart",
) -> SafeString:
    """The chart as SVG markup, ready to inline in a page or to serve as a file."""
    legend, legend_rows = _legend(comparison)
    layout = _Layout(comparison, legend_rows)
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
        _el("rect", {"width": WIDTH, "height": height, "fill": "#fff"}),
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
                {"x": WIDTH / 2, "y": layout.top + PLOT_HEIGHT / 2, "text-anchor": "middle"},
                "No quotes in this range.",
            )
        )
    svg = _el(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "stance-chart",
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": WIDTH,
            "height": height,
            "font-family": "system-ui, sans-serif",
            "font-size": 12,
        },
        "\n".join(body),
    )
    return mark_safe(svg)  # every text and attribute above is escaped
