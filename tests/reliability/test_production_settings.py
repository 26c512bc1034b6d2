"""Production settings: DEBUG=0 passes `check --deploy`, and a missing or malformed variable stops
start-up with a message naming it. Each case runs manage.py in a clean environment."""

import json
import secrets

from tests.reliability.conftest import manage

PRINT_SETTINGS = """
import json
from django.conf import settings
names = ["SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
         "CSRF_COOKIE_SECURE", "DEBUG", "IMPORT_MAX_BYTES", "DATA_UPLOAD_MAX_MEMORY_SIZE"]
print(json.dumps({name: getattr(settings, name) for name in names} | {"CACHES": settings.CACHES}))
"""


def production(**variables):
    """The variables a production site sets: DEBUG off, a 50+ character key, its host name."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "stancedb.example.org",
    } | variables


def settings_in(**variables) -> dict:
    result = manage("shell", "--no-imports", "-c", PRINT_SETTINGS, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_with_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_start_up_without_secret_key_stops_naming_secret_key():
    variables = production()
    del variables["SECRET_KEY"]
    result = manage("check", **variables)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_start_up_without_allowed_hosts_stops_naming_allowed_hosts():
    variables = production()
    del variables["ALLOWED_HOSTS"]
    result = manage("check", **variables)
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set" in result.stderr


def test_wildcard_allowed_hosts_is_refused():
    result = manage("check", **production(ALLOWED_HOSTS="*"))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS may not contain '*'" in result.stderr


def test_https_settings_are_on_by_default_in_production():
    values = settings_in(**production())
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True


def test_https_settings_switch_off_through_djangos_own_names():
    """A server behind a TLS proxy or on loopback turns each one off by its Django name."""
    values = settings_in(
        **production(
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            SESSION_COOKIE_SECURE="0",
            CSRF_COOKIE_SECURE="0",
        )
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_misspelt_flag_stops_start_up_instead_of_guessing():
    result = manage("check", **production(SECURE_SSL_REDIRECT="maybe"))
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be 1 or 0" in result.stderr


def test_invalid_throttle_rate_stops_start_up_naming_the_variable():
    for name, rate in [("API_THROTTLE_ANON", "100 per minute"), ("API_THROTTLE_USER", "100/5min")]:
        result = manage("check", **production(**{name: rate}))
        assert result.returncode != 0, name
        assert f"ImproperlyConfigured: {name} must be a rate like 100/min" in result.stderr


def test_valid_throttle_rates_start_up():
    result = manage("check", **production(API_THROTTLE_ANON="100/min", API_THROTTLE_USER="10/s"))
    assert result.returncode == 0, result.stderr


def test_cache_is_shared_database_cache_by_default_and_redis_with_cache_url():
    default = settings_in(**production())["CACHES"]["default"]
    assert default["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    redis = settings_in(**production(CACHE_URL="redis://127.0.0.1:6379/1"))["CACHES"]["default"]
    assert redis == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }


def test_unknown_cache_url_stops_start_up():
    """A per-process cache (locmem) would let each worker count its own throttles."""
    result = manage("check", **production(CACHE_URL="locmem://"))
    assert result.returncode != 0
    assert "CACHE_URL must be empty" in result.stderr


def test_request_body_limit_leaves_room_for_an_import_file_at_its_limit():
    values = settings_in(**production(IMPORT_MAX_BYTES="1000000"))
    assert values["IMPORT_MAX_BYTES"] == 1_000_000
    assert values["DATA_UPLOAD_MAX_MEMORY_SIZE"] >= 1_000_000 + 64 * 1024
