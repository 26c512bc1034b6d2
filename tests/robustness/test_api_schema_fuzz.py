"""Property-based run of the whole API against its own OpenAPI schema (issue 9).

Schemathesis reads ``/api/schema/`` from the WSGI application and, for every operation, sends
generated requests (valid and invalid: the "all" mode) in-process, then checks that no answer is
a 5xx and that each one is described by the schema: a documented status code, a documented
content type, a body matching the response schema, documented headers. Two passes: every
operation as a superuser (token), and every read as an anonymous visitor.

Bounded and reproducible: a fixed seed, ``derandomize``, no example database, ``MAX_EXAMPLES``
fuzzed cases per operation and mode plus the deterministic coverage cases. The seed data is
loaded once (see conftest.py); path parameters are drawn from the existing rows half of the time
so that the detail, update and delete code runs too, not just the 404.
"""

import hypothesis
import schemathesis
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from stancedb.wsgi import application

SEED = 9_2024
MAX_EXAMPLES = 25

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {
            "mode": "all",
            "deterministic": True,
            "database": "none",
            # The credentials are ours (the header below), not generated ones.
            "with-security-parameters": False,
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},  # needs the CLI runner; each operation runs alone here
        },
    }
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the fixtures hold for the whole operation on purpose
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)

schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=CONFIG)


def _existing(path: str, name: str) -> list:
    """Ids or slugs of rows that exist now for the path parameter ``name`` of ``path``."""
    from quotes.models import Event, Organization, Quote, Source, Speaker, StanceAnnotation, Topic

    model = {
        "quotes": Quote,
        "sources": Source,
        "stances": StanceAnnotation,
        "speakers": Speaker,
        "organizations": Organization,
        "events": Event,
        "topics": Topic,
    }.get(path.strip("/").split("/")[1])
    if model is None:
        return []
    values = model.objects.order_by("pk").values_list(name, flat=True)
    return [str(value) for value in values[:50]]


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time, point the generated request at a row that exists."""
    operation = context.operation
    if not path_parameters or operation is None:
        return st.just(path_parameters)
    choices = {
        name: _existing(operation.path, name if name in ("slug",) else "pk")
        for name in path_parameters
    }
    if not all(choices.values()):
        return st.just(path_parameters)
    real = st.fixed_dictionaries(
        {name: st.sampled_from(values) for name, values in choices.items()}
    )
    return st.one_of(st.just(path_parameters), real)


@schema.parametrize()
@SETTINGS
def test_every_operation_as_superuser(case, in_process_requests):
    token = in_process_requests["token"]
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


@schema.include(method="GET").parametrize()
@SETTINGS
def test_every_read_as_anonymous(case, in_process_requests):
    case.call_and_validate(checks=CHECKS)
