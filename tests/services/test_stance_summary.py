"""The stance of a quote is defined once: adjudicated value, else the annotators' mean."""

import pytest

from quotes.models import QuoteStance, StanceAnnotation
from quotes.services import (
    ConflictError,
    adjudication_clear,
    adjudication_set,
    stance_annotation_delete,
    stance_annotation_save,
    stance_summaries_rebuild,
)
from tests.factories import QuoteFactory, StanceAnnotationFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_summary_is_the_mean_of_annotations_and_counts_annotators(annotator, other_annotator):
    quote, topic = QuoteFactory(), TopicFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=2)
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=-1)
    summary = QuoteStance.objects.get(quote=quote, topic=topic)
    assert (summary.value, summary.annotator_count, summary.is_adjudicated) == (0.5, 2, False)


def test_adjudication_overrides_the_mean_and_clearing_it_restores_the_mean(annotator, reviewer):
    quote, topic = QuoteFactory(), TopicFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=2)
    adjudication = adjudication_set(quote=quote, topic=topic, reviewer=reviewer, value=-1)
    summary = QuoteStance.objects.get(quote=quote, topic=topic)
    assert (summary.value, summary.annotator_count, summary.is_adjudicated) == (-1, 1, True)
    adjudication_clear(adjudication=adjudication)
    assert QuoteStance.objects.get(quote=quote, topic=topic).value == 2


def test_deleting_the_last_annotation_removes_the_summary(annotator):
    annotation = StanceAnnotationFactory(annotator=annotator)
    stance_annotation_delete(annotation=annotation)
    assert not QuoteStance.objects.exists()


def test_rebuild_gives_the_same_summaries_as_the_incremental_updates(annotator, other_annotator):
    topic = TopicFactory()
    for value in (-2, 1):
        quote = QuoteFactory()
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=value)
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=0)
    incremental = set(QuoteStance.objects.values_list("quote_id", "topic_id", "value"))
    QuoteStance.objects.all().delete()
    assert stance_summaries_rebuild() == 2
    assert set(QuoteStance.objects.values_list("quote_id", "topic_id", "value")) == incremental


def test_saving_from_a_stale_form_is_a_conflict_not_an_overwrite(annotator):
    annotation = StanceAnnotationFactory(annotator=annotator, value=1)
    loaded_version = annotation.version
    stance_annotation_save(
        quote=annotation.quote,
        topic=annotation.topic,
        annotator=annotator,
        value=2,
        expected_version=loaded_version,
    )
    with pytest.raises(ConflictError):
        stance_annotation_save(
            quote=annotation.quote,
            topic=annotation.topic,
            annotator=annotator,
            value=-2,
            expected_version=loaded_version,
        )
    assert StanceAnnotation.objects.get(pk=annotation.pk).value == 2


def test_each_annotation_change_is_in_the_history_with_its_values():
    user = UserFactory()
    annotation = StanceAnnotationFactory(annotator=user, value=1)
    stance_annotation_save(quote=annotation.quote, topic=annotation.topic, annotator=user, value=-1)
    assert list(annotation.history.order_by("history_date").values_list("value", flat=True)) == [
        1,
        -1,
    ]
