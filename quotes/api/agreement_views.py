"""``/api/topics/{slug}/agreement/``: the agreement figures of a topic as JSON or CSV.

An aggregate like a timeline: an unreleased topic is a 403 to everyone but reviewers, and
everyone but reviewers gets the figures of settled quotes only (``quotes.coding``). The codes
each annotator gave are values too: a disagreement's codings are shown to reviewers and to those
who coded that quote, and only reviewers see who the annotators are (the others see "annotator
1", "annotator 2" … in a fixed order).
"""

import csv
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from quotes import alpha, coding
from quotes.agreement import topic_agreement
from quotes.api.analysis_views import NOT_RELEASED
from quotes.api.csv_export import CSVRenderer
from quotes.api.permissions import ReadOrModelPermissions
from quotes.api.renderers import JSONRenderer
from quotes.api.schema import NOT_FOUND
from quotes.display import round_stance
from quotes.models import Topic
from quotes.text import spreadsheet_safe


class IntervalSerializer(serializers.Serializer):
    low = serializers.FloatField()
    high = serializers.FloatField()
    level = serializers.FloatField(help_text="0.95")
    method = serializers.CharField(help_text="How the interval was computed.")
    samples = serializers.IntegerField(help_text="Bootstrap resamples.")
    seed = serializers.IntegerField(help_text="The generator's seed: same data, same interval.")


class PairSerializer(serializers.Serializer):
    annotators = serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2)
    quotes = serializers.IntegerField(help_text="Quotes both coded with a value.")
    exact = serializers.FloatField(help_text="Share of those with the same value (0..1).")
    mean_difference = serializers.FloatField(help_text="Mean absolute difference, in points.")
    alpha = serializers.FloatField(allow_null=True, help_text="Ordinal alpha of the two alone.")


class CodingSerializer(serializers.Serializer):
    annotator = serializers.CharField()
    value = serializers.IntegerField()


class DisagreementSerializer(serializers.Serializer):
    quote = serializers.IntegerField(help_text="The quote's id.")
    spread = serializers.IntegerField(help_text="Highest minus lowest value coded.")
    status = serializers.ChoiceField(choices=["open", "adjudicated"])
    adjudicated_value = serializers.IntegerField(
        allow_null=True, help_text='Null while open, or when adjudicated "cannot code".'
    )
    adjudicated_cannot_code = serializers.BooleanField()
    codings = CodingSerializer(
        many=True, allow_null=True, help_text="Null unless you may see them (reviewers, coders)."
    )
    adjudicate_url = serializers.CharField(
        allow_null=True, help_text="Where a reviewer adjudicates it (null for others)."
    )


class AgreementSerializer(serializers.Serializer):
    topic = serializers.CharField(help_text="The topic's slug.")
    level = serializers.CharField(help_text='"ordinal".')
    settled_only = serializers.BooleanField(
        help_text="Only settled quotes counted (non-reviewers)."
    )
    alpha = serializers.FloatField(allow_null=True, help_text="Krippendorff's ordinal alpha.")
    interval = IntervalSerializer(allow_null=True, help_text="Bootstrapped 95% interval.")
    quotes = serializers.IntegerField(help_text="Units: quotes coded with a value twice or more.")
    annotators = serializers.IntegerField()
    annotations = serializers.IntegerField(help_text="Values the alpha rests on.")
    cannot_code = serializers.IntegerField(help_text='"Cannot code" codes, left out of alpha.')
    open = serializers.IntegerField(help_text="Disagreements not adjudicated yet.")
    pairs = PairSerializer(many=True)
    disagreements = DisagreementSerializer(many=True)


def _number(value):
    return round_stance(value)


def agreement_data(topic, user, build_url) -> dict:
    """The figures of ``topic`` as ``user`` may see them (see the module docstring)."""
    reviewer = coding.sees_all(user)
    figures = topic_agreement(topic, settled_only=not reviewer)
    names = sorted({name for pair in figures["pairs"] for name in pair["annotators"]})
    label = {name: name if reviewer else f"annotator {n}" for n, name in enumerate(names, 1)}
    quote_ids = [row["quote"].pk for row in figures["disagreements"]]
    coded = {quote for quote, _ in coding.coded_pairs_of(user, quote_ids) if _ == topic.pk}
    interval = figures["interval"]
    return {
        "topic": topic.slug,
        "level": "ordinal",
        "settled_only": not reviewer,
        "alpha": _number(figures["alpha"]),
        "interval": interval
        and {
            "low": _number(interval[0]),
            "high": _number(interval[1]),
            "level": alpha.LEVEL,
            "method": "bias-corrected and accelerated bootstrap over quotes",
            "samples": alpha.BOOTSTRAP_SAMPLES,
            "seed": alpha.BOOTSTRAP_SEED,
        },
        **{key: figures[key] for key in ("quotes", "annotators", "annotations", "cannot_code")},
        "open": figures["open"],
        "pairs": [
            {
                "annotators": [label[name] for name in pair["annotators"]],
                "quotes": pair["units"],
                "exact": _number(pair["exact"]),
                "mean_difference": _number(pair["mean_difference"]),
                "alpha": _number(pair["alpha"]),
            }
            for pair in figures["pairs"]
        ],
        "disagreements": [
            {
                "quote": row["quote"].pk,
                "spread": row["spread"],
                "status": "adjudicated" if row["adjudicated"] else "open",
                "adjudicated_value": row["adjudicated_value"],
                "adjudicated_cannot_code": row["adjudicated_cannot_code"],
                "codings": [
                    {"annotator": label.get(name, name), "value": value}
                    for name, value in row["codings"]
                ]
                if reviewer or row["quote"].pk in coded
                else None,
                "adjudicate_url": build_url(adjudicate_path(row["quote"].pk, topic))
                if reviewer
                else None,
            }
            for row in figures["disagreements"]
        ],
    }


def adjudicate_path(quote_id: int, topic) -> str:
    """The quote's page in the desk, opened on ``topic``, at that topic's forms."""
    path = reverse("admin:quotes_quote_change", args=[quote_id])
    return f"{path}?{urlencode({'topic': topic.slug})}#topic-{topic.slug}"


CSV_COLUMNS = [
    *("row", "annotator_a", "annotator_b", "quote_id", "quotes", "values", "alpha"),
    *("interval_low", "interval_high", "exact", "mean_difference", "spread", "status"),
    *("adjudicated_value", "codings", "adjudicate_url"),
]


def agreement_csv_rows(data: dict):
    """One table: a ``topic`` row (alpha, its interval, counts), a ``pair`` row per pair of
    annotators and a ``disagreement`` row per disagreement; numbers as numbers, texts made
    spreadsheet-safe."""
    interval = data["interval"] or {}
    yield {
        "row": "topic",
        "quotes": data["quotes"],
        "values": data["annotations"],
        "alpha": data["alpha"],
        "interval_low": interval.get("low"),
        "interval_high": interval.get("high"),
    }
    for pair in data["pairs"]:
        first, second = pair["annotators"]
        yield {
            "row": "pair",
            "annotator_a": first,
            "annotator_b": second,
            "quotes": pair["quotes"],
            "alpha": pair["alpha"],
            "exact": pair["exact"],
            "mean_difference": pair["mean_difference"],
        }
    for row in data["disagreements"]:
        codings = row["codings"]
        yield {
            "row": "disagreement",
            "quote_id": row["quote"],
            "spread": row["spread"],
            "status": row["status"],
            "adjudicated_value": "cannot code"
            if row["adjudicated_cannot_code"]
            else row["adjudicated_value"],
            "codings": None
            if codings is None
            else "; ".join(f"{coding['annotator']}: {coding['value']:+d}" for coding in codings),
            "adjudicate_url": row["adjudicate_url"],
        }


def agreement_csv_response(topic, data: dict) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agreement-{topic.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in agreement_csv_rows(data):
        writer.writerow(
            [spreadsheet_safe("" if row.get(name) is None else row[name]) for name in CSV_COLUMNS]
        )
    return response


class TopicAgreementView(APIView):
    permission_classes = [ReadOrModelPermissions]
    queryset = Topic.objects.none()  # GET only; a write is judged by the topic permission
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]

    @extend_schema(
        summary="Inter-annotator agreement on a topic",
        description=(
            "Krippendorff's ordinal alpha over confirmed quotes coded with a value by two or "
            'more annotators ("cannot code" left out, and counted), its bootstrapped 95% '
            "interval (seeded: the same data give the same interval), agreement per pair of "
            "annotators, and each disagreement (2 points or more) open or adjudicated. "
            "`?format=csv` gives the same figures as one table (a `row` column says which)."
        ),
        parameters=[
            OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH),
            OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"]),
        ],
        responses={
            (200, "application/json"): AgreementSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            403: NOT_RELEASED,
            404: OpenApiResponse(NOT_FOUND.response, description="No topic has this slug."),
        },
    )
    def get(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        coding.check_aggregate(request.user, topic)
        data = agreement_data(topic, request.user, request.build_absolute_uri)
        if request.accepted_renderer.format == "csv":
            return agreement_csv_response(topic, data)
        return Response(data)
