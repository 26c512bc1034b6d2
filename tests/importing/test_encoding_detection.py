"""An article that is not UTF-8 and declares no charset is decoded in the encoding detected
(charset-normalizer), not refused; bytes in no recognisable encoding are refused clearly."""

import pytest

from quotes.importing import ImportRefused, read_article

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров заявил во вторник, что переговоры будут "
    "продолжены. «Мы готовы к диалогу», — сказал он журналистам."
)


def test_windows_1251_plain_text_without_a_declared_charset_is_detected():
    assert read_article(RUSSIAN.encode("windows-1251")) == RUSSIAN + "\n"


def test_a_windows_1251_page_without_a_declared_charset_is_detected():
    page = f"<html><head><title>T</title></head><body><p>{RUSSIAN}</p></body></html>"
    assert RUSSIAN in read_article(page.encode("windows-1251"))


def test_bytes_in_no_recognisable_encoding_are_refused_naming_utf8():
    with pytest.raises(ImportRefused, match="not UTF-8 .* could not be detected"):
        read_article(bytes(range(128, 256)) * 3)
