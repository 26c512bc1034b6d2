"""Names of every shape, typography that must not hide an attribution, and the clause that
really speaks. Texts written for these tests; nobody in them is registered."""

import pytest

from .conftest import by_text


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("“The ferry runs late again,” said McAllister.", "The ferry", "McAllister"),
        ("“Nobody told the crews,” DeWitt said.", "Nobody told", "DeWitt"),
        ("“We filed on time,” Ortiz-Baptiste said.", "We filed", "Ortiz-Baptiste"),
        ("“The count was fair,” O’Rourke wrote in an email.", "The count", "O’Rourke"),
        ("“We will not pay for it,” Calderón said.", "We will not", "Calderón"),
        ("“This is our time,” said Zoë Łukasiewicz.", "This is our", "Zoë Łukasiewicz"),
        ("“The talks go on,” Erdoğan told reporters.", "The talks", "Erdoğan"),
    ],
)
def test_a_surname_of_any_shape_next_to_a_speech_verb_is_a_person(extract, text, quote, speaker):
    assert by_text(extract(text, known=()), quote).speaker_name == speaker


def test_a_no_break_space_before_the_verb_does_not_hide_the_attribution(extract):
    text = "“The report is Exhibit A of the delays,”\u00a0added Halvorsen.\n"
    found = by_text(extract(text, known=()), "The report")
    assert found.speaker_name == "Halvorsen"
    assert found.text.startswith("The report")  # offsets are those of the original text


def test_a_closing_mark_after_a_nested_quotation_is_not_a_new_quotation(extract):
    text = (
        "\"Picture someone telling you, 'We have to keep the plant open,' \" said engineer "
        "Priya Raman during the hearing."
    )
    assert by_text(extract(text, known=()), "Picture someone").speaker_name == "Priya Raman"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“By spring the north was ours to win,” Okafor's campaign manager, Dana Whitlock, "
            "said in an interview.",
            "By spring",
            "Dana Whitlock",
        ),
        (
            "Another delegate on the Brenner slate, Tomas Leclerc, said he was only “leaning "
            "Brenner.”",
            "leaning",
            "Tomas Leclerc",
        ),
        (
            "“Anders Holm, you are the best,” Liesel Marquardt, Holm's chief strategist, said.",
            "Anders Holm",
            "Liesel Marquardt",
        ),
    ],
)
def test_the_name_in_an_appositive_speaks_when_what_precedes_it_describes_a_role(
    extract, text, quote, speaker
):
    assert by_text(extract(text, known=()), quote).speaker_name == speaker


def test_a_speech_verb_inside_a_leading_subordinate_clause_is_not_the_attribution(extract):
    text = (
        "Professor Ines Dahl studies campaigns. While not everything Okafor says is false, Dahl "
        "said Okafor is “telling voters what they want to hear.”"
    )
    assert by_text(extract(text, known=()), "telling voters").speaker_name == "Ines Dahl"


def test_a_name_inside_a_relative_clause_after_the_verb_is_not_the_speaker(extract):
    text = (
        "“His account sent a number of those emails,” said one source who named Whitlock but "
        "spoke on condition of anonymity."
    )
    found = by_text(extract(text, known=()), "His account")
    assert found.speaker_kind == "anonymous"
    assert "Whitlock" not in found.speaker_name


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Given Okafor's wins, his backing will bring the “grass-roots firepower” they need to "
            "win, DFA spokesman Neil Sroka said.",
            "grass-roots",
            "Neil Sroka",
        ),
        (
            "The PACs now take “the lead in advertising” for the NRSC, says Evan Tracey, a "
            "Republican consultant with National Media in Alexandria, Va.",
            "the lead",
            "Evan Tracey",
        ),
    ],
)
def test_an_attribution_closing_the_sentence_after_more_words_names_the_speaker(
    extract, text, quote, speaker
):
    assert by_text(extract(text, known=()), quote).speaker_name == speaker


def test_the_person_before_an_of_complement_is_the_subject(extract):
    text = "As Joel Pollak of the Harbour Institute observed, the winner “was not on stage.”"
    assert by_text(extract(text, known=()), "was not on").speaker_name == "Joel Pollak"


@pytest.mark.parametrize("verb", ["barked", "exhorted", "growled"])
def test_colourful_speech_verbs_attribute(extract, verb):
    text = f"“Go back to the studio,” Okafor {verb} as a guard stepped in."
    assert by_text(extract(text, known=()), "Go back").speaker_name == "Okafor"


def test_a_name_inside_an_appositive_is_not_what_a_later_pronoun_refers_to(extract):
    text = (
        "Jamal Simmons, an Okafor supporter, said he saw the shift in his own family.\n\n"
        "“It is challenging what we assumed,” he said."
    )
    assert by_text(extract(text, known=()), "It is challenging").speaker_name == "Jamal Simmons"


def test_a_body_modifying_a_noun_is_not_the_speaker(extract):
    text = (
        "“It will be hard to do it quickly,” said a longtime NRSC data expert who has worked "
        "for a rival."
    )
    found = by_text(extract(text, known=()), "It will be hard")
    assert found.speaker_kind == "anonymous"
    assert found.speaker_name != "NRSC"


def test_a_description_before_the_verb_is_the_subject_not_a_name_after_it(extract):
    text = (
        "Dana Okafor spoke on Sunday.\n\n"
        "On television, the GOP front-runner said Brenner “caused tremendous harm” abroad."
    )
    found = by_text(extract(text, known=()), "caused tremendous")
    assert found.speaker_name == "Dana Okafor"
    assert "front-runner" in found.reason


def test_a_capitalised_the_in_a_complement_still_leaves_the_person_as_subject(extract):
    text = "George Zornick of The Nation wrote, “If you want people to know you care, act.”"
    assert by_text(extract(text, known=()), "If you want").speaker_name == "George Zornick"


def test_a_pronoun_subject_beats_the_only_name_after_it(extract):
    text = (
        "Mark Halvorsen runs a hardware chain. He went on to call Brenner “the absolutely worst "
        "politician in Texas.”"
    )
    assert by_text(extract(text, known=()), "the absolutely").speaker_name == "Mark Halvorsen"


@pytest.mark.parametrize(
    ("description", "speaker"),
    [
        ("the Oregon senator", "Ada Mbeki"),
        ("the Maine governor", "Tom Reilly"),
        ("the Vermont governor", "Liesel Marquardt"),
    ],
)
def test_a_role_description_goes_to_the_bearer_its_modifiers_name(extract, description, speaker):
    text = (
        "Oregon Sen. Ada Mbeki, Maine Gov. Tom Reilly and Vermont Gov. Liesel Marquardt met "
        "in Boston.\n\n"
        f"“We will not back down,” {description} said."
    )
    assert by_text(extract(text, known=()), "We will not").speaker_name == speaker


def test_a_quotation_opening_the_paragraph_after_a_colon_belongs_to_that_clause(extract):
    text = (
        "When the mayor died, Governor Liesel Marquardt released the following statement:\n\n"
        "“Our thoughts are with his family and with the city he served.”\n"
    )
    found = by_text(extract(text, known=()), "Our thoughts")
    assert found.speaker_name == "Liesel Marquardt"


def test_a_plural_subject_with_a_base_form_verb_is_a_group(extract):
    text = "The two lawmakers, however, argue that “there is precedent for prosecution.”"
    found = by_text(extract(text, known=()), "there is precedent")
    assert found.speaker_kind == "anonymous"
    assert "lawmakers" in found.speaker_name.lower()


def test_a_country_s_body_in_the_possessive_speaks_and_is_referred_back_to(extract):
    text = (
        "Estonia's energy ministry said in a statement that supplies were secure. “There is no "
        "reason for panic,” the statement reads.\n\n"
        "The ministry said the talks were “constructive but difficult.”"
    )
    found = extract(text, known=())
    assert by_text(found, "There is no reason").speaker_name == "Estonia Energy Ministry"
    assert by_text(found, "constructive").speaker_name == "Estonia Energy Ministry"


def test_the_document_mentioned_last_names_its_issuer_not_the_last_speaker(extract):
    text = (
        "“Dialogue is the only way,” Dana Okafor said.\n\n"
        "The Harbour Council issued a statement on Friday. “The port stays open,” the statement "
        "says."
    )
    assert by_text(extract(text, known=()), "The port stays").speaker_name == "Harbour Council"


@pytest.mark.parametrize(
    "introduction",
    [
        "The defence minister, Ben Walsh, said Britain would send more aid.",
        "More aid will come, said Ben Walsh, the defence minister.",
    ],
)
def test_a_description_printed_before_or_after_a_name_is_that_person_s_role(extract, introduction):
    text = (
        "Ingrid Halvorsen, Norway's foreign minister, spoke first.\n\n"
        f"{introduction} “We will stand with our allies,” the defence minister said."
    )
    assert by_text(extract(text, known=()), "We will stand").speaker_name == "Ben Walsh"


@pytest.mark.parametrize(
    "attribution",
    [
        "exhorted Okafor's introducer, actress Jamie Lee Curtis.",
        "said the group's president, Jamie Lee Curtis.",
    ],
)
def test_after_the_verb_the_name_in_the_appositive_speaks_for_an_owner_or_a_role(
    extract, attribution
):
    text = f"“It is about time we had a woman running this country,” {attribution}"
    assert by_text(extract(text, known=()), "It is about").speaker_name == "Jamie Lee Curtis"


def test_an_owner_s_unnamed_spokesman_after_the_verb_is_an_unnamed_source(extract):
    found = by_text(extract("“We will win,” said Brenner's spokesman.", known=()), "We will")
    assert found.speaker_kind == "anonymous"
    assert found.speaker_name == "Brenner spokesman"


@pytest.mark.parametrize(
    ("signature", "speaker"),
    [("- Bernie Okafor.", "Bernie Okafor"), ("-President Brenner, tweeting after it.", "Brenner")],
)
def test_a_signature_line_under_a_quotation_names_its_speaker_and_is_no_quotation(
    extract, signature, speaker
):
    text = f"Her bill failed.\n\n“Big companies pay zero taxes.”\n\n{signature}\n\nIt is false.\n"
    found = extract(text, known=())
    assert [p.text for p in found] == ["Big companies pay zero taxes."]
    assert found[0].speaker_name.endswith(speaker)


def test_who_after_a_name_and_an_adverb_is_that_person(extract):
    text = (
        "Ada Mbeki has many endorsements. Tom Reilly, meanwhile, who has none, said that the "
        "count “speaks volumes.”"
    )
    assert by_text(extract(text, known=()), "speaks volumes").speaker_name == "Tom Reilly"


def test_the_object_of_told_after_a_role_is_not_the_role_s_bearer(extract):
    text = (
        "President Ada Mbeki spoke on Monday. The president also told radio host Tom Reilly "
        "that she “may return to the talks.”"
    )
    assert by_text(extract(text, known=()), "may return").speaker_name == "Ada Mbeki"


def test_a_place_printed_in_the_role_must_match_the_bearer(extract):
    text = (
        "Sen. Ada Mbeki, D-Iowa, spoke first. Marco Reilly, the Florida senator, arrived late.\n\n"
        "Later, Mbeki left. “I feel good about my campaign,” the Florida senator told reporters."
    )
    assert by_text(extract(text, known=()), "I feel good").speaker_name == "Marco Reilly"


def test_an_adverb_before_the_verb_is_not_a_description_s_head(extract):
    text = "Her campaign quickly blasted out an email stating: “Ryan joins the chorus.”"
    found = by_text(extract(text, known=()), "Ryan joins")
    assert "quickly" not in (found.speaker_name or "").lower()


def test_quotation_marks_typed_as_two_apostrophes_are_quotation_marks(extract):
    text = "''We are running a 50-state campaign,'' said Robby Mook, her campaign manager.\n"
    found = by_text(extract(text, known=()), "We are running")
    assert found.text == "We are running a 50-state campaign"
    assert found.speaker_name == "Robby Mook"


def test_a_title_before_the_subject_does_not_push_it_out_of_subject_position(extract):
    text = (
        "“We run everywhere,” said Robby Mook.\n\n"
        "Asked about the remarks, Mr. Brenner was dismissive. “Nobody cares,” he said."
    )
    assert by_text(extract(text, known=()), "Nobody cares").speaker_name == "Brenner"


def test_a_given_name_alone_names_the_one_person_printed_in_full_with_it(extract):
    text = (
        "Shelter opens.\nAda Okafor ran the shelter for years, and Bill Okafor ran the kitchen.\n"
        "Ada said: “We are full every night.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "We are full")
    assert proposal.speaker_name == "Ada Okafor"


def test_a_given_name_two_people_share_stays_their_own_mention(extract):
    text = (
        "Shelter opens.\nAda Okafor ran the shelter, and Ada Mensah ran the kitchen.\n"
        "Ada said: “We are full every night.”"
    )
    proposal = by_text(extract(text, known=(), outlet=""), "We are full")
    assert proposal.speaker_name not in ("Ada Okafor", "Ada Mensah")
