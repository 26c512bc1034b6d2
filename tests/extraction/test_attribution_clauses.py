"""Attribution clauses: the head of the subject's noun phrase, descriptions, signatures, and
quotations that nest another after a comma. Texts written for these tests."""

import pytest

from .conftest import by_text


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“Prices will fall,” Harbour Weekly editor Tomasz Wendt told reporters.",
            "Prices will",
            "Tomasz Wendt",
        ),
        (
            "Liesel Marquardt, Brenner's chief strategist, said, “The count is not over.”",
            "The count",
            "Liesel Marquardt",
        ),
        (
            "“The levee held,” said Tom Reilly, who ran the agency during Anders Holm's tenure.",
            "The levee",
            "Tom Reilly",
        ),
        (
            "“It was a close call,” said Sen. Ada Mbeki (D-Ore.). “We got lucky.”",
            "It was a close",
            "Ada Mbeki",
        ),
        (
            "“Great result tonight. Proud of the team.” — Jonas Ekberg (@jekberg)",
            "Great result",
            "Jonas Ekberg",
        ),
    ],
)
def test_the_speaker_is_the_head_of_the_subject(extract, text, quote, speaker):
    assert by_text(extract(text), quote).speaker_name == speaker


def test_a_quotation_nesting_another_after_a_comma_keeps_its_own_span(extract):
    text = (
        "“I don't trust the polls,” Ines Albero said. “People keep asking me, ‘Are you "
        "worried?’ and I say no.”\n"
    )
    proposals = extract(text)
    first = by_text(proposals, "I don't trust")
    assert first.text == "I don't trust the polls"
    assert by_text(proposals, "People keep").speaker_name == "Ines Albero"


@pytest.mark.parametrize(
    ("text", "quote", "kind", "name"),
    [
        (
            "The harbour authority published its figures. “Traffic doubled,” the statement reads.",
            "Traffic doubled",
            None,
            None,
        ),
        ("“We will keep digging,” prosecutors said.", "We will keep", "anonymous", "Prosecutors"),
        (
            "Brannagh Ostrova, the Ravensworth senator, spoke first. “No deal,” the senator said.",
            "No deal",
            "person",
            "Brannagh Ostrova",
        ),
    ],
)
def test_descriptions_as_speakers(extract, text, quote, kind, name):
    proposal = by_text(extract(text), quote)
    if kind is None:  # a document with nobody quoted before it: undecided, with the reason
        assert proposal.needs_review and "statement" in proposal.reason
    else:
        assert (proposal.speaker_kind, proposal.speaker_name) == (kind, name)


def test_a_statement_stands_for_whoever_was_quoted_before(extract):
    text = (
        "“We are reviewing the decision,” said Karin Oduya, the port director. "
        "“No ship will be turned away,” the statement added."
    )
    assert by_text(extract(text), "No ship").speaker_name == "Karin Oduya"


def test_a_quotation_takes_the_attribution_of_the_one_right_after_it(extract):
    text = "“The river is rising.” “We are moving people out tonight,” Mirela Dragan said.\n"
    assert by_text(extract(text), "The river").speaker_name == "Mirela Dragan"


def test_a_paragraph_of_quotation_continues_the_speaker_of_the_paragraph_before(extract):
    text = (
        "“The port will reopen on Friday,” said Karin Oduya, the port director.\n"
        "“Every ship will be inspected before it docks.”\n"
    )
    proposal = by_text(extract(text), "Every ship")
    assert proposal.speaker_name == "Karin Oduya" and "paragraph before" in proposal.reason


def test_a_paragraph_after_narration_does_not_continue_an_older_speaker(extract):
    text = (
        "“The port will reopen on Friday,” said Karin Oduya, the port director.\n"
        "The storm had closed it for a week.\n"
        "“Every ship will be inspected before it docks.”\n"
    )
    assert by_text(extract(text), "Every ship").needs_review


def test_who_stands_for_the_name_right_before_it(extract):
    text = "Compare that with Odile Marchetti, who has called the treaty “a betrayal.”"
    assert by_text(extract(text), "a betrayal").speaker_name == "Odile Marchetti"


def test_a_partial_quotation_belongs_to_its_own_clause(extract):
    text = (
        "Governor Amara Lindqvist called the delays “unacceptable.” Mayor Piet Okeke wrote "
        "a letter to the board."
    )
    assert by_text(extract(text), "unacceptable").speaker_name == "Amara Lindqvist"


def test_an_inverted_attribution_after_a_comma(extract):
    text = "“This will be hard” for the council, said Wanjiru Kamau.\n"
    assert by_text(extract(text), "This will be hard").speaker_name == "Wanjiru Kamau"


def test_the_next_quotations_signature_is_not_this_ones_attribution(extract):
    text = (
        "“The budget is sound,” Ravi Menon said. “But the timing is poor.” "
        "“Great speech tonight, and a fine plan for the city.” — Aiko Tanabe\n"
    )
    proposals = extract(text)
    assert by_text(proposals, "But the timing").speaker_name == "Ravi Menon"
    assert by_text(proposals, "Great speech").speaker_name == "Aiko Tanabe"


def test_a_short_document_noun_speaks_for_its_issuer(extract):
    text = (
        "“We will win this,” said Doru Vasilescu. The ad claims “Vasilescu is the honest choice.”"
    )
    assert by_text(extract(text), "Vasilescu is the").speaker_name == "Doru Vasilescu"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "“He never listens,” said a longtime adviser to Mayor Tomic.",
            "Longtime adviser to Mayor Tomic",
        ),
        (
            "“We were all shocked,” said one former staffer, who asked not to be named.",
            "Former staffer",
        ),
    ],
)
def test_an_indefinite_description_after_said_is_an_unnamed_source(extract, text, name):
    proposal = by_text(extract(text), text[1:6])
    assert (proposal.speaker_kind, proposal.speaker_name) == ("anonymous", name)


def test_a_complement_after_said_is_not_the_speaker(extract):
    text = "“The data are clear,” said Tom Arvidsson of the Nordic Climate Institute."
    assert by_text(extract(text), "The data").speaker_name == "Tom Arvidsson"


def test_a_partial_quotation_without_a_cue_goes_to_the_subject_of_its_sentence(extract):
    text = (
        "Since January, Halla Sigurdsdottir has pushed her promise to Mayor Jonas Berg of "
        "“free ferries for every island” hard."
    )
    proposal = by_text(extract(text), "free ferries")
    assert proposal.speaker_name == "Halla Sigurdsdottir" and "subject" in proposal.reason


def test_and_opening_a_sentence_does_not_make_an_object(extract):
    text = "And Tamsin Okoro says the council is the only body “that can still fix this mess.”"
    assert by_text(extract(text), "that can still").speaker_name == "Tamsin Okoro"


def test_a_party_label_stays_inside_the_name_phrase(extract):
    text = (
        "Sen. Orla Brennock (D-Mo.), who has backed Dalia Fenn, said the rival was pushed to be "
        "“a far stronger candidate for the job.”"
    )
    assert by_text(extract(text), "a far stronger").speaker_name == "Orla Brennock"


def test_said_and_accused_share_their_subject(extract):
    text = (
        "Mirela Stan said Tomas Varga is responsible for the delays and accused him of "
        "“wasting everybody's time for a whole year.”"
    )
    assert by_text(extract(text), "wasting everybody").speaker_name == "Mirela Stan"


def test_a_place_is_no_speaker_name(extract):
    text = "“It is a close race,” said one New Hampshire Democrat."
    proposal = by_text(extract(text), "It is a close")
    assert (proposal.speaker_kind, proposal.speaker_name) == ("anonymous", "New Hampshire Democrat")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Okonkwo: Budget cuts 'will hit the poorest first'\nThe finance minister spoke.\n",
            "Okonkwo",
        ),
        ("“The port stays shut until Friday,” according to Harbourwatch.\n", "Harbourwatch"),
    ],
)
def test_headline_colon_and_trailing_according_to(extract, text, speaker):
    proposal = extract(text)[0]
    assert proposal.speaker_name == speaker


def test_a_partial_quotation_attributed_right_after_by_a_comma(extract):
    text = (
        "Back then, Pavel Horak admitted the work could be termed “quiet lobbying,” "
        "the Harbour Ledger reported in 1991.\n"
    )
    assert by_text(extract(text), "quiet lobbying").speaker_name == "Harbour Ledger"


def test_a_role_noun_goes_to_the_last_person_named_as_a_subject(extract):
    text = (
        "Lotte Brandt still believes that Karl Ostmann is unfit. “I stand by every word,” "
        "the Bavarian deputy told reporters."
    )
    assert by_text(extract(text), "I stand by").speaker_name == "Lotte Brandt"


@pytest.mark.parametrize("verb", ["fumed", "shot back", "echoed", "deadpanned", "confided"])
def test_more_ways_of_saying(extract, verb):
    text = f"“The vote was a farce from start to finish,” Ilse Brandauer {verb}.\n"
    assert by_text(extract(text), "The vote was").speaker_name == "Ilse Brandauer"


def test_a_nested_report_goes_to_the_outer_speaker(extract):
    text = (
        "Councillor Rhys Pennant said Mayor Ada Oyelowo told members to stay “calm and "
        "closely coordinated.”"
    )
    assert by_text(extract(text), "calm and").speaker_name == "Rhys Pennant"
