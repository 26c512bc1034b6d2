from .conftest import texts


def test_scare_quotes_without_speech_are_not_quotes(extract):
    text = "The “Eastern threat” has become a favourite topic of the summer season in Brussels."
    assert extract(text) == []


def test_titles_after_entitled_are_not_quotes(extract):
    text = (
        "The office posted a video entitled “Why the exercise matters so much for all "
        "of us” last week."
    )
    assert extract(text) == []


def test_newspaper_and_book_names_are_not_quotes(extract):
    text = (
        "He told the newspaper “Evening Moscow” about the book “War and Peace and "
        "Everything After It”."
    )
    assert texts(extract(text)) == []


def test_standalone_heading_in_quotes_is_not_a_quote(extract):
    text = "“The line is becoming more aggressive”\nThe ministry published a long statement."
    assert extract(text) == []


def test_nested_scare_quote_inside_a_direct_quote_is_not_proposed(extract):
    text = (
        "“The so-called “Eastern threat” is inflated to unite the bloc,” the Russian "
        "Foreign Ministry said."
    )
    assert texts(extract(text)) == ["The so-called “Eastern threat” is inflated to unite the bloc"]
