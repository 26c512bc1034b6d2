"""source_text_replace: a source's text changes only with its quotes found again in it."""

import pytest
from django.core.exceptions import ValidationError

from quotes.models import Quote, Source
from quotes.sources import source_text_replace
from tests.factories import QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db

OLD = "Intro. “We want dialogue,” the minister said. “No more talks,” he added later."
NEW = (
    "A corrected intro, longer than before. “We want dialogue,” the minister said on Monday. "
    "“No more talks,” he added later."
)


@pytest.fixture
def quotes():
    source = SourceFactory(text=OLD)
    first = QuoteFactory(source=source, text="We want dialogue,")
    second = QuoteFactory(source=source, text="No more talks,", status=Quote.Status.PROPOSED)
    return source, first, second


def test_new_text_moves_every_span_to_where_its_words_are_now(quotes, editor):
    source, first, second = quotes

    result = source_text_replace(source=source, text=NEW, user=editor)

    assert (result.moved, result.unchanged) == (2, 0)
    for quote in (first, second):
        moved = Quote.objects.get(pk=quote.pk)
        assert NEW[moved.span_start : moved.span_end] == quote.text
        assert moved.is_verified
        assert moved.version == quote.version + 1
        assert moved.history.latest().history_user == editor


def test_old_text_stays_in_the_sources_history_with_the_editor(quotes, editor):
    source, *_ = quotes

    source_text_replace(source=source, text=NEW, user=editor)

    latest, before = source.history.order_by("-history_id")[:2]
    assert (latest.text, latest.history_user) == (NEW, editor)
    assert before.text == OLD


def test_text_losing_a_quote_is_refused_whole_naming_each_lost_quote(quotes, editor):
    source, first, second = quotes
    spans = list(Quote.objects.order_by("pk").values_list("span_start", "span_end"))

    with pytest.raises(ValidationError) as refused:
        source_text_replace(source=source, text="Completely different article.", user=editor)

    messages = refused.value.message_dict["text"]
    assert any(f"Quote {first.pk} no longer occurs" in text for text in messages)
    assert any(f"Quote {second.pk} no longer occurs" in text for text in messages)
    assert Source.objects.get(pk=source.pk).text == OLD
    assert list(Quote.objects.order_by("pk").values_list("span_start", "span_end")) == spans


def test_losing_one_quote_of_two_changes_nothing(quotes, editor):
    source, first, second = quotes

    with pytest.raises(ValidationError, match=f"Quote {second.pk} no longer occurs"):
        source_text_replace(source=source, text="“We want dialogue,” he said.", user=editor)

    assert Source.objects.get(pk=source.pk).text == OLD
    assert Quote.objects.get(pk=first.pk).version == first.version


def test_an_empty_text_is_refused(quotes, editor):
    source, *_ = quotes

    with pytest.raises(ValidationError, match="cannot be emptied"):
        source_text_replace(source=source, text="", user=editor)

    assert Source.objects.get(pk=source.pk).text == OLD


def test_the_same_words_twice_keep_their_order(editor):
    source = SourceFactory(text="“Yes,” she said. “Yes,” he said.")
    first = QuoteFactory(source=source, text="Yes,")
    second = QuoteFactory(source=source, text="Yes,")
    assert (first.span_start, second.span_start) == (1, 18)

    source_text_replace(source=source, text="Then: “Yes,” she said. “Yes,” he said.", user=editor)

    assert Quote.objects.get(pk=first.pk).span_start == 7
    assert Quote.objects.get(pk=second.pk).span_start == 24


def test_a_source_without_quotes_takes_any_text(editor):
    source = SourceFactory(text=OLD)

    source_text_replace(source=source, text="Completely different article.", user=editor)

    assert Source.objects.get(pk=source.pk).text == "Completely different article."
