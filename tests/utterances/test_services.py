"""Confirming, rejecting, merging and splitting: the services own the utterances."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from quotes import utterances
from quotes.models import Quote, Utterance, UtteranceLink
from quotes.utterance_services import (
    utterance_link_confirm,
    utterance_link_propose,
    utterance_link_reject,
    utterance_merge,
    utterance_split,
)
from tests.factories import SpeakerFactory, StanceAnnotationFactory

GAS = "We will not allow anyone to dictate to us the terms on which we sell our gas."
GAS_TOO = "We will not let anybody dictate the conditions under which we sell our gas."
DAY = datetime.date(2021, 10, 18)


def _confirmed_link(first, second, user=None):
    link = utterance_link_propose(quote=first, other=second, similarity=0.9)
    return utterance_link_confirm(link=link, user=user)


def test_confirming_a_link_makes_one_utterance_of_the_two_reports(speaker, report, editor):
    first, second = report(speaker, GAS), report(speaker, GAS_TOO)
    utterance = _confirmed_link(first, second, editor)
    assert set(utterance.reports.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert utterance.speaker == speaker
    link = UtteranceLink.objects.get()
    assert (link.status, link.decided_by) == ("confirmed", editor)
    # history kept: each report's change of utterance is a historical row naming the editor
    assert first.history.first().utterance_id == utterance.pk
    assert first.history.first().history_user == editor


def test_an_utterance_is_dated_by_its_earliest_confirmed_report(speaker, report):
    later = report(speaker, GAS, said_on=DAY)
    earlier = report(
        speaker, GAS_TOO, said_on=datetime.date(2021, 10, 1), said_on_precision="month"
    )
    proposed = report(speaker, GAS, said_on=datetime.date(2021, 9, 1), status="proposed")
    utterance = _confirmed_link(later, earlier)
    _confirmed_link(later, proposed)
    utterance.refresh_from_db()
    assert (utterance.said_on, utterance.said_on_precision) == (datetime.date(2021, 10, 1), "month")


def test_an_utterance_with_no_confirmed_report_has_no_date(speaker, report):
    first = report(speaker, GAS, status="proposed")
    second = report(speaker, GAS_TOO, status="proposed")
    utterance = _confirmed_link(first, second)
    assert (utterance.said_on, utterance.said_on_precision) == (None, "unknown")


def test_reports_of_two_speakers_cannot_be_one_utterance(speaker, report):
    first, second = report(speaker, GAS), report(SpeakerFactory(), GAS_TOO)
    link = UtteranceLink.objects.create(quote=first, other=second, similarity=0.9)
    with pytest.raises(ValidationError):
        utterance_link_confirm(link=link)
    assert Utterance.objects.count() == 0


def test_the_same_words_under_another_speaker_are_flagged_not_linked(speaker, report):
    first, second = report(speaker, GAS), report(SpeakerFactory(), GAS)
    link = utterance_link_propose(quote=first, other=second, similarity=1)
    assert link.kind == UtteranceLink.Kind.MISATTRIBUTION
    assert utterance_link_confirm(link=link) is None
    assert Quote.objects.filter(utterance__isnull=False).count() == 0


def test_rejecting_a_proposal_keeps_the_reports_apart_and_a_new_proposal_does_not_reopen_it(
    speaker, report, editor
):
    first, second = report(speaker, GAS), report(speaker, GAS_TOO)
    link = utterance_link_propose(quote=first, other=second, similarity=0.9)
    utterance_link_reject(link=link, user=editor)
    again = utterance_link_propose(quote=second, other=first, similarity=0.95)
    assert (again.pk, again.status) == (link.pk, "rejected")
    assert Utterance.objects.count() == 0


def test_splitting_restores_separate_reports(speaker, report, editor):
    first, second = report(speaker, GAS), report(speaker, GAS_TOO)
    utterance = _confirmed_link(first, second, editor)
    pk = utterance.pk
    utterance_split(utterance=utterance, user=editor)
    assert not Utterance.objects.exists()
    assert Quote.objects.filter(utterance__isnull=False).count() == 0
    assert UtteranceLink.objects.get().status == "rejected"
    assert Utterance.history.filter(id=pk, history_type="-").exists()


def test_splitting_one_report_out_of_three_keeps_the_other_two(speaker, report):
    first, second, third = report(speaker, GAS), report(speaker, GAS_TOO), report(speaker, GAS)
    utterance = _confirmed_link(first, second)
    _confirmed_link(second, third)
    utterance_split(utterance=utterance, reports=[third])
    assert set(utterance.reports.values_list("pk", flat=True)) == {first.pk, second.pk}


def test_confirming_a_link_between_two_utterances_merges_them(speaker, report):
    a, b, c, d = (report(speaker, text) for text in (GAS, GAS_TOO, GAS, GAS_TOO))
    left, right = _confirmed_link(a, b), _confirmed_link(c, d)
    merged = _confirmed_link(b, c)
    assert merged.pk == min(left.pk, right.pk)
    assert merged.reports.count() == 4
    assert Utterance.objects.count() == 1


def test_only_one_speakers_utterances_merge(speaker, report):
    other = SpeakerFactory()
    mine = _confirmed_link(report(speaker, GAS), report(speaker, GAS_TOO))
    theirs = _confirmed_link(report(other, GAS), report(other, GAS_TOO))
    with pytest.raises(ValidationError):
        utterance_merge(utterances=[mine, theirs])


def test_reports_whose_stances_differ_by_two_points_are_flagged(speaker, report, topic, reviewer):
    first, second, third = report(speaker, GAS), report(speaker, GAS_TOO), report(speaker, GAS)
    StanceAnnotationFactory(quote=first, topic=topic, value=-1)
    StanceAnnotationFactory(quote=second, topic=topic, value=1)
    StanceAnnotationFactory(quote=third, topic=topic, value=0)
    utterance = _confirmed_link(first, second)
    calm = _confirmed_link(report(speaker, GAS), third)
    flagged = utterances.conflicting_stances([utterance.pk, calm.pk], reviewer)
    assert flagged == {utterance.pk: {topic.pk: (-1.0, 1.0)}}
    assert utterances.utterance_stances([utterance.pk], reviewer) == {utterance.pk: {topic.pk: 0.0}}
