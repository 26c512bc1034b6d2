"""Pieces shared by several models: how precisely a date is known."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from quotes.text import CONTROL_CHARACTERS


def no_control_characters(value: str) -> None:
    """The validator of every name and text: control characters other than tab and line breaks
    are refused (they break the SVG charts, and no article or name needs one)."""
    found = CONTROL_CHARACTERS.search(value or "")
    if found:
        raise ValidationError(
            "Remove the control character U+%(code)s (at character %(position)s): only tab "
            "and line breaks are allowed.",
            code="control_character",
            params={"code": f"{ord(found.group()):04X}", "position": found.start() + 1},
        )


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


def precision_constraints(date_field: str, precision_field: str, prefix: str) -> list:
    """Constraints tying a date to its precision.

    A month-precise date is stored as the 1st of its month, a year-precise one as 1 January, so
    that a date is never invented finer than it is known; an unknown date has no value.
    """
    date_null = Q(**{f"{date_field}__isnull": True})
    return [
        models.CheckConstraint(
            condition=(date_null & Q(**{precision_field: DatePrecision.UNKNOWN}))
            | (~date_null & ~Q(**{precision_field: DatePrecision.UNKNOWN})),
            name=f"{prefix}_{date_field}_has_precision",
        ),
        models.CheckConstraint(
            condition=~Q(**{precision_field: DatePrecision.MONTH}) | Q(**{f"{date_field}__day": 1}),
            name=f"{prefix}_{date_field}_month_precision_is_first_day",
        ),
        models.CheckConstraint(
            condition=~Q(**{precision_field: DatePrecision.YEAR})
            | Q(**{f"{date_field}__day": 1, f"{date_field}__month": 1}),
            name=f"{prefix}_{date_field}_year_precision_is_first_january",
        ),
    ]


def period_end(day: datetime.date | None, precision: str) -> datetime.date | None:
    """Last day of the period a (date, precision) pair stands for."""
    if day is None:
        return None
    if precision == DatePrecision.YEAR:
        return day.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        next_month = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return next_month - datetime.timedelta(days=1)
    return day


def truncate_to_precision(day: datetime.date, precision: str) -> datetime.date:
    """The stored form of a date known only to ``precision``."""
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    return day


class PreciseDatesMixin:
    """Skip the date-precision checks for a date that is empty.

    PostgreSQL cannot type ``EXTRACT(DAY FROM NULL)`` when Django evaluates a check constraint
    against an unsaved row; an empty date makes those checks vacuous anyway (``clean()`` sets its
    precision to unknown), and the database still enforces them on save.
    """

    precise_date_fields: tuple[str, ...] = ()

    def validate_constraints(self, exclude=None):
        exclude = set(exclude or ())
        exclude.update(name for name in self.precise_date_fields if getattr(self, name) is None)
        super().validate_constraints(exclude=exclude)
