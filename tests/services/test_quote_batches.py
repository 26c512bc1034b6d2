"""A bulk status change and a speaker merge write quotes a batch at a time: a fixed number of
statements whatever the number of quotes, history rows included, stored stances in step."""

import pytest

from quotes.models import Quote, QuoteStance
from quotes.services import quotes_set_status, speaker_merge, stance_copies_refresh
from tests.factories import QuoteFactory, SpeakerFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def copies_out_of_step() -> list:
    return [
        (stance.pk, name)
        for stance in QuoteStance.objects.select_related("quote")
        for name in QuoteStance.COPIED_FROM_QUOTE
        if getattr(stance, name) != getattr(stance.quote, name)
    ]


def coded_quotes(count, **kwargs) -> list[Quote]:
    """``count`` quotes coded once on one topic, all in one role of their speaker."""
    topic = TopicFactory(slug="batch")
    kwargs.setdefault("speaker", SpeakerFactory())
    first = QuoteFactory(**kwargs)
    if first.affiliation_id:
        kwargs["affiliation"] = first.affiliation
    quotes = [first, *(QuoteFactory(**kwargs) for _ in range(count - 1))]
    for quote in quotes:
        StanceAnnotationFactory(quote=quote, topic=topic, value=1)
    return quotes


# Per batch: SELECT … FOR UPDATE, UPDATE the quotes, INSERT their history rows, UPDATE the stored
# stances' copies; once: SELECT the ids, and the savepoint of @transaction.atomic (2) inside the
# test's transaction. That is 7; SQLite takes at most 999 parameters a statement, so 60 history
# rows of 17 columns are two INSERTs there: 8. Row by row it was 6 statements a quote.
STATUS_CHANGE_QUERIES = 8
# Keeping the rollups in step (quotes.rollup), per refresh of the stances' copies: the stances'
# month slots before and after, then for their cells a DELETE and an INSERT … SELECT; the
# quotes' (speaker, month) slots, then a DELETE and an INSERT … SELECT of their counts.
ROLLUP_QUERIES = 7
# And counted by utterance (quotes.unit_rollup), per 500 units, for the stances and for the
# quotes alike: the units of the quotes, their rows' month slots, a DELETE, an INSERT … SELECT for
# the utterances' reports and one for the unlinked quotes, the slots again; then the stance
# cells' DELETE and an INSERT … SELECT per view (9), the quote cells' DELETE and INSERT (8).
UNIT_QUERIES = 17


@pytest.mark.parametrize("count", [5, 60])
def test_a_bulk_status_change_takes_the_same_statements_for_5_and_60_quotes(
    count, django_assert_max_num_queries
):
    quotes = coded_quotes(count, status=Quote.Status.PROPOSED)
    with django_assert_max_num_queries(STATUS_CHANGE_QUERIES + ROLLUP_QUERIES + UNIT_QUERIES):
        changed = quotes_set_status(
            quotes=Quote.objects.filter(status="proposed"), status="confirmed"
        )
    assert changed == count
    assert set(QuoteStance.objects.values_list("status", flat=True)) == {"confirmed"}
    assert copies_out_of_step() == []
    for quote in quotes:
        latest = quote.history.first()
        assert (latest.status, latest.history_type) == ("confirmed", "~")
    assert Quote.objects.filter(version=2).count() == count


def test_a_status_change_goes_in_batches_of_the_size_given(django_assert_max_num_queries):
    """Five quotes in batches of two: three batches of four statements and the rollup's, plus
    the three once."""
    coded_quotes(5, status=Quote.Status.PROPOSED)
    with django_assert_max_num_queries(3 + 3 * (4 + ROLLUP_QUERIES + UNIT_QUERIES)):
        assert quotes_set_status(quotes=Quote.objects.all(), status="rejected", batch_size=2) == 5
    assert copies_out_of_step() == []


def test_a_quote_without_a_speaker_stops_the_whole_change_and_names_itself():
    speakerless = QuoteFactory(status=Quote.Status.PROPOSED, speaker=None, affiliation=None)
    other = QuoteFactory(status=Quote.Status.PROPOSED)
    with pytest.raises(Exception, match=str(speakerless.pk)):
        quotes_set_status(quotes=Quote.objects.all(), status="confirmed")
    other.refresh_from_db()
    assert other.status == Quote.Status.PROPOSED


# The merge around the quotes (the duplicate's one affiliation and its history, the speakers, the
# alias made of the duplicate's name, its utterances, the collector's reads before the delete)
# is the same for both sizes: 40 statements on SQLite, 41 with 60 quotes (two history INSERTs, as
# above), plus 2 for the roles imports proposed for the duplicate (moved to the speaker kept,
# the rest deleted with it), plus 1 for the quotes' candidate keys (quotes.utterance_index) in
# the batch. Row by row the quotes alone were 3 statements each.
MERGE_QUERIES = 44


@pytest.mark.parametrize("count", [5, 60])
def test_a_speaker_merge_moves_5_or_60_quotes_in_the_same_statements(
    count, django_assert_max_num_queries
):
    kept, duplicate = SpeakerFactory(), SpeakerFactory()
    quotes = coded_quotes(count, speaker=duplicate)
    # and the collector's reads of the duplicate's cells in both rollups and of its rows in both
    # unit tables (quotes.unit_rollup), deleted with it
    with django_assert_max_num_queries(MERGE_QUERIES + ROLLUP_QUERIES + UNIT_QUERIES + 4):
        speaker_merge(duplicate=duplicate, into=kept)
    assert Quote.objects.filter(speaker=kept).count() == count
    assert copies_out_of_step() == []
    assert set(QuoteStance.objects.values_list("speaker_id", flat=True)) == {kept.pk}
    for quote in quotes:
        latest = quote.history.first()
        assert latest.speaker_id == kept.pk
        assert latest.history_change_reason.startswith("speaker merge ")


def test_stance_copies_refresh_repairs_copies_a_queryset_update_left_stale():
    quotes = coded_quotes(3)
    Quote.objects.filter(pk__in=[quote.pk for quote in quotes]).update(status="rejected")
    assert len(copies_out_of_step()) == 3
    assert stance_copies_refresh(quote_ids=[quote.pk for quote in quotes]) == 3
    assert copies_out_of_step() == []
