from .conftest import by_text


def test_said_that_gives_the_reported_clause(extract):
    text = "Sergei Lavrov said on Monday that the embassy would reopen in the spring."
    proposal = by_text(extract(text), "the embassy would reopen")
    assert proposal.kind == "indirect" and proposal.speaker_slug == "sergei-lavrov"
    assert proposal.text == "the embassy would reopen in the spring."


def test_according_to_x_gives_the_rest_of_the_sentence(extract):
    text = "According to Anna Petrova, the new rules will come into force next year."
    proposal = by_text(extract(text), "the new rules")
    assert proposal.kind == "indirect" and proposal.speaker_name == "Anna Petrova"


def test_as_x_said_gives_the_main_clause(extract):
    text = "And now, as Sergei Lavrov said, the consulate in the city will be closed."
    proposal = by_text(extract(text), "the consulate")
    assert proposal.speaker_slug == "sergei-lavrov" and proposal.kind == "indirect"


def test_believes_that_with_an_institution(extract):
    text = "The State Duma also believes that the treaty should be ratified without delay."
    proposal = by_text(extract(text), "the treaty should")
    assert proposal.speaker_kind == "institution" and proposal.speaker_name == "State Duma"


def test_this_was_reported_by_refers_to_the_previous_sentence(extract):
    text = (
        "The talks will resume in Vienna next month. This was reported to Vedomosti by a "
        "diplomatic source."
    )
    proposal = by_text(extract(text), "The talks will resume")
    assert proposal.kind == "indirect" and proposal.speaker_kind == "anonymous"
    assert proposal.cited_by == "Vedomosti"


def test_opinion_of_an_unnamed_group_is_not_proposed(extract):
    text = "The expert community believes that the negotiations are doomed to fail."
    assert extract(text) == []


def test_said_without_that_needs_a_clause_with_a_finite_verb(extract):
    text = (
        "Sergei Lavrov said the ministry would study the answer carefully. "
        "Sergei Lavrov said goodbye to the delegation and the press at the airport."
    )
    proposals = extract(text)
    assert [p.text for p in proposals] == ["the ministry would study the answer carefully."]
    assert proposals[0].speaker_slug == "sergei-lavrov"
