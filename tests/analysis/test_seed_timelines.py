"""Monthly stances of Lavrov and Stoltenberg in the curated seed, against hand arithmetic."""

import datetime

import pytest

from quotes.models import Quote

SEED_COMPARE = (
    "/api/compare/?speakers=sergei-lavrov,jens-stoltenberg&topic=nato-russia-dialogue"
    "&bucket=month&said_after=2021-10-01&said_before=2022-01-31&ids=1"
)


@pytest.fixture
def seed(seed_for_module, db):
    """The seed, loaded once for this module (tests/conftest.py)."""
    return seed_for_module


def _ids(slug: str, first: datetime.date, last: datetime.date) -> set[int]:
    return set(
        Quote.objects.confirmed()
        .filter(speaker__slug=slug, said_on__range=(first, last))
        .values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_seed_monthly_means_of_lavrov_and_stoltenberg_oct_2021_to_jan_2022(seed, api_client):
    """Expected values from the annotations in fixtures/seed.yaml (two annotations: their mean).

    Lavrov, 2021-10 (all said 18 Oct): "changes for the better should not be expected" −1;
    "not interested in any equal dialogue or joint work" (−2, −2) −2; "we suspend the work of our
    permanent mission" (−2, −2) −2; "urgent matters … our ambassador in Belgium" (−1, +1) 0;
    "Military Communications Mission will be suspended" (−2, −2) −2; "NATO information office
    … terminated" −2; "not interested in any equal dialogue, in any joint work" −2; "some
    changes are possible" −1. Sum −12 over 8 quotes: mean −1.5, min −2, max 0.
    No Lavrov quotes in 2021-11, 2021-12 or 2022-01.

    Stoltenberg, 2021-10: "We revoked the accreditation" (October, month precision) −1;
    "NATO continues to strive for a dialogue" (month precision, +2, +1) +1.5; "Your contribution
    to … professional ethics" (8 Oct) has no stance on the topic. 3 quotes, 2 with a stance:
    mean (−1 + 1.5) / 2 = 0.25, min −1, max 1.5.
    Stoltenberg, 2022-01 (12 Jan): "interested in restoring diplomatic missions" (+2, +2) 2;
    "We regret that Russia has closed …" (+2, +2) 2: mean 2, a shift of 2 − 0.25 = +1.75.
    The union of periods is 2021-10 and 2022-01 (nobody spoke in November or December).
    """
    body = api_client.get(SEED_COMPARE).json()

    assert [p["period"] for p in body["periods"]] == ["2021-10", "2022-01"]
    lavrov, stoltenberg = body["series"]
    assert lavrov["key"] == "sergei-lavrov"
    october, january = lavrov["points"]
    assert (october["count"], october["with_stance"]) == (8, 8)
    assert (october["mean"], october["min"], october["max"]) == (-1.5, -2.0, 0.0)
    assert set(october["quote_ids"]) == _ids(
        "sergei-lavrov", datetime.date(2021, 10, 1), datetime.date(2021, 10, 31)
    )
    assert (january["count"], january["mean"], january["quote_ids"]) == (0, None, [])

    october, january = stoltenberg["points"]
    assert (october["count"], october["with_stance"], october["without_stance"]) == (3, 2, 1)
    assert october["mean"] == pytest.approx(0.25)
    assert (october["min"], october["max"]) == (-1.0, 1.5)
    assert (october["change"], october["shift"]) == (None, False)
    assert (january["count"], january["mean"], january["min"], january["max"]) == (2, 2.0, 2, 2)
    assert january["change"] == pytest.approx(1.75)
    assert january["shift"] is True


@pytest.mark.django_db
def test_seed_timeline_resolves_an_alias_slug_and_lists_events_in_range(seed, api_client):
    """sergey-lavrov is an alias of sergei-lavrov; his only period is 2021-10, so the events in
    range are the two of October 2021 (6 Oct accreditations revoked, 18 Oct Russia's response)."""
    body = api_client.get(
        "/api/speakers/sergey-lavrov/timeline/?topic=nato-russia-dialogue&bucket=month"
    ).json()

    assert body["speaker"] == {"slug": "sergei-lavrov", "name": "Sergei Lavrov"}
    assert [(p["period"], p["count"], p["mean"]) for p in body["periods"]] == [("2021-10", 8, -1.5)]
    assert [e["slug"] for e in body["events"]] == [
        "nato-revokes-accreditation-of-russian-diplomats",
        "russia-announces-response-to-nato",
    ]
    assert (body["imprecise"], body["undated"], body["without_stance"]) == (0, 0, 0)
