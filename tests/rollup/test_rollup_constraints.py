"""Each invariant of a rollup cell is a named constraint: ``full_clean()`` refuses a bad cell and
the database refuses it when written directly."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quotes.models import StanceRollup
from tests.factories import SpeakerFactory

GOOD = dict(
    organization_id=0,
    status="confirmed",
    is_settled=True,
    said_on_precision="day",
    said_on=datetime.date(2021, 10, 18),
    quotes=2,
    count=2,
    total=1.0,
    total_squares=5.0,
    low=-1.0,
    high=2.0,
)


@pytest.fixture
def cell(topic):
    return {**GOOD, "topic": topic, "speaker": SpeakerFactory()}


@pytest.mark.parametrize(
    ("change", "constraint"),
    [
        ({"quotes": 0, "count": 0, "low": None, "high": None}, "stance_rollup_quotes_cover_count"),
        ({"quotes": 1, "count": 2}, "stance_rollup_quotes_cover_count"),
        ({"low": None}, "stance_rollup_min_max_when_counted"),
        ({"count": 0, "quotes": 1}, "stance_rollup_min_max_when_counted"),
        ({"low": 2.0, "high": 1.0}, "stance_rollup_min_lte_max"),
        ({"low": -3.0}, "stance_rollup_min_max_in_range"),
        ({"total_squares": -1.0}, "stance_rollup_squares_gte_0"),
        ({"unit": "speech"}, "stance_rollup_unit_known"),
    ],
)
def test_a_bad_cell_is_refused_by_validation_and_by_the_database(cell, change, constraint):
    bad = StanceRollup(**{**cell, **change})
    with pytest.raises(ValidationError):
        bad.full_clean()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        StanceRollup.objects.bulk_create([bad])


def test_a_negative_count_is_refused_by_validation_and_by_the_database(cell):
    bad = StanceRollup(**{**cell, "count": -1, "quotes": 1})
    with pytest.raises(ValidationError):
        bad.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        StanceRollup.objects.bulk_create([bad])


def test_one_row_per_cell(cell):
    StanceRollup.objects.create(**cell)
    with pytest.raises(ValidationError):
        StanceRollup(**cell).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        StanceRollup.objects.create(**cell)


def test_a_good_cell_validates(cell):
    StanceRollup(**cell).full_clean()
