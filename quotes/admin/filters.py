"""Quote list filters in a researcher's terms: by topic, by stance, "not yet tagged by me"."""

from django.contrib import admin
from django.db.models import Exists, OuterRef

from quotes.models import QuoteStance, StanceAnnotation, Topic


def topic_choices(request) -> list[tuple[str, str]]:
    """(slug, name) of every topic; one query per request, shared by the filters and the
    "next quote to tag" picker."""
    if not hasattr(request, "_stancedb_topics"):
        request._stancedb_topics = list(Topic.objects.order_by("name").values_list("slug", "name"))
    return request._stancedb_topics


class TopicFilter(admin.SimpleListFilter):
    """Quotes that have a stance on the chosen topic (coded or adjudicated)."""

    title = "topic"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return topic_choices(request)

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Exists(QuoteStance.objects.filter(quote=OuterRef("pk"), topic__slug=self.value()))
            )
        return queryset


class StanceFilter(admin.SimpleListFilter):
    """Quotes by the sign of their stance, on the topic chosen in the topic filter (else any)."""

    title = "stance"
    parameter_name = "stance"
    _conditions = {
        "for": {"value__gt": 0},
        "neutral": {"value": 0},
        "against": {"value__lt": 0},
        "adjudicated": {"is_adjudicated": True},
    }

    def lookups(self, request, model_admin):
        return [
            ("for", "For (above 0)"),
            ("neutral", "Neutral (0)"),
            ("against", "Against (below 0)"),
            ("adjudicated", "Adjudicated"),
        ]

    def queryset(self, request, queryset):
        condition = self._conditions.get(self.value())
        if condition is None:
            return queryset
        stances = QuoteStance.objects.filter(quote=OuterRef("pk"), **condition)
        if request.GET.get(TopicFilter.parameter_name):
            stances = stances.filter(topic__slug=request.GET[TopicFilter.parameter_name])
        return queryset.filter(Exists(stances))


class NotTaggedByMeFilter(admin.SimpleListFilter):
    """The quotes the logged-in researcher has not coded yet on the chosen topic."""

    title = "not yet tagged by me"
    parameter_name = "untagged_by_me"

    def lookups(self, request, model_admin):
        return topic_choices(request)

    def queryset(self, request, queryset):
        if self.value():
            mine = StanceAnnotation.objects.filter(
                quote=OuterRef("pk"), annotator=request.user, topic__slug=self.value()
            )
            return queryset.exclude(Exists(mine))
        return queryset
