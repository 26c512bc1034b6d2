"""Every list runs the same number of queries for 10 rows as for 100 (no N+1).

Each test builds 10 rows, counts the queries of one request, grows to 100 rows and counts again:
both must equal the number the docstring explains. Signed-in clients use ``force_authenticate``,
so no session or token lookup is counted.
"""

import pytest
from django.db import connection

from quotes.models import StanceAnnotation
from quotes.services import stance_summaries_rebuild
from tests.api.helpers import client_for, csv_rows, forget_permissions
from tests.factories import (
    AdjudicationFactory,
    AffiliationFactory,
    EventFactory,
    OrganizationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerAliasFactory,
    StanceAnnotationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# On SQLite the CSV export reads without the memory mapping: one PRAGMA reads its size (the
# in-memory test database maps nothing, so there is nothing to switch off and restore).
MAPPING = 1 if connection.vendor == "sqlite" else 0


def _assert_same_queries(django_assert_num_queries, expected, make_rows, request_rows):
    """Build rows up to 10 then 100; each request must run exactly ``expected`` queries."""
    for total in (10, 100):
        make_rows(total)
        with django_assert_num_queries(expected):
            count = request_rows()
        assert count == total


@pytest.fixture
def coded_quotes(topic, annotator, other_annotator):
    """Quotes with two annotators' stances each, so every prefetch has rows to fetch.

    The annotations are bulk-inserted and summarised by the service's rebuild: the rows are the
    same as through ``stance_annotation_save``, made in a fraction of the time.
    """
    made = []

    def make(total):
        new = [QuoteFactory() for _ in range(total - len(made))]
        StanceAnnotation.objects.bulk_create(
            StanceAnnotation(quote=quote, topic=topic, annotator=user, value=value)
            for quote in new
            for user, value in ((annotator, 1), (other_annotator, 2))
        )
        stance_summaries_rebuild(quote_ids=[quote.pk for quote in new])
        made.extend(new)

    return make


def _page(client, path, params=None):
    response = client.get(path, {"page_size": 500, **(params or {})})
    assert response.status_code == 200, response.content
    return len(response.json()["results"])


def test_quote_list_runs_same_queries_for_10_and_100_rows_anonymous(
    django_assert_num_queries, api_client, coded_quotes
):
    """4 queries: count, the page's ids, their rows (speaker, source, role, organization, event
    joined; a statement compiled once: quotes/api/prepared.py), the stored stance summaries
    with their topics."""
    _assert_same_queries(
        django_assert_num_queries, 4, coded_quotes, lambda: _page(api_client, "/api/quotes/")
    )


@pytest.mark.parametrize("persona", ["annotator", "editor"])
def test_quote_list_runs_same_queries_for_10_and_100_rows_signed_in(
    django_assert_num_queries, coded_quotes, request, persona
):
    """7 queries: the anonymous 4, plus the user's permissions (two: their own and their
    groups', to know whether they are a reviewer: quotes.coding) and the annotations they may
    see."""
    user = request.getfixturevalue(persona)
    client = client_for(user)

    def request_rows():
        forget_permissions(user)
        return _page(client, "/api/quotes/")

    _assert_same_queries(django_assert_num_queries, 7, coded_quotes, request_rows)


def test_filtered_quote_list_runs_same_queries_for_10_and_100_rows(
    django_assert_num_queries, api_client, coded_quotes, topic
):
    """5 queries: the topic slug checked, count, the page's ids (the stance joined), their
    rows, summaries."""
    params = {"topic": topic.slug, "stance_min": 1, "said_after": "2000-01-01", "q": "dialogue"}
    _assert_same_queries(
        django_assert_num_queries,
        5,
        coded_quotes,
        lambda: _page(api_client, "/api/quotes/", params),
    )


def test_quote_csv_runs_same_queries_for_10_and_100_rows(
    django_assert_num_queries, api_client, coded_quotes
):
    """3 queries: the topics (for the columns), the rows, their stance summaries (one per chunk
    of 2000 rows)."""

    def request_rows():
        return len(csv_rows(api_client.get("/api/quotes/", {"format": "csv"})))

    _assert_same_queries(django_assert_num_queries, 3 + MAPPING, coded_quotes, request_rows)


def test_quote_csv_for_a_topic_runs_same_queries_for_10_and_100_rows(
    django_assert_num_queries, api_client, coded_quotes, topic
):
    """2 queries: the topic slug checked, the rows with the stance joined."""

    def request_rows():
        response = api_client.get("/api/quotes/", {"format": "csv", "topic": topic.slug})
        return len(csv_rows(response))

    _assert_same_queries(django_assert_num_queries, 2 + MAPPING, coded_quotes, request_rows)


def test_source_detail_runs_same_queries_for_10_and_100_quotes(
    django_assert_num_queries, api_client, topic
):
    """3 queries: the source, its confirmed quotes (joins as in the list), their summaries."""
    # A source without stored text: its quotes are unverified, so they need no distinct spans.
    source = SourceFactory(text="")
    made = []

    def make(total):
        while len(made) < total:
            quote = QuoteFactory(source=source, text=f"Quote number {len(made)}.")
            StanceAnnotationFactory(quote=quote, topic=topic)
            made.append(quote)

    def request_rows():
        return len(api_client.get(f"/api/sources/{source.id}/").json()["quotes"])

    _assert_same_queries(django_assert_num_queries, 3, make, request_rows)


def test_speaker_list_runs_same_queries_for_10_and_100_rows(django_assert_num_queries, api_client):
    """3 queries: count, the page, the aliases."""

    def make(total):
        from quotes.models import Speaker

        while Speaker.objects.count() < total:
            affiliation = AffiliationFactory()
            SpeakerAliasFactory(speaker=affiliation.speaker)

    _assert_same_queries(
        django_assert_num_queries, 3, make, lambda: _page(api_client, "/api/speakers/")
    )


@pytest.mark.parametrize(
    ("path", "factory"),
    [
        ("/api/sources/", SourceFactory),
        ("/api/organizations/", lambda: OrganizationFactory(parent=OrganizationFactory())),
        ("/api/topics/", TopicFactory),
        ("/api/events/", lambda: EventFactory(source=SourceFactory())),
    ],
)
def test_reference_list_runs_same_queries_for_10_and_100_rows(
    django_assert_num_queries, api_client, path, factory
):
    """2 queries: count and the page (an organization's parent and an event's source id come in
    the same row)."""
    made = []

    def make(total):
        while _count(path) < total:
            made.append(factory())

    def _count(path):
        from quotes.models import Event, Organization, Source, Topic

        model = {
            "/api/sources/": Source,
            "/api/organizations/": Organization,
            "/api/topics/": Topic,
            "/api/events/": Event,
        }[path]
        return model.objects.count()

    _assert_same_queries(django_assert_num_queries, 2, make, lambda: _page(api_client, path))


def test_stance_list_runs_same_queries_for_10_and_100_rows(django_assert_num_queries, annotator):
    """4 queries: the permission check (two: the user's own and their groups'), count, the page
    (topic and annotator joined)."""
    topics = TopicFactory.create_batch(2)
    made = []

    def make(total):
        while len(made) < total:
            made.append(StanceAnnotationFactory(annotator=annotator, topic=topics[len(made) % 2]))

    client = client_for(annotator)

    def request_rows():
        forget_permissions(annotator)
        return _page(client, "/api/stances/")

    _assert_same_queries(django_assert_num_queries, 4, make, request_rows)


def test_adjudication_list_runs_same_queries_for_10_and_100_rows(
    django_assert_num_queries, reviewer, topic
):
    """4 queries: the permission check (two: the user's own and their groups'), count, the page
    (topic and reviewer joined)."""
    made = []

    def make(total):
        while len(made) < total:
            made.append(AdjudicationFactory(topic=topic, reviewer=reviewer))

    client = client_for(reviewer)

    def request_rows():
        forget_permissions(reviewer)
        return _page(client, "/api/adjudications/")

    _assert_same_queries(django_assert_num_queries, 4, make, request_rows)


def test_users_are_not_created_per_row(db):
    """Guard for the fixtures above: annotations reuse the personas, not new users."""
    assert UserFactory._meta.django_get_or_create == ("username",)
