"""The topics index: every topic with its codebook's ends, whether it is released, and how many
quotes are coded on it; what its charts count only where the coding policy opens them."""

import pytest

from tests.factories import QuoteFactory, StanceAnnotationFactory, TopicFactory, quote_with_stances

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(annotator, other_annotator):
    """Released dialogue: three coded quotes, two speakers. Unreleased sanctions (two codes
    settle a quote): one quote coded twice, one once."""
    dialogue = TopicFactory(slug="dialogue", name="Dialogue", description="For: talks.")
    for value in (2, -1):
        quote_with_stances(dialogue, [value])
    quote_with_stances(dialogue, [1], speaker=QuoteFactory().speaker)
    sanctions = TopicFactory(slug="sanctions", name="Sanctions", released=False, codes_needed=2)
    both, once = QuoteFactory(), QuoteFactory()
    StanceAnnotationFactory(quote=both, topic=sanctions, annotator=annotator, value=-2)
    StanceAnnotationFactory(quote=both, topic=sanctions, annotator=other_annotator, value=-1)
    StanceAnnotationFactory(quote=once, topic=sanctions, annotator=annotator, value=2)
    return dialogue, sanctions


def _article(html: str, slug: str) -> str:
    start = html.index(f'aria-labelledby="topic-{slug}"')
    return html[start : html.index("</article>", start)]


def test_topic_index_lists_each_topic_with_its_codebook_release_and_counts(topics, client):
    html = client.get("/topics/").content.decode()

    assert "<title>Topics and their codebooks · stancedb</title>" in html
    dialogue = _article(html, "dialogue")
    assert 'href="/topics/dialogue/">Dialogue</a></h2>' in dialogue
    assert "Released · 3 confirmed quotes coded · 3 counted in its charts" in dialogue
    assert "−2: against Dialogue" in dialogue and "+2: for Dialogue" in dialogue
    assert "For: talks." in dialogue


def test_an_unreleased_topics_counts_beyond_coded_are_for_reviewers(topics, client, reviewer):
    anonymous = _article(client.get("/topics/").content.decode(), "sanctions")
    assert "Not released yet · 2 confirmed quotes coded</p>" in anonymous
    assert "counted" not in anonymous and "Who holds which position" not in anonymous

    client.force_login(reviewer)
    reviewers = _article(client.get("/topics/").content.decode(), "sanctions")
    assert "2 counted in its charts (reviewers), by 2 speakers" in reviewers


def test_topic_index_is_linked_from_the_home_page_and_every_pages_nav(topics, client):
    for url in ("/", "/speakers/", "/topics/dialogue/"):
        assert 'href="/topics/"' in client.get(url).content.decode()
