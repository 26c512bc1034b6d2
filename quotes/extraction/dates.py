"""When a quotation was said, from the date cues next to its attribution.

Rules (``published_on`` is the article's publication date):

* "today", "this morning" → the publication day; "yesterday" → the day before; "the day before
  yesterday" / "N days ago" → that day (precision "day").
* "on Monday" … "on Sunday" → the latest such weekday strictly before the publication day
  (news reports what happened, not what will happen).
* "on January 12" / "January 12" / "12 January" → that day in the publication year, or in the
  year before when that day lies after the publication date; "on December 17, 2021" → as given.
* "in December" → the latest December not after the publication month (precision "month");
  "in December 2021" → as given; "in 2019" → precision "year".
* "last week" / "this week" → the first day of the month when the whole week lies in one month
  (precision "month"), else the first of January (precision "year") — never a made-up day.
  "last month" / "this month" → precision "month"; "last year" / "this year" → "year".
* A quotation whose attribution says it is an old statement ("earlier", "previously",
  "had said", "in the past") has no date: ``(None, "unknown")``.
* No cue at all: the statement is taken to be recent news — the first day of the publication
  month, precision "month" (see :func:`date_for_context`).
"""

import re
from datetime import date, timedelta

from .lexicon import MONTHS, WEEKDAYS

_MONTH = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_WEEKDAY = "|".join(WEEKDAYS)
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "a": 1,
    "an": 1,
}

_CUES = [
    (
        "old",
        re.compile(
            r"\b(?:earlier|previously|had (?:said|stated|noted|told|declared)|"
            r"in the past|once said|some time ago|years? ago|months? ago)\b",
            re.I,
        ),
    ),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", re.I)),
    ("days_ago", re.compile(r"\b(\d+|one|two|three|four|five|six|seven|a) days? ago\b", re.I)),
    (
        "full",
        re.compile(rf"\b(?:on )?({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.I),
    ),
    (
        "full_dm",
        re.compile(rf"\b(?:on )?(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH})\.?,? (\d{{4}})\b", re.I),
    ),
    ("month_day", re.compile(rf"\b(?:on )?({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)),
    ("day_month", re.compile(rf"\b(?:on )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})\b", re.I)),
    ("weekday", re.compile(rf"\b(?:on |last |this )?({_WEEKDAY})\b", re.I)),
    ("last_week", re.compile(r"\b(?:last|past|previous) week\b", re.I)),
    ("this_week", re.compile(r"\bthis week\b", re.I)),
    ("last_month", re.compile(r"\b(?:last|past|previous) month\b", re.I)),
    ("this_month", re.compile(r"\bthis month\b", re.I)),
    ("last_year", re.compile(r"\blast year\b", re.I)),
    ("this_year", re.compile(r"\bthis year\b", re.I)),
    ("month_year", re.compile(rf"\b(?:in )?({_MONTH}) (\d{{4}})\b", re.I)),
    ("month", re.compile(rf"\bin ({_MONTH})\b", re.I)),
    ("year", re.compile(r"\bin (\d{4})\b", re.I)),
]


def _month_number(word: str) -> int:
    word = word.lower()[:3]
    return [m[:3] for m in MONTHS].index(word) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week_result(monday: date, last_day: date) -> tuple[date | None, str]:
    if monday.month == last_day.month and monday.year == last_day.year:
        return monday.replace(day=1), "month"
    if monday.year == last_day.year:
        return date(monday.year, 1, 1), "year"
    return None, "unknown"


def _resolve(kind: str, match: re.Match[str], published_on: date) -> tuple[date | None, str]:
    pub = published_on
    if kind == "old":
        return None, "unknown"
    if kind == "day_before_yesterday":
        return pub - timedelta(days=2), "day"
    if kind == "yesterday":
        return pub - timedelta(days=1), "day"
    if kind == "today":
        return pub, "day"
    if kind == "days_ago":
        raw = match.group(1).lower()
        count = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
        return pub - timedelta(days=count), "day"
    if kind in ("full", "full_dm"):
        month, day = (
            (match.group(1), match.group(2)) if kind == "full" else (match.group(2), match.group(1))
        )
        found = _safe_date(int(match.group(3)), _month_number(month), int(day))
        return (found, "day") if found else (None, "unknown")
    if kind in ("month_day", "day_month"):
        month, day = (
            (match.group(1), match.group(2))
            if kind == "month_day"
            else (match.group(2), match.group(1))
        )
        found = _safe_date(pub.year, _month_number(month), int(day))
        if found and found > pub:
            found = _safe_date(pub.year - 1, _month_number(month), int(day))
        return (found, "day") if found else (None, "unknown")
    if kind == "weekday":
        target = WEEKDAYS.index(match.group(1).lower())
        back = (pub.weekday() - target) % 7 or 7
        return pub - timedelta(days=back), "day"
    if kind == "last_week":
        monday = pub - timedelta(days=pub.weekday() + 7)
        return _week_result(monday, monday + timedelta(days=6))
    if kind == "this_week":
        return _week_result(pub - timedelta(days=pub.weekday()), pub)
    if kind == "last_month":
        first = pub.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if kind == "this_month":
        return pub.replace(day=1), "month"
    if kind == "last_year":
        return date(pub.year - 1, 1, 1), "year"
    if kind == "this_year":
        return date(pub.year, 1, 1), "year"
    if kind == "month_year":
        return date(int(match.group(2)), _month_number(match.group(1)), 1), "month"
    if kind == "month":
        month = _month_number(match.group(1))
        year = pub.year if month <= pub.month else pub.year - 1
        return date(year, month, 1), "month"
    if kind == "year":
        return date(int(match.group(1)), 1, 1), "year"
    return None, "unknown"


def find_date_cue(text: str) -> tuple[str, re.Match[str]] | None:
    """The most specific date cue in ``text`` (an attribution clause), or None."""
    for kind, pattern in _CUES:
        match = pattern.search(text)
        if match:
            return kind, match
    return None


def resolve_date(phrase: str, published_on: date) -> tuple[date | None, str]:
    """Resolve a date phrase ("on Monday", "on January 12", "last week"...) to (date, precision).

    A phrase without any recognizable cue gives ``(None, "unknown")``.
    """
    cue = find_date_cue(phrase)
    if cue is None:
        return None, "unknown"
    return _resolve(cue[0], cue[1], published_on)


def date_for_context(context: str, published_on: date) -> tuple[date | None, str]:
    """The date of a statement whose attribution reads ``context``.

    Without any cue, the statement is dated to the publication month (precision "month").
    """
    cue = find_date_cue(context)
    if cue is None:
        return published_on.replace(day=1), "month"
    return _resolve(cue[0], cue[1], published_on)
