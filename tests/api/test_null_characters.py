"""A NUL character in a slug is an unknown slug (404 or 400), never a 500: PostgreSQL refuses to
compare text holding one. Found by the schema fuzz run (tests/robustness)."""

import pytest


@pytest.fixture
def client(api_client, admin_user):
    api_client.force_authenticate(admin_user)
    return api_client


@pytest.mark.parametrize(
    "url",
    [
        "/api/speakers/a%00b/",
        "/api/topics/a%00b/",
        "/api/organizations/a%00b/",
        "/api/events/a%00b/",
        "/api/speakers/a%00b/timeline/?topic=x",
    ],
)
def test_a_path_slug_with_a_nul_character_is_a_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/compare/?topic=a%00b&speakers=x", "topic"),
        ("/api/quotes/?topic=a%00b", "topic"),
        ("/api/quotes/?organization=a%00b", "organization"),
        ("/api/quotes/?speaker=a%00b", "speaker"),
    ],
)
def test_a_query_slug_with_a_nul_character_is_a_400(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert parameter in response.json()


@pytest.mark.parametrize(
    "url, body, field",
    [
        ("/api/stances/", {"quote": 1, "topic": "a\x00b", "value": 1}, "topic"),
        ("/api/adjudications/", {"quote": 1, "topic": "a\x00b", "value": 1}, "topic"),
        ("/api/quotes/", {"speaker": "a\x00b", "event": "a\x00b"}, "speaker"),
        ("/api/speakers/", {"name": "A", "organization": "a\x00b"}, "organization"),
    ],
)
def test_a_body_slug_with_a_nul_character_is_a_400(client, topic, url, body, field):
    response = client.post(url, body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_an_unrouted_api_url_is_a_json_404(client):
    response = client.get("/api/quotes/1.5/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
