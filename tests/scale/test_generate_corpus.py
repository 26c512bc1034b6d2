"""generate_corpus: same seed, same rows; the shape the bench relies on; clear refusals."""

import datetime
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Avg, Count, Max, Min

from quotes.models import (
    Adjudication,
    Quote,
    QuoteRollup,
    QuoteStance,
    StanceAnnotation,
    StanceRollup,
    UnitQuote,
    UnitStance,
    Utterance,
    UtteranceKey,
)
from quotes.utterances import utterance_dates
from tests.scale.conftest import delete_corpus, generate


def fingerprint() -> list:
    """The corpus with database ids replaced by natural keys (ids differ between runs)."""
    quotes = Quote.objects.order_by("source__title", "span_start").values_list(
        "text", "speaker__slug", "source__title", "affiliation__role", "kind", "said_on",
        "said_on_precision", "span_start", "status",
    )  # fmt: skip
    annotations = StanceAnnotation.objects.order_by(
        "quote__source__title", "quote__span_start", "annotator__username"
    ).values_list(
        "quote__source__title", "quote__span_start", "topic__slug", "annotator__username", "value"
    )
    return [list(quotes), list(annotations)]


def test_same_seed_gives_same_rows_and_another_seed_others(db):
    generate(300, 10, seed=7)
    first = fingerprint()
    delete_corpus()
    generate(300, 10, seed=7)
    assert fingerprint() == first
    delete_corpus()
    generate(300, 10, seed=8)
    assert fingerprint() != first


def test_corpus_has_the_realistic_shape(db):
    generate(3000, 60, seed=1)
    assert Quote.objects.count() == 3000
    status = Counter(Quote.objects.values_list("status", flat=True))
    assert 0.90 <= status["confirmed"] / 3000 <= 0.99
    assert status["proposed"] > 0 and status["rejected"] > 0
    # Zipf: the heaviest speaker says far more than the median one.
    per_speaker = sorted(
        Quote.objects.values("speaker").annotate(n=Count("id")).values_list("n", flat=True)
    )
    assert per_speaker[-1] > 5 * per_speaker[len(per_speaker) // 2]
    dates = Quote.objects.aggregate(first=Min("said_on"), last=Max("said_on"))
    assert dates["last"] - dates["first"] > datetime.timedelta(days=15 * 365)
    precisions = Counter(Quote.objects.values_list("said_on_precision", flat=True))
    assert precisions["month"] > 0 and precisions["year"] > 0 and precisions["day"] > 2500


def test_spans_point_at_the_quote_in_its_source(small_corpus):
    for quote in Quote.objects.select_related("source"):
        assert quote.source.text[quote.span_start : quote.span_end] == quote.text
    assert Quote.objects.values("source").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_each_confirmed_quote_has_one_to_three_annotations_and_others_none(small_corpus):
    counts = Counter(StanceAnnotation.objects.values_list("quote_id", flat=True))
    confirmed = set(Quote.objects.confirmed().values_list("id", flat=True))
    assert set(counts) == confirmed
    assert set(counts.values()) == {1, 2, 3}
    assert StanceAnnotation.objects.values("annotator").distinct().count() >= 3


def test_stored_stances_equal_the_adjudication_else_the_annotators_mean(small_corpus):
    means = {
        (row["quote_id"], row["topic_id"]): (row["mean"], row["n"])
        for row in StanceAnnotation.objects.values("quote_id", "topic_id").annotate(
            mean=Avg("value"), n=Count("id")
        )
    }
    adjudicated = {
        (quote, topic): value
        for quote, topic, value in Adjudication.objects.values_list("quote_id", "topic_id", "value")
    }
    summaries = QuoteStance.objects.values_list(
        "quote_id", "topic_id", "value", "annotator_count", "is_adjudicated"
    )
    assert len(summaries) == len(means)
    for quote, topic, value, count, is_adjudicated in summaries:
        mean, annotators = means[(quote, topic)]
        assert count == annotators
        assert is_adjudicated == ((quote, topic) in adjudicated)
        assert value == pytest.approx(adjudicated.get((quote, topic), mean))


@pytest.mark.parametrize(
    "options, message",
    [
        ({"quotes": 0, "speakers": 1}, "--quotes"),
        ({"quotes": 10, "speakers": 0}, "--speakers"),
        ({"quotes": 10, "speakers": 11}, "--speakers"),
        ({"quotes": 10, "speakers": 2, "topics": 0}, "--topics"),
        ({"quotes": 10, "speakers": 2, "topics": 99}, "--topics"),
        ({"quotes": 10, "speakers": 2, "annotators": 2}, "--annotators"),
        ({"quotes": 10, "speakers": 2, "seed": -1}, "--seed"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(db, options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)
    assert not Quote.objects.exists()


def test_a_database_with_quotes_is_refused(small_corpus):
    with pytest.raises(CommandError, match="already has quotes"):
        generate(10, 2)


def test_some_statements_are_reported_by_several_outlets_as_one_utterance(db):
    generate(3000, 60, seed=1)
    reports = Counter(
        Quote.objects.filter(utterance__isnull=False).values_list("utterance_id", flat=True)
    )
    assert 0.04 <= sum(reports.values()) / 3000 <= 0.35
    assert max(reports.values()) >= 3
    linked = Quote.objects.filter(utterance__isnull=False).select_related("utterance", "source")
    for quote in linked:
        assert quote.utterance.speaker_id == quote.speaker_id
    outlets = Counter(
        (q.utterance_id, q.source.outlet) for q in linked if reports[q.utterance_id] > 1
    )
    assert len({key[0] for key in outlets}) > 10  # many utterances with several outlets
    dated = Utterance.objects.filter(reports__status="confirmed").exclude(said_on=None)
    assert dated.exists()
    for utterance in dated[:20]:
        first = min(
            r.said_on for r in utterance.reports.all() if r.status == "confirmed" and r.said_on
        )
        assert utterance.said_on == first


def test_the_rollup_is_built_at_the_end(db):
    generate(500, 10, seed=2)
    built = sorted(StanceRollup.objects.values_list("topic_id", "speaker_id", "said_on", "count"))
    call_command("rebuild_rollup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert built and built == sorted(
        StanceRollup.objects.values_list("topic_id", "speaker_id", "said_on", "count")
    )


def derived_rows() -> dict:
    """Every derived table's rows without their ids (floats to 9 places: a sum of floats may
    differ in its last bit with the order rows are read in)."""

    def rows(model, exclude=("id",)):
        names = [f.attname for f in model._meta.concrete_fields if f.attname not in exclude]
        found = model.objects.values_list(*names)
        return sorted(
            tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in found
        )

    utterances = list(Utterance.objects.values_list("pk", flat=True))
    return {
        "stances": rows(QuoteStance),
        "keys": rows(UtteranceKey),
        "utterance dates": sorted(utterance_dates(utterances).items()),
        "stored utterance dates": sorted(
            (pk, (day, precision))
            for pk, day, precision in Utterance.objects.values_list(
                "pk", "said_on", "said_on_precision"
            )
        ),
        **{model.__name__: rows(model) for model in (StanceRollup, QuoteRollup)},
        **{model.__name__: rows(model) for model in (UnitStance, UnitQuote)},
    }


def test_derived_tables_equal_what_the_rebuild_commands_write(transactional_db):
    """On PostgreSQL this runs the whole bulk load: outside a transaction, the indexes and
    constraints are dropped for the load and made again after it."""
    generate(2000, 40, seed=5)
    built = derived_rows()
    assert built["stances"] and built["keys"] and built["UnitStance"]
    assert built["stored utterance dates"] == built["utterance dates"]
    quiet = open("/dev/null", "w")  # noqa: SIM115
    for command in ("rebuild_stances", "rebuild_utterance_keys", "rebuild_rollup"):
        call_command(command, stdout=quiet)
    assert derived_rows() == built
