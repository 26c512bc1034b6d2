"""The candidate index of utterance detection (``UtteranceKey``): kept in step by every write
of a quote's text, speaker or date, read by one query a lookup whatever the speaker's number of
quotes, and finding what the similarity would confirm."""

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from quotes import utterance_detection
from quotes.dataset_import import import_bundle
from quotes.importing import article_import
from quotes.models import Quote, UtteranceKey, UtteranceLink
from quotes.services import (
    ReviewDecision,
    import_review_apply,
    quote_save,
    speaker_merge,
    speaker_unmerge,
)
from quotes.utterance_detection import lookup_keys, pair_keys, same_statement
from quotes.utterance_index import utterance_keys_rebuild
from tests.factories import SourceFactory, SpeakerFactory
from tests.utterances.test_detection import DAY, GAS, GAS_TOO, OTHER, labelled_pairs

EXCERPT = "the terms on which we sell our gas"


def _index() -> list[tuple]:
    return sorted(
        UtteranceKey.objects.values_list(
            "quote_id", "speaker_id", "said_on", "said_on_precision", "key", "exact"
        )
    )


def assert_index_is_a_rebuild():
    """The index as the write paths left it is the one a rebuild makes from the quotes."""
    kept = _index()
    utterance_keys_rebuild()
    assert kept == _index()
    assert kept, "nothing indexed"


def _quote(speaker, *texts, said_on=DAY, **fields) -> Quote:
    """A new quote of ``texts[0]`` stored by ``quote_save``; its source prints every text."""
    printed = " ".join(f"\u201c{text}\u201d" for text in texts)
    source = SourceFactory(
        text=f"The minister spoke. {printed} he said.", published_on=said_on or DAY
    )
    quote = Quote(
        source=source, speaker=speaker, text=texts[0], said_on=said_on, **fields
    )  # no role: clean() proposes one
    return quote_save(quote=quote)


def test_the_index_follows_a_quote_created_and_its_text_speaker_and_date_changed(db):
    speaker, other = SpeakerFactory(), SpeakerFactory()
    quote = _quote(speaker, GAS, OTHER)
    undated = _quote(speaker, OTHER, said_on=None)  # never a candidate: not indexed
    assert_index_is_a_rebuild()
    assert not UtteranceKey.objects.filter(quote=undated).exists()
    quote.text = OTHER
    quote_save(quote=quote)
    assert_index_is_a_rebuild()
    quote.speaker = other
    quote.affiliation = None
    quote_save(quote=quote)
    assert_index_is_a_rebuild()
    quote.said_on, quote.said_on_precision = datetime.date(2021, 10, 1), "month"
    quote_save(quote=quote)
    assert_index_is_a_rebuild()
    assert set(UtteranceKey.objects.values_list("speaker_id", "said_on_precision")) == {
        (other.pk, "month")
    }


def test_the_index_follows_a_speaker_merge_and_its_undoing(report):
    kept = SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    duplicate = SpeakerFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    report(kept, GAS)
    moved, duplicate_pk = report(duplicate, GAS_TOO), duplicate.pk
    speaker_merge(into=kept, duplicate=duplicate)
    assert_index_is_a_rebuild()
    assert set(UtteranceKey.objects.values_list("speaker_id", flat=True)) == {kept.pk}
    speaker_unmerge(slug="sergey-lavrov")
    assert_index_is_a_rebuild()
    assert set(UtteranceKey.objects.filter(quote=moved).values_list("speaker_id", flat=True)) == {
        duplicate_pk
    }


def _article(outlet: str, quote: str, day=DAY):
    text = f"Foreign Minister Sergei Lavrov spoke in Moscow. \u201c{quote}\u201d Lavrov said.\n"
    return article_import(text=text, outlet=outlet, title=f"{outlet} on gas", published_on=day)


def test_the_index_follows_an_import_and_its_review(db, editor):
    SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    other = SpeakerFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    result = _article("Kommersant", GAS)
    assert result.quotes_created == 1
    assert_index_is_a_rebuild()
    quote = result.source.quotes.get()
    decision = ReviewDecision(quote.pk, "confirmed", quote.version, speaker_id=other.pk)
    import_review_apply(user=editor, source=result.source, decisions=[decision])
    assert_index_is_a_rebuild()
    assert set(UtteranceKey.objects.values_list("speaker_id", flat=True)) == {other.pk}


def test_a_bundle_import_rebuilds_the_index(report, tmp_path):
    report(SpeakerFactory(), GAS)
    report(SpeakerFactory(), GAS_TOO)
    exported = _index()
    call_command("export_dataset", str(tmp_path / "bundle"), stdout=io.StringIO())
    connection.check_constraints()  # PostgreSQL: the deferred checks run, so flush may truncate
    call_command("flush", interactive=False, verbosity=0)
    assert not UtteranceKey.objects.exists()
    import_bundle(tmp_path / "bundle")
    assert _index() == exported
    assert_index_is_a_rebuild()


def test_the_command_rebuilds_the_index(speaker, report):
    report(speaker, GAS)
    kept = _index()
    UtteranceKey.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_utterance_keys", stdout=out)
    assert _index() == kept
    assert f"{len(kept)} keys" in out.getvalue()


def test_every_labelled_pair_the_similarity_accepts_is_found_through_the_index_either_way():
    """Whichever of the two was stored first: the later one's lookup keys meet the stored
    one's keys (126 pairs of the same statement, excerpts, translations and reorderings)."""
    accepted = [(a, b) for a, b, _ in labelled_pairs() if same_statement(a, b)]
    assert len(accepted) >= 120
    for first, second in accepted:
        assert set(pair_keys(first)) & set(lookup_keys(second)), (first, second)
        assert set(pair_keys(second)) & set(lookup_keys(first)), (first, second)


def test_an_excerpt_of_five_words_of_a_long_statement_is_always_found():
    """Winnowing: every run of WINDOW consecutive word pairs holds one of the text's keys."""
    rng = random.Random(16)
    vocabulary = " ".join(a for a, _, _ in labelled_pairs()).split()
    for _ in range(200):
        said = [rng.choice(vocabulary) for _ in range(rng.randint(20, 80))]
        start = rng.randrange(len(said) - 5)
        excerpt = " ".join(said[start : start + 5])
        assert set(pair_keys(" ".join(said))) & set(lookup_keys(excerpt)), excerpt


def test_a_proposal_finds_an_excerpt_and_a_translation_through_the_index(speaker, report):
    said = report(speaker, GAS)
    excerpt = report(speaker, EXCERPT, said_on=DAY + datetime.timedelta(days=1))
    translation = report(speaker, GAS_TOO, said_on=DAY - datetime.timedelta(days=2))
    report(speaker, OTHER)
    assert {q.pk for q in utterance_detection.candidates(said)} == {excerpt.pk, translation.pk}
    utterance_detection.utterance_links_propose_for(quotes=[excerpt, translation])
    pairs = set(UtteranceLink.objects.values_list("quote_id", "other_id", "kind"))
    assert pairs == {
        (said.pk, excerpt.pk, "same"),
        (said.pk, translation.pk, "same"),
        (excerpt.pk, translation.pk, "same"),  # "… which we sell our gas": 4 of 7 pairs
    }


def test_the_same_words_printed_otherwise_under_another_speaker_are_flagged(speaker, report):
    """Found by the hash of the folded text: typography apart, the same words."""
    report(speaker, "We will not \u2014 ever \u2014 sell our gas at a loss.")
    theirs = report(SpeakerFactory(), "We will not - ever - sell our gas at a loss.")
    report(SpeakerFactory(), "We will never sell our gas at a loss.")  # other words
    assert utterance_detection.utterance_links_propose_for(quotes=[theirs]) == 1
    link = UtteranceLink.objects.get()
    assert (link.kind, link.similarity) == ("misattribution", 1.0)


def _words(rng, count: int) -> str:
    letters = "bcdfghjklmnprstvz"
    return " ".join("".join(rng.choice(letters) for _ in range(7)) for _ in range(count))


@pytest.mark.parametrize("others", [3, 30])
def test_proposing_links_for_a_quote_runs_two_queries_whatever_the_speakers_quotes(
    speaker, report, others
):
    """A year-precise quote, compared with every quote of its speaker's year before the index:
    one query for the candidates of its speaker, one for the same words under another speaker
    (none found here, so no link is written), for 3 and for 30 other quotes of the year."""
    rng = random.Random(others)
    for index in range(others):
        report(speaker, _words(rng, 12), said_on=DAY + datetime.timedelta(days=index % 60))
    quote = report(
        speaker, _words(rng, 12), said_on=datetime.date(2021, 1, 1), said_on_precision="year"
    )
    with CaptureQueriesContext(connection) as queries:
        assert utterance_detection.utterance_links_propose_for(quotes=[quote]) == 0
    assert len(queries) == 2, [query["sql"] for query in queries]
    assert "utterancekey" in queries[0]["sql"] and "utterancekey" in queries[1]["sql"]


def test_a_quote_has_each_key_once(db):
    row = UtteranceKey.objects.filter(quote=_quote(SpeakerFactory(), GAS)).first()
    row.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()
