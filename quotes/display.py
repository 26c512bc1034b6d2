"""One way to show a number and a date, for every surface.

- **Rounding.** ``round_stance`` is the one rounding of a stance (a mean, a min, a max): half
  away from zero on the value's shortest decimal spelling, so −1.625 is −1.63 in a tooltip and in
  a table alike. Machine output (API, CSV) keeps ``MACHINE_DIGITS``; pages and the admin show
  ``SHOWN_DIGITS``. ``stance_range`` rounds a mean with its min and max and keeps the mean inside
  them, so no surface ever shows a mean above its max.
- **The minus sign.** Pages and the admin are read by people: they get U+2212 (−), the sign the
  codebook prints, which does not break from its number. Machine output (JSON numbers, CSV
  cells) keeps ASCII "-", which every parser and spreadsheet reads as a number.
- **Dates** are shown as precisely as they are known: a day as "21 January 2021", a month as
  "January 2021", a year as "2021" (``precise_date``; the ``precise_date`` template filter).
"""

import datetime
import functools
from decimal import ROUND_HALF_UP, Decimal

MACHINE_DIGITS = 6
SHOWN_DIGITS = 2
MINUS = "\N{MINUS SIGN}"

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def round_stance(value, digits: int = MACHINE_DIGITS) -> float | None:
    """``value`` rounded to ``digits`` decimals, half away from zero; None stays None."""
    if value is None:
        return None
    if not value:  # 0.0 and -0.0 are one key of the cache below; each keeps its sign
        return float(value)
    return _rounded(value, digits)


@functools.lru_cache(maxsize=65536)
def _rounded(value, digits: int) -> float:
    # Cached by the number itself: a compare of ten series rounds thousands of means, minima
    # and maxima, mostly the same few values, and Decimal's quantize was a fifth of that
    # request's time. Equal keys (a float and an equal Decimal or int) round alike.
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def stance_range(mean, low, high, digits: int = MACHINE_DIGITS) -> tuple:
    """``(mean, low, high)`` rounded alike, the mean first held inside ``[low, high]`` (a float
    sum can land a hair outside). Rounding is monotone, so the rounded mean stays inside too."""
    if mean is not None and low is not None and high is not None:
        mean = min(max(mean, low), high)
    return round_stance(mean, digits), round_stance(low, digits), round_stance(high, digits)


def signed(value, digits: int = SHOWN_DIGITS) -> str:
    """A stance for people: "+1.50", "−0.25" (U+2212), "0.00"; with ``digits`` 0 a code:
    "+2", "−1", "0". An empty string for None."""
    if value is None:
        return ""
    rounded = round_stance(value, digits)
    text = f"{abs(rounded):.{digits}f}"
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return MINUS + text
    return text


def decimal(value, digits: int = SHOWN_DIGITS) -> str:
    """A figure that is no stance (an alpha, a difference) for people: "0.815", "−0.120"; the
    same rounding and minus sign as ``signed``, with no plus. An empty string for None."""
    if value is None:
        return ""
    rounded = round_stance(value, digits)
    text = f"{abs(rounded):.{digits}f}"
    return MINUS + text if rounded < 0 else text


def precise_date(day: datetime.date | None, precision: str) -> str:
    """A date as precisely as it is known: "21 January 2021", "January 2021", "2021", or
    "date unknown" (no date, or an unknown precision)."""
    if day is None or precision == "unknown":
        return "date unknown"
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
