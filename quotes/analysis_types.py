"""The plain data of positions over time (``quotes.analysis``): periods, points, series and
the filters that say which quotes count; the API, the pages, the SVG chart and the CSV read them.
"""

import datetime
import functools
from dataclasses import dataclass, field

from quotes.models import DatePrecision, Quote, Topic

BUCKETS = ("month", "quarter", "year")
# The date precisions each bucket can place: a quote never goes into a bucket finer than its date.
PLACEABLE = {
    "month": (DatePrecision.DAY, DatePrecision.MONTH),
    "quarter": (DatePrecision.DAY, DatePrecision.MONTH),
    "year": (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR),
}
SHIFT_THRESHOLD = 1.0
EXCERPT_LENGTH = 160


@functools.lru_cache(maxsize=65536)
def period_label(start: datetime.date, bucket: str) -> str:
    """ "2021-10", "2021-Q4" or "2021" for the period of ``bucket`` starting on ``start``."""
    if bucket == "month":
        return f"{start:%Y-%m}"
    if bucket == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}"


@functools.lru_cache(maxsize=65536)
def period_end(start: datetime.date, bucket: str) -> datetime.date:
    """The last day of the period of ``bucket`` starting on ``start``."""
    months = {"month": 1, "quarter": 3, "year": 12}[bucket]
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, month_index % 12 + 1, 1) - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    label: str
    start: datetime.date
    end: datetime.date


@dataclass(slots=True)
class Point:
    """One series in one period: how many quotes, and the stored stances' mean, min and max.
    Slotted: a compare makes and reads thousands of them."""

    period: str
    start: datetime.date
    count: int = 0
    with_stance: int = 0
    mean: float | None = None
    min: float | None = None
    max: float | None = None
    quote_ids: list[int] = field(default_factory=list)
    # The first few quotes' text (the charts' hover text), by id; only when asked for.
    excerpts: dict[int, str] = field(default_factory=dict)
    change: float | None = None
    shift: bool = False

    @property
    def without_stance(self) -> int:
        return self.count - self.with_stance


@dataclass
class Series:
    """A speaker, an organization or a kind of organization, over the comparison's periods."""

    key: str
    label: str
    kind: str  # "speaker", "organization" or "organization_kind"
    points: list[Point] = field(default_factory=list)
    imprecise: int = 0
    undated: int = 0

    @property
    def without_stance(self) -> int:
        return sum(point.without_stance for point in self.points)

    @property
    def count(self) -> int:
        return sum(point.count for point in self.points)


@dataclass(frozen=True)
class EventMark:
    slug: str
    title: str
    occurred_on: datetime.date
    precision: str


@dataclass
class Comparison:
    """Series on the union of their periods, with the events in the range they cover."""

    topic: Topic
    bucket: str
    periods: list[Period]
    series: list[Series]
    events: list[EventMark]
    start: datetime.date | None
    end: datetime.date | None


@dataclass(frozen=True)
class Filters:
    """Which quotes count: a topic, a bucket, an optional date range and a review status."""

    topic: Topic
    bucket: str = "month"
    said_after: datetime.date | None = None
    said_before: datetime.date | None = None
    status: str = Quote.Status.CONFIRMED
    # Count settled stances only (quotes.coding.settled_only: everyone but reviewers).
    settled_only: bool = True
    # "utterance": each statement once, however many outlets reported it (quotes.utterances);
    # "report": each quote.
    unit: str = "utterance"
