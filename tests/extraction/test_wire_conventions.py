"""Conventions of international wire copy the extractor reads: surnames that are place words,
sentences that go on past "U.N.", outlets quoting someone, statements from a body, headline
labels and leaders, unnamed sources as antecedents. One test per rule, on invented text."""

from datetime import date

import pytest

from quotes.extraction import extract_quotes
from quotes.extraction.people import PersonIndex

from .conftest import by_text


def _extract(text):
    return extract_quotes(text, published_on=date(2022, 3, 1), known_speakers=[], outlet="Wire")


def _speaker(text, quoted):
    return by_text(_extract(text), quoted).speaker_name


@pytest.mark.parametrize("name", ["Fiona Hill", "Darren Hall", "Carla Hills"])
def test_a_place_word_after_a_given_name_is_a_surname(name):
    text = f'Talks stall\n\n"Nobody believes a deal is close," said {name}, a former adviser.'
    assert _speaker(text, "Nobody believes") == name


def test_capitol_hill_is_not_a_person():
    text = 'Budget\n\n"It is over," said Capitol Hill aides in a note.'
    assert _speaker(text, "It is over") != "Capitol Hill"


def test_a_quotation_whose_own_attribution_is_unread_does_not_continue_the_one_before():
    text = (
        'Port\n\n"The docks are back," said Ada Mbeki.\n\n'
        '"It is done," said Harbour Row Partners Limited Ltd, in a note.'
    )
    proposal = by_text(_extract(text), "It is done")
    assert proposal.speaker_name != "Ada Mbeki"
    assert proposal.speaker_name is None or "Harbour" in proposal.speaker_name


@pytest.mark.parametrize(
    "sentence",
    [
        '"It is gone," a U.N. diplomat said.',
        'Magdalena Berg said Mr. Ortega\'s demands were "unacceptable".',
    ],
)
def test_a_short_quotation_keeps_its_speech_verb_past_an_abbreviation(sentence):
    proposals = _extract(f"Talks\n\n{sentence}")
    assert [p.kind for p in proposals] in (["direct"], ["partial"])


def test_a_short_quotation_after_an_attributed_one_goes_on_with_it():
    text = 'Kyiv\n\n"We will not give up," Mr. Dovzhenko said in a video. "Ukraine will win."'
    assert _speaker(text, "Ukraine will win") == "Dovzhenko"


def test_an_outlet_quoting_someone_as_saying_credits_the_one_quoted():
    text = (
        "Talks\n\nThe state news agency TASS quoted Deputy Foreign Minister Pavel Orlin as "
        'saying that Moscow was "ready for talks".'
    )
    assert _speaker(text, "ready for talks") == "Pavel Orlin"


def test_the_statement_is_the_one_from_the_body_named_with_it():
    text = (
        'Leaders\n\n"Our position has not changed," the ministry spokesman, Igor Brandt, said.\n'
        "According to a statement from the German chancellery, the two leaders spoke on "
        'Saturday. The statement reads: "The leaders agreed to coordinate closely."'
    )
    assert _speaker(text, "The leaders agreed") == "German chancellery"


def test_a_quotation_in_single_marks_after_a_headline_label_is_proposed():
    text = "Orban: EU sanctions 'backfired'\n\nBUDAPEST — Prime Minister Viktor Orban spoke."
    assert _speaker(text, "backfired") == "Viktor Orban"


def test_a_section_label_before_the_colon_is_no_speaker():
    text = "Analysis: Why the 'special operation' failed\n\nKYIV — The war goes on."
    assert all(p.speaker_name != "Analysis" for p in _extract(text))


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("EU chief: 'No deal without Kyiv'", "Ursula von der Leyen"),
        ("Nato boss warns of 'long war'", "Jens Stoltenberg"),
        ("Fed chair says rates will stay 'higher for longer'", "Jerome Powell"),
    ],
)
def test_a_headline_leader_is_the_person_the_text_gives_that_title(headline, speaker):
    text = (
        f"{headline}\n\nBRUSSELS — Senator Elizabeth Warren, NATO Secretary General Jens "
        "Stoltenberg, European Commission President Ursula von der Leyen and Federal Reserve "
        "Chair Jerome Powell spoke on Monday."
    )
    assert _speaker(text, headline.split("'")[1]) == speaker


def test_a_possessive_description_before_a_name_is_its_role():
    text = (
        "Energy\n\nLONDON — Britain's new prime minister, Liz Truss, warned that the country "
        'faced "a tough winter".\n"This is a crisis," the prime minister told lawmakers.'
    )
    assert _speaker(text, "This is a crisis") == "Liz Truss"


@pytest.mark.parametrize(("noun", "pronoun"), [("spokeswoman", "she"), ("spokesman", "he")])
def test_an_unnamed_source_opening_the_sentence_before_is_the_pronoun_meant(noun, pronoun):
    text = (
        'Budget\n\n"We are not going to sit back," Ms Truss said.\n'
        f"A Treasury {noun} declined to comment on the cost. "
        f'"We will publish the figures in due course," {pronoun} said.'
    )
    assert _speaker(text, "We will publish") == f"Treasury {noun}"


def test_a_description_of_the_person_named_before_is_not_an_antecedent():
    text = (
        'Guns\n\n"It is bad," said Tom Reed.\nMartha Allen, a delegate from Vermont, criticised '
        'the law. "We are losing too many people," she said.'
    )
    assert _speaker(text, "We are losing") == "Martha Allen"


def test_an_unnamed_source_is_named_without_its_relative_clause():
    text = (
        'Case\n\nPetraeus "was handled so lightly," said a former U.S. law enforcement '
        "official who oversaw the cases."
    )
    assert _speaker(text, "was handled") == "Former U.S. law enforcement official"


def test_a_list_of_names_gives_no_one_the_next_persons_title():
    text = (
        "Fed chair says rates will stay 'higher for longer'\n\nWASHINGTON — Senator Elizabeth "
        "Warren, Federal Reserve Chair Jerome Powell and others spoke."
    )
    assert _speaker(text, "higher for longer") == "Jerome Powell"


def test_a_judgement_in_one_word_after_called_is_a_partial_quotation():
    text = (
        "Plan\n\nMarta Kowalczyk, a spokeswoman for the Polish government, called the plan "
        '"dangerous".'
    )
    proposal = by_text(_extract(text), "dangerous")
    assert (proposal.kind, proposal.speaker_name) == ("partial", "Marta Kowalczyk")


def test_the_so_called_stays_the_writers_distance():
    text = 'Vote\n\nCritics called the so-called "referendums" a sham.'
    assert _extract(text) == []


def test_a_body_releasing_a_statement_saying_speaks_not_the_one_it_names():
    text = (
        "Ferguson\n\nThe town released a statement Wednesday saying Mr. Trump's comments "
        '"are based on his opinion, not actual facts."'
    )
    assert _speaker(text, "are based on") == "The town"


def test_a_generation_numeral_belongs_to_the_name():
    text = (
        'Cruz\n\n"Yes, I support Ted Cruz," Brent Bozell III, founder of a media group, '
        "tells Breitbart News in an interview."
    )
    assert _speaker(text, "Yes, I support") == "Brent Bozell III"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Trump's state director, Mike Rubino, reached out to the firm, writing in an email: "
            '"We want to utilize this ASAP."',
            "Mike Rubino",
        ),
        (
            "Sen. Chuck Grassley on Wednesday downplayed Donald Trump's attack on a judge and "
            'said it is "basically the same thing."',
            "Chuck Grassley",
        ),
    ],
)
def test_the_owner_in_a_possessive_is_not_the_subject(sentence, speaker):
    quoted = sentence.split('"')[1][:12]
    assert _speaker(f"Campaign\n\n{sentence}", quoted) == speaker


@pytest.mark.parametrize(
    ("lede", "quote", "speaker"),
    [
        (
            "French President Emmanuel Marchand called for more spending.",
            '"Europe must defend itself," the head of state said.',
            "Emmanuel Marchand",
        ),
        (
            "Mark Ruiter, the Dutch prime minister, struck a cautious note.",
            '"We should not duplicate NATO," the Dutch leader told reporters.',
            "Mark Ruiter",
        ),
        (
            "The alliance's top official, Jens Stoltmann, welcomed the debate.",
            '"More spending is good news," the secretary general said.',
            "Jens Stoltmann",
        ),
    ],
)
def test_a_generic_office_noun_finds_the_person_who_holds_that_office(lede, quote, speaker):
    text = f"Defence\n\nPARIS — {lede} {quote}"
    assert _speaker(text, quote.split('"')[1][:10]) == speaker


def test_reported_speech_opening_with_a_place_keeps_the_place():
    text = (
        "Warnings\n\nOlga Tokariuk said on Monday. She said Moscow had issued similar "
        "warnings before."
    )
    spans = [p.text for p in _extract(text) if p.kind == "indirect"]
    assert spans == ["Moscow had issued similar warnings before."]


@pytest.mark.parametrize(
    "sentence",
    [
        'Her new book, "A Promised Land for Everyone", will be published in May.',
        'The band played "Born in the USA" as the senator walked on stage.',
    ],
)
def test_a_title_in_title_case_without_a_speech_verb_is_no_quotation(sentence):
    assert _extract(f"Culture\n\n{sentence}") == []


def test_a_post_signed_on_the_line_below_is_the_signers():
    text = (
        'Reactions\n\n"This is a dark day." — Ana Ruiz (@anaruiz) June 24, 2022\n'
        '"Today the Court did what it should have done long ago."\n'
        "— Tom Cray (@tomcray) June 24, 2022"
    )
    proposals = _extract(text)
    assert [(p.text[:5], p.speaker_name) for p in proposals] == [
        ("This ", "Ana Ruiz"),
        ("Today", "Tom Cray"),
    ]


def test_a_given_name_that_is_also_a_common_word_gives_the_gender_after_a_title():
    text = (
        "Debt\n\nBERLIN — German Finance Minister Christian Lindmann spoke first. Asked about "
        'the dispute, Commissioner Valdis Dombrov said: "We will find a compromise."\nThe Dutch '
        'minister, Sigrid Kaag, said she sided with Germany. "Rules are rules," she said. '
        'Lindmann welcomed her support. "Sigrid is right," he said.'
    )
    assert _speaker(text, "Sigrid is right") == "Lindmann"


def test_a_possessive_place_is_not_a_person():
    text = (
        "Seoul\n\nSEOUL — President Yoon Sang-min spoke on Monday. \"North Korea's provocations "
        'must stop," Mr. Yoon said. "Korea\'s neighbours agree," Yoon added.'
    )
    people = PersonIndex(text).by_surname.values()
    assert [name for person in people for name in person.names] == ["Yoon Sang-min", "Yoon"]


def test_a_name_in_apposition_to_an_opening_description_is_the_subject():
    text = (
        "Geneva\n\nGENEVA — Syria's foreign minister, Faisal Mekrad, accused the West. He said "
        'sanctions were "killing Syrians".\nThe European Union\'s foreign policy chief, Josep '
        'Borrel, rejected the claim. "Sanctions target the regime," he said.'
    )
    assert _speaker(text, "Sanctions target") == "Josep Borrel"


def test_a_rank_the_role_noun_carries_picks_the_one_holding_it():
    text = (
        "Geneva\n\nGENEVA — Syria's foreign minister, Faisal Mekrad, spoke first.\nMekrad's "
        'deputy, Ayman Susan, told state media the talks were "useless". "Nothing will come of '
        'them," the deputy minister said.'
    )
    assert _speaker(text, "Nothing will come") == "Ayman Susan"


def test_an_arabic_article_inside_a_name_belongs_to_it():
    text = (
        'Climate\n\n"We have delivered," Sultan al-Jabri, who presided over the talks, told '
        'delegates.\n\n"It is over," Ahmed al-Sharif said.'
    )
    assert [p.speaker_name for p in _extract(text)] == ["Sultan al-Jabri", "Ahmed al-Sharif"]


@pytest.mark.parametrize(
    ("first", "quoted", "speaker"),
    [
        (
            'Ukraine\'s foreign minister said the country would not give up "a single metre".',
            "a single metre",
            "Dmytro Kulyk",
        ),
        (
            'The defence minister said the army had enough shells "for now".',
            "for now",
            "Oleksii Reznik",
        ),
    ],
)
def test_a_role_named_before_the_person_finds_the_title_printed_next(first, quoted, speaker):
    text = (
        f"Kyiv\n\nKYIV — {first}\n"
        '"We are ready to talk," Foreign Minister Dmytro Kulyk told reporters.\n'
        '"We need more," Defence Minister Oleksii Reznik said.'
    )
    assert _speaker(text, quoted) == speaker
