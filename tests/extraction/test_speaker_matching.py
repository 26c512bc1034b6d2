from quotes.extraction import KnownSpeaker
from quotes.extraction.names import match_known_person, name_key

from .conftest import by_text


def test_transliteration_variants_share_a_key():
    for a, b in [
        ("Sergei", "Sergey"),
        ("Yuri", "Yury"),
        ("Fyodor", "Fedor"),
        ("Alexander", "Aleksandr"),
        ("Dmitry", "Dmitriy"),
    ]:
        assert name_key(a) == name_key(b)


def test_variant_spelling_matches_the_known_speaker(extract):
    text = "“The meeting was useful,” said Fedor Lukyanov, chairman of the council."
    assert by_text(extract(text), "The meeting").speaker_slug == "fyodor-lukyanov"


def test_name_match_is_case_insensitive():
    speakers = [KnownSpeaker("yuri-ushakov", "Yuri Ushakov", "person")]
    assert match_known_person(("YURY", "USHAKOV"), speakers).slug == "yuri-ushakov"


def test_surname_alone_matches_a_known_speaker(extract):
    text = "“We are not in a hurry,” Mr. Ushakov said."
    assert by_text(extract(text), "We are not").speaker_slug == "yuri-ushakov"


def test_surname_alone_matches_a_person_named_earlier(extract):
    text = (
        "Anna Petrova, a lawyer, spoke first. Later Petrova added: “The court will not "
        "accept this claim.”"
    )
    proposal = by_text(extract(text), "The court")
    assert proposal.speaker_name == "Anna Petrova" and proposal.speaker_slug is None


def test_unknown_person_is_proposed_with_the_full_printed_name(extract):
    text = "“Prices will rise,” said Igor Semyonov, director of the institute."
    proposal = by_text(extract(text), "Prices")
    assert proposal.speaker_slug is None and proposal.speaker_name == "Igor Semyonov"
    assert proposal.speaker_kind == "person" and not proposal.needs_review


def test_role_before_the_name_is_not_part_of_the_name(extract):
    text = "“No,” Russian Deputy Foreign Minister Igor Semyonov said firmly."
    assert by_text(extract(text), "No").speaker_name == "Igor Semyonov"


def test_ambiguous_surname_of_two_known_people_is_not_matched():
    speakers = [
        KnownSpeaker("a-ivanov", "Anna Ivanova", "person"),
        KnownSpeaker("s-ivanov", "Sergei Ivanov", "person"),
        KnownSpeaker("o-ivanov", "Oleg Ivanov", "person"),
    ]
    assert match_known_person(("Ivanov",), speakers) is None
