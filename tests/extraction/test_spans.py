from quotes.extraction.spans import find_quotes

from .conftest import by_text, texts


def _quoted(text):
    return [text[q.start : q.end] for q in find_quotes(text) if q.depth == 0]


def test_curly_quotes_give_the_text_without_marks(extract):
    text = "“We will not retreat from our position,” Sergei Lavrov said."
    proposal = by_text(extract(text), "We will not retreat")
    assert proposal.text == text[proposal.start : proposal.end]
    assert proposal.text == "We will not retreat from our position"


def test_straight_and_guillemet_quotes_are_found():
    text = (
        '"The talks were useful and frank," the envoy said.\n'
        "«Nothing has been agreed yet with the other side», he added."
    )
    assert _quoted(text) == [
        "The talks were useful and frank",
        "Nothing has been agreed yet with the other side",
    ]


def test_closing_mark_typed_as_opening_glyph_still_closes():
    text = "“The decision has been taken and it is final. “ Then the meeting ended."
    assert _quoted(text) == ["The decision has been taken and it is final."]


def test_closing_mark_preceded_by_a_space_closes_before_the_attribution():
    text = "“Contacts between the militaries are frozen, ”the ministry said in a statement."
    assert _quoted(text) == ["Contacts between the militaries are frozen"]


def test_nested_quotes_of_the_same_glyph_stay_inside_the_outer_quote():
    text = (
        "“The so-called “Eastern threat” is being inflated by the bloc to justify itself. “ "
        "the ministry said."
    )
    assert _quoted(text) == [
        "The so-called “Eastern threat” is being inflated by the bloc to justify itself."
    ]


def test_lost_opening_mark_starts_after_the_attribution_sentence():
    text = (
        "“The first part of the statement is here,” said Anna Petrova, a lawyer. "
        "the second part lost its opening mark on the way. ”"
    )
    assert _quoted(text)[-1] == "the second part lost its opening mark on the way."


def test_paragraph_continuing_an_unclosed_quote_joins_its_group():
    text = (
        "“The first paragraph of a long statement has no closing mark.\n"
        "“And the second paragraph closes it,” said Anna Petrova."
    )
    quotes = [q for q in find_quotes(text) if q.depth == 0]
    assert len(quotes) == 2 and quotes[0].group == quotes[1].group


def test_every_proposal_text_is_the_source_slice(extract):
    text = (
        "- The answer is no, - the diplomat said. - We have said it many times.\n"
        "“Nothing changes,” Sergei Lavrov said on Monday."
    )
    for proposal in extract(text):
        assert text[proposal.start : proposal.end] == proposal.text
    assert texts(extract(text))
