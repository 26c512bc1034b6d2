from .conftest import by_text


def test_quote_without_any_attribution_is_left_for_review(extract):
    text = "The hall was full. “Nobody expected such a turn of events in this city.”"
    proposal = by_text(extract(text), "Nobody expected")
    assert proposal.needs_review and proposal.speaker_slug is None
    assert proposal.speaker_name is None and proposal.speaker_kind is None
    assert "no attribution" in proposal.reason


def test_pronoun_between_two_people_is_not_guessed(extract):
    text = "Igor Semyonov and Oleg Morozov met in Minsk. “We have agreed on everything,” he said."
    proposal = by_text(extract(text), "We have agreed")
    assert proposal.needs_review and "ambiguous" in proposal.reason


def test_role_reference_with_nobody_named_is_undecided(extract):
    text = "“The border stays closed,” the minister said."
    proposal = by_text(extract(text), "The border")
    assert proposal.needs_review and proposal.speaker_name is None
