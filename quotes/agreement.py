"""Inter-annotator agreement per topic: Krippendorff's alpha at the ordinal level.

Stance values are ordered (−2 … +2) but their distances are not known to be equal, so the
ordinal metric is the right one. Units are confirmed quotes coded with a value by two or more
annotators; "cannot code" is not a value on the scale, so it takes no part.
"""

import krippendorff
import numpy as np
from django.db.models import Count, F, Max, Min, Q

from quotes.models import Quote, StanceAnnotation
from quotes.models.stances import STANCE_MAX, STANCE_MIN

DISAGREEMENT_SPREAD = 2  # points between the lowest and highest coding that count as a disagreement


def ordinal_alpha(units: dict) -> float | None:
    """Krippendorff's ordinal alpha of ``{unit: {coder: value}}``; None when undefined (no unit
    with two codings, or every coding the same value, so there is no variation to agree on)."""
    pairable = {unit: codes for unit, codes in units.items() if len(codes) >= 2}
    values = {value for codes in pairable.values() for value in codes.values()}
    if len(values) < 2:
        return None
    coders = sorted({coder for codes in pairable.values() for coder in codes})
    unit_keys = sorted(pairable)
    matrix = np.full((len(coders), len(unit_keys)), np.nan)
    for column, unit in enumerate(unit_keys):
        for coder, value in pairable[unit].items():
            matrix[coders.index(coder), column] = value
    return float(
        krippendorff.alpha(
            reliability_data=matrix,
            level_of_measurement="ordinal",
            value_domain=list(range(STANCE_MIN, STANCE_MAX + 1)),
        )
    )


def topic_agreement(topic) -> dict:
    """Agreement on ``topic``: ``alpha`` (or None), the number of ``quotes`` (units),
    ``annotators`` and ``annotations`` it rests on, and ``disagreements``: the quotes whose codings
    spread over ``DISAGREEMENT_SPREAD`` points or more, widest first, each with its
    ``(annotator username, value)`` pairs. Runs three queries."""
    on_topic = Q(annotations__topic=topic, annotations__value__isnull=False)
    units = (
        Quote.objects.confirmed()
        .annotate(
            coders=Count("annotations", filter=on_topic),
            spread=Max("annotations__value", filter=on_topic)
            - Min("annotations__value", filter=on_topic),
        )
        .filter(coders__gte=2)
    )
    codings: dict[int, dict[str, int]] = {}
    for quote_id, username, value in (
        StanceAnnotation.objects.filter(
            topic=topic, value__isnull=False, quote__in=units.values("pk")
        )
        .values_list("quote_id", "annotator__username", "value")
        .order_by("quote_id", "annotator__username")
    ):
        codings.setdefault(quote_id, {})[username] = value
    disagreements = [
        {"quote": quote, "spread": quote.spread, "codings": sorted(codings[quote.pk].items())}
        for quote in units.filter(spread__gte=DISAGREEMENT_SPREAD)
        .select_related("speaker", "source")
        .order_by(F("spread").desc(), "said_on", "id")
    ]
    return {
        "topic": topic,
        "alpha": ordinal_alpha(codings),
        "quotes": len(codings),
        "annotators": len({coder for codes in codings.values() for coder in codes}),
        "annotations": sum(len(codes) for codes in codings.values()),
        "disagreements": disagreements,
    }
