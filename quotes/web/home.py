"""The front door: what stancedb holds, a search box, recent quotes and the topics."""

from django.db.models import Count, Max, Min
from django.shortcuts import render

from quotes import coding
from quotes.models import Organization, Quote, Source, Speaker, Topic
from quotes.web.common import public_page

RECENT_QUOTES = 8


@public_page
def home(request):
    """Seven queries whatever the data: the quotes' count and date range, the speakers', the
    sources' and the organizations' counts, the topics, the recent quotes and their stances."""
    quotes = Quote.objects.confirmed().aggregate(
        count=Count("pk"), first=Min("said_on"), last=Max("said_on")
    )
    recent = list(Quote.objects.confirmed().for_list()[:RECENT_QUOTES])
    coding.mark_summaries(recent, request.user)
    context = {
        "quotes": quotes,
        "speakers": Speaker.objects.count(),
        "sources": Source.objects.count(),
        "organizations": Organization.objects.count(),
        "topics": list(Topic.objects.order_by("name", "id")),
        "recent": recent,
    }
    return render(request, "web/home.html", context)
