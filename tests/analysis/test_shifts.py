"""A shift is a move of the mean by 1 point or more since the series' previous period with one."""

import datetime

from quotes import analysis
from tests.factories import QuoteFactory, SpeakerFactory, quote_with_stances


def test_shifts_mark_moves_of_one_point_or_more_since_the_previous_period_with_a_mean(
    topic, api_client
):
    """Monthly means: Jan 0; Feb +1 (change +1, a shift: exactly one point); Mar +1.5 (+0.5, no
    shift); Apr only a quote without stance (no mean, skipped); May −1 (−2.5 against March)."""
    speaker = SpeakerFactory(slug="shifty")
    for month, values in [(1, [0]), (2, [1]), (3, [2, 1]), (5, [-1])]:
        quote_with_stances(topic, values, speaker=speaker, said_on=datetime.date(2022, month, 3))
    QuoteFactory(speaker=speaker, said_on=datetime.date(2022, 4, 3))

    body = api_client.get(
        "/api/speakers/shifty/timeline/?topic=nato-russia-dialogue&bucket=month"
    ).json()

    assert [(p["period"], p["mean"], p["change"], p["shift"]) for p in body["periods"]] == [
        ("2022-01", 0.0, None, False),
        ("2022-02", 1.0, 1.0, True),
        ("2022-03", 1.5, 0.5, False),
        ("2022-04", None, None, False),
        ("2022-05", -1.0, -2.5, True),
    ]


def test_mark_shifts_ignores_float_noise_at_the_threshold():
    """Means of five annotations, −7/5 then −2/5: −0.4 − (−1.4) is 0.9999999999999999 in
    floats, yet the mean moved by exactly one point, so it is a shift."""
    points = [analysis.Point("a", datetime.date(2022, 1, 1), mean=-7 / 5)]
    points.append(analysis.Point("b", datetime.date(2022, 2, 1), mean=-2 / 5))
    analysis.mark_shifts(points)
    assert points[1].shift is True
