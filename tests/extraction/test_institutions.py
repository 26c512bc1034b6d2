from .conftest import by_text


def test_known_institution_by_alias(extract):
    text = "“The measures are unfriendly,” the Russian Foreign Ministry said in a statement."
    proposal = by_text(extract(text), "The measures")
    assert proposal.speaker_slug == "russian-foreign-ministry"
    assert proposal.speaker_kind == "institution"


def test_unknown_institution_gets_its_printed_name(extract):
    text = "“We did not receive any request,” the Kremlin said."
    proposal = by_text(extract(text), "We did not")
    assert proposal.speaker_kind == "institution" and proposal.speaker_name == "Kremlin"
    assert proposal.speaker_slug is None


def test_acronym_institution_said_in_a_statement(extract):
    text = "“The exercise is defensive,” NATO said in a statement."
    assert by_text(extract(text), "The exercise").speaker_slug == "nato"


def test_the_alliances_website_resolves_to_the_known_alliance(extract):
    text = (
        "The North Atlantic Alliance opened an office in 2001. As stated on the alliance’s "
        "website, the office “informs the public about the work of the bloc.”"
    )
    proposal = by_text(extract(text), "informs the public")
    assert proposal.speaker_slug == "nato"
