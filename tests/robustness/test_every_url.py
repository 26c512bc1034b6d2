"""A property-based run over every URL pattern of the site (issue 15, item 8): human pages, the
admin (Django's own and third-party apps' included) and the API, with hostile path and query
parameters, as a superuser and as an anonymous visitor. No answer may be a 5xx: bad input is a
400, an unknown object a 404.

The patterns are read from the resolver (tests/robustness/urls.py), so one added tomorrow is
fuzzed with strategies chosen by its converters; ``test_every_pattern_is_fuzzed_or_excluded``
fails, naming it, when a pattern cannot be reached with the values the strategies draw and is
not in ``EXCLUDED`` with a reason. ``EXAMPLES`` examples a pattern (half of them for each
persona, drawn), derandomized so every run sends the same requests; ``URL_FUZZ_SEED=<n>``
explores another sequence. About two minutes a database.
"""

import os

import hypothesis
import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from tests.robustness.urls import paths, queries, reachable_path, site_routes

pytestmark = pytest.mark.slow

EXAMPLES = 20
SEED = os.environ.get("URL_FUZZ_SEED")

# Patterns left out of this run, each with its reason.
EXCLUDED: dict[str, str] = {}

ROUTES = [route for route in site_routes() if route.key not in EXCLUDED]

SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=SEED is None,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the clients and the data hold for all examples
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def test_every_pattern_is_fuzzed_or_excluded():
    unreachable = [route.key for route in ROUTES if reachable_path(route) is None]
    assert not unreachable, (
        "These URL patterns are neither fuzzed nor excluded: no path drawn for them resolves to "
        "them (tests/robustness/urls.py draws parameters by converter type). Give their "
        "converter a strategy in urls.values_for, or add them to EXCLUDED in "
        f"{__name__} with the reason: {unreachable}"
    )
    stale = sorted(set(EXCLUDED) - {route.key for route in site_routes()})
    assert not stale, f"EXCLUDED names patterns the site no longer has: {stale}"


@pytest.fixture(scope="module")
def existing(fuzz_data, django_db_blocker):
    """Ids and slugs that exist in the seed, for path parameters half of the time."""
    from quotes.models import Event, Organization, Quote, Source, Speaker, Topic

    with django_db_blocker.unblock():
        slugs = [
            slug
            for model in (Speaker, Organization, Topic, Event)
            for slug in model.objects.order_by("pk").values_list("slug", flat=True)[:5]
        ]
        ids = {
            str(pk)
            for model in (Quote, Source, Speaker, Topic)
            for pk in model.objects.order_by("pk").values_list("pk", flat=True)[:5]
        }
    return {"ids": sorted(ids), "slugs": slugs}


@pytest.fixture
def clients(db, fuzz_data):
    superuser = Client()
    superuser.force_login(fuzz_data["superuser"])
    return {"superuser": superuser, "anonymous": Client()}


@pytest.mark.parametrize("route", ROUTES, ids=[route.key for route in ROUTES])
@SETTINGS
@given(data=st.data())
def test_no_url_of_the_site_answers_a_server_error(route, data, clients, existing):
    persona = data.draw(st.sampled_from(sorted(clients)), label="persona")
    path = data.draw(paths(route, existing), label="path")
    query = data.draw(queries(), label="query")
    response = clients[persona].get(path, query)
    assert response.status_code < 500, f"{persona} GET {path} {query}: {response.status_code}"
