"""International wire news in 2022 agency style: datelines, names with particles, outlets
described by an apposition. One test per rule, on invented text."""

from datetime import date

import pytest

from quotes.extraction import extract_quotes

from .conftest import by_text


def _extract(text):
    return extract_quotes(text, published_on=date(2022, 3, 1), known_speakers=[], outlet="Reuters")


def _speaker(text, quoted):
    return by_text(_extract(text), quoted).speaker_name


def test_the_outlet_of_a_dateline_is_not_the_subject_of_the_lede():
    text = (
        "Beijing warns Washington\n\n"
        'BEIJING (Reuters) — Officials on Wednesday urged the United States to stop "playing '
        'with fire" over the island.\n\n'
        '"We will respond," foreign ministry spokesman Wang Wenbin said.'
    )
    assert _speaker(text, "playing with fire") != "Reuters"


def test_an_indirect_lede_after_a_dateline_starts_after_the_dateline():
    text = (
        "Gas talks\n\n"
        "BRUSSELS (Reuters) — The bloc will not sign a new gas deal without guarantees, Commission "
        "President Ursula von der Leyen said on Tuesday."
    )
    lede = [p for p in _extract(text) if p.kind == "indirect"]
    assert [p.text[:9] for p in lede] == ["The bloc "]


def test_a_country_s_body_opening_the_body_is_not_joined_to_the_headline():
    text = (
        "Drones shot down over Kyiv\n\n"
        "Ukraine's air force said on Friday it had shot down 11 of 14 drones launched overnight."
    )
    assert _speaker(text, "it had shot down") == "Ukraine Air Force"


def test_a_name_with_two_particles_is_one_person_printed_with_them():
    text = (
        "Gas talks\n\n"
        "European Commission President Ursula von der Leyen met energy ministers on Tuesday. "
        '"Europe has learned its lesson," von der Leyen told a news conference.\n\n'
        '"Nobody will be left alone," the Commission president said.'
    )
    proposals = _extract(text)
    assert by_text(proposals, "Europe has learned").speaker_name == "Ursula von der Leyen"
    assert by_text(proposals, "Nobody will be").speaker_name == "Ursula von der Leyen"


def test_a_particle_stays_in_the_printed_name():
    text = (
        "Saudi talks\n\n"
        'Saudi Foreign Minister Prince Faisal bin Farhan said the kingdom was "open to dialogue".'
    )
    assert _speaker(text, "open to dialogue") == "Faisal bin Farhan"


def test_a_headline_surname_takes_the_full_name_the_body_prints():
    text = (
        "NATO's Stoltenberg: 'We must be prepared for a long war'\n\n"
        "NATO Secretary-General Jens Stoltenberg warned on Sunday that the war could last "
        "years.\n\n"
        '"We must not weaken in our support," Stoltenberg told Bild.'
    )
    proposals = _extract(text)
    assert by_text(proposals, "We must be prepared").speaker_name == "Jens Stoltenberg"
    assert by_text(proposals, "We must not weaken").speaker_name == "Jens Stoltenberg"


def test_an_outlet_described_by_an_appositive_naming_another_body_speaks():
    text = (
        "Drills near Taiwan\n\n"
        "The Global Times, a tabloid run by the ruling Communist Party's People's Daily, said in "
        'an editorial that Washington was "pushing the region toward war".'
    )
    assert _speaker(text, "pushing the region") == "Global Times"


def test_an_outlet_opening_the_body_is_not_joined_to_the_headline():
    text = (
        "Drills near Taiwan\n\n"
        "The Global Times said in an editorial that Washington was pushing the region toward war."
    )
    assert _speaker(text, "Washington was pushing") == "Global Times"


@pytest.mark.parametrize(
    ("sentence", "quoted", "country"),
    [
        ('China on Wednesday urged Washington to stop "playing with fire".', "playing", "China"),
        ('Iran said on Monday that the talks had reached a "critical stage".', "critical", "Iran"),
        ("The talks have stalled and must resume, Iran said on Monday.", "The talks", "Iran"),
    ],
)
def test_a_country_as_the_subject_of_a_verb_of_saying_speaks(sentence, quoted, country):
    assert _speaker(f"Talks in Vienna\n\n{sentence}", quoted) == country


def test_a_speaker_in_a_relative_clause_after_a_comma_reports_nothing_before_it():
    text = (
        "Reparations\n\n"
        "Poland demanded reparations for the war on Monday, a claim Berlin says was settled."
    )
    assert not [p for p in _extract(text) if p.text.startswith("Poland demanded")]


def test_a_long_title_before_the_name_after_a_reported_clause_is_the_speaker_s():
    text = (
        "Oil purchases\n\n"
        "India will continue to buy discounted Russian oil as long as it serves its people, "
        "Indian Minister of External Affairs S. Jaishankar said on Thursday."
    )
    assert _speaker(text, "India will continue") == "S. Jaishankar"


def test_a_place_ending_the_name_of_a_body_does_not_speak_for_it():
    text = (
        "Convention\n\n"
        "On Thursday, the Republican Party of Wyoming announced that the speaker was not coming."
    )
    assert _speaker(text, "the speaker was not") == "Republican Party of Wyoming"


def test_a_ministry_described_by_two_words_speaks_and_is_named_by_them():
    text = (
        "Trade\n\n"
        "The external affairs ministry said in a statement that India and Russia had agreed to "
        "expand trade. According to the ministry, bilateral trade reached $13 billion this year."
    )
    proposals = _extract(text)
    assert by_text(proposals, "India and Russia").speaker_name == "External Affairs Ministry"
    assert by_text(proposals, "bilateral trade").speaker_name == "External Affairs Ministry"


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Diplomatic sources said the aid package would be presented next week.", "Diplomatic"),
        ("He left. Ukrainian officials said 12 civilians had been killed overnight.", "Ukrainian"),
        ("Security analysts said the drills were larger than previous ones.", "Security"),
    ],
)
def test_a_plural_source_with_a_capitalised_modifier_opening_a_sentence_speaks(sentence, group):
    indirect = [p for p in _extract(f"Aid\n\n{sentence}") if p.kind == "indirect"]
    assert [p.speaker_name.split()[0] for p in indirect] == [group]


def test_according_to_an_unnamed_diplomat_is_an_anonymous_source():
    text = "Aid\n\nAccording to one diplomat, the package could be worth 500 million euros."
    proposal = by_text(_extract(text), "the package could")
    assert (proposal.speaker_name, proposal.speaker_kind) == ("Diplomat", "anonymous")


def test_a_reported_clause_may_open_with_at_least_and_a_number():
    text = "Strikes\n\nOfficials in Kharkiv said at least 12 civilians had been killed overnight."
    assert by_text(_extract(text), "at least 12").kind == "indirect"
