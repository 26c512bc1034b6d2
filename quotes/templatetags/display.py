"""Template filters over ``quotes.display``: ``{% load display %}``, then
``{{ stance.value|signed }}``, ``{{ code|signed }}`` (an integer: "+2"),
``{{ alpha|decimal:3 }}`` and ``{{ day|precise_date:precision }}`` or ``{{ quote|precise_date }}``
(its ``said_on`` and ``said_on_precision``)."""

import datetime

from django import template

from quotes import display

register = template.Library()


@register.filter
def signed(value, digits=None):
    """``display.signed``: "+1.50", "−0.25", "0.00"; an integer (a code) without decimals unless
    ``digits`` is given."""
    if digits is None:
        digits = 0 if isinstance(value, int) else display.SHOWN_DIGITS
    return display.signed(value, int(digits))


@register.filter
def decimal(value, digits=display.SHOWN_DIGITS):
    """``display.decimal``: "0.815", "−0.12" (no plus sign: not a stance)."""
    return display.decimal(value, int(digits))


@register.filter
def precise_date(value, precision=None):
    """``display.precise_date`` of a date and its precision, or of a quote (its ``said_on``)."""
    if isinstance(value, datetime.date) or value is None or value == "":
        return display.precise_date(value or None, precision or "day")
    return display.precise_date(value.said_on, value.said_on_precision)
