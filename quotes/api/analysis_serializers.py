"""Query parameters and response shapes of the timeline and compare endpoints.

The query serializers are also what the compare and speaker pages validate their parameters
with, so a bad parameter means the same thing (and names itself the same way) everywhere.
"""

import datetime
import functools

from rest_framework import serializers

from quotes.analysis import BUCKETS, Comparison, Filters, Point, Series
from quotes.api.serializers import SlugRelatedField
from quotes.api.speaker_slugs import speakers_named
from quotes.models import Organization, Quote, Speaker, Topic
from quotes.utterances import UNITS


def present(params) -> dict:
    """The parameters that carry a value: an empty ``said_after=`` from a form means "not given"."""
    return {key: value for key, value in params.items() if value.strip()}


def _slugs(value: str) -> list[str]:
    """ "a, b,,a" -> ["a", "b"]: comma-separated, blanks dropped, first occurrence kept."""
    return list(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


class AnalysisQuerySerializer(serializers.Serializer):
    topic = SlugRelatedField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        help_text="Slug of the topic the stances are taken toward (required).",
    )
    bucket = serializers.ChoiceField(
        choices=list(BUCKETS), default="month", help_text="Length of a period."
    )
    said_after = serializers.DateField(
        required=False, help_text="Only quotes said on or after this date (YYYY-MM-DD)."
    )
    said_before = serializers.DateField(
        required=False, help_text="Only quotes said on or before this date (YYYY-MM-DD)."
    )
    status = serializers.ChoiceField(
        choices=Quote.Status.choices,
        default=Quote.Status.CONFIRMED,
        help_text="Review status of the quotes counted; confirmed unless given.",
    )
    ids = serializers.BooleanField(
        required=False,
        default=False,
        help_text="1: each period lists its quote ids (`quote_ids`); left out unless asked, so a "
        "timeline's size does not grow with its number of quotes.",
    )

    unit = serializers.ChoiceField(
        choices=list(UNITS),
        default="utterance",
        help_text="What is counted: `utterance` (default) counts a statement once however many "
        "outlets reported it, on its earliest confirmed report's date, with the mean of its "
        "reports' stances; `report` counts every quote as printed.",
    )

    def validate(self, attrs):
        after, before = attrs.get("said_after"), attrs.get("said_before")
        if after and before and after > before:
            raise serializers.ValidationError({"said_before": "Must not be before said_after."})
        return attrs

    def filters(self) -> Filters:
        data = self.validated_data
        return Filters(
            topic=data["topic"],
            bucket=data["bucket"],
            said_after=data.get("said_after"),
            said_before=data.get("said_before"),
            status=data["status"],
            unit=data["unit"],
        )


class CompareQuerySerializer(AnalysisQuerySerializer):
    speakers = serializers.CharField(
        required=False, help_text="Comma-separated speaker slugs (alias slugs resolve too)."
    )
    organizations = serializers.CharField(
        required=False,
        help_text="Comma-separated organization slugs: quotes said in a role at that organization.",
    )
    organization_kinds = serializers.CharField(
        required=False,
        help_text="Comma-separated organization kinds: " + ", ".join(Organization.Kind.values),
    )

    def validate_speakers(self, value) -> list[Speaker]:
        """Speakers in the order asked, each once, whether named by slug or alias (one query)."""
        slugs = _slugs(value)
        found = speakers_named(slugs)
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise serializers.ValidationError(f"Unknown speaker: {', '.join(unknown)}.")
        return list({found[slug].pk: found[slug] for slug in slugs}.values())

    def validate_organizations(self, value) -> list[Organization]:
        slugs = _slugs(value)
        found = {org.slug: org for org in Organization.objects.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise serializers.ValidationError(f"Unknown organization: {', '.join(unknown)}.")
        return [found[slug] for slug in slugs]

    def validate_organization_kinds(self, value) -> list[str]:
        kinds = _slugs(value)
        unknown = [kind for kind in kinds if kind not in Organization.Kind.values]
        if unknown:
            raise serializers.ValidationError(f"Unknown organization kind: {', '.join(unknown)}.")
        return kinds

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if not any(attrs.get(name) for name in ("speakers", "organizations", "organization_kinds")):
            raise serializers.ValidationError(
                {"speakers": "Name at least one of speakers, organizations or organization_kinds."}
            )
        return attrs

    def series_kwargs(self) -> dict:
        """Keyword arguments for ``quotes.analysis.compare``."""
        data = self.validated_data
        return {
            "speakers": data.get("speakers", []),
            "organizations": data.get("organizations", []),
            "organization_kinds": data.get("organization_kinds", []),
        }


# --- Responses -----------------------------------------------------------------------------------


class IdListField(serializers.ListField):
    """A list of ids, passed through: a big speaker's period lists a hundred thousand quotes,
    and converting each through a child field would cost more than the query."""

    def to_representation(self, data):
        return list(data)


class PointSerializer(serializers.Serializer):
    period = serializers.CharField(help_text='"2021-10", "2021-Q4" or "2021".')
    start = serializers.DateField(help_text="First day of the period.")
    count = serializers.IntegerField(help_text="Quotes placed in the period.")
    with_stance = serializers.IntegerField(help_text="Of those, quotes with a stance on the topic.")
    without_stance = serializers.IntegerField(help_text="Quotes without a stance on the topic.")
    mean = serializers.FloatField(allow_null=True, help_text="Mean stored stance, −2..+2.")
    min = serializers.FloatField(allow_null=True)
    max = serializers.FloatField(allow_null=True)
    quote_ids = IdListField(
        child=serializers.IntegerField(),
        required=False,
        help_text="Only with `?ids=1`: the quotes with a stance on the topic, those the mean is "
        "computed from.",
    )
    change = serializers.FloatField(
        allow_null=True, help_text="Change of the mean since the previous period with a mean."
    )
    shift = serializers.BooleanField(help_text="The mean moved by 1 point or more.")

    def to_representation(self, point):
        # The timeline and compare views say whether ids were asked for (``?ids=1``).
        return point_data(point, ids=self.context.get("ids", True))


class PeriodSerializer(serializers.Serializer):
    period = serializers.CharField(source="label")
    start = serializers.DateField()
    end = serializers.DateField()


class EventSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    occurred_on = serializers.DateField()
    precision = serializers.CharField()


class SlugNameSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class _QuerySummarySerializer(serializers.Serializer):
    topic = SlugNameSerializer()
    bucket = serializers.CharField()
    said_after = serializers.DateField(allow_null=True)
    said_before = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    events = EventSerializer(many=True, help_text="Events in the range the periods cover.")


class SeriesSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Speaker or organization slug, or organization kind.")
    label = serializers.CharField()
    kind = serializers.ChoiceField(choices=["speaker", "organization", "organization_kind"])
    imprecise = serializers.IntegerField(help_text="Quotes dated too coarsely for the bucket.")
    undated = serializers.IntegerField(help_text="Quotes with an unknown date.")
    without_stance = serializers.IntegerField()
    points = PointSerializer(many=True, help_text="One per period of the comparison.")


class TimelineSerializer(_QuerySummarySerializer):
    speaker = SlugNameSerializer()
    periods = PointSerializer(many=True, help_text="The periods with quotes, oldest first.")
    imprecise = serializers.IntegerField(help_text="Quotes dated too coarsely for the bucket.")
    undated = serializers.IntegerField(help_text="Quotes with an unknown date.")
    without_stance = serializers.IntegerField(help_text="Placed quotes without a stance.")


class CompareSerializer(_QuerySummarySerializer):
    periods = PeriodSerializer(many=True, help_text="The union of the series' periods.")
    series = SeriesSerializer(many=True)


# The responses, written out: a compare of ten speakers is 2,000 aligned points, and DRF's
# field-by-field rendering of them cost more than the rollup's queries. The serializers above
# declare the same shapes for the OpenAPI schema; tests/api/test_analysis_rendering.py holds
# both to one answer.


@functools.lru_cache(maxsize=65536)
def _iso(day: datetime.date) -> str:
    # Cached: thousands of points share a few hundred period starts.
    return day.isoformat()


def point_data(point: Point, *, ids: bool) -> dict:
    """``PointSerializer``'s fields of ``point``; its ``quote_ids`` only when ``ids``."""
    count, with_stance = point.count, point.with_stance
    data = {
        "period": point.period,
        "start": _iso(point.start),
        "count": count,
        "with_stance": with_stance,
        "without_stance": count - with_stance,  # Point.without_stance, without its call
        "mean": point.mean,
        "min": point.min,
        "max": point.max,
        "change": point.change,
        "shift": point.shift,
    }
    if ids:
        data["quote_ids"] = point.quote_ids
    return data


def _day(value) -> str | None:
    return None if value is None else value.isoformat()


def _summary(comparison: Comparison, filters: Filters) -> dict:
    topic = comparison.topic
    return {
        "topic": {"slug": topic.slug, "name": topic.name},
        "bucket": str(comparison.bucket),
        "said_after": _day(filters.said_after),
        "said_before": _day(filters.said_before),
        "status": str(filters.status),
        "events": [
            {
                "slug": event.slug,
                "title": event.title,
                "occurred_on": event.occurred_on.isoformat(),
                "precision": str(event.precision),
            }
            for event in comparison.events
        ],
    }


def timeline_data(
    speaker: Speaker, comparison: Comparison, filters: Filters, *, ids: bool = False
) -> dict:
    """``TimelineSerializer``'s shape."""
    series: Series = comparison.series[0]
    return {
        **_summary(comparison, filters),
        "speaker": {"slug": speaker.slug, "name": speaker.name},
        "periods": [point_data(point, ids=ids) for point in series.points],
        "imprecise": series.imprecise,
        "undated": series.undated,
        "without_stance": series.without_stance,
    }


def compare_data(comparison: Comparison, filters: Filters, *, ids: bool = False) -> dict:
    """``CompareSerializer``'s shape."""
    return {
        **_summary(comparison, filters),
        "periods": [
            {
                "period": period.label,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
            }
            for period in comparison.periods
        ],
        "series": [
            {
                "key": one.key,
                "label": one.label,
                "kind": one.kind,
                "imprecise": one.imprecise,
                "undated": one.undated,
                "without_stance": one.without_stance,
                "points": [point_data(point, ids=ids) for point in one.points],
            }
            for one in comparison.series
        ],
    }
