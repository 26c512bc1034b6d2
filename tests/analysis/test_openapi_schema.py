"""Both endpoints are documented in the OpenAPI schema with their parameters and responses."""

from drf_spectacular.generators import SchemaGenerator


def test_schema_documents_timeline_and_compare_parameters_and_responses(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)

    timeline = schema["paths"]["/api/speakers/{slug}/timeline/"]["get"]
    compare = schema["paths"]["/api/compare/"]["get"]
    assert {p["name"] for p in timeline["parameters"]} >= {
        "slug",
        "topic",
        "bucket",
        "said_after",
        "said_before",
        "status",
    }
    assert {p["name"] for p in compare["parameters"]} >= {
        "speakers",
        "organizations",
        "organization_kinds",
        "topic",
        "bucket",
    }
    assert {"200", "400", "404"} <= set(timeline["responses"])
    assert timeline["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Timeline"
    }
    assert "Compare" in schema["components"]["schemas"]
