"""Full-text search: whole words found on both databases, the index kept current, no term fails.

The two databases stem differently (PostgreSQL's English stemmer, FTS5 none), so behaviour tests
search for whole words that both find; the index tests run on their own database only.
"""

import pytest
from django.db import connection

from quotes import search
from quotes.models import Quote
from quotes.search import search_quotes
from tests.factories import QuoteFactory


def found(term: str) -> set[str]:
    return set(search_quotes(Quote.objects.all(), term).values_list("text", flat=True))


@pytest.fixture
def quotes(db):
    texts = [
        "We support a ceasefire along the whole border.",
        "Sanctions will not change our position.",
        "The ceasefire talks resume on Monday, and sanctions stay.",
    ]
    return [QuoteFactory(text=text, kind=Quote.Kind.INDIRECT) for text in texts]


def test_search_finds_quotes_with_every_word(quotes):
    assert found("ceasefire") == {quotes[0].text, quotes[2].text}
    assert found("CEASEFIRE talks") == {quotes[2].text}
    assert found("ceasefire absent") == set()


def test_blank_term_filters_nothing(quotes):
    assert search_quotes(Quote.objects.all(), "  ").count() == 3


def test_quote_added_after_the_migration_is_found(quotes):
    added = QuoteFactory(text="A new pipeline agreement was signed.", kind=Quote.Kind.INDIRECT)
    assert found("pipeline") == {added.text}


def test_changed_text_is_found_by_its_new_words_only(quotes):
    Quote.objects.filter(pk=quotes[1].pk).update(text="Embargo talks are over.")
    assert found("embargo") == {"Embargo talks are over."}
    assert found("position") == set()


def test_deleted_quote_is_not_found(quotes):
    Quote.objects.filter(pk=quotes[0].pk).delete()
    assert found("ceasefire") == {quotes[2].text}


@pytest.mark.parametrize(
    "term",
    ['"', "*", "NEAR(", 'ceasefire"', "AND OR NOT", "-", "'", "a:b", "(", "\x00", "^ceasefire*"],
)
def test_any_term_is_answered_without_error(quotes, term):
    list(search_quotes(Quote.objects.all(), term))


def test_punctuation_around_a_word_is_ignored(quotes):
    assert found('"ceasefire*') == found("ceasefire")


def test_api_q_parameter_answers_odd_terms_with_200(quotes, api_client):
    for term in ['"', "NEAR(", "*", "ceasefire"]:
        response = api_client.get("/api/quotes/", {"q": term, "status": "all"})
        assert response.status_code == 200, (term, response.content[:200])


@pytest.mark.sqlite_only
def test_sqlite_search_reads_the_fts5_table(quotes):
    sql, params = search_quotes(Quote.objects.all(), "ceasefire").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert f"{search.FTS_TABLE} VIRTUAL TABLE INDEX" in plan


@pytest.mark.sqlite_only
def test_sqlite_fts_triggers_exist_after_all_migrations(db):
    """A later migration that rebuilds quotes_quote on SQLite drops them; this catches it."""
    assert search.sqlite_fts_triggers(connection) == set(search.SQLITE_FTS_TRIGGERS)


@pytest.mark.postgresql_only
def test_postgresql_search_uses_the_gin_index(quotes):
    """Sequential scans are switched off because three rows are cheaper to scan than to look
    up: the test proves the query's expression is the index's, so the planner can use it."""
    sql, params = search_quotes(Quote.objects.all(), "ceasefire").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert search.PG_INDEX in plan
