from .conftest import by_text


def test_dash_paragraph_with_closing_mark_and_continuation(extract):
    text = (
        '- The proposal deserves attention. We will study it carefully," Oleg Morozov, '
        "a member of the committee, told Vedomosti. - But there is no decision yet, and "
        "there will not be one soon."
    )
    proposals = extract(text)
    first, second = by_text(proposals, "The proposal"), by_text(proposals, "But there is")
    assert first.kind == second.kind == "direct"
    assert first.speaker_name == second.speaker_name == "Oleg Morozov"
    assert second.text.endswith("there will not be one soon.")


def test_dash_break_inside_quote_splits_at_he_said(extract):
    text = (
        "Sergei Lavrov spoke to reporters. “We will respond to this step, – he said. "
        "– The answer will be symmetrical and quick.”"
    )
    proposals = extract(text)
    first, second = by_text(proposals, "We will respond"), by_text(proposals, "The answer")
    assert first.text == "We will respond to this step"
    assert first.speaker_slug == second.speaker_slug == "sergei-lavrov"


def test_colon_then_dash_introduces_a_quote(extract):
    text = "Sergei Lavrov noted: – The ball is now in the court of our Western partners."
    proposal = by_text(extract(text), "The ball is now")
    assert proposal.kind == "direct" and proposal.speaker_slug == "sergei-lavrov"


def test_colon_then_curly_quote_takes_the_speaker_before_the_colon(extract):
    text = "Anna Petrova later explained: “The agreement expires and nobody will renew it.”"
    proposal = by_text(extract(text), "The agreement expires")
    assert proposal.speaker_name == "Anna Petrova" and proposal.kind == "direct"
