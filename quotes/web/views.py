"""The compare page: a comparison chart with SVG and CSV downloads, and its picker's suggestions.

Thin: parameters are validated by the same serializers as the API, the numbers come from
``quotes.analysis`` and the chart from ``quotes.web.charts``. The other pages are in the
modules of their resource (home, speakers, organizations, topics, quote_pages).
"""

import csv
import dataclasses

from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode

from quotes import analysis, coding
from quotes.api.analysis_serializers import CompareQuerySerializer, present
from quotes.models import Organization, Speaker, Topic
from quotes.text import spreadsheet_safe
from quotes.web.charts import TOOLTIP_QUOTES
from quotes.web.common import BadParameters, chart_for, public_page

SUGGESTIONS = 10
COMPARE_PARAMETERS = (
    "speakers",
    "organizations",
    "organization_kinds",
    "topic",
    "bucket",
    "said_after",
    "said_before",
    "unit",
)


def _compare(request):
    """(query, comparison) for the page's parameters; the web shows confirmed quotes only."""
    params = {k: v for k, v in present(request.GET).items() if k in COMPARE_PARAMETERS}
    query = CompareQuerySerializer(data=params)
    if not query.is_valid():
        return query, None
    filters = query.filters()
    coding.check_aggregate(request.user, filters.topic)  # TopicNotReleased: the views' 403
    filters = dataclasses.replace(filters, settled_only=coding.settled_only(request.user))
    comparison = analysis.compare(filters, excerpts=TOOLTIP_QUOTES, **query.series_kwargs())
    return query, comparison


def _title(comparison: analysis.Comparison) -> str:
    names = ", ".join(series.label for series in comparison.series)
    return f"Stance on {comparison.topic.name} by {comparison.bucket}: {names}"


def _errors_text(query) -> str:
    return "\n".join(
        f"{name}: {' '.join(map(str, errors))}" for name, errors in query.errors.items()
    )


@public_page
def compare(request):
    asked = any(request.GET.get(name, "").strip() for name in COMPARE_PARAMETERS)
    refused = None
    try:
        query, comparison = _compare(request) if asked else (None, None)
    except coding.TopicNotReleased as error:
        query, comparison, refused = None, None, {"topic": [str(error)]}
    query_string = urlencode({k: v for k, v in request.GET.items() if k in COMPARE_PARAMETERS})
    context = {
        "errors": refused or (query.errors if query is not None and comparison is None else {}),
        "comparison": comparison,
        "chart": chart_for(comparison, _title(comparison)) if comparison else None,
        "title": _title(comparison) if comparison else "Compare stances over time",
        "values": {name: request.GET.get(name, "") for name in COMPARE_PARAMETERS},
        "topics": Topic.objects.order_by("name", "id"),
        "buckets": list(analysis.BUCKETS),
        "kinds": Organization.Kind.choices,
        "query_string": query_string,
        "page_url": request.build_absolute_uri(
            request.path + ("?" + query_string if query_string else "")
        ),
        "api_url": request.build_absolute_uri(
            "/api/compare/" + ("?" + query_string if query_string else "")
        ),
    }
    status = 403 if refused else 400 if context["errors"] else 200
    return render(request, "web/compare.html", context, status=status)


@public_page
def compare_chart(request):
    """The comparison chart as an SVG file, its links absolute so they work outside the site."""
    query, comparison = _compare(request)
    if comparison is None:
        return HttpResponseBadRequest(_errors_text(query), content_type="text/plain")
    svg = chart_for(comparison, _title(comparison), absolute=request.build_absolute_uri)
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml"
    )
    filename = f"stance-{comparison.topic.slug}-{comparison.bucket}.svg"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


CSV_COLUMNS = [
    "series_kind",
    "series",
    "period",
    "start",
    "end",
    "quotes",
    "with_stance",
    "without_stance",
    "mean",
    "min",
    "max",
    "change",
    "shift",
    "quote_ids",
]


@public_page
def compare_csv(request):
    """The comparison's numbers, one row per series and period with quotes."""
    query, comparison = _compare(request)
    if comparison is None:
        return HttpResponseBadRequest(_errors_text(query), content_type="text/plain")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"stance-{comparison.topic.slug}-{comparison.bucket}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    ends = {period.start: period.end for period in comparison.periods}
    for series in comparison.series:
        for point in series.points:
            if not point.count:
                continue
            writer.writerow(
                [series.kind, spreadsheet_safe(series.key), point.period]
                + [point.start, ends[point.start]]
                + [point.count, point.with_stance, point.without_stance]
                + [point.mean, point.min, point.max, point.change, int(point.shift)]
                + [" ".join(map(str, point.quote_ids))]
            )
    return response


@public_page
def compare_suggest(request):
    """The picker's suggestions: up to ten speakers (by name or alias) or organizations (by name
    or slug) matching ``q``, as JSON ``[{"slug", "name"}]``; one query."""
    kind = request.GET.get("kind", "")
    term = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    if kind not in ("speakers", "organizations"):
        raise BadParameters({"kind": ["speakers or organizations."]})
    if not term:
        return JsonResponse({"results": []})
    if kind == "speakers":
        rows = Speaker.objects.search(term)
    else:
        rows = Organization.objects.filter(Q(name__icontains=term) | Q(slug__icontains=term))
    rows = rows.order_by("name", "id").values("slug", "name")[:SUGGESTIONS]
    return JsonResponse({"results": list(rows)})
