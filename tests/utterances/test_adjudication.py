"""A reviewer's stance for an utterance: it replaces its reports' mean wherever utterances count."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from quotes.models import StanceRollup, UtteranceAdjudication
from quotes.rollup import cells
from quotes.utterance_services import (
    utterance_adjudication_set,
    utterance_adjudication_withdraw,
    utterance_link_confirm,
    utterance_link_propose,
    utterance_merge,
)
from tests.factories import StanceAnnotationFactory, TopicFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."
DAY = datetime.date(2021, 10, 18)


def _timeline(api_client, speaker, topic, **params):
    query = "&".join(f"{key}={value}" for key, value in {"topic": topic.slug, **params}.items())
    return api_client.get(f"/api/speakers/{speaker.slug}/timeline/?{query}").json()["periods"]


@pytest.fixture
def conflicted(speaker, report, topic):
    """One statement reported twice, coded +2 and 0 (a conflict: 2 points apart)."""
    first, second = report(speaker, GAS, said_on=DAY), report(speaker, GAS_TOO, said_on=DAY)
    StanceAnnotationFactory(quote=first, topic=topic, value=2)
    StanceAnnotationFactory(quote=second, topic=topic, value=0)
    link = utterance_link_propose(quote=first, other=second, similarity=0.6)
    return utterance_link_confirm(link=link)


def _adjudicate(utterance, topic, reviewer, value=-1, **kwargs):
    return utterance_adjudication_set(
        utterance=utterance, topic=topic, reviewer=reviewer, value=value, **kwargs
    )


def test_an_adjudicated_utterance_counts_with_the_reviewers_value(
    api_client, speaker, topic, reviewer, conflicted
):
    assert [p["mean"] for p in _timeline(api_client, speaker, topic)] == [1]
    _adjudicate(conflicted, topic, reviewer, value=-1, note="TASS mistranslated it.")
    assert [(p["count"], p["mean"]) for p in _timeline(api_client, speaker, topic)] == [(1, -1)]
    # counting reports is today's counting: each report's own stored stance
    assert [p["mean"] for p in _timeline(api_client, speaker, topic, unit="report")] == [1]


def test_withdrawing_the_adjudication_restores_the_reports_mean(
    api_client, speaker, topic, reviewer, conflicted
):
    adjudication = _adjudicate(conflicted, topic, reviewer, value=-2)
    utterance_adjudication_withdraw(adjudication=adjudication)
    assert [p["mean"] for p in _timeline(api_client, speaker, topic)] == [1]
    assert UtteranceAdjudication.history.filter(history_type="-").count() == 1


def test_cannot_code_leaves_the_utterance_without_a_stance(
    api_client, speaker, topic, reviewer, conflicted
):
    _adjudicate(conflicted, topic, reviewer, value=None, cannot_code=True)
    periods = _timeline(api_client, speaker, topic)
    assert [(p["count"], p["with_stance"], p["mean"]) for p in periods] == [(1, 0, None)]


def test_adjudicating_again_replaces_the_value_and_keeps_history(
    speaker, topic, reviewer, admin_user, conflicted
):
    _adjudicate(conflicted, topic, reviewer, value=-1)
    again = _adjudicate(conflicted, topic, admin_user, value=1)
    assert UtteranceAdjudication.objects.get() == again
    assert (again.value, again.reviewer) == (1, admin_user)
    assert again.history.count() == 2


def test_an_utterance_with_no_confirmed_report_coded_on_the_topic_cannot_be_adjudicated(
    speaker, reviewer, conflicted
):
    with pytest.raises(ValidationError) as raised:
        _adjudicate(conflicted, TopicFactory(), reviewer)
    assert "topic" in raised.value.message_dict


def test_an_adjudication_settles_an_unsettled_utterance_on_a_released_topic(
    api_client, speaker, report, reviewer
):
    """The topic needs two codes: one each leaves both reports unsettled, so the public counts
    no stance until the reviewer adjudicates the utterance (as adjudicating settles a quote)."""
    topic = TopicFactory(codes_needed=2)
    first, second = report(speaker, GAS, said_on=DAY), report(speaker, GAS_TOO, said_on=DAY)
    StanceAnnotationFactory(quote=first, topic=topic, value=2)
    StanceAnnotationFactory(quote=second, topic=topic, value=0)
    utterance = utterance_link_confirm(
        link=utterance_link_propose(quote=first, other=second, similarity=0.6)
    )
    assert [p["with_stance"] for p in _timeline(api_client, speaker, topic)] == [0]
    _adjudicate(utterance, topic, reviewer, value=1)
    assert [(p["with_stance"], p["mean"]) for p in _timeline(api_client, speaker, topic)] == [
        (1, 1)
    ]
    assert [p["with_stance"] for p in _timeline(api_client, speaker, topic, unit="report")] == [0]


def test_merging_keeps_the_adjudication_of_the_kept_utterance_first(
    speaker, report, topic, reviewer, conflicted
):
    third, fourth = report(speaker, GAS + " Ever.", said_on=DAY), report(speaker, GAS + "!")
    for quote in (third, fourth):
        StanceAnnotationFactory(quote=quote, topic=topic, value=1)
    other = utterance_link_confirm(
        link=utterance_link_propose(quote=third, other=fourth, similarity=0.9)
    )
    other_topic = TopicFactory()
    StanceAnnotationFactory(quote=third, topic=other_topic, value=1)
    _adjudicate(conflicted, topic, reviewer, value=-1)
    _adjudicate(other, topic, reviewer, value=2)
    _adjudicate(other, other_topic, reviewer, value=0)
    kept = utterance_merge(utterances=[conflicted, other])
    assert sorted(kept.adjudications.values_list("topic__slug", "value")) == sorted(
        [(topic.slug, -1), (other_topic.slug, 0)]
    )


def test_adjudicating_keeps_the_rollup_equal_to_its_direct_aggregation(
    speaker, topic, reviewer, conflicted
):
    from quotes.models import QuoteStance

    _adjudicate(conflicted, topic, reviewer, value=-1)
    stored = {
        (row.said_on, row.count, row.total)
        for row in StanceRollup.objects.filter(unit=StanceRollup.Unit.REPORT)
    }
    assert stored == {(row.said_on, row.count, row.total) for row in cells(QuoteStance.objects)}


# --- The constraints, both ways ------------------------------------------------------------------


def test_one_adjudication_per_utterance_and_topic(topic, reviewer, conflicted):
    _adjudicate(conflicted, topic, reviewer)
    duplicate = UtteranceAdjudication(utterance=conflicted, topic=topic, reviewer=reviewer, value=1)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(IntegrityError):
        duplicate.save()


@pytest.mark.parametrize(
    "value, cannot_code",
    [(None, False), (1, True), (3, False), (-3, False)],
    ids=["neither", "both", "above-range", "below-range"],
)
def test_an_adjudication_is_one_value_in_range_or_cannot_code(
    topic, reviewer, conflicted, value, cannot_code
):
    adjudication = UtteranceAdjudication(
        utterance=conflicted, topic=topic, reviewer=reviewer, value=value, cannot_code=cannot_code
    )
    with pytest.raises(ValidationError):
        adjudication.full_clean()
    with pytest.raises(IntegrityError):
        UtteranceAdjudication.objects.create(
            utterance=conflicted,
            topic=topic,
            reviewer=reviewer,
            value=value,
            cannot_code=cannot_code,
        )
