"""Party-state labels ("Sen. Ada Voss, R-Iowa,") and what a title says of a state;
descriptions that fit the person just quoted ("the candidate said"); words owned ("her remark
that “…”"); two-word and unlisted speech verbs; words that are never names (plurals of a
calling, sentence adverbs, prepositions); given names' gender from the counts. One test per
rule, on invented text."""

import pytest

from quotes.extraction.places import party_label

from .conftest import by_text


def _speaker(extract, text, quoted):
    return by_text(extract(text, known=(), outlet=""), quoted).speaker_name


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("Ada Voss, R-Iowa, said", "Republican Iowa"),
        ("Ada Voss (D-N.H.) said", "Democratic New Hampshire"),
        ("Ada Voss, R-Fla., said", "Republican Florida"),
        ("Ada Voss (I-Vt.)", "Independent Vermont"),
        ("Ada Voss (D-CA) said", "Democratic California"),
        ("Ada Voss, R-Iowa.", "Republican Iowa"),
        ("Ada Voss, R-Gotham, said", ""),
        ("Ada Voss, who said", ""),
    ],
)
def test_a_party_state_label_after_a_name_gives_party_and_state(printed, label):
    assert party_label(printed, len("Ada Voss")) == label


def test_a_bare_title_does_not_gainsay_the_state_a_description_prints(extract):
    text = (
        "Senate race.\n\nSen. Tomas Brandauer toured a shipyard on Monday. “We will keep these "
        "jobs in Tampa,” the Florida senator told the workers."
    )
    assert _speaker(extract, text, "We will keep") == "Tomas Brandauer"


def test_a_senator_labelled_with_another_state_is_not_the_florida_senator(extract):
    text = (
        "Senate race.\n\nSen. Tomas Brandauer spoke first. Later he appeared with Sen. Ilse "
        "Kornfeld, R-Iowa, at a diner. The Florida senator told reporters “it went well” and left."
    )
    assert _speaker(extract, text, "it went well") == "Tomas Brandauer"


def test_a_party_label_is_no_title_for_the_role_a_later_sentence_gives(extract):
    text = (
        "Senate race.\n\nHarold Quist (D-Nev.) blasted Tomas Brandauer in an interview. “It is "
        "one of the worst things I have seen,” the Senate minority leader said."
    )
    assert _speaker(extract, text, "It is one of the worst") == "Harold Quist"


@pytest.mark.parametrize(
    "attribution",
    ["Okonjo went on to say, ", "Then Okonjo went on: ", "Okonjo chimed in: "],
)
def test_a_two_word_speech_verb_after_an_unknown_surname_names_a_person(extract, attribution):
    text = f"Hearing.\n\n{attribution}“From the bottom of my heart, I know this to be true.”"
    assert _speaker(extract, text, "From the bottom") == "Okonjo"


def test_a_past_verb_closing_the_clause_after_a_comma_closed_quotation_attributes_it(extract):
    text = (
        "Trade fight.\n\nPierre Valmont met the press. Donald Trump said the country had lost its "
        "way: “It is no longer itself,” he claimed.\n\n“It will always be itself,” an angry "
        "Valmont retaliated. “It never gives up.”"
    )
    proposals = extract(text, known=(), outlet="")
    assert by_text(proposals, "It will always be").speaker_name == "Pierre Valmont"
    assert by_text(proposals, "It never gives up").speaker_name == "Pierre Valmont"


@pytest.mark.parametrize("opening", ["Analysts said", "Economists warned", "Critics told"])
def test_a_plural_calling_opening_a_sentence_in_any_tense_is_a_group(extract, opening):
    text = (
        f"Port strike.\n\nIlse Kornfeld, a docker, spoke first. {opening} that the strike "
        "would last. “It will end this week,” she said."
    )
    proposals = extract(text, known=(), outlet="")
    assert by_text(proposals, "It will end").speaker_name == "Ilse Kornfeld"


def test_a_long_subordinate_clause_opening_the_sentence_does_not_report_the_main_one(extract):
    text = (
        "Debate night.\n\nAfter Ilse Kornfeld argued that the pension fund should not be cut "
        "but propped up with money that can be saved from reducing overseas spending and "
        "consultancy fees, Tomas Brandauer said only that her “numbers do not add up.”"
    )
    assert _speaker(extract, text, "numbers do not add up") == "Tomas Brandauer"


def test_a_verb_after_but_and_an_auxiliary_shares_the_subject_of_the_verb_before(extract):
    text = (
        "Podcast.\n\nAsked by Ilse Kornfeld if he believed the two cases were alike, Tomas "
        "Brandauer said that he did not, but was referring to the “same kind of attitude.”"
    )
    assert _speaker(extract, text, "same kind of attitude") == "Tomas Brandauer"


def test_a_name_between_a_dash_and_its_verb_speaks_however_long_the_clause(extract):
    text = (
        "Interview.\n\nAs Ilse Kornfeld tried to discuss the troubles that fellow candidate Mara "
        "Ruiz has come up against — especially where the rhetoric from Tomas Brandauer is "
        "concerned — Pavel Okonjo responded with a phrase: “Do not moan to me about it.”"
    )
    assert _speaker(extract, text, "Do not moan") == "Pavel Okonjo"


def test_a_later_name_label_before_a_quotation_names_its_speaker(extract):
    text = (
        "Strategy.\n\nIlse Kornfeld and Tomas Brandauer reject the term.\n\nKornfeld: “Our goal "
        "is to defeat the group, not to contain it.” Brandauer: “The mission is to destroy it.”"
    )
    proposals = extract(text, known=(), outlet="")
    assert by_text(proposals, "Our goal").speaker_name == "Ilse Kornfeld"
    assert by_text(proposals, "The mission").speaker_name == "Tomas Brandauer"


def test_a_description_not_an_office_fits_the_person_just_quoted_whatever_their_title(extract):
    text = (
        "Trade.\n\nTomas Brandauer, the Republican front-runner, spoke in Ohio. “A deal "
        "would be good,” Brandauer told reporters.\n\n“I want a really good deal,” the "
        "candidate said."
    )
    assert _speaker(extract, text, "I want a really good deal") == "Tomas Brandauer"


def test_an_office_title_does_not_fit_the_person_just_quoted_with_another_title(extract):
    text = (
        "Trade.\n\nGov. Tomas Brandauer spoke in Ohio on Sunday. “A deal would be good,” "
        "Brandauer told reporters.\n\n“I want a really good deal,” the senator said."
    )
    assert _speaker(extract, text, "I want a really good deal") != "Tomas Brandauer"


def test_an_office_fits_the_person_just_quoted_whom_the_article_gave_no_office(extract):
    text = (
        "Trade.\n\nTomas Brandauer, the Republican front-runner, spoke in Ohio. “A deal would "
        "be good,” Brandauer told reporters.\n\n“I want a really good deal,” the senator said."
    )
    assert _speaker(extract, text, "I want a really good deal") == "Tomas Brandauer"


def test_she_is_never_a_man_whose_given_name_only_men_bear(extract):
    text = (
        "Rally.\n\nDonald Brandauer spoke at the rally in Salem. “He truly cares about the "
        "people here,” she said of him."
    )
    assert _speaker(extract, text, "He truly cares") != "Donald Brandauer"


def test_a_pronoun_still_outweighs_a_given_name_that_many_of_both_genders_bear(extract):
    text = (
        "Senate.\n\nSen. Lindsey Brandauer spoke on the floor. “We cannot wait any longer,” "
        "Brandauer said. He added: “The vote is tomorrow.”"
    )
    assert _speaker(extract, text, "The vote is tomorrow") == "Lindsey Brandauer"


@pytest.mark.parametrize("printed", ["Jan", "Dana"])
def test_a_given_name_the_counts_find_in_both_genders_has_none(printed):
    from quotes.extraction.gender import gender_of_given_name

    assert gender_of_given_name(printed) == ""


@pytest.mark.parametrize(
    "owned",
    [
        "fanned controversy this year over her remark that",
        "drew fire for her claim that",
        "was haunted by Kornfeld's promise that",
    ],
)
def test_a_quotation_given_as_someones_remark_or_promise_is_theirs(extract, owned):
    text = (
        "Campaign.\n\nFormer minister Ilse Kornfeld, a supporter of Tomas Brandauer, "
        f"{owned} “there is a special place in hell for those who do not help each other.”"
    )
    assert _speaker(extract, text, "there is a special place") == "Ilse Kornfeld"


@pytest.mark.parametrize("adverb", ["Just", "Even", "Simply"])
def test_a_sentence_adverb_before_a_speech_verb_is_no_person(extract, adverb):
    text = (
        f"Column.\n\nWith Tomas Brandauer, there is not much chance of that. {adverb} ask him. "
        "“You think I am going to change?” he said."
    )
    assert _speaker(extract, text, "You think I am going") == "Tomas Brandauer"


@pytest.mark.parametrize("preposition", ["With", "Without", "Against", "Toward"])
def test_a_preposition_opening_a_sentence_is_no_part_of_the_name_after_it(extract, preposition):
    text = f"Column.\n\n{preposition} Tomas Brandauer in the race, “nothing is certain,” he said."
    assert _speaker(extract, text, "nothing is certain") == "Tomas Brandauer"


def test_a_description_opening_the_sentence_is_the_subject_of_a_participle_after_it(extract):
    text = (
        "Town hall.\n\nTomas Brandauer, a billionaire businessman, came to Hudson. The billionaire "
        "businessman began by talking about the drug crisis, saying that heroin is now “cheaper "
        "than getting candy.”"
    )
    assert _speaker(extract, text, "cheaper than getting candy") == "Tomas Brandauer"
