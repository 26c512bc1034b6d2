"""What every page shares: who may read, how a bad parameter is answered, paging."""

import functools

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html

from quotes import analysis, coding
from quotes.web.charts import NARROW, WIDTH, stance_chart

MAX_LINKED_QUOTES = 200


class BadParameters(Exception):
    """A query parameter the page cannot use: ``errors`` maps each parameter to its messages."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


def form_errors(form) -> dict:
    """A form's (or FilterSet form's) errors as ``{parameter: [message, …]}``, each message
    formatted by Django itself (never %-formatted again with the request's value)."""
    return {
        name: [message for error in errors for message in error]
        for name, errors in form.errors.as_data().items()
    }


def public_page(view):
    """A human page: open as the API is (unless API_ANONYMOUS_READ is off); a bad parameter is
    a 400 page naming it; an aggregate of an unreleased topic asked by a non-reviewer a 403."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.API_ANONYMOUS_READ and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        try:
            return view(request, *args, **kwargs)
        except BadParameters as error:
            context = {"errors": error.errors}
            return render(request, "web/bad_request.html", context, status=400)
        except coding.TopicNotReleased as error:
            return HttpResponseForbidden(str(error), content_type="text/plain; charset=utf-8")

    return wrapper


def page_of(request, queryset, per_page: int):
    """The ``?page=`` page of ``queryset`` (two queries: the count and the rows). Not a whole
    number from 1: ``BadParameters``; past the last page: 404."""
    raw = request.GET.get("page", "1").strip() or "1"
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise BadParameters({"page": ["A whole number from 1."]})
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(int(raw))
    except EmptyPage:
        raise Http404("No such page.") from None


def query_without(request, *names: str) -> str:
    """The request's query string without ``names`` (the page links keep the filters)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def chosen_topic(request, topics: list):
    """The topic of ``?topic=`` among ``topics`` (those a page can chart), else the first (None
    without topics). A page charts one topic at a time, so that its queries do not grow with the
    number of topics; the others are a link away. A slug not among them: ``BadParameters``."""
    slug = request.GET.get("topic", "").strip()
    if not slug:
        return topics[0] if topics else None
    for topic in topics:
        if topic.slug == slug:
            return topic
    offered = ", ".join(topic.slug for topic in topics) or "none here"
    raise BadParameters({"topic": [f"One of the topics charted here: {offered}."]})


def point_href(point: analysis.Point) -> str | None:
    """One quote: its page; several: the list of them (at most MAX_LINKED_QUOTES)."""
    ids = point.quote_ids
    if not ids:
        return None
    if len(ids) == 1:
        return reverse("web:quote-detail", args=[ids[0]])
    return reverse("web:quote-list") + "?ids=" + ",".join(map(str, ids[:MAX_LINKED_QUOTES]))


def chart_for(comparison: analysis.Comparison, title: str, *, id_prefix="chart", absolute=None):
    """The page's chart of ``comparison``, wide and narrow (the stylesheet shows the one that
    fits the screen), each point linked to its quotes. With ``absolute`` (a
    ``request.build_absolute_uri``): the wide chart alone, its links absolute, for a file."""

    def href_for(point):
        href = point_href(point)
        return absolute(href) if href and absolute else href

    def chart(width, prefix):
        return stance_chart(
            comparison, title=title, href_for=href_for, id_prefix=prefix, width=width
        )

    if absolute:
        return chart(WIDTH, id_prefix)
    return format_html(
        '<div class="chart-wide">{}</div><div class="chart-narrow">{}</div>',
        chart(WIDTH, id_prefix),
        chart(NARROW, f"{id_prefix}-narrow"),
    )
