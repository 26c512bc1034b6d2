"""An organization's series pools the quotes said in its child organizations' roles too."""

import datetime

import pytest

from tests.factories import AffiliationFactory, OrganizationFactory, quote_with_stances

OCT = datetime.date(2021, 10, 12)
COMPARE = "/api/compare/?topic=nato-russia-dialogue&bucket=month&"


@pytest.fixture
def alliance(topic):
    """The alliance (+2 by its secretary), its council (−2) and the council's committee (0); an
    unrelated ministry (+1) that must stay out."""
    alliance = OrganizationFactory(slug="alliance", name="Alliance")
    council = OrganizationFactory(slug="council", name="Council", parent=alliance)
    committee = OrganizationFactory(slug="committee", name="Committee", parent=council)
    other = OrganizationFactory(slug="other")
    for organization, value in ((alliance, 2), (council, -2), (committee, 0), (other, 1)):
        role = AffiliationFactory(organization=organization)
        quote_with_stances(topic, [value], speaker=role.speaker, affiliation=role, said_on=OCT)


def _october(series):
    (point,) = series["points"]
    return point["count"], point["mean"], point["min"], point["max"]


def test_compare_organization_series_includes_its_children_and_grandchildren(alliance, api_client):
    body = api_client.get(COMPARE + "organizations=alliance&ids=1").json()

    (series,) = body["series"]
    assert _october(series) == (3, 0.0, -2, 2)
    assert len(series["points"][0]["quote_ids"]) == 3


def test_compare_nested_organizations_asked_together_each_count_their_own(
    alliance, api_client, django_assert_num_queries
):
    """The council is inside the alliance: its quotes count in both series, asked order kept.

    1 the organizations by slug, 2 the topic, 3 the hierarchy, 4 and 5 the alliance and the
    unrelated ministry's quotes and stances, 6 and 7 the council's (in a group of its own, as
    its quotes are the alliance's too), 8 the events."""
    with django_assert_num_queries(8):
        body = api_client.get(COMPARE + "organizations=council,alliance,other").json()

    council, alliance_series, other = body["series"]
    assert [s["key"] for s in body["series"]] == ["council", "alliance", "other"]
    assert _october(council) == (2, -1.0, -2, 0)
    assert _october(alliance_series) == (3, 0.0, -2, 2)
    assert _october(other) == (1, 1.0, 1, 1)
