"""Speaker rules read from clause structure and from the report a quotation continues; one
test per rule, on invented text."""

from quotes.extraction.attribution import Discourse

from .conftest import by_text


def test_a_name_after_comma_and_opens_a_clause_as_its_subject(extract):
    text = (
        "Jim Halvorsen, the treasurer, praised the plan on Monday.\n"
        "But it is not, and Halvorsen says budgets “are such an unknown” because things change."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "are such an unknown")
    assert proposal.speaker_name == "Jim Halvorsen"


def test_a_quotation_paragraph_goes_on_with_the_report_closing_the_paragraph_before(extract):
    text = (
        "Roads plan passes.\n\n"
        "Jim Halvorsen said that the county would pay for the new road.\n\n"
        "“That adds up to a lot of money over two years. But it is worth it.”\n"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "That adds up")
    assert proposal.speaker_name == "Jim Halvorsen"


def test_joined_initials_are_part_of_the_name_after_a_body_and_title(extract):
    text = "Town hall ends.\nNFU Chairman R.J. Holt of Nebraska said he was “outraged” by it."
    proposal = by_text(extract(text, known=(), outlet=""), "outraged")
    assert proposal.speaker_name == "R.J. Holt"


def test_an_ing_word_before_a_noun_in_an_appositive_is_no_speech_verb(extract):
    text = (
        "Town hall ends.\nPelle Moss runs a workshop.\n"
        "Moss, a creative writing professor, said he holds his roots “very near to my heart.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "very near")
    assert proposal.speaker_name == "Pelle Moss"


def test_a_word_left_after_a_place_in_a_compound_is_not_a_titled_surname(extract):
    text = (
        "Court pick stalls.\nA Kent County Post-ABC News poll found most voters undecided.\n"
        "As The Post's Ruth Okafor puts it, the senators are “unmoved and uninspired.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "unmoved")
    assert proposal.speaker_name == "Ruth Okafor"


def test_a_later_quotation_in_the_same_sentence_keeps_its_speaker(extract):
    text = (
        "Anchor warns.\nLuis Ramos spoke on Monday.\n"
        "Ramos lamented that the “danger” came from Trent’s ability to use anger in the United "
        "States while “allowing old sentiments, which many thought gone, to surface.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "allowing old")
    assert proposal.speaker_name == "Luis Ramos"


def test_a_quotation_in_a_sentence_naming_no_one_goes_on_with_the_report_before(extract):
    text = (
        "Health law stumbles.\nSteven Brill wrote a book about it.\n"
        "Brill has argued that the law was crippled from the outset. As a result, there is "
        "still “a very powerful industry that has the freedom to charge whatever.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "a very powerful")
    assert proposal.speaker_name == "Steven Brill"


def test_the_subject_after_an_opening_phrase_and_comma_owns_a_partial_quotation(extract):
    text = (
        "Director testifies.\nJames Comey and Hillary Clinton were named.\n"
        "In response to questions from lawmakers, Comey indicated that Clinton “should have "
        "known that the system was no place” for a classified talk."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "should have known")
    assert proposal.speaker_name == "James Comey"


def test_the_name_after_a_possessive_owner_is_a_person(extract):
    text = (
        "Court pick stalls.\nThe senators met the judge.\n"
        "As The Ledger's Ruth Okafor puts it, the senators are “unmoved and uninspired.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "unmoved")
    assert proposal.speaker_name == "Ruth Okafor"


def test_a_pronoun_after_an_inverted_report_stands_for_its_speaker():
    text = (
        "Tom Wilcox spoke first. Ron Dale spoke next.\n"
        "Mandates are a burden on all the schools here, said Wilcox, a teacher. He left.\n"
    )
    discourse = Discourse(text, [], "")
    pronoun = next(m for m in discourse.mentions if m.text == "He")
    assert discourse.resolve(pronoun).name == "Tom Wilcox"


def test_a_name_inside_an_opening_phrase_is_not_the_sentence_subject(extract):
    text = (
        "Safety net.\nPaula Reyes spoke.\n"
        "In the depths of the Great Recession, Paula Reyes worried that the safety net was "
        "becoming “a hammock that lulls people to dependency.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "a hammock")
    assert proposal.speaker_name == "Paula Reyes"


def test_the_agent_of_a_passive_question_may_carry_a_title(extract):
    text = (
        "Debate night.\nLena Pike and Omar Hale spoke.\n"
        "Pike was asked by moderator Omar Hale whether her plan would risk “adding another "
        "costly program to the budget.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "adding another")
    assert proposal.speaker_name == "Omar Hale"


def test_a_body_name_does_not_run_over_a_paragraph_break_into_the_next_subject(extract):
    text = (
        "Rally ends.\nJohn Kasich spoke.\n\n"
        "But he says that it does not mean he can take on the Russians.\n\n"
        "He tells the crowd: “I do not want you to have the wrong impression.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "I do not want")
    assert proposal.speaker_name == "John Kasich"


def test_a_pronoun_with_a_contracted_auxiliary_is_the_sentence_subject(extract):
    text = (
        "Rally ends.\nMara Quist spoke in Reno. "
        "She’s predicting she will do “very, very well” in the next contest."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "very, very well")
    assert proposal.speaker_name == "Mara Quist"


def test_a_possessive_name_opening_a_sentence_is_not_its_subject(extract):
    text = (
        "Vote nears.\nTeo Marsh backs the bill. Marsh’s move matters because Speaker Ivo Brandt "
        "has said he is “not ready” to endorse it."
    )
    proposal = by_text(extract(text, known=(), outlet=""), "not ready")
    assert proposal.speaker_name == "Ivo Brandt"
