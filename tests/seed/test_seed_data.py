"""The curated seed data: loaded through validation, consistent with its articles, idempotent."""

import pytest
from django.apps import apps
from django.db.models import Avg

from quotes.models import Affiliation, Quote, QuoteStance, Speaker, StanceAnnotation
from quotes.seed import load_seed
from quotes.text import fold


@pytest.fixture
def seed(seed_for_module, db):
    """The seed, loaded once for this module (tests/conftest.py)."""
    return seed_for_module


def _row_counts():
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("quotes").get_models()
    }


def test_every_seed_quote_is_found_in_its_source_at_its_span(seed):
    quotes = Quote.objects.select_related("source")
    assert quotes.count() >= 40
    for quote in quotes:
        assert quote.is_verified, quote
        printed = quote.source.text[quote.span_start : quote.span_end]
        assert fold(printed) == fold(quote.text)


def test_every_seed_quote_is_said_in_an_affiliation_valid_on_its_date(seed):
    with_role = Quote.objects.filter(affiliation__isnull=False, said_on__isnull=False)
    assert with_role.count() >= 30
    for quote in with_role.select_related("affiliation"):
        assert quote.affiliation.speaker_id == quote.speaker_id
        valid = Affiliation.objects.filter(speaker=quote.speaker).valid_on(
            quote.said_on, quote.said_on_precision
        )
        assert valid.filter(pk=quote.affiliation_id).exists(), quote


def test_seed_rows_pass_the_same_validation_as_researchers_input(seed):
    for model in apps.get_app_config("quotes").get_models():
        if model._meta.label.startswith("quotes.Historical"):
            continue
        for row in model.objects.all():
            row.full_clean()


def test_seed_quotes_are_confirmed_and_their_stored_stance_is_the_annotators_mean(seed):
    assert not Quote.objects.exclude(status=Quote.Status.CONFIRMED).exists()
    means = StanceAnnotation.objects.values("quote_id", "topic_id").annotate(mean=Avg("value"))
    assert means
    for row in means:
        summary = QuoteStance.objects.get(quote_id=row["quote_id"], topic_id=row["topic_id"])
        assert summary.value == pytest.approx(row["mean"])
    assert QuoteStance.objects.count() == len(means)
    assert StanceAnnotation.objects.values("annotator").distinct().count() == 2
    doubly_coded = [
        row
        for row in means
        if QuoteStance.objects.get(
            quote_id=row["quote_id"], topic_id=row["topic_id"]
        ).annotator_count
        == 2
    ]
    assert len(doubly_coded) >= 10


def test_loading_the_seed_twice_changes_nothing(seed):
    before = _row_counts()
    summaries = list(QuoteStance.objects.values_list("quote_id", "topic_id", "value"))
    changed = load_seed()
    assert set(changed.values()) == {0}
    assert _row_counts() == before
    assert list(QuoteStance.objects.values_list("quote_id", "topic_id", "value")) == summaries


@pytest.mark.parametrize(
    "name",
    [
        "Lavrov",
        "Stoltenberg",
        "Lukyanov",
        "Kortunov",
        "Kashin",
        "Dzhabarov",
        "Grushko",
        "Gorlach",
        "Peskov",
        "Gerasimov",
        "Milli",
        "Milley",
        "Churkin",
        "Rogozin",
        "Sergey Lavrov",
        "Yury Gorlach",
    ],
)
def test_people_named_in_the_articles_are_speakers_found_by_name_or_alias(seed, name):
    assert Speaker.objects.search(name).count() == 1


def test_institutions_and_anonymous_sources_are_speakers_of_their_kind(seed):
    ministry = Speaker.objects.get(slug="russian-foreign-ministry")
    assert ministry.kind == Speaker.Kind.INSTITUTION and ministry.organization is not None
    anonymous = Speaker.objects.filter(kind=Speaker.Kind.ANONYMOUS)
    assert set(anonymous.values_list("cited_by", flat=True)) == {"Kommersant", "Izvestia"}
    assert Quote.objects.filter(speaker__in=anonymous).count() >= 4


def _derived_rows() -> list[list[str]]:
    """The stored stances and both rollups' rows, without their ids (a rebuild renumbers)."""
    from quotes.models import QuoteRollup, StanceRollup, UnitQuote, UnitStance

    tables = []
    for model in (QuoteStance, StanceRollup, QuoteRollup, UnitStance, UnitQuote):
        names = [field.attname for field in model._meta.concrete_fields if field.attname != "id"]
        tables.append(sorted(map(str, model.objects.values_list(*names))))
    return tables


def test_the_seeds_stored_stances_and_rollups_are_what_a_rebuild_writes(seed):
    """The seed refreshes its derived rows once for all its quotes: they must be the ones the
    rebuild commands compute from the annotations and the quotes."""
    from quotes.rollup import rollup_rebuild
    from quotes.services import stance_summaries_rebuild

    loaded = _derived_rows()
    assert all(loaded), "the seed has stored stances and rollup rows of each kind"
    stance_summaries_rebuild(keep_rollup=False)
    rollup_rebuild()
    assert _derived_rows() == loaded
