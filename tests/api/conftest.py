"""API test setup."""

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas get passwords; the production hasher's deliberate slowness buys the API
    tests nothing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
