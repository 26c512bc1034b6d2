"""One way to show a number: one rounding for means (never outside [min, max]) and one minus
sign (U+2212 for people, ASCII "-" for machines), on every surface."""

import csv
import io
import random

import pytest
from django.urls import reverse

from quotes.display import MINUS, decimal, round_stance, signed, stance_range
from tests.factories import SpeakerFactory, quote_with_stances

TWO_THIRDS = [1, 1, 0]  # a stored stance of 0.6666666666666666


def test_round_stance_rounds_half_away_from_zero_on_the_shortest_spelling():
    """−1.625 is exactly representable; Python's round() and "%.2f" both make it −1.62 (half
    to even), Django's floatformat −1.63: the tooltip and the table disagreed."""
    assert (round(-1.625, 2), f"{-1.625:.2f}") == (-1.62, "-1.62")
    assert round_stance(-1.625, 2) == -1.63
    assert round_stance(1.005, 2) == 1.01  # 1.00499999… in binary, 1.005 as written
    assert round_stance(None) is None


def test_signed_uses_one_minus_sign_and_no_sign_on_zero():
    assert (signed(1.5), signed(-0.25), signed(0.0), signed(-0.001)) == (
        "+1.50",
        f"{MINUS}0.25",
        "0.00",
        "0.00",
    )
    assert (signed(-1.625), signed(2, 0), signed(-1, 0)) == (f"{MINUS}1.63", "+2", f"{MINUS}1")
    assert (decimal(0.8153), decimal(-0.12, 3)) == ("0.82", f"{MINUS}0.120")


def test_a_mean_is_never_outside_its_min_and_max_after_rounding():
    """Ten stances of 2/3 add up (in floats) to a mean of 0.6666666666666667, above their max;
    rounded to 6 digits alone it was 0.666667 against a max of 0.6666666666666666."""
    value = 2 / 3
    total = 0.0
    for _ in range(10):
        total += value
    assert total / 10 > value
    mean, low, high = stance_range(total / 10, value, value)
    assert low <= mean <= high
    rng = random.Random(14)
    for _ in range(2000):
        values = [rng.randint(-2 * 7, 2 * 7) / rng.randint(1, 7) for _ in range(rng.randint(1, 30))]
        values = [max(-2.0, min(2.0, v)) for v in values]
        total = 0.0
        for v in values:
            total += v
        for digits in (2, 6):
            mean, low, high = stance_range(total / len(values), min(values), max(values), digits)
            assert low <= mean <= high


@pytest.mark.django_db
def test_the_api_timeline_mean_is_within_min_and_max(topic, api_client):
    speaker = SpeakerFactory(slug="steady")
    for _ in range(10):
        quote_with_stances(topic, TWO_THIRDS, speaker=speaker)
    body = api_client.get(f"/api/speakers/steady/timeline/?topic={topic.slug}").json()
    (point,) = body["periods"]
    assert point["min"] <= point["mean"] <= point["max"]
    assert point["mean"] == point["min"] == 0.666667


@pytest.mark.django_db
def test_the_chart_tooltip_and_the_table_show_the_same_rounded_mean(topic, client):
    """One quote coded −2 ×5 and −1 ×3: −13/8 = −1.625, shown −1.63 in both places."""
    ann = SpeakerFactory(slug="ann", name="Ann")
    quote_with_stances(topic, [-2] * 5 + [-1] * 3, speaker=ann)
    html = client.get(f"/compare/?speakers=ann&topic={topic.slug}&bucket=month").content.decode()
    assert f"mean {MINUS}1.63 (min {MINUS}1.63, max {MINUS}1.63)" in html  # the tooltip
    assert f'<td class="number">{MINUS}1.63</td>' in html  # the table
    assert "-1.6" not in html and "1.62" not in html


@pytest.mark.django_db
def test_machine_output_keeps_the_ascii_minus(topic, api_client, client):
    ann = SpeakerFactory(slug="ann", name="Ann")
    quote = quote_with_stances(topic, [-2, -1, -1], speaker=ann)
    api = api_client.get(f"/api/quotes/{quote.pk}/").json()
    (stance,) = api["stances"]
    assert stance["value"] == round_stance(-4 / 3) == -1.333333
    response = api_client.get(f"/api/quotes/?topic={topic.slug}&format=csv")
    (row,) = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert row[f"stance:{topic.slug}"] == "-1.333333"
    compare = client.get(reverse("web:compare-csv") + f"?speakers=ann&topic={topic.slug}")
    (point,) = csv.DictReader(io.StringIO(compare.content.decode()))
    assert (point["mean"], point["min"], point["max"]) == ("-1.333333",) * 3
