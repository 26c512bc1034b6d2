from .conftest import by_text


def test_quote_split_by_attribution_gives_two_parts_with_one_speaker(extract):
    text = (
        "“We are ready for talks,” said Anna Petrova, a senior analyst, “but nobody "
        "has invited us to the table.”"
    )
    proposals = extract(text)
    first, second = by_text(proposals, "We are ready"), by_text(proposals, "but nobody")
    assert first.kind == second.kind == "direct"
    assert first.speaker_name == second.speaker_name == "Anna Petrova"


def test_second_sentence_quote_without_attribution_continues_the_same_speaker(extract):
    text = "“The sanctions have failed,” Sergei Lavrov said. “They only hurt the people of Europe.”"
    assert by_text(extract(text), "They only hurt").speaker_slug == "sergei-lavrov"


def test_multi_paragraph_quote_takes_the_speaker_from_its_last_paragraph(extract):
    text = (
        "“The first paragraph of the statement explains the whole background.\n"
        "“The second paragraph draws the conclusion,” Sergei Lavrov said."
    )
    proposals = extract(text)
    assert by_text(proposals, "The first paragraph").speaker_slug == "sergei-lavrov"
