"""Filters of GET /api/quotes/, alone and combined."""

import datetime

import pytest

from quotes.api.filters import search_quotes
from quotes.models import Organization, Quote
from tests.api.helpers import ids
from tests.factories import (
    AffiliationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _quote_with_stance(topic, *values, **quote_fields):
    quote = QuoteFactory(**quote_fields)
    for value in values:
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    return quote


def test_speaker_filter_by_slug(api_client):
    lavrov = SpeakerFactory(slug="sergei-lavrov", name="Sergei Lavrov")
    his = QuoteFactory(speaker=lavrov)
    QuoteFactory()

    assert ids(api_client.get("/api/quotes/", {"speaker": "sergei-lavrov"})) == [his.id]


def test_speaker_filter_by_alias_slug(api_client):
    lavrov = SpeakerFactory(slug="sergei-lavrov", name="Sergei Lavrov")
    SpeakerAliasFactory(speaker=lavrov, name="Sergey Lavrov")
    his = QuoteFactory(speaker=lavrov)
    QuoteFactory()

    assert ids(api_client.get("/api/quotes/", {"speaker": "sergey-lavrov"})) == [his.id]


def test_speaker_filter_takes_several_comma_separated_slugs(api_client):
    first, second = QuoteFactory(), QuoteFactory()
    QuoteFactory()

    listed = ids(
        api_client.get("/api/quotes/", {"speaker": f"{first.speaker.slug},{second.speaker.slug}"})
    )

    assert sorted(listed) == sorted([first.id, second.id])


def test_organization_filter_uses_the_role_the_quote_was_said_in(api_client):
    speaker = SpeakerFactory()
    mission = AffiliationFactory(
        speaker=speaker,
        organization__slug="russian-mission-to-nato",
        started_on=datetime.date(2010, 1, 1),
        ended_on=datetime.date(2017, 12, 31),
        ended_on_precision="day",
    )
    ministry = AffiliationFactory(
        speaker=speaker,
        organization__slug="russian-foreign-ministry",
        started_on=datetime.date(2018, 1, 1),
    )
    at_mission = QuoteFactory(
        speaker=speaker, affiliation=mission, said_on=datetime.date(2015, 5, 5)
    )
    QuoteFactory(speaker=speaker, affiliation=ministry, said_on=datetime.date(2021, 5, 5))

    listed = ids(api_client.get("/api/quotes/", {"organization": "russian-mission-to-nato"}))

    assert listed == [at_mission.id]


def test_organization_kind_filter(api_client):
    alliance = QuoteFactory(affiliation__organization__kind=Organization.Kind.ALLIANCE)
    QuoteFactory(affiliation__organization__kind=Organization.Kind.MINISTRY)

    assert ids(api_client.get("/api/quotes/", {"organization_kind": "alliance"})) == [alliance.id]


def test_kind_filter(api_client):
    indirect = QuoteFactory(kind=Quote.Kind.INDIRECT)
    QuoteFactory(kind=Quote.Kind.DIRECT)

    assert ids(api_client.get("/api/quotes/", {"kind": "indirect"})) == [indirect.id]


def test_topic_filter_lists_quotes_with_a_stance_on_the_topic(api_client, topic):
    coded = _quote_with_stance(topic, 1)
    _quote_with_stance(TopicFactory(slug="sanctions"), 1)
    QuoteFactory()

    assert ids(api_client.get("/api/quotes/", {"topic": topic.slug})) == [coded.id]


def test_stance_filter_matches_the_stored_mean(api_client, topic):
    neutral = _quote_with_stance(topic, -1, 1)
    _quote_with_stance(topic, 1)

    listed = ids(api_client.get("/api/quotes/", {"topic": topic.slug, "stance": 0}))

    assert listed == [neutral.id]


def test_stance_min_and_max_bound_the_stored_value(api_client, topic):
    strong_for = _quote_with_stance(topic, 2)
    half_for = _quote_with_stance(topic, 1, 0)
    against = _quote_with_stance(topic, -2)

    at_least_one = ids(api_client.get("/api/quotes/", {"topic": topic.slug, "stance_min": 1}))
    at_most_half = ids(api_client.get("/api/quotes/", {"topic": topic.slug, "stance_max": 0.5}))
    between = ids(
        api_client.get("/api/quotes/", {"topic": topic.slug, "stance_min": 0, "stance_max": 1})
    )

    assert at_least_one == [strong_for.id]
    assert sorted(at_most_half) == sorted([half_for.id, against.id])
    assert between == [half_for.id]


def test_stance_filter_uses_the_adjudicated_value_over_the_mean(api_client, topic, reviewer):
    from quotes.services import adjudication_set

    quote = _quote_with_stance(topic, 2, 2)
    adjudication_set(quote=quote, topic=topic, reviewer=reviewer, value=-1)

    assert ids(api_client.get("/api/quotes/", {"topic": topic.slug, "stance_min": 1})) == []
    assert ids(api_client.get("/api/quotes/", {"topic": topic.slug, "stance": -1})) == [quote.id]


def test_said_after_and_said_before_are_inclusive(api_client):
    early = QuoteFactory(said_on=datetime.date(2021, 1, 1))
    middle = QuoteFactory(said_on=datetime.date(2021, 6, 1))
    late = QuoteFactory(said_on=datetime.date(2021, 12, 1))
    QuoteFactory(said_on=None)

    after = ids(api_client.get("/api/quotes/", {"said_after": "2021-06-01"}))
    before = ids(api_client.get("/api/quotes/", {"said_before": "2021-06-01"}))
    both = ids(
        api_client.get("/api/quotes/", {"said_after": "2021-02-01", "said_before": "2021-11-30"})
    )

    assert after == [late.id, middle.id]
    assert before == [middle.id, early.id]
    assert both == [middle.id]


def test_source_filter_by_id(api_client):
    quote = QuoteFactory()
    QuoteFactory()

    assert ids(api_client.get("/api/quotes/", {"source": quote.source.id})) == [quote.id]


def test_outlet_filter_ignores_case(api_client):
    kommersant = QuoteFactory(source=SourceFactory(outlet="Kommersant"))
    QuoteFactory(source=SourceFactory(outlet="Izvestia"))

    assert ids(api_client.get("/api/quotes/", {"outlet": "kommersant"})) == [kommersant.id]


def test_q_searches_the_quote_text_ignoring_case(api_client):
    source = SourceFactory(text="“NATO is not interested in any equal dialogue,” he said.")
    match = QuoteFactory(source=source, text="NATO is not interested in any equal dialogue,")
    QuoteFactory()

    assert ids(api_client.get("/api/quotes/", {"q": "EQUAL dialogue"})) == [match.id]


def test_search_quotes_is_the_one_text_search(db):
    source = SourceFactory(text="“Contacts on the military line are frozen,” he said.")
    match = QuoteFactory(source=source, text="Contacts on the military line are frozen,")
    QuoteFactory()

    assert list(search_quotes(Quote.objects.all(), "military LINE")) == [match]


def test_filters_combine(api_client, topic):
    speaker = SpeakerFactory(slug="jens-stoltenberg")
    wanted = _quote_with_stance(
        topic, 2, speaker=speaker, said_on=datetime.date(2022, 1, 12), kind=Quote.Kind.DIRECT
    )
    _quote_with_stance(topic, 2, speaker=speaker, said_on=datetime.date(2021, 1, 1))  # too early
    _quote_with_stance(topic, -1, speaker=speaker, said_on=datetime.date(2022, 1, 12))  # against
    _quote_with_stance(topic, 2, said_on=datetime.date(2022, 1, 12))  # someone else
    _quote_with_stance(
        topic, 2, speaker=speaker, said_on=datetime.date(2022, 1, 12), kind=Quote.Kind.INDIRECT
    )

    listed = ids(
        api_client.get(
            "/api/quotes/",
            {
                "speaker": "jens-stoltenberg",
                "topic": topic.slug,
                "stance_min": 1,
                "said_after": "2022-01-01",
                "kind": "direct",
                "outlet": "the daily test",
                "q": "dialogue",
            },
        )
    )

    assert listed == [wanted.id]
