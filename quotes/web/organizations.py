"""The organizations: an index, and a page per organization with its members' roles over time,
the quotes said in its roles, and its position over time (its child organizations included)."""

from django.db.models import Count, F
from django.shortcuts import get_object_or_404, render

from quotes import analysis, coding
from quotes.api.filters import OrganizationFilter
from quotes.hierarchy import organization_members
from quotes.models import Affiliation, Organization, Quote, Topic
from quotes.web.charts import TOOLTIP_QUOTES
from quotes.web.common import (
    BadParameters,
    chart_for,
    chosen_topic,
    form_errors,
    page_of,
    public_page,
    query_without,
)

ORGANIZATIONS_PER_PAGE = 100
QUOTES_PER_PAGE = 50


@public_page
def organization_index(request):
    data = {name: request.GET[name] for name in ("kind", "country") if request.GET.get(name)}
    found = OrganizationFilter(data, queryset=Organization.objects.all(), request=request)
    if not found.is_valid():
        raise BadParameters(form_errors(found.form))
    organizations = (
        found.qs.select_related("parent")
        .annotate(members=Count("affiliations__speaker", distinct=True))
        .order_by("name", "id")
    )
    context = {
        "page": page_of(request, organizations, ORGANIZATIONS_PER_PAGE),
        "values": data,
        "kinds": Organization.Kind.choices,
        "query": query_without(request, "page"),
    }
    return render(request, "web/organization_index.html", context)


@public_page
def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.select_related("parent"), slug=slug)
    bucket = request.GET.get("bucket", "quarter")
    if bucket not in analysis.BUCKETS:
        raise BadParameters({"bucket": [f"One of {', '.join(analysis.BUCKETS)}."]})
    members = organization_members([organization])[organization.pk]
    user = request.user
    said_in = Quote.objects.confirmed().filter(affiliation__organization_id__in=members)
    topics = coding.aggregate_topics(Topic.objects.all(), user).filter(
        stance_summaries__quote__in=said_in.values("pk"), stance_summaries__value__isnull=False
    )
    topics = list(topics.distinct().order_by("name", "id"))
    topic = chosen_topic(request, topics)
    charts = []
    if topic is not None:
        filters = analysis.Filters(
            topic=topic, bucket=bucket, settled_only=coding.settled_only(user)
        )
        comparison = analysis.compare(
            filters, organizations=[organization], align=False, excerpts=TOOLTIP_QUOTES
        )
        title = f"{organization.name} on {topic.name}, by {bucket}"
        chart = chart_for(comparison, title, id_prefix=f"chart-{topic.slug}")
        charts.append({"topic": topic, "comparison": comparison, "chart": chart})
    page = page_of(request, said_in.for_list(), QUOTES_PER_PAGE)
    coding.mark_summaries(page.object_list, user)
    context = {
        "organization": organization,
        "children": list(organization.children.order_by("name", "id")),
        "terms": Affiliation.objects.filter(organization_id__in=members)
        .select_related("speaker", "organization")
        .order_by(F("started_on").asc(nulls_first=True), "speaker__name", "id"),
        "charts": charts,
        "topics": topics,
        "topic": topic,
        "buckets": list(analysis.BUCKETS),
        "bucket": bucket,
        "page": page,
        "query": query_without(request, "page"),
    }
    return render(request, "web/organization_detail.html", context)
