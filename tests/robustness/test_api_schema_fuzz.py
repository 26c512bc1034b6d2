"""Property-based run of the whole API against its own OpenAPI schema (issue 9).

Schemathesis reads ``/api/schema/`` from the WSGI application and, for every operation, sends
generated requests (valid and invalid: the "all" mode) in-process, then checks that no answer is
a 5xx and that each one is described by the schema: a documented status code, a documented
content type, a body matching the response schema, documented headers. Three passes: every
operation as a superuser (token), every operation as an editor (token: the writes an editor may
make, and the 403s for the rest, against the test database), and every read as an anonymous
visitor.

Bounded and reproducible: a fixed seed (schemathesis derives one per operation from it; it takes
precedence over ``derandomize``), no example database, at most ``MAX_EXAMPLES`` fuzzed cases per
operation plus the deterministic coverage cases; about a minute a pass on SQLite. A failure prints
the request as a curl command. Hypothesis also draws literals from the project's source, so another
tree may send other requests; ``API_FUZZ_SEED=<n>`` explores another sequence on purpose.

The seed data is loaded once (see conftest.py). Half of the time the path parameters, the
references in bodies and query strings (quote, source, topic, speaker, …) and a quote's text are
replaced by existing ones, so that the code behind validation (detail, update, delete, the stance
filters, the analysis) runs too, not only the 400 and 404 answers.

Nothing is excluded: the CSV form of the quote list is documented as text/csv and checked like
the JSON one. The stateful phase (chains of linked calls) is off: it needs schemathesis's own
runner, and each operation runs alone here.
"""

import os

import hypothesis
import pytest
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

pytestmark = pytest.mark.slow

# Fixed so that every run sends the same requests; API_FUZZ_SEED=<n> explores another sequence.
SEED = int(os.environ.get("API_FUZZ_SEED", "92024"))
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
            "stateful": {"enabled": False},  # see the module's docstring
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
    """Ids or slugs of the rows that exist now for the path parameter ``name`` of ``path``."""
    model = _PATH_MODELS().get(path.strip("/").split("/")[1])
    if model is None:
        return []
    field = "slug" if name == "slug" else "pk"
    # The newest rows: for annotations, the superuser's own (conftest.py) and those just posted.
    rows = model.objects.order_by("-pk").values_list(field, flat=True)[:10]
    return [str(value) for value in rows]


def _PATH_MODELS():  # noqa: N802 - a constant that needs the app registry
    from quotes.models import Event, Organization, Quote, Source, Speaker, StanceAnnotation, Topic

    return {
        "quotes": Quote,
        "sources": Source,
        "stances": StanceAnnotation,
        "speakers": Speaker,
        "organizations": Organization,
        "events": Event,
        "topics": Topic,
    }


def _references() -> dict[str, list]:
    """Existing values for the body fields and query parameters that name another row."""
    from quotes.models import Affiliation, Event, Organization, Quote, Source, Speaker, Topic

    def values(model, field):
        return list(model.objects.order_by("pk").values_list(field, flat=True))

    speakers = values(Speaker, "slug")
    return {
        "quote": values(Quote, "pk"),
        "source": values(Source, "pk"),
        "affiliation": values(Affiliation, "pk"),
        "topic": values(Topic, "slug"),
        "speaker": speakers,
        "speakers": speakers,
        "event": values(Event, "slug"),
        "organization": values(Organization, "slug"),
        "organizations": values(Organization, "slug"),
    }


def _with_references(container):
    """Half the time, replace the references in ``container`` (a body or a query) by existing
    ones, and a quote's text by a passage of its source, so that validation can pass and the
    code behind it runs; the other half stays as generated."""
    if not isinstance(container, dict):
        return st.just(container)
    references = _references()
    names = [name for name in container if references.get(name)]
    if not names:
        return st.just(container)
    replaced = st.fixed_dictionaries(
        {name: st.sampled_from(references[name]) for name in names}
    ).map(lambda chosen: {**container, **chosen})
    if "text" in container and "source" in names:
        replaced = replaced.flatmap(_with_source_passage)
    return st.one_of(st.just(container), replaced)


def _with_source_passage(body):
    from quotes.models import Source

    text = Source.objects.get(pk=body["source"]).text
    return st.integers(0, max(len(text) - 80, 0)).map(
        lambda start: {**body, "text": text[start : start + 80].strip() or text}
    )


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time, point the request at a row that exists."""
    operation = context.operation
    if not path_parameters or operation is None:
        return st.just(path_parameters)
    choices = {name: _existing(operation.path, name) for name in path_parameters}
    if not all(choices.values()):
        return st.just(path_parameters)
    real = st.fixed_dictionaries(
        {name: st.sampled_from(values) for name, values in choices.items()}
    )
    return st.one_of(st.just(path_parameters), real)


@schema.hook
def flatmap_query(context, query):
    return _with_references(query)


@schema.hook
def flatmap_body(context, body):
    return _with_references(body)


@schema.parametrize()
@SETTINGS
def test_every_operation_as_superuser(case, in_process_requests):
    token = in_process_requests["token"]
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


@schema.parametrize()
@SETTINGS
def test_every_operation_as_an_editor(case, in_process_requests):
    token = in_process_requests["editor_token"]
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


@schema.include(method="GET").parametrize()
@SETTINGS
def test_every_read_as_anonymous(case, in_process_requests):
    case.call_and_validate(checks=CHECKS)
