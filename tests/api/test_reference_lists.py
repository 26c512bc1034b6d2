"""/api/organizations/, /api/topics/, /api/events/."""

import datetime

import pytest

from tests.api.helpers import results
from tests.factories import EventFactory, OrganizationFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_organization_list_and_filters(api_client):
    parent = OrganizationFactory(slug="nato", name="NATO", kind="alliance", country="")
    OrganizationFactory(
        slug="nato-office", name="NATO Office", kind="diplomatic-mission", parent=parent
    )
    OrganizationFactory(slug="mfa", name="MFA", kind="ministry", country="RU")

    rows = results(api_client.get("/api/organizations/"))
    alliances = results(api_client.get("/api/organizations/", {"kind": "alliance"}))
    russian = results(api_client.get("/api/organizations/", {"country": "ru"}))

    assert [row["slug"] for row in rows] == ["mfa", "nato", "nato-office"]
    assert rows[2]["parent"] == "nato"
    assert [row["slug"] for row in alliances] == ["nato"]
    assert [row["slug"] for row in russian] == ["mfa", "nato-office"]
    assert api_client.get("/api/organizations/", {"kind": "club"}).status_code == 400


def test_organization_detail_by_slug(api_client):
    OrganizationFactory(slug="nato", name="NATO")

    assert api_client.get("/api/organizations/nato/").json()["name"] == "NATO"
    assert api_client.get("/api/organizations/natoo/").status_code == 404


def test_topic_list_and_detail(api_client, topic):
    [row] = results(api_client.get("/api/topics/"))

    assert row["slug"] == "nato-russia-dialogue"
    assert row["description"] == topic.description
    assert api_client.get("/api/topics/nato-russia-dialogue/").status_code == 200
    assert api_client.get("/api/topics/unknown/").status_code == 404


def test_events_show_date_precision_and_source(api_client):
    source = SourceFactory()
    EventFactory(
        slug="nato-revokes-accreditation",
        title="NATO revokes accreditation",
        occurred_on=datetime.date(2021, 10, 1),
        occurred_on_precision="month",
        source=source,
    )

    [row] = results(api_client.get("/api/events/"))

    assert row == {
        "slug": "nato-revokes-accreditation",
        "title": "NATO revokes accreditation",
        "occurred_on": "2021-10-01",
        "occurred_on_precision": "month",
        "description": "",
        "source": source.id,
    }


def test_events_filter_by_after_and_before(api_client):
    EventFactory(slug="a", occurred_on=datetime.date(2021, 1, 1))
    EventFactory(slug="b", occurred_on=datetime.date(2021, 6, 1))
    EventFactory(slug="c", occurred_on=datetime.date(2022, 1, 1))

    def slugs(params):
        return [row["slug"] for row in results(api_client.get("/api/events/", params))]

    assert slugs({"after": "2021-06-01"}) == ["b", "c"]
    assert slugs({"before": "2021-06-01"}) == ["a", "b"]
    assert slugs({"after": "2021-02-01", "before": "2021-12-31"}) == ["b"]


def test_bad_event_date_is_a_400(api_client):
    response = api_client.get("/api/events/", {"after": "2021-02-30"})

    assert response.status_code == 400
    assert response.json() == {"after": ["Enter a valid date."]}


def test_event_detail_by_slug(api_client):
    EventFactory(slug="talks")

    assert api_client.get("/api/events/talks/").status_code == 200
    assert api_client.get("/api/events/nope/").status_code == 404
