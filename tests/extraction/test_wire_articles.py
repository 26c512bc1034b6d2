"""Whole articles in wire and feature style, written for this test, read with no speaker
registered (tests/extraction/wire/): every quotation and clear indirect statement gets the right
speaker."""

from pathlib import Path

import pytest

from .conftest import by_text

WIRE = Path(__file__).parent / "wire"
SUMMIT = (WIRE / "summit.txt").read_text(encoding="utf-8")
STRIKES = (WIRE / "strikes.txt").read_text(encoding="utf-8")
FEATURE = (WIRE / "feature.txt").read_text(encoding="utf-8")

SUMMIT_SPEAKERS = [
    ("No deal without guarantees", "Ursula von der Leyen"),  # "EU chief" is her title
    ("We will not sign anything", "Ursula von der Leyen"),
    ("Dialogue is the only way", "S. Jaishankar"),
    ("will keep buying", "S. Jaishankar"),
    ("There is no reason for panic", "Poland Energy Ministry"),
    ("The sanctions are working", "EU official"),
    ("days away", "EU official"),
    ("Paris was preparing", "Le Monde"),
    ("France will act alone", "French official"),
    ("absurd", "Dmitry Peskov"),
    ("Nobody in Moscow", "Dmitry Peskov"),
    ("We are ready for any scenario", "Marta Kowalczyk"),
    ("Norway will not be dragged", "Ingrid Halvorsen"),
    ("This is reckless", "Okonkwo"),
    ("constructive but difficult", "Poland Energy Ministry"),
    ("Britain would send more aid", "Ben Wallace"),
    ("We will stand with Ukraine", "Ben Wallace"),
]
STRIKES_SPEAKERS = [
    ("it had shot down", "Ukraine Air Force"),
    ("All the targets", "Ukraine Air Force"),
    ("Every downed drone", "Volodymyr Zelenskiy"),
    ("more systems, and faster", "Volodymyr Zelenskiy"),
    ("the strikes targeted", "Dmitry Peskov"),
    ("We do not strike", "Dmitry Peskov"),
    ("Germany would deliver a second Patriot", "Olaf Scholz"),
    ("We are keeping our promises", "Olaf Scholz"),
    ("long overdue", "Mateusz Morawiecki"),
    ("The West is at war", "Sergei Lavrov"),
    ("They want to destroy", "Sergei Lavrov"),
    ("firmly opposes", "Mao Ning"),
    ("exercise restraint", "Mao Ning"),
    ("Russia must stop", "Josep Borrell"),
    ("deeply concerned", "Stéphane Dujarric"),
    ("It is a very dangerous moment", "Kadri Liik"),
    ("Both sides believe", "Kadri Liik"),
    ("Ankara was ready", "Tayyip Erdogan"),
    ("We are ready to do our part", "Tayyip Erdogan"),
]

FEATURE_SPEAKERS = [
    ("People think transport", "Amara Okafor"),
    ("It is the most political", "Amara Okafor"),
    ("She is spending money", "Derek Vance"),
    ("Derek has never taken", "Amara Okafor"),
    ("We respect the council", "Lena Brandt"),
    ("It is a vanity project", "Tom Huckle"),
    ("The buses are full", "Maria"),
    ("supports any plan", "Harbourton Chamber of Commerce"),
    ("We will be watching", "Sunil Mehta"),
    ("Not this year", "Amara Okafor"),
    ("Maybe not next year", "Amara Okafor"),
    ("a promise she cannot keep", "Derek Vance"),
]


@pytest.mark.parametrize(
    ("article", "expected"),
    [(SUMMIT, SUMMIT_SPEAKERS), (STRIKES, STRIKES_SPEAKERS), (FEATURE, FEATURE_SPEAKERS)],
)
def test_every_statement_of_a_wire_article_gets_its_speaker(extract, article, expected):
    proposals = extract(article, known=())
    wrong = {
        start: by_text(proposals, start).speaker_name
        for start, speaker in expected
        if by_text(proposals, start).speaker_name != speaker
    }
    assert wrong == {}
