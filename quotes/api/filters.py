"""Query-string filters for the API. Every bad value is a 400 keyed by the parameter's name.

The backend (``FilterBackend``) raises ``ValidationError(filterset.errors)`` when a FilterSet is not
valid, so the work here is to make every filter's form field refuse what it cannot use: unknown
slugs and ids, dates that are not dates, stances outside −2..2, unknown kinds and orderings.
"""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import BaseCSVField
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ErrorDetail, ValidationError

from quotes import coding
from quotes.api.filterset import FilterSet
from quotes.api.speaker_slugs import speakers_named
from quotes.models import (
    Event,
    Organization,
    Quote,
    Source,
    Speaker,
    StanceAnnotation,
    Topic,
)
from quotes.models.stances import STANCE_MAX, STANCE_MIN
from quotes.search import search_quotes


class FilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, with each error message as the form itself words it.

    django-filter's own translation %-formats every message, also one without parameters, so a
    message quoting the request's value (``Unknown speaker: %.``) became a 500, not a 400."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid() and self.raise_exception:
            raise ValidationError(
                {
                    name: [
                        ErrorDetail(message, code=error.code)
                        for error in errors
                        for message in error
                    ]
                    for name, errors in filterset.errors.as_data().items()
                }
            )
        return filterset.qs


def _documented(filter_, schema: dict):
    """Give a filter its exact OpenAPI schema (slug filters would otherwise show as ids)."""
    return extend_schema_field({**schema, "description": filter_.extra["help_text"]})(filter_)


def _slug_filter(queryset, field_name: str, help_text: str, **kwargs):
    """A filter by slug that answers 400 "Select a valid choice" for an unknown slug."""
    filter_ = filters.ModelChoiceFilter(
        field_name=field_name,
        to_field_name="slug",
        queryset=queryset,
        help_text=help_text,
        **kwargs,
    )
    return _documented(filter_, {"type": "string"})


class SpeakerSlugsField(forms.CharField):
    """Comma-separated speaker slugs or alias slugs; all must exist. Returns the speakers' ids,
    so the one query that checks the slugs also resolves them (``speakers_named``)."""

    def clean(self, value):
        value = super().clean(value)
        slugs = [slug.strip() for slug in (value or "").split(",") if slug.strip()]
        if not slugs:
            return []
        found = speakers_named(slugs)
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise forms.ValidationError(f"Unknown speaker: {', '.join(unknown)}.", code="unknown")
        return sorted({speaker.pk for speaker in found.values()})


class SpeakerSlugsFilter(filters.CharFilter):
    field_class = SpeakerSlugsField


class OrderingField(BaseCSVField):
    """Comma-separated orderings, none of them empty (``ordering=,,`` names no field: 400)."""

    def clean(self, value):
        value = super().clean(value)
        if value and not all(value):
            raise forms.ValidationError("Name a field in every comma-separated part.", code="empty")
        return value


class NullsLastOrderingFilter(filters.OrderingFilter):
    """``ordering`` with unknown fields refused (400), undated rows last in either direction on
    every database, and the id as a tiebreaker so pages never overlap."""

    base_field_class = OrderingField

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        order, fields = [], set()
        for param in value:
            descending = param.startswith("-")
            field = self.param_map[param.lstrip("-")]
            fields.add(field)
            column = F(field)
            order.append(
                column.desc(nulls_last=True) if descending else column.asc(nulls_last=True)
            )
        if "id" not in fields:
            order.append(F("id").desc() if value[0].startswith("-") else F("id").asc())
        return qs.order_by(*order)


class QuoteFilterForm(forms.Form):
    """Rules that tie parameters together: a stance is only meaningful toward a topic."""

    def clean(self):
        data = super().clean()
        stance_params = [
            name for name in ("stance", "stance_min", "stance_max") if data.get(name) is not None
        ]
        if stance_params and data.get("topic") is None and "topic" not in self.errors:
            for name in stance_params:
                self.add_error(name, "A stance filter needs topic= (the topic's slug).")
        low, high = data.get("stance_min"), data.get("stance_max")
        if low is not None and high is not None and low > high:
            self.add_error("stance_max", "stance_max must not be below stance_min.")
        after, before = data.get("said_after"), data.get("said_before")
        if after and before and after > before:
            self.add_error("said_before", "said_before must not be before said_after.")
        return data


def _stance_filter(lookup_expr: str, help_text: str):
    filter_ = filters.NumberFilter(
        field_name="stance",
        lookup_expr=lookup_expr,
        min_value=STANCE_MIN,
        max_value=STANCE_MAX,
        help_text=help_text + " Needs topic=; outside −2..2: 400.",
    )
    return _documented(filter_, {"type": "number", "minimum": STANCE_MIN, "maximum": STANCE_MAX})


class QuoteFilter(FilterSet):
    speaker = SpeakerSlugsFilter(
        method="filter_speaker",
        help_text="Speaker slug or alias slug (sergey-lavrov finds Sergei Lavrov); several "
        "comma-separated. Unknown slug: 400.",
    )
    organization = _slug_filter(
        Organization.objects.all(),
        "affiliation__organization",
        "Slug of the organization of the role the quote was said in. Unknown slug: 400.",
    )
    organization_kind = filters.ChoiceFilter(
        field_name="affiliation__organization__kind",
        lookup_expr="exact",
        choices=Organization.Kind.choices,
        help_text="Kind of the organization of the role the quote was said in.",
    )
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=Quote.Kind.choices, help_text="Quote kind."
    )
    status = filters.ChoiceFilter(
        method="filter_status",
        choices=[*Quote.Status.choices, ("all", "All statuses")],
        help_text="Review status; when omitted, only confirmed quotes; all: every status.",
    )
    topic = _slug_filter(
        Topic.objects.all(),
        "stance_summaries__topic",
        "Topic slug: only quotes with a stance on this topic. Needed by stance, stance_min, "
        "stance_max and used by the CSV stance columns. Unknown slug: 400.",
        method="filter_topic",
    )
    stance = _stance_filter(
        "exact", "Stored stance on topic (adjudicated value, else annotators' mean) equals this."
    )
    stance_min = _stance_filter("gte", "Stored stance on topic is at least this (−2..2).")
    stance_max = _stance_filter("lte", "Stored stance on topic is at most this (−2..2).")
    said_after = filters.DateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after this ISO date."
    )
    said_before = filters.DateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before this ISO date."
    )
    source = filters.ModelChoiceFilter(
        field_name="source",
        queryset=Source.objects.only("id"),
        help_text="Source id. Unknown id: 400.",
    )
    outlet = filters.CharFilter(
        field_name="source__outlet", lookup_expr="iexact", help_text="Outlet name (any case)."
    )
    q = filters.CharFilter(method="filter_q", help_text="Text search over the quote text.")
    ordering = NullsLastOrderingFilter(
        fields=(("said_on", "said_on"), ("id", "id")),
        help_text="said_on, -said_on, id or -id; undated quotes come last either way. "
        "Default: -said_on.",
    )

    class Meta:
        model = Quote
        fields = []
        form = QuoteFilterForm

    def filter_queryset(self, queryset):
        """Confirmed quotes unless a status is asked for; the stance toward ``topic`` is
        annotated first, because the stance filters compare against it.

        A stance filter, or the CSV's stance column, on an unreleased topic is refused to all
        but reviewers (``coding.TopicNotReleased``, a 403); on a released one they read settled
        stances only (``coding.settled_only``)."""
        data = self.form.cleaned_data
        if not data.get("status"):
            queryset = queryset.confirmed()
        topic = data.get("topic")
        if topic is not None:
            user = getattr(self.request, "user", None) or AnonymousUser()
            renderer = getattr(self.request, "accepted_renderer", None)
            asks_values = getattr(renderer, "format", None) == "csv" or any(
                data.get(name) is not None for name in ("stance", "stance_min", "stance_max")
            )
            if asks_values:
                coding.check_aggregate(user, topic)
            settled_only = coding.settled_only(user)
            queryset = queryset.with_stance(topic, settled_only=settled_only).filter(
                stance__isnull=False
            )
        return super().filter_queryset(queryset)

    def filter_speaker(self, queryset, name, value):
        return queryset.filter(speaker_id__in=value)

    def filter_status(self, queryset, name, value):
        return queryset if value == "all" else queryset.filter(status=value)

    def filter_topic(self, queryset, name, value):
        return queryset  # applied in filter_queryset, before the stance filters

    def filter_q(self, queryset, name, value):
        return search_quotes(queryset, value)


class SpeakerFilter(FilterSet):
    search = filters.CharFilter(method="filter_search", help_text="Part of the name or an alias.")
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=Speaker.Kind.choices, help_text="Kind."
    )
    organization = _slug_filter(
        Organization.objects.all(),
        "affiliations__organization",
        "Slug of an organization the speaker held a role in (at any time). Unknown slug: 400.",
        distinct=True,
    )
    country = filters.CharFilter(
        field_name="country", lookup_expr="iexact", help_text="ISO 3166 alpha-2 code."
    )

    class Meta:
        model = Speaker
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class OrganizationFilter(FilterSet):
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=Organization.Kind.choices, help_text="Kind."
    )
    country = filters.CharFilter(
        field_name="country", lookup_expr="iexact", help_text="ISO 3166 alpha-2 code."
    )

    class Meta:
        model = Organization
        fields = []


class SourceFilter(FilterSet):
    outlet = filters.CharFilter(field_name="outlet", lookup_expr="iexact", help_text="Outlet.")
    language = filters.CharFilter(
        field_name="language", lookup_expr="iexact", help_text="Language code of the text."
    )
    published_after = filters.DateFilter(
        field_name="published_on", lookup_expr="gte", help_text="Published on or after (ISO)."
    )
    published_before = filters.DateFilter(
        field_name="published_on", lookup_expr="lte", help_text="Published on or before (ISO)."
    )

    class Meta:
        model = Source
        fields = []


class EventFilter(FilterSet):
    after = filters.DateFilter(
        field_name="occurred_on", lookup_expr="gte", help_text="Occurred on or after (ISO date)."
    )
    before = filters.DateFilter(
        field_name="occurred_on", lookup_expr="lte", help_text="Occurred on or before (ISO date)."
    )

    class Meta:
        model = Event
        fields = []


class StanceAnnotationFilter(FilterSet):
    quote = filters.ModelChoiceFilter(
        field_name="quote",
        queryset=Quote.objects.only("id"),
        help_text="Quote id. Unknown id: 400.",
    )
    topic = _slug_filter(Topic.objects.all(), "topic", "Topic slug. Unknown slug: 400.")

    class Meta:
        model = StanceAnnotation
        fields = []
