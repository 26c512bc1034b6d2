"""More forms of clear indirect speech: the source at the end or in the middle of the sentence,
plural sources with plural verbs, contractions. Texts written for these tests."""

import pytest

from .conftest import by_text


def _indirect(extract, text):
    return [p for p in extract(text, known=()) if p.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Turnout among young voters fell to 31 percent last year, according to exit polls.",
            "Turnout among young voters",
            "Exit polls",
        ),
        (
            "The port lost money in every quarter, according to a report by the Harbour Institute.",
            "The port lost money",
            "Harbour Institute",
        ),
        (
            "In his state, Brenner said, first-time offenders are sent to treatment instead.",
            "In his state",
            "Brenner",
        ),
        (
            "Experts say it may be years before the technology exists to find the tunnels.",
            "it may be years",
            "Experts",
        ),
        ("Okafor says he'd keep the programme going if elected.", "he'd keep", "Okafor"),
    ],
)
def test_the_reported_clause_is_proposed_with_its_source(extract, text, clause, speaker):
    found = by_text(_indirect(extract, text), clause)
    assert found.speaker_name == speaker


def test_an_adverb_opening_the_sentence_is_not_a_person(extract):
    text = (
        "Significantly, the judge said he could not order restitution because nobody had "
        "been harmed."
    )
    found = by_text(_indirect(extract, text), "he could not order")
    assert found.speaker_name != "Significantly"


def test_a_group_s_opinion_is_still_not_proposed(extract):
    text = "The expert community believes the negotiations are doomed to fail."
    assert _indirect(extract, text) == []


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Hogan Gidley, a former director of the state party, said the base was angry "
            "about the deal.",
            "the base was angry",
            "Hogan Gidley",
        ),
        (
            "Senator Ada Mbeki said the committee stood by its original findings.",
            "the committee stood",
            "Ada Mbeki",
        ),
    ],
)
def test_an_appositive_subject_and_a_past_tense_clause_are_read(extract, text, clause, speaker):
    assert by_text(_indirect(extract, text), clause).speaker_name == speaker
