from .conftest import by_text


def test_few_words_after_a_speech_verb_are_a_partial_quote(extract):
    text = "The Russian Foreign Ministry called the sanctions “an unfriendly gesture” yesterday."
    proposal = by_text(extract(text), "an unfriendly gesture")
    assert proposal.kind == "partial"
    assert proposal.speaker_slug == "russian-foreign-ministry"


def test_short_fragment_inside_reported_speech_is_partial(extract):
    text = "Sergei Lavrov warned that Moscow will take “adequate measures” in response."
    proposal = by_text(extract(text), "adequate measures")
    assert proposal.kind == "partial" and proposal.speaker_slug == "sergei-lavrov"


def test_predicate_without_its_subject_is_partial(extract):
    text = (
        "As stated on the alliance’s website, it “helps the public understand the "
        "relations between Russia and the West in every detail.”"
    )
    proposal = by_text(extract(text), "helps the public")
    assert proposal.kind == "partial"


def test_full_clause_embedded_after_that_is_direct(extract):
    text = (
        "Sergei Lavrov repeated that “Russia remains open to an honest dialogue with all partners.”"
    )
    assert by_text(extract(text), "Russia remains open").kind == "direct"
