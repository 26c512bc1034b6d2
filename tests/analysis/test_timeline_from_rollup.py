"""Without ids, a speaker's timeline and a comparison of speakers or organisations read the
stance rollup (quotes.rollup), not every stored stance; with ids they read the stored stances."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SpeakerFactory, quote_with_stances

# unit=report: the rollup counts reports (a timeline of utterances is issue 16's)
TIMELINE = "/api/speakers/rolled/timeline/?topic=nato-russia-dialogue&unit=report"
COMPARE = "/api/compare/?topic=nato-russia-dialogue&unit=report&"


@pytest.fixture
def speaker(topic):
    speaker = SpeakerFactory(slug="rolled")
    first = quote_with_stances(topic, [2], speaker=speaker)
    for values in ([-1, 0], []):  # in the same role: one organisation
        quote_with_stances(topic, values, speaker=speaker, affiliation=first.affiliation)
    return speaker


def _tables(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    return response.json(), ("quotes_stancerollup" in sql, "quotes_quotestance" in sql)


def test_a_timeline_without_ids_reads_the_rollup(speaker, api_client):
    body, (rollup, stances) = _tables(api_client, TIMELINE)

    assert (rollup, stances) == (True, False)
    [october] = body["periods"]
    assert (october["count"], october["with_stance"], october["mean"]) == (3, 2, 0.75)
    assert (october["min"], october["max"]) == (-0.5, 2)


def test_a_timeline_with_ids_reads_the_stored_stances(speaker, api_client):
    _, (rollup, stances) = _tables(api_client, TIMELINE + "&ids=1")

    assert (rollup, stances) == (False, True)


@pytest.mark.parametrize("series", ["speakers=rolled", "organizations={organization}"])
def test_a_comparison_of_speakers_or_organisations_reads_the_rollup(speaker, api_client, series):
    organization = speaker.quotes.first().affiliation.organization.slug
    body, (rollup, stances) = _tables(
        api_client, COMPARE + series.format(organization=organization)
    )

    assert (rollup, stances) == (True, False)
    [october] = body["series"][0]["points"]
    assert (october["with_stance"], october["mean"]) == (2, 0.75)
