"""Template filters over ``quotes.display``: ``{% load display %}``, then
``{{ stance.value|signed }}``, ``{{ alpha|signed:3 }}``, ``{{ code|signed:0 }}`` and
``{{ quote|said_on }}`` (any object with ``said_on`` and ``said_on_precision``) or
``{{ day|said_on:precision }}``."""

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
def said_on(value, precision=None):
    """``display.said_on`` of a date and its precision, or of an object that has both."""
    if isinstance(value, datetime.date) or value is None or value == "":
        return display.said_on(value or None, precision or "day")
    return display.said_on(value.said_on, value.said_on_precision)
