"""A stored stance carries copies of its quote's speaker, status and date (timelines read them):
every way a quote changes must carry the change over, or a timeline would show stale points."""

import datetime

import pytest

from quotes import analysis
from quotes.models import DatePrecision, Quote, QuoteStance
from quotes.services import (
    adjudication_set,
    quote_save,
    quotes_set_status,
    speaker_merge,
    stance_summaries_rebuild,
)
from tests.factories import AffiliationFactory, QuoteFactory, SpeakerFactory, quote_with_stances

pytestmark = pytest.mark.django_db


def copies_out_of_step() -> list:
    """Stances whose copies differ from their quote's fields (empty when all are in step)."""
    wrong = []
    for stance in QuoteStance.objects.select_related("quote"):
        for name in QuoteStance.COPIED_FROM_QUOTE:
            if getattr(stance, name) != getattr(stance.quote, name):
                wrong.append((stance.pk, name, getattr(stance, name)))
    return wrong


def timeline_means(speaker, topic) -> dict:
    result = analysis.timeline(speaker, analysis.Filters(topic=topic))
    return {point.period: point.mean for point in result.series[0].points if point.mean is not None}


def test_a_new_stance_copies_its_quote(topic):
    quote = quote_with_stances(topic, [1, 2], said_on=datetime.date(2021, 10, 18))
    stance = QuoteStance.objects.get(quote=quote)
    assert (stance.speaker_id, stance.status, stance.said_on, stance.said_on_precision) == (
        quote.speaker_id,
        "confirmed",
        datetime.date(2021, 10, 18),
        "day",
    )


def test_an_adjudication_without_annotations_copies_its_quote(topic, reviewer):
    quote = QuoteFactory(said_on=datetime.date(2020, 5, 1), said_on_precision=DatePrecision.MONTH)
    adjudication_set(quote=quote, topic=topic, reviewer=reviewer, value=-2)
    assert copies_out_of_step() == []
    assert QuoteStance.objects.get(quote=quote).said_on_precision == "month"


def test_editing_a_quote_moves_its_stance_in_the_timeline(topic):
    speaker = SpeakerFactory()
    quote = quote_with_stances(topic, [2], speaker=speaker, said_on=datetime.date(2021, 10, 18))
    assert timeline_means(speaker, topic) == {"2021-10": 2}

    quote.said_on = datetime.date(2022, 1, 1)
    quote.said_on_precision = DatePrecision.MONTH
    quote_save(quote=quote, expected_version=quote.version)

    assert copies_out_of_step() == []
    assert timeline_means(speaker, topic) == {"2022-01": 2}


def test_giving_a_quote_to_another_speaker_moves_its_stance(topic):
    first, second = SpeakerFactory(), SpeakerFactory()
    quote = quote_with_stances(topic, [-1], speaker=first)
    quote.speaker = second
    quote.affiliation = AffiliationFactory(speaker=second)
    quote_save(quote=quote)

    assert copies_out_of_step() == []
    assert timeline_means(first, topic) == {}
    assert timeline_means(second, topic) == {"2021-10": -1}


def test_rejecting_a_quote_takes_its_stance_out_of_confirmed_timelines(topic):
    speaker = SpeakerFactory()
    kept = quote_with_stances(topic, [2], speaker=speaker)
    rejected = quote_with_stances(topic, [-2], speaker=speaker)
    assert timeline_means(speaker, topic) == {"2021-10": 0}

    quotes_set_status(quotes=Quote.objects.filter(pk=rejected.pk), status="rejected")

    assert copies_out_of_step() == []
    assert timeline_means(speaker, topic) == {"2021-10": 2}
    assert kept.stance_summaries.get().status == "confirmed"


def test_merging_speakers_moves_the_duplicates_stances(topic):
    kept, duplicate = SpeakerFactory(), SpeakerFactory()
    quote_with_stances(topic, [1], speaker=kept)
    quote_with_stances(topic, [-1], speaker=duplicate)

    speaker_merge(duplicate=duplicate, into=kept)

    assert copies_out_of_step() == []
    assert timeline_means(kept, topic) == {"2021-10": 0}


def test_rebuilding_writes_the_copies(topic):
    quote_with_stances(topic, [1, -1])
    QuoteStance.objects.update(status="proposed", said_on=None)
    stance_summaries_rebuild()
    assert copies_out_of_step() == []
