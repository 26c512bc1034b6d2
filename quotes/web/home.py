"""The front door: what stancedb holds, a search box, recent quotes and the topics."""

from django.shortcuts import render

from quotes import coding
from quotes.models import Organization, Quote, Source, Speaker, Topic
from quotes.web.common import public_page

RECENT_QUOTES = 8


@public_page
def home(request):
    """Nine queries whatever the data: the quotes' count, the first and the last dated quote
    (a range shown as precisely as those dates are known), the speakers', the sources' and the
    organizations' counts, the topics, the recent quotes and their stances."""
    confirmed = Quote.objects.confirmed()
    dated = confirmed.filter(said_on__isnull=False).values("said_on", "said_on_precision")
    quotes = {
        "count": confirmed.count(),
        "first": dated.order_by("said_on", "id").first(),
        "last": dated.order_by("-said_on", "-id").first(),
    }
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
