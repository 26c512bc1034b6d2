"""API throttling: anonymous and authenticated clients each have a rate; past it they get 429 with
Retry-After, counted in a cache every worker shares (the database cache, or Redis by CACHE_URL).

DRF copies the rates into ``SimpleRateThrottle.THROTTLE_RATES`` when it is imported, so the tests
patch that attribute rather than the settings.
"""

import json
import secrets

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from tests.factories import UserFactory
from tests.reliability.conftest import manage


class PingView(APIView):
    """Any API view: the default throttle classes apply to all of them."""

    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"ok": True})


urlpatterns = [path("api/ping/", PingView.as_view())]
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def rates(monkeypatch, db):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "3/min"})
    call_command("createcachetable")  # as `make run` and `make serve` do; no-op when present
    cache.clear()


def ping_until_refused(client, tries: int, **extra):
    return [client.get("/api/ping/", **extra) for _ in range(tries)]


def test_anonymous_client_past_its_rate_gets_429_with_retry_after(rates, api_client):
    responses = ping_until_refused(api_client, 3)
    assert [response.status_code for response in responses] == [200, 200, 429]
    assert 0 < int(responses[-1]["Retry-After"]) <= 60
    assert "throttled" in responses[-1].json()["detail"].lower()


def test_authenticated_client_has_its_own_rate(rates, api_client):
    api_client.force_authenticate(UserFactory())
    responses = ping_until_refused(api_client, 4)
    assert [response.status_code for response in responses] == [200, 200, 200, 429]
    assert int(responses[-1]["Retry-After"]) > 0


def test_clients_are_counted_apart(rates, api_client):
    ping_until_refused(api_client, 3, REMOTE_ADDR="10.0.0.1")
    assert api_client.get("/api/ping/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_no_rate_set_means_no_limit(monkeypatch, db, api_client):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})
    responses = ping_until_refused(api_client, 5)
    assert {response.status_code for response in responses} == {200}


def test_throttle_counts_live_in_the_shared_database_cache(rates, api_client):
    api_client.get("/api/ping/", REMOTE_ADDR="10.0.0.7")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM stancedb_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any(key.endswith("throttle_anon_10.0.0.7") for key in keys)


def test_throttle_counts_live_in_redis_when_cache_url_names_it(rates, api_client, settings):
    """The CACHES that CACHE_URL=redis://127.0.0.1:6379/1 gives, read from the settings module."""
    import redis

    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; import json; print(json.dumps(settings.CACHES))",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    settings.CACHES = json.loads(result.stdout)
    address = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    server = redis.Redis.from_url("redis://127.0.0.1:6379/1")
    try:
        responses = ping_until_refused(api_client, 3, REMOTE_ADDR=address)
        assert [response.status_code for response in responses] == [200, 200, 429]
        keys = server.keys(f"*throttle_anon_{address}")
        assert len(keys) == 1
        assert server.ttl(keys[0]) > 0
    finally:
        for key in server.keys(f"*throttle_anon_{address}"):
            server.delete(key)


def test_anonymous_client_cannot_dodge_its_rate_with_forwarded_for_headers(rates, api_client):
    """With no proxy declared (API_NUM_PROXIES=0), X-Forwarded-For is the client's own claim."""
    statuses = [
        api_client.get("/api/ping/", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
