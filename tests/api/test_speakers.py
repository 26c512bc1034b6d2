"""/api/speakers/: search by name or alias, filters, detail by slug or alias slug, writes."""

import datetime

import pytest

from quotes.models import Organization, Speaker
from tests.api.helpers import client_for, results
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lavrov():
    speaker = SpeakerFactory(slug="sergei-lavrov", name="Sergei Lavrov", country="RU")
    SpeakerAliasFactory(speaker=speaker, name="Sergey Lavrov")
    return speaker


def _slugs(response):
    return [row["slug"] for row in results(response)]


def test_speaker_list_shows_aliases(api_client, lavrov):
    [row] = results(api_client.get("/api/speakers/"))

    assert row == {
        "slug": "sergei-lavrov",
        "name": "Sergei Lavrov",
        "kind": "person",
        "country": "RU",
        "wikidata_id": "",
        "aliases": [{"name": "Sergey Lavrov", "slug": "sergey-lavrov"}],
    }


@pytest.mark.parametrize("term", ["lavrov", "Sergey", "SERGEI L"])
def test_search_finds_speakers_by_name_or_alias(api_client, lavrov, term):
    SpeakerFactory(name="Jens Stoltenberg")

    assert _slugs(api_client.get("/api/speakers/", {"search": term})) == ["sergei-lavrov"]


def test_kind_filter(api_client, lavrov):
    ministry = OrganizationFactory(slug="mfa")
    SpeakerFactory(slug="mfa", kind=Speaker.Kind.INSTITUTION, organization=ministry)

    assert _slugs(api_client.get("/api/speakers/", {"kind": "institution"})) == ["mfa"]


def test_organization_filter_goes_through_affiliations(api_client, lavrov):
    AffiliationFactory(speaker=lavrov, organization__slug="russian-foreign-ministry")
    AffiliationFactory(
        speaker=lavrov, organization__slug="un", started_on=datetime.date(1994, 1, 1)
    )
    AffiliationFactory(organization__slug="nato")

    listed = _slugs(api_client.get("/api/speakers/", {"organization": "russian-foreign-ministry"}))

    assert listed == ["sergei-lavrov"]


def test_country_filter_ignores_case(api_client, lavrov):
    SpeakerFactory(country="NO")

    assert _slugs(api_client.get("/api/speakers/", {"country": "ru"})) == ["sergei-lavrov"]


@pytest.mark.parametrize(
    ("params", "key"), [({"kind": "robot"}, "kind"), ({"organization": "nowhere"}, "organization")]
)
def test_bad_speaker_filter_is_a_400(api_client, lavrov, params, key):
    response = api_client.get("/api/speakers/", params)

    assert response.status_code == 400
    assert list(response.json()) == [key]


def test_speaker_detail_shows_affiliations_over_time(api_client, lavrov):
    AffiliationFactory(
        speaker=lavrov,
        organization=OrganizationFactory(slug="russian-foreign-ministry", name="MFA of Russia"),
        role="Minister of Foreign Affairs",
        started_on=datetime.date(2004, 3, 9),
    )
    AffiliationFactory(
        speaker=lavrov,
        organization=OrganizationFactory(slug="un-mission", name="Mission to the UN"),
        role="Permanent Representative",
        started_on=datetime.date(1994, 1, 1),
        started_on_precision="year",
        ended_on=datetime.date(2004, 3, 1),
        ended_on_precision="month",
    )

    response = api_client.get("/api/speakers/sergei-lavrov/")

    assert response.status_code == 200
    assert response.json()["affiliations"] == [
        {
            "organization": {"slug": "un-mission", "name": "Mission to the UN"},
            "role": "Permanent Representative",
            "started_on": "1994-01-01",
            "started_on_precision": "year",
            "ended_on": "2004-03-01",
            "ended_on_precision": "month",
        },
        {
            "organization": {"slug": "russian-foreign-ministry", "name": "MFA of Russia"},
            "role": "Minister of Foreign Affairs",
            "started_on": "2004-03-09",
            "started_on_precision": "day",
            "ended_on": None,
            "ended_on_precision": "unknown",
        },
    ]
    assert response.json()["aliases"] == [{"name": "Sergey Lavrov", "slug": "sergey-lavrov"}]


def test_alias_slug_in_the_path_resolves_to_the_speaker(api_client, lavrov):
    response = api_client.get("/api/speakers/sergey-lavrov/")

    assert response.status_code == 200
    assert response.json()["slug"] == "sergei-lavrov"


def test_unknown_speaker_slug_is_404(api_client, lavrov):
    assert api_client.get("/api/speakers/nobody/").status_code == 404


def test_editor_creates_a_speaker(editor):
    response = client_for(editor).post(
        "/api/speakers/",
        {"slug": "jens-stoltenberg", "name": "Jens Stoltenberg", "country": "NO"},
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["affiliations"] == []
    assert Speaker.objects.get().name == "Jens Stoltenberg"


def test_speaker_create_runs_the_models_rules(editor):
    response = client_for(editor).post(
        "/api/speakers/",
        {"slug": "the-ministry", "name": "The Ministry", "kind": "institution"},
        format="json",
    )

    assert response.status_code == 400
    assert "needs its organization" in response.json()["organization"][0]


def test_speaker_slug_may_not_be_another_speakers_alias(editor, lavrov):
    response = client_for(editor).post(
        "/api/speakers/", {"slug": "sergey-lavrov", "name": "Someone"}, format="json"
    )

    assert response.status_code == 400
    assert "slug" in response.json()


def test_editor_updates_a_speaker_through_an_alias_slug(editor, lavrov):
    organization = OrganizationFactory(slug="mfa", kind=Organization.Kind.MINISTRY)

    response = client_for(editor).patch(
        "/api/speakers/sergey-lavrov/",
        {"description": "Russia's foreign minister.", "organization": organization.slug},
        format="json",
    )

    assert response.status_code == 200, response.content
    lavrov.refresh_from_db()
    assert lavrov.description == "Russia's foreign minister."
    assert response.json()["organization"] == {"slug": "mfa", "name": organization.name}


def test_annotator_cannot_create_or_change_speakers(annotator, lavrov):
    client = client_for(annotator)

    assert client.post("/api/speakers/", {"slug": "x", "name": "X"}).status_code == 403
    assert client.patch("/api/speakers/sergei-lavrov/", {"name": "Y"}).status_code == 403
