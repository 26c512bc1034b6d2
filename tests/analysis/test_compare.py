"""Compare speakers, organizations (of the role a quote was said in) and organization kinds."""

import datetime

import pytest

from quotes.models import Organization, Speaker
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    quote_with_stances,
)

OCT, NOV = datetime.date(2021, 10, 12), datetime.date(2021, 11, 12)
COMPARE = "/api/compare/?topic=nato-russia-dialogue&bucket=month&"


@pytest.fixture
def world(topic):
    """Ministry A, ministry B, think tank T.

    X holds two roles at A at once and says q1 in October as minister (+2, 0: stance +1);
    Y at B says q2 in October (−1); Z at T says q4 in October (0) and q3 in November (+2).
    """
    a = OrganizationFactory(slug="ministry-a", kind=Organization.Kind.MINISTRY)
    b = OrganizationFactory(slug="ministry-b", kind=Organization.Kind.MINISTRY)
    t = OrganizationFactory(slug="tank", name="Tank", kind=Organization.Kind.THINK_TANK)
    x, y, z = (SpeakerFactory(slug=slug) for slug in ("x", "y", "z"))
    minister = AffiliationFactory(speaker=x, organization=a, role="Minister")
    AffiliationFactory(speaker=x, organization=a, role="Spokesperson")
    quote_with_stances(topic, [2, 0], speaker=x, affiliation=minister, said_on=OCT)
    y_at_b = AffiliationFactory(speaker=y, organization=b)
    quote_with_stances(topic, [-1], speaker=y, affiliation=y_at_b, said_on=OCT)
    z_at_t = AffiliationFactory(speaker=z, organization=t)
    quote_with_stances(topic, [0], speaker=z, affiliation=z_at_t, said_on=OCT)
    quote_with_stances(topic, [2], speaker=z, affiliation=z_at_t, said_on=NOV)


def _points(series):
    return [(p["period"], p["count"], p["mean"]) for p in series["points"]]


def test_compare_speakers_aligns_series_on_the_union_of_periods(world, api_client):
    """X only spoke in October, Z in October and November: X gets an empty November point."""
    body = api_client.get(COMPARE + "speakers=x,z").json()

    assert [p["period"] for p in body["periods"]] == ["2021-10", "2021-11"]
    x, z = body["series"]
    assert (x["key"], x["kind"]) == ("x", "speaker")
    assert _points(x) == [("2021-10", 1, 1.0), ("2021-11", 0, None)]
    assert _points(z) == [("2021-10", 1, 0.0), ("2021-11", 1, 2.0)]
    assert (z["points"][1]["change"], z["points"][1]["shift"]) == (2.0, True)


def test_compare_organizations_counts_a_quote_once_whatever_the_roles_held(world, api_client):
    """X held two roles at A when saying q1: A has one quote, mean +1 (not two, not +2)."""
    body = api_client.get(COMPARE + "organizations=ministry-a,ministry-b").json()

    a, b = body["series"]
    assert (a["key"], a["kind"]) == ("ministry-a", "organization")
    assert _points(a) == [("2021-10", 1, 1.0)]
    assert _points(b) == [("2021-10", 1, -1.0)]


def test_compare_organization_kinds_pools_the_organizations_of_a_kind(world, api_client):
    """Ministries in October: q1 (+1) and q2 (−1), mean 0, min −1, max +1.
    Think tanks: October q4 (0), November q3 (+2)."""
    body = api_client.get(COMPARE + "organization_kinds=ministry,think-tank").json()

    ministry, tank = body["series"]
    assert (ministry["key"], ministry["label"], tank["label"]) == (
        "ministry",
        "Ministry",
        "Think tank",
    )
    assert _points(ministry) == [("2021-10", 2, 0.0), ("2021-11", 0, None)]
    assert (ministry["points"][0]["min"], ministry["points"][0]["max"]) == (-1.0, 1.0)
    assert _points(tank) == [("2021-10", 1, 0.0), ("2021-11", 1, 2.0)]


def test_compare_mixes_speakers_and_organizations_and_resolves_aliases(world, api_client):
    """A speaker named twice (slug and alias) is one series; organization T is another."""
    SpeakerAliasFactory(speaker=Speaker.objects.get(slug="z"), name="Zee")
    body = api_client.get(COMPARE + "speakers=z,zee&organizations=tank").json()

    assert [(s["kind"], s["key"]) for s in body["series"]] == [
        ("speaker", "z"),
        ("organization", "tank"),
    ]
    assert _points(body["series"][0]) == _points(body["series"][1])
