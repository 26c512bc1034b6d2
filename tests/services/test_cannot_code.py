""" "Cannot code / not about this topic" is a code of its own: stored apart from 0, counted, and
left out of every mean, stored stance, timeline and alpha."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from quotes import analysis
from quotes.agreement import topic_agreement
from quotes.models import QuoteStance, StanceAnnotation
from quotes.services import stance_annotation_save, stance_summaries_rebuild
from tests.factories import QuoteFactory, StanceAnnotationFactory, UserFactory

pytestmark = pytest.mark.django_db


def cannot_code(quote, topic, annotator):
    return StanceAnnotationFactory(
        quote=quote, topic=topic, annotator=annotator, value=None, cannot_code=True
    )


def test_cannot_code_is_stored_apart_from_neutral(annotator, topic):
    annotation = cannot_code(QuoteFactory(), topic, annotator)
    annotation.refresh_from_db()
    assert (annotation.value, annotation.cannot_code) == (None, True)
    assert annotation.code_label == "cannot code / not about this topic"


def test_cannot_code_is_counted_but_left_out_of_the_mean(annotator, other_annotator, topic):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=-2)
    cannot_code(quote, topic, other_annotator)
    summary = QuoteStance.objects.get(quote=quote, topic=topic)
    assert (summary.value, summary.annotator_count, summary.cannot_code_count) == (-2, 1, 1)
    assert summary.codes == 2


def test_a_quote_coded_only_cannot_code_has_no_stored_value(annotator, other_annotator, topic):
    quote = QuoteFactory()
    cannot_code(quote, topic, annotator)
    cannot_code(quote, topic, other_annotator)
    summary = QuoteStance.objects.get(quote=quote, topic=topic)
    assert (summary.value, summary.annotator_count, summary.cannot_code_count) == (None, 0, 2)
    assert not quote.__class__.objects.with_stance(topic).filter(stance__isnull=False).exists()


def test_rebuild_counts_cannot_code_like_the_incremental_updates(annotator, other_annotator, topic):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=1)
    cannot_code(quote, topic, other_annotator)
    before = list(QuoteStance.objects.values_list("value", "annotator_count", "cannot_code_count"))
    stance_summaries_rebuild()
    after = list(QuoteStance.objects.values_list("value", "annotator_count", "cannot_code_count"))
    assert before == after == [(1.0, 1, 1)]


def test_changing_a_value_to_cannot_code_and_back(annotator, topic):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=2)
    stance_annotation_save(
        quote=quote, topic=topic, annotator=annotator, value=None, cannot_code=True
    )
    assert QuoteStance.objects.get().value is None
    stance_annotation_save(quote=quote, topic=topic, annotator=annotator, value=-1)
    assert StanceAnnotation.objects.get().cannot_code is False
    assert QuoteStance.objects.get().value == -1


@pytest.mark.parametrize(("value", "flag"), [(None, False), (0, True)])
def test_a_code_is_a_value_or_cannot_code_never_both_or_neither(annotator, topic, value, flag):
    with pytest.raises(ValidationError):
        stance_annotation_save(
            quote=QuoteFactory(), topic=topic, annotator=annotator, value=value, cannot_code=flag
        )
    assert not StanceAnnotation.objects.exists()


def test_timelines_leave_cannot_code_quotes_out(annotator, other_annotator, topic):
    said = datetime.date(2021, 10, 18)
    valued = QuoteFactory(said_on=said)
    speaker = valued.speaker
    StanceAnnotationFactory(quote=valued, topic=topic, annotator=annotator, value=-1)
    uncodable = QuoteFactory(said_on=said, speaker=speaker)
    cannot_code(uncodable, topic, annotator)
    [point] = analysis.timeline(speaker, analysis.Filters(topic=topic)).series[0].points
    assert (point.count, point.with_stance, point.mean, point.quote_ids) == (2, 1, -1, [valued.pk])


def test_alpha_leaves_cannot_code_out(topic):
    a, b, c = (UserFactory(username=name) for name in "abc")
    for value_a, value_b in ((-1, -1), (2, 2), (0, 1)):
        quote = QuoteFactory()
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=a, value=value_a)
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=b, value=value_b)
        cannot_code(quote, topic, c)
    only_one_value = QuoteFactory()
    StanceAnnotationFactory(quote=only_one_value, topic=topic, annotator=a, value=2)
    cannot_code(only_one_value, topic, b)
    result = topic_agreement(topic)
    assert (result["quotes"], result["annotators"], result["annotations"]) == (3, 2, 6)
