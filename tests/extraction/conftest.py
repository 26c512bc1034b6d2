from datetime import date

import pytest

from quotes.extraction import KnownSpeaker, extract_quotes

PUBLISHED = date(2023, 3, 15)  # a Wednesday

KNOWN = (
    KnownSpeaker(
        "sergei-lavrov",
        "Sergei Lavrov",
        "person",
        ("Sergey Lavrov",),
        ("Minister of Foreign Affairs", "Ministry of Foreign Affairs"),
    ),
    KnownSpeaker("yuri-ushakov", "Yuri Ushakov", "person", (), ("Presidential aide",)),
    KnownSpeaker("fyodor-lukyanov", "Fyodor Lukyanov", "person"),
    KnownSpeaker(
        "russian-foreign-ministry",
        "Ministry of Foreign Affairs of Russia",
        "institution",
        ("Russian Foreign Ministry", "Foreign Ministry"),
    ),
    KnownSpeaker("nato", "NATO", "institution", ("North Atlantic Alliance",)),
    KnownSpeaker(
        "vedomosti-source", "Informed source (Vedomosti)", "anonymous", cited_by="Vedomosti"
    ),
)


@pytest.fixture
def extract():
    def run(text, known=KNOWN, outlet="Vedomosti", published_on=PUBLISHED):
        return extract_quotes(text, published_on=published_on, known_speakers=known, outlet=outlet)

    return run


def texts(proposals, kind=None):
    return [p.text for p in proposals if kind is None or p.kind == kind]


def by_text(proposals, start):
    matches = [p for p in proposals if p.text.startswith(start)]
    assert matches, f"no proposal starting {start!r} in {texts(proposals)}"
    return matches[0]
