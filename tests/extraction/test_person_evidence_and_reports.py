"""What makes a lone surname a person when nothing else in the article does ("Okafor
distanced herself"), and how the quotations after a report are read. One test per rule, on
invented text."""

import pytest

from quotes.extraction.names import name_key
from quotes.extraction.people import PersonIndex

from .conftest import by_text


def _speaker(extract, text, quoted):
    return by_text(extract(text, known=(), outlet=""), quoted).speaker_name


def test_a_surname_with_a_personal_reflexive_is_a_person(extract):
    text = (
        "Budget talks.\n\nAt the hearing, Okafor compared herself to the auditors, saying, "
        "“I read every line of this budget.”"
    )
    assert _speaker(extract, text, "I read every line") == "Okafor"


def test_a_reflexive_it_does_not_make_a_person(extract):
    text = (
        "Budget talks.\n\nAt the hearing, Brightwater prided itself on its record, saying, "
        "“We read every line of this budget.”"
    )
    assert _speaker(extract, text, "We read every line") != "Brightwater"


def test_a_gendered_noun_near_a_name_but_not_before_it_says_nothing_of_its_gender(extract):
    text = (
        "Rally.\n\nTavener said he would speak in Ohio. A woman at one of Tavener's rallies "
        "shouted at the stage on Monday. "
        "“We love our fans,” Tavener said of the crowd. “It was fine,” he added."
    )
    assert _speaker(extract, text, "It was fine") == "Tavener"


def test_a_gendered_title_right_before_a_name_gives_its_gender():
    people = PersonIndex("Campaign spokeswoman Okoro took the questions on Monday.")
    assert people.person(name_key("Okoro")).gender == "f"


@pytest.mark.parametrize(
    ("printed", "gender"),
    [
        ("Dunmore, the acting chairwoman of the party, spoke later.", "f"),
        ("Dunmore, a former actor, spoke later.", "m"),
        ("Dunmore, who met the actress on Monday, spoke later.", ""),
        ("Dunmore, 52, met a woman later.", ""),
    ],
)
def test_only_the_apposition_right_after_a_name_gives_its_gender(printed, gender):
    assert PersonIndex("Party news.\n\n" + printed).person(name_key("Dunmore")).gender == gender


def test_a_document_released_in_the_sentence_speaks_for_who_released_it(extract):
    text = (
        "Council vote.\n\n“We won the vote,” said council leader Ada Brandt on Monday. Hours "
        "later, Mayor Tom Okoro released a new statement calling it “a betrayal of every voter "
        "in this city and a shame.”"
    )
    assert _speaker(extract, text, "a betrayal of every voter") == "Tom Okoro"


def test_a_clause_ending_in_a_colon_after_a_partial_quotation_introduces_the_next(extract):
    text = (
        "School debate.\n\nAfter Senator Ada Okafor said that such students might do better at "
        "“less advanced schools,” Mayor Tom Brandt said: “I disagree entirely with that.”"
    )
    quotes = extract(text, known=(), outlet="")
    assert by_text(quotes, "less advanced schools").speaker_name == "Ada Okafor"
    assert by_text(quotes, "I disagree entirely").speaker_name == "Tom Brandt"


def test_a_name_right_before_the_verb_of_a_subordinate_clause_is_its_speaker(extract):
    text = (
        "Budget plan.\n\nMayor Ada Okafor backed the plan on Tuesday evening, hours after Senator "
        "Tom Brandt said he was “deeply encouraged” by the new figures."
    )
    assert _speaker(extract, text, "deeply encouraged") == "Tom Brandt"


def test_an_appositive_may_stand_between_a_clause_subject_and_its_verb(extract):
    text = (
        "Refugees.\n\nGov. Tom Brandt wants to block every new arrival this year, while Ada "
        "Okafor, the former state treasurer, proposed that the state “open its doors to them.”"
    )
    assert _speaker(extract, text, "open its doors") == "Ada Okafor"


@pytest.mark.parametrize("body", ["Stronger Future Pac", "Okafor Campaign"])
def test_a_pac_or_a_campaign_is_no_persons_name(body):
    people = PersonIndex(f"Ad war.\n\n{body} said on Monday that it would run more ads.")
    assert people.person(name_key(body.split()[-1])) is None


def test_a_common_word_after_a_given_name_is_a_surname(extract):
    text = (
        "Brexit talks.\n\n“Brexit means Brexit,” British Prime Minister Theresa May said on "
        "Monday. “We will make a success of it,” May told the party conference."
    )
    quotes = extract(text, known=(), outlet="")
    assert by_text(quotes, "Brexit means").speaker_name == "Theresa May"
    assert by_text(quotes, "We will make").speaker_name == "Theresa May"


@pytest.mark.parametrize(
    "printed",
    [
        "Bernie On Trump: 'He cannot win the nomination this year'",
        "“He cannot win the nomination,” said one unaligned Florida Republican strategist.",
    ],
)
def test_a_common_word_inside_a_run_or_after_a_place_is_no_surname(extract, printed):
    quotes = extract("Race.\n\n" + printed, known=(), outlet="")
    assert by_text(quotes, "He cannot win").speaker_name not in (
        "Bernie On",
        "Florida Republican",
    )


@pytest.mark.parametrize(
    ("printed", "speaker"),
    [
        (
            "Ada Okafor’s campaign manager says he is “deeply gratified” by the ruling.",
            "Ada Okafor campaign manager",
        ),
        (
            "Ada Okafor’s aides have said she would be “very happy” to debate again.",
            "Ada Okafor aides",
        ),
    ],
)
def test_what_a_named_person_owns_speaks_not_the_person(extract, printed, speaker):
    text = "Race.\n\nMayor Ada Okafor spoke on Monday. " + printed
    quoted = printed.split("“")[1][:8]
    assert _speaker(extract, text, quoted) == speaker


def test_a_role_of_several_words_stands_for_the_person_who_holds_it(extract):
    text = (
        "Talks.\n\nFormer Secretary of State Ada Okafor spoke in Iowa on Monday.\n\nOkafor "
        "addressed the group later. “We will stand with our allies,” the former secretary of "
        "state said."
    )
    assert _speaker(extract, text, "We will stand") == "Ada Okafor"


def test_a_sentence_after_a_full_stop_that_reports_a_clause_does_not_attribute_it(extract):
    text = (
        "Campaign.\n\n“It is a sad development,” Okafor told reporters in Ohio. “That has no "
        "place in a campaign.” Gov. Tom Brandt said he would have fired the manager at once."
    )
    quotes = extract(text, known=(), outlet="")
    assert by_text(quotes, "That has no place").speaker_name == "Okafor"


def test_a_clause_opening_with_a_conjunction_after_a_quotation_does_not_attribute_it(extract):
    text = (
        "Race.\n\n“In breaking news,” Okafor wrote last January, “the mayor wins the full "
        "endorsement of his own press office,” after city spokesman Tom Brandt praised him online."
    )
    quotes = extract(text, known=(), outlet="")
    assert by_text(quotes, "the mayor wins").speaker_name == "Okafor"


@pytest.mark.parametrize("gap", ["  ", " \xa0", "\xa0 "])
def test_a_quotation_after_a_report_goes_on_with_it_whatever_the_spaces(extract, gap):
    text = (
        "Race.\n\nOkafor distanced herself from the party by saying she would help if asked."
        + gap
        + "“I am going to support the nominee, and support her enthusiastically.”"
    )
    assert _speaker(extract, text, "I am going to support") == "Okafor"


def test_a_short_quoted_title_inside_an_attribution_does_not_end_it(extract):
    text = (
        "Convention.\n\n“We have had better conventions than this one,” Texas delegate Tom "
        "Brandt, wearing a cowboy hat and “Vote Okafor” pins, said matter-of-factly."
    )
    assert _speaker(extract, text, "We have had better") == "Tom Brandt"


@pytest.mark.parametrize("verb", ["agrees", "concurs", "laments", "scoffs", "sighs", "muses"])
def test_present_tense_speech_verbs_attribute_an_inverted_quotation(extract, verb):
    text = (
        "Survey.\n\n“The dream has changed,” said Tom Brandt, 41, of Tampa.\n\n“Our ideas of "
        f"success are different,” {verb} Ada Okafor, 30, of Gainesville."
    )
    assert _speaker(extract, text, "Our ideas of success") == "Ada Okafor"


def test_a_sentence_starts_after_a_closing_mark_even_without_a_space(extract):
    text = (
        "Tacos.\n\nMayor Ada Okafor tweeted a photo on Monday: “I love this city!”Former governor "
        "Tom Brandt broke down what was wrong with it to the newspaper Kurier: “It was "
        "insensitive and wrong.”"
    )
    assert _speaker(extract, text, "It was insensitive") == "Tom Brandt"


@pytest.mark.parametrize(
    "dateline", ["WASHINGTON (AFP) - ", "KYIV, March 1 (Reuters) — ", "NEW DELHI — "]
)
def test_a_wire_dateline_is_not_the_subject_of_the_first_sentence(extract, dateline):
    text = (
        "Trade row.\n\n" + dateline + "Minister Ada Okafor has taken a swipe at her rival's "
        "stance on trade, saying that “bombastic comments” do more harm than good."
    )
    assert _speaker(extract, text, "bombastic comments") == "Ada Okafor"


@pytest.mark.parametrize(
    "printed",
    [
        "Wednesday the Secret Service said it had “more than one conversation” with him.",
        "After the Secret Service said it had “more than one conversation” with him, he left.",
    ],
)
def test_a_day_or_a_sentence_opener_is_no_part_of_a_bodys_name(extract, printed):
    assert _speaker(extract, "Threat.\n\n" + printed, "more than one") == "Secret Service"


def test_a_description_by_a_tie_to_someone_is_never_that_someone(extract):
    text = (
        "Campaign.\n\nMayor Tom Brandt met donors on Monday. “It cannot pass this year,” the "
        "aide said."
    )
    quotes = extract(text, known=(), outlet="")
    proposal = by_text(quotes, "It cannot pass")
    assert proposal.speaker_name == "Aide"
    assert proposal.speaker_kind == "anonymous"


def test_who_after_a_persons_tie_to_a_name_refers_to_the_person_described(extract):
    text = (
        "Campaign.\n\nA longtime aide to the mayor, who spoke on condition of anonymity, said "
        "the plan was “a disaster for the city.”"
    )
    assert _speaker(extract, text, "a disaster for") == "Longtime aide"


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("the person added", "Person"),
        ("the officer said", "Officer"),
        ("said the man who built his career on the docks", "Tom Brandt"),
    ],
)
def test_words_for_people_left_unnamed_are_not_the_person_named_before(extract, said, speaker):
    text = (
        "Port.\n\n“The docks are back,” Mayor Tom Brandt said on a tour. “Nobody had seen it "
        f"before,” {said}."
    )
    assert _speaker(extract, text, "Nobody had seen") == speaker


def test_a_common_word_given_as_a_surname_speaks_alone_before_a_speech_verb(extract):
    text = (
        "Democrats.\n\n“The party has lost its way on trade,” said Al From, who founded the "
        "council. “We disagree,” said Tom Brandt, the party chair.\n\n“It must listen again,” "
        "From said."
    )
    assert _speaker(extract, text, "It must listen") == "Al From"


def test_asked_right_after_a_quotation_is_the_inverted_attribution(extract):
    text = (
        "Hacks.\n\nIf the agency was hacked — as many experts believe, but officials deny — "
        "“why wouldn't you want to raise that possibility?” asked Okafor, now a partner at a "
        "consulting firm."
    )
    assert _speaker(extract, text, "why wouldn't you") == "Okafor"


def test_a_role_noun_ending_the_sentence_before_is_no_title_for_the_next_word():
    people = PersonIndex("Race.\n\nShe backed the nominee. Doing so cost her the seat in May.")
    assert people.person(name_key("Doing")) is None


def test_a_common_word_given_as_a_surname_stands_alone_before_a_who_clause(extract):
    text = (
        "Convention.\n\nJeremy Paris recently moved here from Washington.\n\n“You get your "
        "house ready for a party,” Paris, who used to work on Capitol Hill, said on Monday."
    )
    assert _speaker(extract, text, "You get your house") == "Jeremy Paris"


@pytest.mark.parametrize(
    "printed",
    [
        "Turnout was high on Election Day in Ohio, and the day went calmly.",
        "The mood turned Against Day in the hall; no day was like it.",
    ],
)
def test_a_common_word_before_a_capitalised_word_is_no_title(printed):
    assert PersonIndex("Vote.\n\n" + printed).person(name_key("Day")) is None


def test_an_initial_is_part_of_a_name_not_the_article_a():
    people = PersonIndex("Talks.\n\n“He was a contractor,” said Robert A. Levinson on Monday.")
    assert "Robert A. Levinson" in people.person(name_key("Levinson")).names
