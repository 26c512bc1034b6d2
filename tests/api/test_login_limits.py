"""Failed logins on ``POST /api/token/`` are limited per account and per client address
(django-axes, quotes/logins.py): the LOGIN_FAILURE_LIMIT-th failure (5 by default) and every attempt
after it, even with the right password, get a 429 with Retry-After for LOGIN_LOCKOUT_MINUTES (15 by
default)."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"


def token(username, password, address="10.1.0.1"):
    return APIClient().post(
        "/api/token/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_token_endpoint_answers_429_with_retry_after_from_the_fifth_wrong_password(editor):
    statuses = [token("edith", f"guess {n}").status_code for n in range(4)]
    locked = token("edith", "guess 5")

    assert statuses == [400] * 4
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert "Too many failed logins" in locked.json()["detail"]


def test_a_locked_out_account_is_refused_even_with_the_right_password(editor):
    for n in range(5):
        token("edith", f"guess {n}", address=f"10.2.0.{n}")

    refused = token("edith", RIGHT, address="10.2.0.99")

    assert refused.status_code == 429
    assert "token" not in refused.json()


def test_one_client_guessing_many_accounts_is_locked_out(editor, annotator):
    for name in ("a", "b", "c", "d", "e"):
        token(name, "guess", address="10.3.0.1")

    assert token("annie", RIGHT, address="10.3.0.1").status_code == 429
    assert token("annie", RIGHT, address="10.3.0.2").status_code == 200


def test_failures_below_the_limit_lock_nobody_out(editor):
    for n in range(4):
        token("edith", f"guess {n}")

    assert token("edith", RIGHT).status_code == 200


def test_login_failure_limit_zero_switches_the_limit_off(editor, settings):
    settings.AXES_ENABLED = False

    assert {token("edith", f"guess {n}").status_code for n in range(8)} == {400}
    assert token("edith", RIGHT).status_code == 200
