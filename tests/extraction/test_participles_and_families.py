"""Attributions carried by a participle ("…, adding, “…”"), a surname shared by a family, a
nationality word the article has shown to be a surname, "-man" titles given to women and
pronoun subjects that carry a person on. Texts written for these tests."""

from .conftest import by_text


def _run(extract, text):
    return extract(text, known=(), outlet="")


def test_a_participle_after_a_quotation_takes_the_sentences_speaker(extract):
    text = (
        "“I think Hale would be the best nominee, but she doesn't have a chance,” Okafor said "
        "on “Morning Edition,” adding, “Her problem is that she is an insider in an outsider "
        "year.”\n"
    )
    quote = by_text(_run(extract, text), "Her problem is")
    assert quote.speaker_name == "Okafor"


def test_a_participle_after_a_partial_quotation_takes_the_sentences_speaker(extract):
    text = (
        "To wit, Ramona Diaz told the radio station that Victor Brandt “had a policy that was "
        "maniacal,” adding, “We will keep fighting it in every county.”\n"
    )
    quote = by_text(_run(extract, text), "We will keep fighting")
    assert quote.speaker_name == "Ramona Diaz"


def test_the_subject_of_a_with_participle_is_its_speaker(extract):
    text = (
        "Republicans were quick to respond, with Marcus Oyelaran tweeting that the decision was "
        "a “disaster” for the governor and asking, “How can anyone trust this office again?”\n"
    )
    quote = by_text(_run(extract, text), "How can anyone trust")
    assert quote.speaker_name == "Marcus Oyelaran"


def test_a_name_after_with_is_still_no_subject_without_a_participle(extract):
    text = (
        "Ines Varga met with Marcus Oyelaran on Tuesday. “We agreed on almost nothing,” "
        "Varga said.\n"
    )
    quote = by_text(_run(extract, text), "We agreed")
    assert quote.speaker_name == "Ines Varga"


def test_a_surname_alone_names_the_family_member_it_named_before(extract):
    # the daughter is introduced after the candidate: "Brandt" alone is still the candidate
    text = (
        "Victor Brandt thanked his supporters in Columbus. “We are going to win Ohio,” Brandt "
        "said.\n\n"
        "His daughter, Helena Brandt, introduced him to the crowd and spoke of her father's "
        "work.\n\n"
        "Later, Brandt said, “As a father, I could not be prouder tonight.”\n"
    )
    quote = by_text(_run(extract, text), "As a father")
    assert quote.speaker_name == "Victor Brandt"


def test_a_nationality_word_is_a_surname_once_the_article_names_the_person(extract):
    text = (
        "Mark Polish, the owner of a basketball team, says he is open to running.\n\n"
        "“It is certainly more of a consideration than it was,” Polish said in an interview.\n"
    )
    quote = by_text(_run(extract, text), "It is certainly")
    assert quote.speaker_name == "Mark Polish"


def test_a_man_title_does_not_outweigh_a_womans_given_name(extract):
    # "spokesman" is printed of women too; "Margaret" says this one is a woman
    text = (
        "Tomas Rivera said the group is not a political committee. Campaign spokesman Margaret "
        "Hollis confirmed that the group was created independently. “They are not affiliated "
        "with the campaign,” she said.\n"
    )
    quote = by_text(_run(extract, text), "They are not affiliated")
    assert quote.speaker_name == "Margaret Hollis"


def test_a_pronoun_subject_carries_the_person_past_an_earlier_quotation(extract):
    text = (
        "“We will win Texas,” said Dan Okoro, the lieutenant governor.\n\n"
        "Victor Brandt is thanking his supporters for a first-place finish.\n\n"
        "And he's predicted big wins in the races ahead.\n\n"
        "“Folks, let's have a big win in Nevada,” he tells supporters.\n"
    )
    quote = by_text(_run(extract, text), "Folks")
    assert quote.speaker_name == "Victor Brandt"


def test_a_name_after_a_verb_is_the_object_not_the_subject(extract):
    text = (
        "Ruth Hale described Victor Brandt as the man she used to know. In an interview with "
        "morning show hosts, the Democratic presidential candidate stated “he is not the person "
        "I used to know.”\n"
    )
    quote = by_text(_run(extract, text), "he is not the person")
    assert quote.speaker_name == "Ruth Hale"


def test_a_description_who_spoke_on_condition_of_anonymity_is_an_unnamed_source(extract):
    text = (
        "Victor Brandt spoke at the rally. “As a child, I was sure I was a citizen,” said the "
        "woman, who spoke on the condition of anonymity because she feared her employer.\n"
    )
    quote = by_text(_run(extract, text), "As a child")
    assert quote.speaker_kind == "anonymous"


def test_the_woman_is_never_a_man_named_before(extract):
    text = (
        "Victor Brandt spoke first and left early.\n\n"
        "Later, the woman said, “Nobody here believes a word of it.”\n"
    )
    quote = by_text(_run(extract, text), "Nobody here believes")
    assert quote.speaker_name != "Victor Brandt"


def test_the_newspaper_is_the_outlet_named_before(extract):
    text = (
        "The Harbourton Herald claims the council is to blame. According to the newspaper, "
        "“the council ignored every warning it was given.”\n"
    )
    quote = by_text(_run(extract, text), "the council ignored")
    assert quote.speaker_name == "Harbourton Herald"


def test_the_newspaper_with_no_outlet_named_stays_undecided(extract):
    text = "According to the newspaper, “the council ignored every warning it was given.”\n"
    quote = by_text(_run(extract, text), "the council ignored")
    assert quote.speaker_name is None and quote.needs_review


def test_a_holiday_is_no_person(extract):
    text = (
        "She voted on Election Day in Ohio. “As a child, I was sure I was a citizen,” the "
        "woman said.\n"
    )
    quote = by_text(_run(extract, text), "As a child")
    assert quote.speaker_name != "Election Day"


def test_a_participle_hanging_off_a_speech_verb_takes_that_verbs_subject(extract):
    text = (
        "Imam Ahmed Okoro saw Brandt on Friday. Omar Brandt had his young son with him. Brandt "
        "did not mingle but left as soon as prayers were finished, Okoro said, adding, “He was "
        "not very religious.”\n"
    )
    quote = by_text(_run(extract, text), "He was not very")
    assert quote.speaker_name == "Ahmed Okoro"


def test_a_participle_after_and_has_its_own_subject(extract):
    text = (
        "Both men issued a statement, Ines Varga saying she was “very encouraged” and Victor "
        "Brandt calling it a “great meeting.”\n"
    )
    quote = by_text(_run(extract, text), "great meeting")
    assert quote.speaker_name == "Victor Brandt"


def test_the_main_clause_speaks_after_a_soon_after_clause(extract):
    text = (
        "The party must save resources. Soon after Ines Varga was booed Monday during a "
        "delegation breakfast in Philadelphia, Oyelaran wrote to his 20,000 Twitter followers, "
        "“It is time to end her career for good.”\n"
    )
    quote = by_text(_run(extract, text), "It is time")
    assert quote.speaker_name == "Oyelaran"


def test_a_titled_name_after_a_preposition_is_no_subject(extract):
    text = (
        "House Republicans have said they will pass it. Marty Okafor, an education professor at "
        "Harvard who previously worked for Sen. Lamar Brandt (R-Tenn.), one of the bill's "
        "architects, called it “an incredibly significant development.”\n"
    )
    quote = by_text(_run(extract, text), "an incredibly")
    assert quote.speaker_name == "Marty Okafor"


def test_the_name_after_an_object_taking_verb_is_its_object(extract):
    text = (
        "President Barack Obama announced the new measures. Washington, a star of the show, "
        "thanked Obama in the East Room: “Thank you for taking these steps to make us safer.”\n"
    )
    quote = by_text(_run(extract, text), "Thank you for taking")
    assert quote.speaker_name != "Barack Obama"


def test_a_headline_names_its_speaker_before_a_capitalised_speech_verb(extract):
    text = (
        "Ingrid Halvorsen Says The Budget ‘Will Hit The Poorest First.’\n\n"
        "The finance minister spoke in Oslo on Tuesday.\n"
    )
    quote = by_text(_run(extract, text), "Will Hit")
    assert quote.speaker_name == "Ingrid Halvorsen"


def test_a_headline_names_its_speaker_after_the_quotation(extract):
    text = (
        "‘A Tax On Every Family,’ Okonkwo Warns Lawmakers.\n\n"
        "The senator Chidi Okonkwo spoke in Abuja on Tuesday.\n"
    )
    quote = by_text(_run(extract, text), "A Tax On")
    assert quote.speaker_name == "Chidi Okonkwo"


def test_three_apostrophes_close_a_single_then_a_double_quotation(extract):
    # archives typing quotation marks as two apostrophes: ''… 'old-school,''' said …
    text = (
        "''I would use the word 'old-school,''' said Gregory W. Slayton, a former ambassador. "
        "''It still works.''\n"
    )
    quote = by_text(_run(extract, text), "I would use")
    assert quote.speaker_name == "Gregory W. Slayton"


def test_a_relative_pronoun_or_preposition_is_never_the_head_of_a_description(extract):
    text = (
        "Zeke Okafor, an oncologist who advised the governor on the health care overhaul, said "
        "the law has been a success “by any stretch of any metric.”\n"
    )
    quote = by_text(_run(extract, text), "by any stretch")
    assert quote.speaker_name == "Zeke Okafor"


def test_a_pronoun_after_a_sentence_quoting_someone_is_that_speaker(extract):
    text = (
        "“If you want somebody to beat Victor Hale, I'm that candidate,” Brandt said on "
        "Tuesday.\n\n"
        "Brandt would beat Hale by five points, according to the polls.\n\n"
        "Ohio Gov. John Okafor, a presidential contender, predicted at the debate that "
        "Republicans will take “every state” if Brandt wins the nomination.\n\n"
        "“That's not even an issue,” he said to applause.\n"
    )
    quote = by_text(_run(extract, text), "That's not even")
    assert quote.speaker_name == "John Okafor"


def test_an_owner_in_the_possessive_is_not_part_of_the_name_it_owns(extract):
    text = "As Politico's Dana Okafor puts it, “Senate Republicans are unmoved.”\n"
    quote = by_text(_run(extract, text), "Senate Republicans")
    assert quote.speaker_name == "Dana Okafor"
