"""A topic: codebook, release state, agreement, and speakers ranked by mean stance with a
seeded 95% bootstrap interval, five quotes at least; unreleased: the ranking for reviewers."""

import datetime

import pytest

from quotes.ranking import bootstrap_interval
from tests.factories import SpeakerFactory, TopicFactory, quote_with_stances

pytestmark = pytest.mark.django_db


def _speak(topic, speaker, values, day=datetime.date(2021, 10, 18)):
    for value in values:
        quote_with_stances(topic, [value], speaker=speaker, said_on=day)


@pytest.fixture
def positions(topic):
    """Hawk: five quotes, mean −1.6; dove: six, mean +1.5; the undecided: four (not ranked)."""
    _speak(topic, SpeakerFactory(name="Hawk", slug="hawk"), [-2, -2, -2, -1, -1])
    _speak(topic, SpeakerFactory(name="Dove", slug="dove"), [2, 2, 2, 1, 1, 1])
    _speak(topic, SpeakerFactory(name="Undecided", slug="undecided"), [0, 0, 1, -1])
    return topic


def _ranked(response):
    return [(row.speaker.slug, row.count, row.mean) for row in response.context["ranking"].ranked]


def test_topic_page_ranks_speakers_with_five_quotes_or_more(positions, client):
    response = client.get("/topics/nato-russia-dialogue/")
    html = response.content.decode()

    assert _ranked(response) == [("dove", 6, 1.5), ("hawk", 5, -1.6)]
    assert response.context["ranking"].too_few == 1
    assert "1 more speaker had fewer statements" in html
    assert "For (+) or against (−)." in html  # the codebook
    assert "Released" in html


def test_ranking_interval_surrounds_the_mean_and_is_the_same_every_time(positions, client):
    first = client.get("/topics/nato-russia-dialogue/").context["ranking"].ranked
    again = client.get("/topics/nato-russia-dialogue/").context["ranking"].ranked

    for row in first:
        assert row.low <= row.mean <= row.high
        assert -2 <= row.low < row.high <= 2
    assert [(r.low, r.high) for r in first] == [(r.low, r.high) for r in again]


def test_bootstrap_interval_of_a_constant_sample_is_that_value():
    assert bootstrap_interval([1.0], [40], key=1) == (1.0, 1.0)


def test_bootstrap_interval_narrows_with_more_quotes():
    few = bootstrap_interval([-2.0, 2.0], [5, 5], key=3)
    many = bootstrap_interval([-2.0, 2.0], [500, 500], key=3)

    assert few[1] - few[0] > 4 * (many[1] - many[0])


def test_ranking_period_counts_only_quotes_said_in_it(positions, client):
    _speak(positions, SpeakerFactory(slug="late"), [1] * 5, day=datetime.date(2023, 1, 1))

    early = client.get("/topics/nato-russia-dialogue/?said_before=2022-01-01")
    late = client.get("/topics/nato-russia-dialogue/?said_after=2022-01-01")

    assert [slug for slug, *_ in _ranked(early)] == ["dove", "hawk"]
    assert [slug for slug, *_ in _ranked(late)] == ["late"]


def test_unreleased_topic_ranks_for_reviewers_only(client, reviewer):
    hidden = TopicFactory(slug="hidden", released=False)
    _speak(hidden, SpeakerFactory(slug="hawk"), [-2] * 5)

    anonymous = client.get("/topics/hidden/")
    assert anonymous.status_code == 200 and anonymous.context["ranking"] is None
    assert b"open to reviewers only" in anonymous.content

    client.force_login(reviewer)
    assert _ranked(client.get("/topics/hidden/")) == [("hawk", 5, -2.0)]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("said_after=2021-13-01", "said_after"),
        ("said_after=2022-01-01&said_before=2021-01-01", "said_before"),
    ],
)
def test_bad_period_is_a_400_naming_it(positions, client, query, parameter):
    response = client.get("/topics/nato-russia-dialogue/?" + query)

    assert response.status_code == 400
    assert f"<strong>{parameter}:</strong>" in response.content.decode()


@pytest.mark.parametrize("per_speaker", [5, 25])
def test_topic_page_runs_the_same_queries_for_5_and_25_quotes_a_speaker(
    topic, client, django_assert_num_queries, per_speaker
):
    """1 the topic, 2 the stances counted per speaker and value, 3 the ranked speakers, 4 the
    agreement's codings (alpha and its counts)."""
    for slug in ("a", "b", "c"):
        _speak(topic, SpeakerFactory(slug=slug), [index % 5 - 2 for index in range(per_speaker)])

    with django_assert_num_queries(4):
        response = client.get("/topics/nato-russia-dialogue/")

    assert len(response.context["ranking"].ranked) == 3
