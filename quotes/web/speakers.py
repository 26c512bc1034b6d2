"""The speakers: an index to search and filter, and a page per speaker with their charts."""

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from quotes import analysis, coding
from quotes.api.filters import SpeakerFilter
from quotes.models import Organization, Quote, Speaker, Topic
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

QUOTES_PER_PAGE = 50
SPEAKERS_PER_PAGE = 50
SORTS = {
    "quotes": (F("quote_count").desc(), "name", "id"),
    "name": ("name", "id"),
}
INDEX_PARAMETERS = ("search", "organization", "kind", "country")


def with_quote_counts(speakers):
    """``speakers`` annotated with ``quote_count``, their confirmed quotes (a subquery, so the
    alias and affiliation joins of a search or filter cannot multiply it)."""
    confirmed = (
        Quote.objects.confirmed()
        .filter(speaker=OuterRef("pk"))
        .order_by()
        .values("speaker")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return speakers.annotate(
        quote_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))
    )


@public_page
def speaker_index(request):
    """Speakers filtered as the API filters them (``SpeakerFilter``), by quote count or name."""
    data = {name: request.GET[name] for name in INDEX_PARAMETERS if request.GET.get(name)}
    found = SpeakerFilter(data, queryset=Speaker.objects.all(), request=request)
    sort = request.GET.get("sort", "quotes")
    errors = {} if found.is_valid() else form_errors(found.form)
    if sort not in SORTS:
        errors["sort"] = ["quotes or name."]
    if errors:
        raise BadParameters(errors)
    speakers = with_quote_counts(found.qs).prefetch_related("aliases").order_by(*SORTS[sort])
    context = {
        "page": page_of(request, speakers, SPEAKERS_PER_PAGE),
        "values": {**data, "sort": sort},
        "organizations": Organization.objects.order_by("name", "id").values("slug", "name"),
        "kinds": Speaker.Kind.choices,
        "sorts": list(SORTS),
        "query": query_without(request, "page"),
    }
    return render(request, "web/speaker_index.html", context)


@public_page
def speaker_detail(request, slug):
    speaker = Speaker.objects.by_slug_or_alias(slug).first()
    if speaker is None:
        raise Http404("No speaker has this name.")
    if speaker.slug != slug:  # an alias or an old slug: the canonical page, same parameters
        query = request.GET.urlencode()
        return redirect(
            reverse("web:speaker-detail", args=[speaker.slug]) + (query and "?" + query)
        )
    bucket = request.GET.get("bucket", "month")
    if bucket not in analysis.BUCKETS:
        raise BadParameters({"bucket": [f"One of {', '.join(analysis.BUCKETS)}."]})
    charts = []
    user = request.user
    topics = analysis.speaker_topics(speaker, coding.aggregate_topics(Topic.objects.all(), user))
    topic = chosen_topic(request, topics)
    if topic is not None:
        filters = analysis.Filters(
            topic=topic, bucket=bucket, settled_only=coding.settled_only(user)
        )
        timeline = analysis.timeline(speaker, filters, excerpts=TOOLTIP_QUOTES)
        title = f"{speaker.name} on {topic.name}, by {bucket}"
        chart = chart_for(timeline, title, id_prefix=f"chart-{topic.slug}")
        charts.append({"topic": topic, "comparison": timeline, "chart": chart})
    quotes = Quote.objects.confirmed().filter(speaker=speaker).for_list()
    context = {
        "speaker": speaker,
        "aliases": speaker.aliases.all(),
        "affiliations": speaker.affiliations.select_related("organization").order_by(
            F("started_on").asc(nulls_first=True), "id"
        ),
        "charts": charts,
        "topics": topics,
        "topic": topic,
        "buckets": list(analysis.BUCKETS),
        "bucket": bucket,
        "page": page_of(request, quotes, QUOTES_PER_PAGE),
        "query": query_without(request, "page"),
    }
    coding.mark_summaries(context["page"].object_list, user)
    return render(request, "web/speaker_detail.html", context)
