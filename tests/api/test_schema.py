"""The OpenAPI 3 schema at /api/schema/ is valid and describes what the tests use."""

import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _query_parameters(schema, path, method="get"):
    operation = schema["paths"][path][method]
    return {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}


def test_schema_is_valid_openapi_3(schema):
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")


def test_schema_endpoint_serves_it(api_client):
    response = api_client.get("/api/schema/")

    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["title"] == "stancedb API"


def test_every_endpoint_is_in_the_schema(schema):
    expected = {
        "/api/quotes/": {"get", "post"},
        "/api/quotes/{id}/": {"get", "put", "patch"},
        "/api/speakers/": {"get", "post"},
        "/api/speakers/{slug}/": {"get", "put", "patch"},
        "/api/sources/": {"get", "post"},
        "/api/sources/{id}/": {"get", "put", "patch"},
        "/api/organizations/": {"get"},
        "/api/organizations/{slug}/": {"get"},
        "/api/topics/": {"get"},
        "/api/topics/{slug}/": {"get"},
        "/api/events/": {"get"},
        "/api/events/{slug}/": {"get"},
        "/api/stances/": {"get", "post"},
        "/api/stances/{id}/": {"get", "put", "patch", "delete"},
        "/api/adjudications/": {"get", "post"},
        "/api/token/": {"post"},
    }
    for path, methods in expected.items():
        assert set(schema["paths"][path]) >= methods, path


def test_quote_list_parameters_are_described_with_their_types(schema):
    parameters = _query_parameters(schema, "/api/quotes/")

    expected_types = {
        "speaker": "string",
        "organization": "string",
        "organization_kind": "string",
        "kind": "string",
        "status": "string",
        "topic": "string",
        "stance": "number",
        "stance_min": "number",
        "stance_max": "number",
        "said_after": "string",
        "said_before": "string",
        "source": "integer",
        "outlet": "string",
        "q": "string",
        "ordering": "array",
        "format": "string",
        "page": "integer",
        "page_size": "integer",
        "count": "boolean",
    }
    assert {name: p["schema"]["type"] for name, p in parameters.items()} == expected_types
    assert all(parameters[name].get("description") for name in expected_types)
    assert parameters["said_after"]["schema"]["format"] == "date"
    assert parameters["stance_min"]["schema"] == {"type": "number", "minimum": -2, "maximum": 2}
    assert parameters["page_size"]["schema"]["maximum"] == 500
    assert "all" in parameters["status"]["schema"]["enum"]
    assert set(parameters["ordering"]["schema"]["items"]["enum"]) == {
        "said_on",
        "-said_on",
        "id",
        "-id",
    }
    assert set(parameters["format"]["schema"]["enum"]) == {"json", "csv"}


def test_quote_list_describes_csv_and_error_answers(schema):
    responses = schema["paths"]["/api/quotes/"]["get"]["responses"]

    assert set(responses["200"]["content"]) == {"application/json", "text/csv"}
    assert responses["200"]["content"]["text/csv"]["schema"] == {"type": "string"}
    assert set(responses["400"]["content"]) == {"application/json"}
    assert {"400", "401", "403", "404"} <= set(responses)


def test_other_list_filters_are_in_the_schema(schema):
    assert set(_query_parameters(schema, "/api/speakers/")) >= {
        "search",
        "kind",
        "organization",
        "country",
        "page_size",
    }
    assert set(_query_parameters(schema, "/api/events/")) >= {"after", "before"}
    assert set(_query_parameters(schema, "/api/sources/")) >= {
        "outlet",
        "language",
        "published_after",
        "published_before",
    }
    assert set(_query_parameters(schema, "/api/stances/")) >= {"quote", "topic"}


def test_write_operations_describe_conflicts(schema):
    assert "409" in schema["paths"]["/api/quotes/{id}/"]["patch"]["responses"]
    assert "409" in schema["paths"]["/api/stances/"]["post"]["responses"]


def test_swagger_ui_is_served_from_local_static_files(api_client):
    """ReDoc's page: tests/api/test_docs_local.py (its bundle is the sidecar's, rewritten)."""
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    assert b"/static/drf_spectacular_sidecar/" in response.content
    assert b"cdn.jsdelivr" not in response.content
