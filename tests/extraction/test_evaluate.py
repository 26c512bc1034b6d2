from datetime import date

from quotes.extraction import Proposal
from quotes.extraction.evaluate import GoldQuote, evaluate, gold_from_entries


def _proposal(start, end, kind="direct", slug="a"):
    return Proposal("x", start, end, kind, slug, None, "person", "", False, "", None, "unknown")


def test_overlap_of_half_the_shorter_span_is_a_match():
    result = evaluate(
        {"doc": [_proposal(0, 10), _proposal(50, 60)]}, {"doc": [GoldQuote(5, 20, "direct", "a")]}
    )
    assert result["direct"]["precision"] == 0.5 and result["direct"]["recall"] == 1.0
    assert result["speaker_accuracy"] == 1.0


def test_kinds_are_scored_separately_and_speaker_misses_listed():
    result = evaluate(
        {"doc": [_proposal(0, 10, "partial", "b")]}, {"doc": [GoldQuote(0, 10, "direct", "a")]}
    )
    assert result["direct"]["recall"] == 0.0 and result["overall"]["recall"] == 1.0
    assert result["speaker_accuracy"] == 0.0 and result["speaker_misses"]


def test_gold_spans_come_from_find_span():
    article = "He said “yes” and then “yes” again."
    gold = gold_from_entries(
        article, [{"text": "yes", "occurrence": 2, "kind": "partial", "speaker": "a"}]
    )
    assert article[gold[0].start : gold[0].end] == "yes" and gold[0].start > 10
    assert date(2020, 1, 1)
