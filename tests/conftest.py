"""Personas and shared fixtures. Roles come from the post-migrate step, as in production."""

import pytest
from rest_framework.test import APIClient

from quotes.roles import ANNOTATORS, EDITORS, REVIEWERS
from tests.factories import TopicFactory, UserFactory, user_with_role


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas get passwords; PBKDF2 would spend half a second on each test's setup."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def annotator(db):
    return user_with_role(ANNOTATORS, "annie")


@pytest.fixture
def other_annotator(db):
    return user_with_role(ANNOTATORS, "otto")


@pytest.fixture
def editor(db):
    return user_with_role(EDITORS, "edith")


@pytest.fixture
def reviewer(db):
    return user_with_role(REVIEWERS, "rita")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def topic(db):
    return TopicFactory(slug="nato-russia-dialogue", name="NATO–Russia dialogue")


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def seed(db):
    """The curated seed data, loaded through validation like any researcher's input."""
    from quotes.seed import load_seed

    return load_seed()


@pytest.fixture(scope="module")
def seed_for_module(django_db_setup, django_db_blocker):
    """The seed loaded once for a whole module, in a transaction rolled back after its last
    test; each test's own transaction is a savepoint inside it, so what a test writes is undone
    as usual. For modules whose every test reads the seed (loading it per test cost seconds
    each): such a module defines its own ``seed`` fixture returning this one (and ``db``)."""
    from django.db import transaction

    from quotes.seed import load_seed

    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            counts = load_seed()
        except BaseException:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
            raise
    yield counts
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        block.__exit__(None, None, None)


def pytest_collection_modifyitems(config, items):
    """Run database-specific tests only on their database, and say so out loud.

    A test for one database carries the marker *and* says the database in its name
    (``test_postgresql_…``), so a reader of the report knows why it ran in one pass only.
    """
    from django.db import connection

    vendor = connection.vendor
    kept, deselected = [], []
    for item in items:
        for marker, database in (("postgresql_only", "postgresql"), ("sqlite_only", "sqlite")):
            if item.get_closest_marker(marker):
                if database not in item.name:
                    raise pytest.UsageError(
                        f"{item.nodeid} is {marker} but its name lacks {database!r}"
                    )
                if vendor != database:
                    deselected.append(item)
                    break
        else:
            kept.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
        print(f"\n{len(deselected)} tests for another database deselected on {vendor}")
