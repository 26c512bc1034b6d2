"""Token authentication for programs; anonymous reads switched by API_ANONYMOUS_READ."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.api.helpers import client_for
from tests.factories import QuoteFactory, SourceFactory

pytestmark = pytest.mark.django_db

READ_PATHS = [
    "/api/quotes/",
    "/api/speakers/",
    "/api/sources/",
    "/api/organizations/",
    "/api/topics/",
    "/api/events/",
]


def test_token_endpoint_gives_a_token_that_authenticates(editor):
    response = APIClient().post(
        "/api/token/", {"username": "edith", "password": "correct horse battery staple"}
    )

    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(user=editor).key == token
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    created = client.post(
        "/api/sources/", {"outlet": "X", "title": "Y", "published_on": "2022-01-26"}
    )
    assert created.status_code == 201


def test_token_endpoint_refuses_a_wrong_password(editor):
    response = APIClient().post("/api/token/", {"username": "edith", "password": "guess"})

    assert response.status_code == 400


def test_bad_token_is_a_401(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert api_client.get("/api/quotes/").status_code == 401


def test_session_login_works_for_the_browsable_api(editor):
    client = APIClient()
    client.force_login(editor)

    response = client.get("/api/quotes/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"Quote List" in response.content


@pytest.mark.parametrize("path", READ_PATHS)
def test_anonymous_reads_are_open_by_default(api_client, path):
    assert api_client.get(path).status_code == 200


@pytest.mark.parametrize("path", READ_PATHS)
def test_anonymous_reads_are_refused_when_switched_off(api_client, settings, path):
    settings.API_ANONYMOUS_READ = False

    assert api_client.get(path).status_code == 401


def test_signed_in_reads_still_work_when_anonymous_reads_are_off(settings, annotator):
    settings.API_ANONYMOUS_READ = False
    QuoteFactory()

    assert client_for(annotator).get("/api/quotes/").json()["count"] == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/quotes/"),
        ("post", "/api/speakers/"),
        ("post", "/api/sources/"),
        ("post", "/api/stances/"),
        ("post", "/api/adjudications/"),
    ],
)
def test_anonymous_writes_are_refused(api_client, method, path):
    response = getattr(api_client, method)(path, {}, format="json")

    assert response.status_code == 401


def test_anonymous_cannot_update_a_source(api_client):
    source = SourceFactory()

    response = api_client.patch(f"/api/sources/{source.id}/", {"title": "X"}, format="json")

    assert response.status_code == 401
