"""Failed logins on ``/admin/login/`` are limited like the API's token endpoint (one count per
account and per client address, quotes/logins.py): past five, the login page says why and when
to try again, with status 429 and Retry-After, from the fifth failure on."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

RIGHT = "correct horse battery staple"


def admin_login(username, password, address="10.4.0.1"):
    return Client().post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_admin_login_page_says_the_account_is_locked_after_five_wrong_passwords(editor):
    wrong = [admin_login("edith", f"guess {n}") for n in range(4)]
    fifth = admin_login("edith", "guess 5")
    locked = admin_login("edith", RIGHT)

    assert {response.status_code for response in wrong} == {200}
    assert b"Please enter the correct username and password" in wrong[-1].content
    assert fifth.status_code == 429
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert b"Too many failed logins for this account or from this address" in locked.content
    assert b"Try again in 15 minutes" in locked.content
    assert "_auth_user_id" not in locked.wsgi_request.session


def test_failures_on_the_api_and_the_admin_count_together(editor):
    api = Client()
    for n in range(3):
        api.post("/api/token/", {"username": "edith", "password": f"guess {n}"})
    for n in range(2):
        admin_login("edith", f"other {n}")

    assert admin_login("edith", RIGHT).status_code == 429


def test_admin_login_still_works_below_the_limit(editor):
    for n in range(4):
        admin_login("edith", f"guess {n}")

    response = admin_login("edith", RIGHT)

    assert response.status_code == 302 and response["Location"] == "/admin/"
