"""People are recognised from the article's context, and pronouns agree in gender.

The names here are chosen so that no list of given names could know them.
"""

import pytest

from quotes.extraction.people import PersonIndex

from .conftest import by_text


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("“The budget is balanced,” said Okonkwo.", "The budget", "Okonkwo"),
        (
            "“We will appeal,” Ingrid Halvorsen said on Monday.",
            "We will appeal",
            "Ingrid Halvorsen",
        ),
        ("“Nothing has changed,” said Marta Kowalczyk.", "Nothing has", "Marta Kowalczyk"),
        (
            "“The vote was rigged,” said Tavita Ualesi, the acting chairwoman of the party.",
            "The vote",
            "Tavita Ualesi",
        ),
    ],
)
def test_a_name_next_to_a_speech_verb_is_a_person(extract, text, quote, speaker):
    proposal = by_text(extract(text), quote)
    assert (proposal.speaker_name, proposal.speaker_kind) == (speaker, "person")


def test_a_surname_alone_is_the_person_named_in_full_before(extract):
    text = (
        "Dagfinn Oyelaran, a fisheries inspector, visited the port. "
        "“The quotas are too low,” Oyelaran said."
    )
    assert by_text(extract(text), "The quotas").speaker_name == "Dagfinn Oyelaran"


def test_a_title_makes_a_person_of_a_single_name(extract):
    text = "Ms. Quendry arrived late. “I was held up at the border,” she said."
    assert by_text(extract(text), "I was held").speaker_name == "Quendry"


def test_capitalised_words_the_article_also_uses_as_common_nouns_are_no_person():
    index = PersonIndex("Officials said the plan was ready. The officials were tired.")
    assert index.surnames() == frozenset()


def test_an_event_or_a_place_is_no_person():
    index = PersonIndex(
        "The Champions League said nothing. Moscow said it would respond. Brazil warned."
    )
    assert index.surnames() == frozenset()


def test_she_skips_the_man_named_last(extract):
    text = (
        "Ms. Brannagh Teodorescu chaired the hearing. Paul Viddersen, the treasurer, "
        "presented the accounts. “These numbers do not add up,” she said."
    )
    assert by_text(extract(text), "These numbers").speaker_name == "Brannagh Teodorescu"


def test_he_skips_the_woman_quoted_last(extract):
    text = (
        "“We need more time,” said Mrs. Aldona Wierzbicka. Mr. Kestutis Baranauskas "
        "disagreed. “Time is what we do not have,” he said."
    )
    assert by_text(extract(text), "Time is what").speaker_name == "Kestutis Baranauskas"


def test_gender_is_read_from_the_pronoun_after_the_name():
    index = PersonIndex("Sunniva Tomescu arrived on Monday. She spoke for an hour.")
    person = index.person(next(iter(index.surnames())))
    assert person.gender == "f"


def test_the_subject_is_preferred_to_a_person_named_as_an_object(extract):
    text = (
        "Florin Dascalescu, 33, criticised the plan of Radu Ionescu on Monday. "
        "“He has no experience at all,” he said."
    )
    assert by_text(extract(text), "He has no").speaker_name == "Florin Dascalescu"


def test_the_given_name_data_tells_she_from_he(extract):
    text = (
        "“We will not back down,” said Hillary Dunmore. Paul Ostrander, her rival, spoke next. "
        "“The voters have had enough of this,” she said."
    )
    assert by_text(extract(text), "The voters").speaker_name == "Hillary Dunmore"


def test_the_articles_pronoun_wins_over_the_given_name_data(extract):
    text = (
        "Senator Lindsey Okafor arrived late. “We are running out of time,” the senator said. "
        "He added that the vote would come next week."
    )
    assert by_text(extract(text), "the vote would").speaker_name == "Lindsey Okafor"


def test_a_full_stop_ends_a_name(extract):
    text = (
        "The crowd cheered for Marit Olsen. Lindqvist said the rally was small. "
        "“We will win anyway,” Lindqvist added."
    )
    assert by_text(extract(text), "We will win").speaker_name == "Lindqvist"
