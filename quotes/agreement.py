"""Inter-annotator agreement per topic, read from the database: the figures a methods section
cites (ordinal alpha, its 95% interval, agreement per pair of annotators) and the disagreements a
reviewer works through.

Stance values are ordered (−2 … +2) but their distances are not known to be equal, so the
ordinal metric is the right one (``quotes.alpha``). Units are confirmed quotes coded with a value
by two or more annotators; "cannot code" is not a value on the scale, so it takes no part in
alpha (it is counted beside it).
"""

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Subquery

from quotes.alpha import bootstrap_interval, ordinal_alpha, pair_agreement
from quotes.models import Adjudication, Quote, QuoteStance, StanceAnnotation

__all__ = ["DISAGREEMENT_SPREAD", "ordinal_alpha", "topic_agreement", "topic_alpha"]

DISAGREEMENT_SPREAD = 2  # points between the lowest and highest coding that count as a disagreement


def topic_agreement(topic, *, settled_only: bool = False) -> dict:
    """Agreement on ``topic``: ``alpha`` (or None) with its bootstrapped 95% ``interval``
    (``(low, high)`` or None); the number of ``quotes`` (units), ``annotators`` and
    ``annotations`` it rests on, and of ``cannot_code`` codes left out; ``pairs``, agreement per
    pair of annotators (``quotes.alpha.pair_agreement``); and ``disagreements``: the quotes whose
    codings spread over ``DISAGREEMENT_SPREAD`` points or more, open ones first then widest,
    each with its ``(annotator username, value)`` pairs, whether a reviewer has ``adjudicated``
    it and, if so, the ``adjudicated_value`` (None for "cannot code", then
    ``adjudicated_cannot_code``). ``open`` counts the disagreements not adjudicated.

    With ``settled_only`` (what everyone but reviewers gets: ``quotes.coding``) only quotes
    settled on the topic count. Runs four queries.
    """
    # Read from the topic's annotations, never by grouping every quote (a million of them): the
    # codings of confirmed quotes, then, in the database, the few quotes whose codings spread.
    annotations, coded, codings = _codings(topic, settled_only=settled_only)
    spreading = (
        coded.values("quote_id")
        .annotate(coders=Count("id"), spread=Max("value") - Min("value"))
        .filter(coders__gte=2, spread__gte=DISAGREEMENT_SPREAD)
        .values("quote_id")
    )
    on_topic = Q(annotations__topic=topic, annotations__value__isnull=False)
    adjudicated = Adjudication.objects.filter(quote=OuterRef("pk"), topic=topic)
    disagreements = [
        {
            "quote": quote,
            "spread": quote.spread,
            "codings": sorted(codings[quote.pk].items()),
            "adjudicated": quote.adjudicated,
            "adjudicated_value": quote.adjudicated_value,
            "adjudicated_cannot_code": bool(quote.adjudicated_cannot_code),
        }
        for quote in Quote.objects.filter(pk__in=spreading)
        .annotate(
            spread=Max("annotations__value", filter=on_topic)
            - Min("annotations__value", filter=on_topic),
            adjudicated=Exists(adjudicated),
            adjudicated_value=Subquery(adjudicated.values("value")[:1]),
            adjudicated_cannot_code=Subquery(adjudicated.values("cannot_code")[:1]),
        )
        .select_related("speaker", "source")
        .order_by("adjudicated", F("spread").desc(), "said_on", "id")
    ]
    cannot_code = annotations.filter(cannot_code=True).count()
    return {
        **_summary(topic, codings),
        "interval": bootstrap_interval(codings),
        "cannot_code": cannot_code,
        "pairs": pair_agreement(codings),
        "disagreements": disagreements,
        "open": sum(1 for row in disagreements if not row["adjudicated"]),
    }


def topic_alpha(topic, *, settled_only: bool = False) -> dict:
    """The headline of ``topic_agreement`` alone, in one query: ``topic``, ``alpha``, and the
    ``quotes``, ``annotators`` and ``annotations`` it rests on (the same values). For a page
    that shows no interval, pairs or disagreements: at a million quotes those took most of the
    topic page's time (bench/RESULTS.md, 2026-12-03)."""
    return _summary(topic, _codings(topic, settled_only=settled_only)[2])


def _codings(topic, *, settled_only: bool):
    """The topic's annotations of confirmed quotes (settled on the topic with ``settled_only``),
    those with a value, and ``{quote_id: {username: value}}`` of the quotes coded with a value
    by two or more annotators (one query)."""
    annotations = StanceAnnotation.objects.filter(topic=topic, quote__status=Quote.Status.CONFIRMED)
    if settled_only:
        annotations = annotations.filter(
            Exists(
                QuoteStance.objects.filter(quote=OuterRef("quote_id"), topic=topic, is_settled=True)
            )
        )
    coded = annotations.filter(value__isnull=False)
    codings: dict[int, dict[str, int]] = {}
    # In no order: nothing below depends on it (alpha sorts the units and coders, the interval
    # the patterns), and sorting 300,000 rows made SQLite scan every topic's annotations.
    for quote_id, username, value in coded.values_list(
        "quote_id", "annotator__username", "value"
    ).order_by():
        codings.setdefault(quote_id, {})[username] = value
    codings = {quote_id: codes for quote_id, codes in codings.items() if len(codes) >= 2}
    return annotations, coded, codings


def _summary(topic, codings: dict) -> dict:
    return {
        "topic": topic,
        "alpha": ordinal_alpha(codings),
        "quotes": len(codings),
        "annotators": len({coder for codes in codings.values() for coder in codes}),
        "annotations": sum(len(codes) for codes in codings.values()),
    }
