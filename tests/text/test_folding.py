from hypothesis import given
from hypothesis import strategies as st

from quotes.text import (
    _fold_with_map,
    content_hash,
    find_span,
    find_spans,
    fold,
    paragraph_bounds,
)


def test_fold_makes_quotes_dashes_and_spaces_uniform():
    assert fold("“Hello”  –  it’s\u00a0fine…") == '"Hello" - it\'s fine...'


def test_find_span_matches_across_typography_and_points_into_original_text():
    text = "He said: “NATO is not\n interested — at all.” Then left."
    start, end = find_span(text, '"NATO is not interested - at all."')
    assert text[start:end] == "“NATO is not\n interested — at all.”"


def test_find_span_returns_none_when_absent_and_counts_occurrences():
    text = "“Yes,” she said. “Yes,” he said."
    assert find_span(text, "No") is None
    assert len(find_spans(text, "Yes")) == 2
    second = find_span(text, "Yes", occurrence=2)
    assert second[0] > find_span(text, "Yes")[0]
    assert find_span(text, "Yes", occurrence=3) is None


def test_paragraph_bounds_cover_the_line_of_the_span():
    text = "First line.\nSecond “quoted” line.\nThird."
    start, end = find_span(text, "quoted")
    assert text[slice(*paragraph_bounds(text, start, end))] == "Second “quoted” line."


def test_content_hash_ignores_typography_but_not_words():
    assert content_hash("“A” — b") == content_hash('"A" - b')
    assert content_hash("A b") != content_hash("A c")


@given(st.text(alphabet="ab \t\n\x0b\x1c“”‘’—–…é\u00a0ǅＡ", max_size=40))
def test_the_ascii_shortcut_folds_like_the_character_pass(text):
    assert fold(text) == _fold_with_map(text)[0].strip()
