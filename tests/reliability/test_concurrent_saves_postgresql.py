"""Concurrent saves on PostgreSQL, over two real connections: nobody's save is silently lost.

Each writer is a thread (Django gives each its own connection); a barrier makes both read before
either writes, which is the moment a lost update happens.
"""

import threading

import pytest
from django.db import connection

from quotes.models import Quote, QuoteStance, StanceAnnotation
from quotes.services import ConflictError, quote_save, stance_annotation_save
from tests.factories import QuoteFactory, TopicFactory, UserFactory

pytestmark = [pytest.mark.postgresql_only, pytest.mark.django_db(transaction=True)]


def run_together(*writers):
    """Run each ``writer(barrier)`` in its own thread and connection; returns results in order,
    each a value or the exception raised."""
    barrier = threading.Barrier(len(writers), timeout=20)
    results = [None] * len(writers)

    def run(index, writer):
        try:
            results[index] = writer(barrier)
        except Exception as error:  # noqa: BLE001 - the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    return results


def test_postgresql_two_annotators_saving_at_once_both_count_in_the_summary():
    quote, topic = QuoteFactory(), TopicFactory()
    annie, otto = UserFactory(username="annie"), UserFactory(username="otto")

    def annotate(user, value):
        def writer(barrier):
            Quote.objects.get(pk=quote.pk)  # the annotator's form loads the quote
            barrier.wait()
            return stance_annotation_save(quote=quote, topic=topic, annotator=user, value=value)

        return writer

    results = run_together(annotate(annie, 2), annotate(otto, -1))
    assert all(isinstance(result, StanceAnnotation) for result in results), results
    assert StanceAnnotation.objects.filter(quote=quote, topic=topic).count() == 2
    summary = QuoteStance.objects.get(quote=quote, topic=topic)
    assert summary.annotator_count == 2
    assert summary.value == 0.5  # (2 + -1) / 2


def test_postgresql_same_annotation_saved_from_two_tabs_is_one_save_and_one_conflict():
    quote, topic, annie = QuoteFactory(), TopicFactory(), UserFactory(username="annie")
    first = stance_annotation_save(quote=quote, topic=topic, annotator=annie, value=0)

    def tab(value):
        def writer(barrier):
            version = StanceAnnotation.objects.get(pk=first.pk).version
            barrier.wait()
            return stance_annotation_save(
                quote=quote, topic=topic, annotator=annie, value=value, expected_version=version
            )

        return writer

    results = run_together(tab(1), tab(-2))
    saved = [result for result in results if isinstance(result, StanceAnnotation)]
    conflicts = [result for result in results if isinstance(result, ConflictError)]
    assert (len(saved), len(conflicts)) == (1, 1), results
    stored = StanceAnnotation.objects.get(pk=first.pk)
    assert (stored.value, stored.version) == (saved[0].value, 2)
    assert QuoteStance.objects.get(quote=quote, topic=topic).value == saved[0].value


def test_postgresql_two_editors_saving_the_same_quote_is_one_save_and_one_conflict():
    quote = QuoteFactory()

    def editor(note):
        def writer(barrier):
            mine = Quote.objects.get(pk=quote.pk)  # the editor opens the change form
            barrier.wait()
            mine.extraction_note = note
            return quote_save(quote=mine, expected_version=mine.version)

        return writer

    results = run_together(editor("Checked by Edith."), editor("Checked by Ed."))
    saved = [result for result in results if isinstance(result, Quote)]
    conflicts = [result for result in results if isinstance(result, ConflictError)]
    assert (len(saved), len(conflicts)) == (1, 1), results
    stored = Quote.objects.get(pk=quote.pk)
    assert (stored.extraction_note, stored.version) == (saved[0].extraction_note, 2)
