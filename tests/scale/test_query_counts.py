"""Queries per request do not grow with the data: the same count for a small and a larger corpus.

The endpoints belong to the API and timeline code; these tests pin their query counts at scale.
"""

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from quotes.models import QuoteStance, Speaker
from tests.scale.conftest import delete_corpus, generate


def questions():
    """The bench's four questions for the corpus's heaviest speaker and its main topic."""

    speaker = Speaker.objects.annotate(n=Count("quotes")).order_by("-n", "id").first()
    topic = (
        QuoteStance.objects.filter(quote__speaker=speaker)
        .values_list("topic__slug", flat=True)
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    base = f"/api/quotes/?speaker={speaker.slug}&page_size=50"
    return [
        base,
        f"{base}&said_after=2012-01-01&said_before=2019-12-31&topic={topic}"
        "&stance_min=-1&stance_max=1",
        f"/api/speakers/{speaker.slug}/timeline/?topic={topic}&bucket=month",
        "/api/quotes/?q=security&page_size=50",
    ]


def query_counts(client) -> list[int]:
    counts = []
    for url in questions():
        client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        counts.append(len(captured))
    return counts


def test_bench_questions_run_the_same_queries_for_300_and_3000_quotes(db, api_client):
    """Each of the four questions runs a fixed number of queries (speaker or topic lookups, a
    count, the page, one prefetch of stances) whatever the number of rows."""
    generate(300, 6, seed=2)
    small = query_counts(api_client)
    delete_corpus()
    generate(3000, 6, seed=2)
    assert query_counts(api_client) == small
