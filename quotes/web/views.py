"""The human pages: a speaker, a comparison chart (with SVG and CSV downloads), and quotes.

Thin: parameters are validated by the same serializers as the API, the numbers come from
``quotes.analysis`` and the chart from ``quotes.web.charts``.
"""

import csv
import dataclasses
import functools

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from quotes import analysis, coding
from quotes.api.analysis_serializers import CompareQuerySerializer, present
from quotes.models import Organization, Quote, Speaker, Topic
from quotes.params import primary_key_or_none
from quotes.text import spreadsheet_safe
from quotes.web.charts import TOOLTIP_QUOTES, stance_chart

QUOTES_PER_PAGE = 50
MAX_LINKED_QUOTES = 200
COMPARE_PARAMETERS = (
    "speakers",
    "organizations",
    "organization_kinds",
    "topic",
    "bucket",
    "said_after",
    "said_before",
)


def public_read(view):
    """Pages show what the API shows: open unless API_ANONYMOUS_READ is off."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.API_ANONYMOUS_READ and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return wrapper


def point_href(point: analysis.Point) -> str | None:
    """One quote: its page; several: the list of them (at most MAX_LINKED_QUOTES)."""
    ids = point.quote_ids
    if not ids:
        return None
    if len(ids) == 1:
        return reverse("web:quote-detail", args=[ids[0]])
    return reverse("web:quote-list") + "?ids=" + ",".join(map(str, ids[:MAX_LINKED_QUOTES]))


def _chart(comparison: analysis.Comparison, title: str, *, id_prefix="chart", absolute=None):
    def href_for(point):
        href = point_href(point)
        return absolute(href) if href and absolute else href

    return stance_chart(comparison, title=title, href_for=href_for, id_prefix=id_prefix)


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


def not_released(view):
    """A comparison of an unreleased topic asked by a non-reviewer: 403, saying why."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except coding.TopicNotReleased as error:
            return HttpResponseForbidden(str(error), content_type="text/plain; charset=utf-8")

    return wrapper


def _title(comparison: analysis.Comparison) -> str:
    names = ", ".join(series.label for series in comparison.series)
    return f"Stance on {comparison.topic.name} by {comparison.bucket}: {names}"


def _errors_text(query) -> str:
    return "\n".join(
        f"{name}: {' '.join(map(str, errors))}" for name, errors in query.errors.items()
    )


@public_read
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
        "chart": _chart(comparison, _title(comparison)) if comparison else None,
        "title": _title(comparison) if comparison else "Compare stances over time",
        "values": {name: request.GET.get(name, "") for name in COMPARE_PARAMETERS},
        "topics": Topic.objects.order_by("name", "id"),
        "buckets": list(analysis.BUCKETS),
        "kinds": Organization.Kind.choices,
        "query_string": query_string,
    }
    status = 403 if refused else 400 if context["errors"] else 200
    return render(request, "web/compare.html", context, status=status)


@public_read
@not_released
def compare_chart(request):
    """The comparison chart as an SVG file, its links absolute so they work outside the site."""
    query, comparison = _compare(request)
    if comparison is None:
        return HttpResponseBadRequest(_errors_text(query), content_type="text/plain")
    svg = _chart(comparison, _title(comparison), absolute=request.build_absolute_uri)
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


@public_read
@not_released
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


@public_read
def speaker_detail(request, slug):
    speaker = Speaker.objects.by_slug_or_alias(slug).first()
    if speaker is None:
        raise Http404("No speaker has this name.")
    if speaker.slug != slug:
        return redirect("web:speaker-detail", slug=speaker.slug)
    bucket = request.GET.get("bucket", "month")
    bucket = bucket if bucket in analysis.BUCKETS else "month"
    charts = []
    user = request.user
    topics = coding.aggregate_topics(Topic.objects.all(), user)
    for topic in analysis.speaker_topics(speaker, topics):
        filters = analysis.Filters(
            topic=topic, bucket=bucket, settled_only=coding.settled_only(user)
        )
        timeline = analysis.timeline(speaker, filters, excerpts=TOOLTIP_QUOTES)
        title = f"{speaker.name} on {topic.name}, by {bucket}"
        chart = _chart(timeline, title, id_prefix=f"chart-{topic.slug}")
        charts.append({"topic": topic, "comparison": timeline, "chart": chart})
    quotes = Quote.objects.confirmed().filter(speaker=speaker).for_list()
    context = {
        "speaker": speaker,
        "aliases": speaker.aliases.all(),
        "affiliations": speaker.affiliations.select_related("organization").order_by(
            F("started_on").asc(nulls_first=True), "id"
        ),
        "charts": charts,
        "buckets": list(analysis.BUCKETS),
        "bucket": bucket,
        "page": Paginator(quotes, QUOTES_PER_PAGE).get_page(request.GET.get("page")),
    }
    coding.mark_summaries(context["page"].object_list, user)
    return render(request, "web/speaker_detail.html", context)


@public_read
def quote_detail(request, pk):
    quote = get_object_or_404(Quote.objects.confirmed().for_list(), pk=pk)
    coding.mark_summaries([quote], request.user)
    return render(request, "web/quote_detail.html", {"quote": quote})


@public_read
def quote_list(request):
    """The confirmed quotes named by ``?ids=1,2,3``: where a chart point of several quotes leads."""
    raw = [part.strip() for part in request.GET.get("ids", "").split(",") if part.strip()]
    ids = [primary_key_or_none(Quote, part) for part in raw]
    if not ids or None in ids or len(ids) > MAX_LINKED_QUOTES:
        return HttpResponseBadRequest(
            f"ids: give up to {MAX_LINKED_QUOTES} comma-separated quote ids.",
            content_type="text/plain",
        )
    quotes = Quote.objects.confirmed().filter(pk__in=ids).for_list()
    coding.mark_summaries(quotes, request.user)
    return render(request, "web/quote_list.html", {"quotes": quotes})
