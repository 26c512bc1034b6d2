from quotes.extraction import KnownSpeaker
from quotes.extraction.names import match_known_person, name_key

from .conftest import by_text


def test_a_cyrillic_name_shares_the_key_of_its_transliterations():
    assert name_key("Сергей") == name_key("Sergei") == name_key("Sergey")
    assert name_key("Лавров") == name_key("Lavrov")
    assert name_key("Юрий") == name_key("Yuri")
    assert name_key("Ушаков") == name_key("Ushakov")


def test_a_cyrillic_name_matches_the_known_speaker_spelled_in_latin():
    speakers = [KnownSpeaker("sergei-lavrov", "Sergei Lavrov", "person")]
    assert match_known_person(("Сергей", "Лавров"), speakers).slug == "sergei-lavrov"


def test_an_article_naming_the_speaker_in_cyrillic_gets_the_known_speaker(extract):
    text = "“We will respond to this,” said Сергей Лавров, the foreign minister."
    proposal = by_text(extract(text), "We will respond")
    assert proposal.speaker_slug == "sergei-lavrov"


def test_a_cyrillic_surname_alone_matches_the_known_speaker(extract):
    text = "“The talks were useful,” Лавров said on Tuesday."
    assert by_text(extract(text), "The talks").speaker_slug == "sergei-lavrov"
