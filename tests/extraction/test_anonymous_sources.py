from .conftest import by_text


def test_informed_source_told_outlet_is_anonymous_cited_by_it(extract):
    text = "“The decision has been made,” an informed source told Izvestia."
    proposal = by_text(extract(text), "The decision")
    assert proposal.speaker_kind == "anonymous" and proposal.cited_by == "Izvestia"
    assert proposal.speaker_slug is None


def test_source_of_the_articles_outlet_matches_the_known_anonymous_speaker(extract):
    text = "Earlier, one of the sources of Vedomosti noted: “The talks are stalled.”"
    proposal = by_text(extract(text), "The talks")
    assert proposal.speaker_slug == "vedomosti-source" and proposal.cited_by == "Vedomosti"


def test_outlets_sources_possessive_in_indirect_speech(extract):
    text = "As noted by Kommersant’s sources, the changes will affect the military mission."
    proposal = by_text(extract(text), "the changes")
    assert proposal.kind == "indirect" and proposal.speaker_kind == "anonymous"
    assert proposal.cited_by == "Kommersant"


def test_source_in_a_ministry_is_anonymous_with_the_articles_outlet(extract):
    text = "“Nobody will go to Brussels,” a source in the Defense Ministry said."
    proposal = by_text(extract(text), "Nobody")
    assert proposal.speaker_kind == "anonymous" and proposal.cited_by == "Vedomosti"
