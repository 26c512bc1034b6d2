"""The API over the curated seed (fixtures/seed.yaml, two articles on NATO–Russia channels).

Expected values come from the articles' text as the seed codes them; the bulk of the API tests
are factory-based and do not depend on the seed's exact contents.
"""

import pytest
import yaml

from quotes.seed import SEED_FILE
from tests.api.helpers import csv_rows, results


@pytest.fixture
def seed(seed_for_module, db):
    """The seed, loaded once for this module (tests/conftest.py)."""
    return seed_for_module


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seed_entries():
    return yaml.safe_load(SEED_FILE.read_text(encoding="utf-8"))["quotes"]


def test_stoltenbergs_quotes_for_nato_russia_dialogue(api_client, seed):
    """Kommersant: "NATO continues to strive for a dialogue with Russia." (annotated +2, +1);
    Izvestia, 12 January 2022: the indirect "interested in restoring diplomatic missions" and
    "We regret that Russia has closed…" (both +2, +2). His justification of the expulsions
    (−1) and his letter to Muratov (not coded) stay out."""
    rows = results(
        api_client.get(
            "/api/quotes/",
            {"speaker": "jens-stoltenberg", "topic": "nato-russia-dialogue", "stance_min": 1},
        )
    )

    assert [(row["text"][:40], row["stances"][0]["value"]) for row in rows] == [
        ("We regret that Russia has closed the dip", 2.0),
        ("NATO would be interested in restoring di", 2.0),
        ("NATO continues to strive for a dialogue ", 1.5),
    ]
    assert {row["affiliation"]["organization"]["slug"] for row in rows} == {"nato"}
    assert {row["affiliation"]["role"] for row in rows} == {"Secretary General"}


def test_sergey_lavrov_finds_every_quote_of_sergei_lavrov(api_client, seed, seed_entries):
    expected = sum(1 for entry in seed_entries if entry["speaker"] == "sergei-lavrov")

    by_alias = api_client.get("/api/quotes/", {"speaker": "sergey-lavrov"}).json()
    by_slug = api_client.get("/api/quotes/", {"speaker": "sergei-lavrov"}).json()

    assert by_alias["count"] == by_slug["count"] == expected == 8
    detail = api_client.get("/api/speakers/sergey-lavrov/").json()
    assert detail["slug"] == "sergei-lavrov"
    assert detail["affiliations"][0]["role"] == "Minister of Foreign Affairs"


def test_lavrov_never_speaks_for_dialogue_on_the_seed(api_client, seed):
    """His 18 October 2021 statements announce the suspension; none is for dialogue."""
    params = {"speaker": "sergei-lavrov", "topic": "nato-russia-dialogue", "stance_min": 0.5}

    assert api_client.get("/api/quotes/", params).json()["count"] == 0


def test_seed_quote_counts_by_outlet(api_client, seed, seed_entries):
    kommersant = sum(1 for entry in seed_entries if entry["source"].startswith("kommersant"))

    response = api_client.get("/api/quotes/", {"outlet": "Kommersant"})

    assert response.json()["count"] == kommersant


def test_seed_csv_has_one_row_per_quote(api_client, seed, seed_entries):
    rows = csv_rows(api_client.get("/api/quotes/", {"format": "csv"}))

    assert len(rows) == len(seed_entries)
    assert {row["outlet"] for row in rows} == {"Kommersant", "Izvestia"}


def test_seed_undated_quotes_sort_last(api_client, seed, seed_entries):
    undated = sum(1 for entry in seed_entries if entry.get("said_on") is None)

    for ordering in ("said_on", "-said_on"):
        rows = results(api_client.get("/api/quotes/", {"ordering": ordering, "page_size": 500}))
        dates = [row["said_on"] for row in rows]
        assert dates[len(dates) - undated :] == [None] * undated
        assert None not in dates[: len(dates) - undated]


def test_seed_events_between_dates(api_client, seed):
    rows = results(api_client.get("/api/events/", {"after": "2022-01-01", "before": "2022-01-31"}))

    assert [row["slug"] for row in rows] == [
        "russia-us-consultations-geneva-2022-01",
        "nato-russia-council-meeting-2022-01-12",
        "osce-consultations-2022-01-13",
        "lavrov-blinken-meeting-geneva",
    ]
