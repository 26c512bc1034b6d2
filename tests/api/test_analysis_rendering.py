"""The timeline and compare responses, written out by hand, are what their DRF serializers (the
OpenAPI schema's declarations) render: every field, name and format, on the curated seed."""

import json

import pytest

from quotes import analysis
from quotes.api.analysis_serializers import (
    AnalysisQuerySerializer,
    CompareQuerySerializer,
    CompareSerializer,
    TimelineSerializer,
    compare_data,
    timeline_data,
)
from quotes.models import Event, Speaker


@pytest.fixture
def seed(seed_for_module, db):
    """The seed, loaded once for this module (tests/conftest.py)."""
    return seed_for_module


pytestmark = pytest.mark.django_db

TOPIC = {"topic": "nato-russia-dialogue", "unit": "report"}


def _same(fast, generic):
    assert json.dumps(fast) == json.dumps(json.loads(json.dumps(generic)))


def _filters(query):
    assert query.is_valid(), query.errors
    return query.filters()


@pytest.mark.parametrize("ids", [False, True])
@pytest.mark.parametrize(
    "params",
    [
        {"bucket": "month"},  # whole months: from the rollups
        {"bucket": "month", "said_after": "2015-01-02"},  # a cut month: from the stored stances
        {"bucket": "quarter", "said_after": "2021-10-02", "said_before": "2022-06-30"},
        {"bucket": "year", "said_before": "2030-06-15"},
    ],
)
def test_timeline_response_is_the_timeline_serializers(seed, params, ids):
    speaker = Speaker.objects.get(slug="sergei-lavrov")
    filters = _filters(AnalysisQuerySerializer(data={**TOPIC, **params}))
    timeline = analysis.timeline(speaker, filters, ids=ids)
    generic = TimelineSerializer(
        {
            "topic": timeline.topic,
            "bucket": timeline.bucket,
            "said_after": filters.said_after,
            "said_before": filters.said_before,
            "status": filters.status,
            "events": timeline.events,
            "speaker": speaker,
            "periods": timeline.series[0].points,
            "imprecise": timeline.series[0].imprecise,
            "undated": timeline.series[0].undated,
            "without_stance": timeline.series[0].without_stance,
        },
        context={"ids": ids},
    ).data

    fast = timeline_data(speaker, timeline, filters, ids=ids)

    _same(fast, generic)
    assert fast["periods"] and ("quote_ids" in fast["periods"][0]) is ids


@pytest.mark.parametrize("ids", [False, True])
def test_compare_response_is_the_compare_serializers(seed, ids):
    """Aligned series (empty points included), events in range, organisations and kinds."""
    assert Event.objects.exists()
    query = CompareQuerySerializer(
        data={
            **TOPIC,
            "speakers": "sergey-lavrov,jens-stoltenberg",
            "organization_kinds": "ministry",
            "said_after": "2021-01-01",
        }
    )
    filters = _filters(query)
    comparison = analysis.compare(filters, ids=ids, **query.series_kwargs())
    generic = CompareSerializer(
        {
            "topic": comparison.topic,
            "bucket": comparison.bucket,
            "said_after": filters.said_after,
            "said_before": filters.said_before,
            "status": filters.status,
            "events": comparison.events,
            "periods": comparison.periods,
            "series": comparison.series,
        },
        context={"ids": ids},
    ).data

    fast = compare_data(comparison, filters, ids=ids)

    _same(fast, generic)
    assert fast["events"] and len(fast["series"]) == 3
    assert any(point["count"] == 0 for one in fast["series"] for point in one["points"])
