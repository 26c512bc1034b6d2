"""One focused test per rule added for articles unlike the seeds."""

from datetime import date

from quotes.extraction.marks import double_single_quotes

from .conftest import by_text, texts

THURSDAY = date(2022, 1, 20)


def test_curly_single_quotes_are_quotation_marks_but_apostrophes_stay():
    text = "‘Russia’s aggression must fail,’ Mr Cleverly said. It won’t."
    assert (
        double_single_quotes(text) == "“Russia’s aggression must fail,” Mr Cleverly said. It won’t."
    )


def test_plural_possessive_does_not_close_a_single_quote():
    text = "‘The allies’ resolve is strong,’ she said."
    assert double_single_quotes(text) == "“The allies’ resolve is strong,” she said."


def test_straight_single_quotes_enclosing_words_are_quotation_marks():
    text = "'We won't back down,' Anna Petrova said of the 90's crisis and the Jones' case."
    assert double_single_quotes(text).startswith("“We won't back down,” Anna Petrova")
    assert "90's" in double_single_quotes(text)


def test_single_quoted_speech_is_proposed_with_the_original_marks(extract):
    text = "‘We are not going to be intimidated,’ Anna Petrova told the BBC."
    proposal = by_text(extract(text), "We are not going")
    assert proposal.text == text[proposal.start : proposal.end]
    assert proposal.speaker_name == "Anna Petrova" and proposal.kind == "direct"


def test_organization_before_a_title_belongs_to_the_person(extract):
    text = "“There can be no concessions,” Kremlin spokesman Igor Semyonov told reporters."
    assert by_text(extract(text), "There can be").speaker_name == "Igor Semyonov"


def test_lowercase_title_before_two_capitalized_words_makes_a_name(extract):
    text = "White House press secretary Jen Psaki said the allies had been briefed in advance."
    assert by_text(extract(text), "the allies had").speaker_name == "Jen Psaki"


def test_the_diplomat_refers_to_a_deputy_foreign_minister(extract):
    text = (
        "Deputy Foreign Minister Igor Semyonov met the press. Anna Petrova, a lawyer, was "
        "there too. “Our patience is not infinite,” the diplomat added."
    )
    assert by_text(extract(text), "Our patience").speaker_name == "Igor Semyonov"


def test_the_parliamentarian_refers_to_the_head_of_a_duma_committee(extract):
    text = (
        "The head of the Duma Committee on International Affairs Leonid Slutsky spoke first. "
        "“Nobody will attack anyone,” the parliamentarian said."
    )
    assert by_text(extract(text), "Nobody will").speaker_name == "Leonid Slutsky"


def test_role_noun_that_fits_nobody_named_is_undecided(extract):
    text = (
        "Deputy Foreign Minister Igor Semyonov met the press. “The vote is close,” the "
        "senator said."
    )
    proposal = by_text(extract(text), "The vote")
    assert proposal.needs_review and proposal.speaker_name is None


def test_the_diplomat_refers_back_to_an_unnamed_diplomat(extract):
    text = (
        "A senior diplomat who asked not to be named said the talks could resume soon. "
        "“Nobody is in a hurry,” the diplomat said."
    )
    proposal = by_text(extract(text, outlet="AP"), "Nobody is")
    assert proposal.speaker_kind == "anonymous" and proposal.speaker_name == "Senior diplomat"


def test_according_to_him_resolves_the_pronoun(extract):
    text = "Igor Semyonov spoke in Minsk. According to him, the West “must finally listen”."
    assert by_text(extract(text), "must finally").speaker_name == "Igor Semyonov"


def test_unnamed_official_speaking_on_condition_of_anonymity(extract):
    text = "An official speaking on condition of anonymity said the sanctions would be extended."
    proposal = by_text(extract(text, outlet="AP"), "the sanctions")
    assert proposal.speaker_kind == "anonymous" and proposal.speaker_name == "Official"
    assert proposal.cited_by == "AP"


def test_source_familiar_with_the_matter_told_outlet(extract):
    text = "A source familiar with the matter told Reuters that the talks had stalled."
    proposal = by_text(extract(text, outlet="AP"), "the talks")
    assert proposal.speaker_name == "Source familiar with the matter"
    assert proposal.cited_by == "Reuters"


def test_source_in_lowercase_circles_explained_to_outlet(extract):
    text = "As a source in diplomatic circles explained to Izvestia, the answer will be late."
    proposal = by_text(extract(text, outlet="Lenta.ru"), "the answer")
    assert proposal.speaker_name == "Source in diplomatic circles"
    assert proposal.cited_by == "Izvestia"


def test_characterizing_verb_makes_a_short_fragment_a_partial_quote(extract):
    text = "Anna Petrova dismissed the proposal as “a non-starter”."
    proposal = by_text(extract(text), "a non-starter")
    assert proposal.kind == "partial" and proposal.speaker_name == "Anna Petrova"


def test_short_form_of_an_institution_is_the_full_one_named_before(extract):
    text = "“We regret this step,” the European Commission said. “It hurts,” the Commission added."
    assert by_text(extract(text, known=()), "It hurts").speaker_name == "European Commission"


def test_the_alliance_after_a_mission_of_the_alliance_is_the_alliance(extract):
    text = (
        "The Liaison Mission of the North Atlantic Alliance was closed. As stated on the "
        "alliance’s website, it “promotes understanding between the peoples of Europe.”"
    )
    proposal = by_text(extract(text, known=()), "promotes")
    assert proposal.speaker_name == "North Atlantic Alliance"


def test_institution_behind_a_spokesperson(extract):
    text = "A spokesperson for the German Foreign Office said the ministry would study the text."
    proposal = by_text(extract(text, known=()), "the ministry would")
    assert proposal.speaker_kind == "institution"
    assert proposal.speaker_name == "German Foreign Office"


def test_clause_before_a_trailing_attribution_is_indirect(extract):
    text = (
        "MOSCOW (Reuters) - Russia will not accept any deal that ignores its demands, the "
        "Kremlin said on Tuesday."
    )
    proposal = by_text(extract(text, known=(), published_on=THURSDAY), "Russia will not")
    assert proposal.kind == "indirect" and proposal.speaker_name == "Kremlin"
    assert (proposal.said_on, proposal.said_on_precision) == (date(2022, 1, 18), "day")


def test_trailing_attribution_needs_a_clause_with_a_verb(extract):
    text = "After the meeting in Geneva with the delegation, Anna Petrova said."
    assert texts(extract(text)) == []


def test_subject_of_a_partial_quote_is_not_indirect_speech(extract):
    text = (
        "Anna Petrova spoke on Monday. According to her, the statements of the ministry "
        "“do not correspond to reality”."
    )
    assert texts(extract(text)) == ["do not correspond to reality"]


def test_headline_quote_repeated_in_the_body_is_proposed_once(extract):
    text = (
        "Lavrov: “The West has declared a total war on us”\n"
        "“The West has declared a total war on us,” Sergei Lavrov said."
    )
    proposals = extract(text)
    assert len(proposals) == 1 and proposals[0].start > text.index("\n")


def test_headline_quote_with_a_name_and_colon_is_attributed(extract):
    text = "Maria Zakharova: “Washington is looking for a pretext”\nThe ministry was angry."
    assert by_text(extract(text), "Washington").speaker_name == "Maria Zakharova"


def test_so_called_marks_distance_not_a_quote(extract):
    text = "Critics have called the so-called “referendums” a sham."
    assert texts(extract(text)) == []


def test_code_name_is_a_title(extract):
    text = "The exercise, codenamed “Zapad-2021”, involved thousands of troops."
    assert texts(extract(text)) == []


def test_date_of_the_first_statement_carries_to_the_speakers_next_quote(extract):
    text = (
        "Olaf Scholz on Wednesday dismissed the plan as “a non-starter”. “We will not "
        "negotiate over the heads of our partners,” Scholz told journalists."
    )
    proposal = by_text(extract(text, published_on=THURSDAY), "We will not")
    assert (proposal.said_on, proposal.said_on_precision) == (date(2022, 1, 19), "day")


def test_date_does_not_carry_to_another_paragraph(extract):
    text = (
        "Olaf Scholz on Wednesday dismissed the plan as “a non-starter”.\n"
        "“We will not negotiate over the heads of our partners,” Scholz told journalists."
    )
    proposal = by_text(extract(text, published_on=THURSDAY), "We will not")
    assert proposal.said_on_precision == "month"


def test_reporters_sentence_left_inside_a_quotation_splits_it(extract):
    text = (
        "“Russia has red lines. This was previously stated by the press secretary Igor "
        "Semyonov, warning of a response. Keeping the mission would weaken us,” said Anna "
        "Petrova."
    )
    assert texts(extract(text)) == ["Russia has red lines.", "Keeping the mission would weaken us"]


def test_apostrophes_in_plain_prose_make_no_quotation(extract):
    text = (
        "The allies’ position and Russia’s ‘red lines’ were discussed, but the ministers’ "
        "statement didn’t mention the ’90s."
    )
    assert double_single_quotes(text).count("“") == 1
