"""Scoring the extractor on brat attribution annotations (quotes.extraction.brat and --brat).

Every article and annotation here is invented for these tests.
"""

import json
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from quotes.extraction.brat import BratError, GoldAttribution, is_quoted, load_corpus, parse_ann
from quotes.extraction.brat_scoring import (
    matches,
    name_words,
    score_article,
    speaker_right,
    surname,
)

TODAY = date(2026, 1, 5)

ARTICLE = (
    "Harbour bridge plan wins council vote\n"
    "\n"
    "Mayor Ana Ruiz promised a new bridge by spring. Engineers doubt the timetable.\n"
    "She told reporters: “We will open it in April, whatever the weather.”\n"
)


def _at(text, phrase):
    start = text.index(phrase)
    return start, start + len(phrase)


def _t(ident, label, text, *phrases):
    spans = [_at(text, p) for p in phrases]
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{ident}\t{label} {offsets}\t{' '.join(phrases)}"


def _ann(text=ARTICLE):
    return "\n".join(
        [
            _t("T1", "Source", text, "Mayor Ana Ruiz"),
            _t("T2", "Cue", text, "promised"),
            _t("T3", "Content", text, "a new bridge by spring"),
            _t("T4", "Attribution", text, "promised"),
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            _t("T5", "Source", text, "She"),
            _t("T6", "Cue", text, "told"),
            _t("T7", "Content", text, "“We will open it in April,"),
            _t("T8", "Content", text, "whatever the weather.”"),
            "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5 Content2:T8",
            _t("T9", "Content", text, "the timetable"),
            "E3\tAttribution-no-source:T9 Content:T9",
            "E4\tAttribution-no-source:T9",
            "#1\tAnnotatorNotes T9\tUnsure about this one.",
            "",
        ]
    )


def _gold(start, end, quoted=True, source=None, source_start=None):
    return GoldAttribution(((start, end),), quoted, source, source_start)


def _prediction(start, end, kind="direct", speaker=None):
    return SimpleNamespace(start=start, end=end, kind=kind, speaker_name=speaker)


def test_prediction_matches_gold_when_sharing_half_of_the_smaller_span():
    gold = _gold(10, 30)
    assert matches(_prediction(0, 20), gold)  # 10 shared of the smaller 20
    assert not matches(_prediction(0, 14), gold)  # 4 shared of the smaller 14
    assert matches(_prediction(12, 16), gold)  # a short prediction inside a long gold
    assert not matches(_prediction(30, 40), gold)  # touching is not sharing


def test_content_fragments_are_one_character_set():
    gold = GoldAttribution(((0, 10), (20, 30)), True)
    assert matches(_prediction(5, 25), gold)  # 5 + 5 characters of the smaller 20


def test_quoted_means_a_double_mark_or_an_opening_single_one():
    assert is_quoted("“We will open it,” she said")
    assert is_quoted("the «final» word")
    assert is_quoted("what she called 'a disgrace'")
    assert not is_quoted("it's the council's plan for the '90s")
    assert not is_quoted("that the bridge would open")


def test_parse_ann_reads_attributions_content2_and_sourceless_ones():
    gold, mismatches = parse_ann(_ann(), ARTICLE, filename="plan_alice.ann")
    assert mismatches == 0
    assert len(gold) == 3  # E4 has no Content
    promise, told, doubt = gold
    assert [ARTICLE[s:e] for s, e in promise.spans] == ["a new bridge by spring"]
    assert not promise.quoted and promise.source == "Mayor Ana Ruiz"
    assert told.quoted and told.source == "She"
    assert [ARTICLE[s:e] for s, e in told.spans] == [
        "“We will open it in April,",
        "whatever the weather.”",
    ]
    assert doubt.source is None and not doubt.quoted


def test_parse_ann_counts_spans_whose_surface_is_not_the_text():
    ann = _ann().replace("\tpromised", "\tpledged", 1)
    assert parse_ann(ann, ARTICLE, filename="x.ann")[1] == 1


def test_parse_ann_reads_a_surface_that_runs_over_several_lines():
    ann = _ann() + _t("T10", "Content", ARTICLE, "the timetable.\nShe") + "\nE5\tContent:T10\n"
    gold, mismatches = parse_ann(ann, ARTICLE, filename="x.ann")
    assert len(gold) == 4 and mismatches == 0


def test_parse_ann_names_file_and_line_of_an_unknown_t_id():
    ann = _ann().replace("Source:T5", "Source:T55")
    with pytest.raises(BratError, match=r"plan_alice\.ann:10: Source refers to unknown T55"):
        parse_ann(ann, ARTICLE, filename="plan_alice.ann")


def test_parse_ann_names_file_and_line_of_offsets_outside_the_text():
    ann = _ann() + f"T10\tCue {len(ARTICLE) - 2} {len(ARTICLE) + 5}\tsaid\n"
    with pytest.raises(BratError, match=r"plan_alice\.ann:15: T10 offsets .* outside the text"):
        parse_ann(ann, ARTICLE, filename="plan_alice.ann")


def test_quoted_scores_count_direct_and_partial_predictions_only():
    quoted, reported = _gold(100, 140), _gold(0, 40, quoted=False)
    counts = score_article(
        [
            _prediction(100, 140, "direct"),
            _prediction(0, 40, "partial"),  # right: matches a gold, even an unquoted one
            _prediction(200, 220, "direct"),  # matches nothing
            _prediction(0, 40, "indirect"),
        ],
        [quoted, reported],
    )
    assert (counts.quoted_golds, counts.quoted_golds_found) == (1, 1)
    assert (counts.quoted_predictions, counts.quoted_predictions_right) == (3, 2)
    assert (counts.golds, counts.golds_found) == (2, 2)
    assert (counts.predictions, counts.predictions_right) == (4, 3)


def test_an_indirect_prediction_does_not_find_a_quoted_gold():
    counts = score_article([_prediction(100, 140, "indirect")], [_gold(100, 140)])
    assert counts.quoted_golds_found == 0 and counts.golds_found == 1


def test_name_words_skip_titles_pronouns_and_relative_clauses():
    assert name_words("Sen. Ted Vance, who met President Lim") == {"vance"}
    assert name_words("Mayor Ana Ruiz's spokesman") == {"ruiz"}
    assert name_words("council member Joe Park Jr.") == {"park"}
    assert name_words("the senator") == set()
    assert name_words("He") == set()
    assert surname("Ana Ruiz’s") == "ruiz" and surname(None) is None


def test_pronoun_source_is_right_only_leniently_via_the_earlier_named_source():
    gold, _ = parse_ann(_ann(), ARTICLE, filename="plan_alice.ann")
    told = gold[1]
    assert speaker_right("Ana Ruiz", told, gold) == (False, True)
    assert speaker_right("Engineers", told, gold) == (False, False)
    assert speaker_right(None, told, gold) == (False, False)  # undecided is wrong
    assert speaker_right("Ruiz", gold[0], gold) == (True, True)


def test_speaker_is_judged_on_the_best_overlapping_quoted_prediction():
    gold, _ = parse_ann(_ann(), ARTICLE, filename="plan_alice.ann")
    start, end = gold[1].spans[0][0], gold[1].spans[-1][1]
    counts = score_article(
        [
            _prediction(start, start + 30, "partial", "Engineers"),
            _prediction(start, end, "direct", "Ruiz"),
        ],
        gold,
    )
    assert (counts.speaker_judged, counts.speaker_strict, counts.speaker_lenient) == (1, 0, 1)


@pytest.fixture
def corpus(tmp_path):
    """Two texts: one with two annotators (alice's file is the gold), one without metadata."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "gazette_2024-03-02_bridge.txt").write_text(
        ARTICLE.replace("\n", "\r\n"), encoding="utf-8"
    )
    (tmp_path / "attributions" / "gazette_2024-03-02_bridge_bob.ann").write_text(
        "\n".join(_ann().split("\n")[:5]) + "\n", encoding="utf-8"
    )
    (tmp_path / "attributions" / "gazette_2024-03-02_bridge_alice.ann").write_text(
        _ann(), encoding="utf-8"
    )
    other = "Ferry fares rise\n\n“Prices must go up,” said Tom Hale, the ferry operator.\n"
    (tmp_path / "text" / "herald_2024-05-09_ferry.txt").write_text(other, encoding="utf-8")
    (tmp_path / "attributions" / "herald_2024-05-09_ferry_carol.ann").write_text(
        "\n".join(
            [
                _t("T1", "Content", other, "“Prices must go up,”"),
                _t("T2", "Source", other, "Tom Hale"),
                "E1\tAttribution:T1 Content:T1 Source:T2",
            ]
        ),
        encoding="utf-8",
    )
    (tmp_path / "metadata-test.tsv").write_text(
        "filename\tpublisher\tpublication_date\n"
        "gazette_2024-03-02_bridge\tThe Gazette\t2024-03-01\n",
        encoding="utf-8",
    )
    return tmp_path


def test_load_corpus_takes_the_first_annotator_and_dates_from_metadata_or_name(corpus):
    articles, unannotated = load_corpus(corpus, today=TODAY)
    bridge, ferry = articles
    assert unannotated == []
    assert bridge.gold_file == "gazette_2024-03-02_bridge_alice.ann" and len(bridge.gold) == 3
    assert (bridge.outlet, bridge.published_on) == ("The Gazette", date(2024, 3, 1))
    assert (ferry.outlet, ferry.published_on) == ("", date(2024, 5, 9))
    assert bridge.text == ARTICLE  # CRLF read as the importer reads it


def test_evaluate_extraction_brat_prints_and_writes_the_figures(corpus, tmp_path, capsys):
    out = tmp_path / "figures.json"
    call_command("evaluate_extraction", "--brat", str(corpus), "--json", str(out))
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert (figures["articles"], figures["golds"], figures["quoted_golds"]) == (2, 4, 2)
    assert figures["quoted"]["recall"] == 1.0  # two plain direct quotations
    assert set(figures["speaker"]) == {"judged", "strict", "lenient"}
    assert figures["seconds_per_article"]["median"] >= 0
    printed = capsys.readouterr().out
    assert "quoted (direct/part.)" in printed and "lenient" in printed


def test_evaluate_extraction_brat_refuses_a_directory_without_the_layout(tmp_path):
    with pytest.raises(CommandError, match="needs text/<name>.txt"):
        call_command("evaluate_extraction", "--brat", str(tmp_path))


def test_evaluate_extraction_brat_names_the_file_and_line_of_a_bad_annotation(corpus):
    gold = corpus / "attributions" / "gazette_2024-03-02_bridge_alice.ann"
    gold.write_text(_ann().replace("Content:T3", "Content:T33"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"bridge_alice\.ann:5: Content refers to unknown T33"):
        call_command("evaluate_extraction", "--brat", str(corpus))


def test_reported_speech_is_scored_on_golds_without_marks_whose_cue_is_a_verb_of_saying():
    from types import SimpleNamespace

    text = "Kim said the port would close. Polls suggest the port is popular."
    said = GoldAttribution(spans=((9, 30),), quoted=False, source="Kim", source_start=0, cue="said")
    polls = GoldAttribution(spans=((39, 64),), quoted=False, source="Polls", cue="suggest")
    found = SimpleNamespace(start=9, end=30, kind="indirect", speaker_name="Kim")
    wrong = SimpleNamespace(start=0, end=3, kind="indirect", speaker_name="Kim")
    counts = score_article([found, wrong], [said, polls])
    assert text[9:30] == "the port would close."
    assert (counts.reported_golds, counts.reported_golds_found) == (1, 1)
    assert (counts.indirect_predictions, counts.indirect_predictions_right) == (2, 1)
