"""Bodies speak too: acronyms, "the <Name>", and unnamed members of a named body.
Texts written for these tests."""

import pytest

from .conftest import by_text


@pytest.mark.parametrize(
    ("text", "quote", "kind", "name"),
    [
        (
            "“The ruling is a setback,” the FWA said in a statement.",
            "The ruling",
            "institution",
            "FWA",
        ),
        (
            "“We stand by our reporting,” The Harbour Ledger said on Friday.",
            "We stand by",
            "institution",
            "Harbour Ledger",
        ),
        (
            "“No decision has been made,” a Transport Ministry official said.",
            "No decision",
            "anonymous",
            "Transport Ministry official",
        ),
        (
            "“The numbers are wrong,” one Okafor spokesman told reporters.",
            "The numbers",
            "anonymous",
            "Okafor spokesman",
        ),
    ],
)
def test_a_body_in_the_speakers_slot(extract, text, quote, kind, name):
    proposal = by_text(extract(text), quote)
    assert (proposal.speaker_kind, proposal.speaker_name) == (kind, name)


def test_a_nationality_before_a_noun_is_no_body(extract):
    text = "“We leave on Monday,” said Ilse Brandauer of the Austrian trade mission."
    assert by_text(extract(text), "We leave").speaker_name == "Ilse Brandauer"


def test_the_complement_of_a_researcher_is_not_the_one_who_believes(extract):
    text = (
        "Analyst Joanna Pietrasz of the Vistula Institute believes that the talks will fail soon."
    )
    proposal = by_text(extract(text), "the talks")
    assert (proposal.kind, proposal.speaker_name) == ("indirect", "Joanna Pietrasz")


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (
            "Ada Okafor, the candidate, stayed home. “We expect a close count,” Okafor's campaign "
            "said.",
            "institution",
            "Ada Okafor campaign",
        ),
        (
            "Ada Okafor, the candidate, stayed home. “We expect a close count,” the Okafor "
            "campaign said.",
            "institution",
            "Ada Okafor campaign",
        ),
        (
            "Mayor Lutz Brenner was away. “No comment,” Brenner's spokesman told reporters.",
            "anonymous",
            "Lutz Brenner spokesman",
        ),
    ],
)
def test_what_a_person_owns_speaks_not_the_person(extract, text, kind, name):
    proposal = by_text(extract(text), text[text.index("“") + 1 :][:8])
    assert (proposal.speaker_kind, proposal.speaker_name) == (kind, name)


def test_an_outlet_can_be_the_source(extract):
    text = "As Politico reported, “the count will take another week in the northern counties.”"
    proposal = by_text(extract(text), "the count will")
    assert (proposal.speaker_kind, proposal.speaker_name) == ("institution", "Politico")


def test_it_said_is_the_body_quoted_before(extract):
    text = (
        "“Fares will rise in May,” the Harbour Transit Authority said on Monday. "
        "It said in a statement that “no line will close this year.”"
    )
    proposal = by_text(extract(text), "no line will")
    assert (proposal.speaker_kind, proposal.speaker_name) == (
        "institution",
        "Harbour Transit Authority",
    )
