"""What an utterance counts as: the one definition every surface reads.

- A quote belongs to at most one utterance (``Quote.utterance``); a quote with none counts as
  an utterance of its own. All reports of an utterance are its speaker's.
- An utterance **counts** once at least one report is confirmed; its **date** is the earliest
  confirmed report's date, with that report's precision (stored on ``Utterance`` by
  ``utterance_dates_refresh``, called by every service that changes its reports).
- Its **stance** on a topic is the mean of its confirmed reports' stored stances (the ones the
  viewer may see: ``quotes.coding``), unless a reviewer adjudicated the utterance on the topic
  (``UtteranceAdjudication``): then it is the adjudicated value, or none for "cannot code".
  ``with_unit_stance`` is that rule in SQL, read by the API, timelines, compare and rankings. It
  is complete (settled) when a report is, or when adjudicated. The adjudicated stance is carried
  by the confirmed reports' stored stances, so an utterance none of whose confirmed reports is
  coded on a topic has no stance there to adjudicate (``adjudicable``).
- Reports whose stored stances on a topic differ by ``CONFLICT_POINTS`` or more are flagged
  (with whether a reviewer settled them by adjudicating the utterance).
- Counting by utterance (``unit_key``) counts each utterance once and each unlinked quote once.
"""

from django.db.models import (
    Avg,
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    FloatField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    When,
)

from quotes import coding
from quotes.models import DatePrecision, Quote, QuoteStance, Utterance, UtteranceAdjudication

UNITS = ("utterance", "report")
CONFLICT_POINTS = 2
_PRECISION_ORDER = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


def unit_key(prefix: str = ""):
    """An expression naming a row's counting unit: its utterance's id, else minus its quote's
    id (the two never collide). ``prefix`` leads from the row to its quote (``"quote__"``)."""
    return Case(
        When(**{f"{prefix}utterance__isnull": True}, then=-F(f"{prefix}id")),
        default=F(f"{prefix}utterance_id"),
        output_field=BigIntegerField(),
    )


def unit_date(prefix: str = "") -> tuple:
    """Expressions for a row's unit's date and precision: its utterance's, else its quote's."""
    linked = Q(**{f"{prefix}utterance__isnull": False})
    own = "said_on" if not prefix else f"{prefix}said_on"
    return (
        Case(
            When(linked, then=F(f"{prefix}utterance__said_on")),
            default=F(own),
            output_field=DateField(),
        ),
        Case(
            When(linked, then=F(f"{prefix}utterance__said_on_precision")),
            default=F(f"{own}_precision"),
            output_field=CharField(),
        ),
    )


def utterance_dates(utterance_ids, using: str = "default") -> dict[int, tuple]:
    """``{utterance_id: (said_on, precision)}``: each utterance's earliest confirmed report's
    date with that report's precision (a day before a month before a year on the same first
    day); ``(None, unknown)`` without a dated confirmed report (one query)."""
    ids = set(utterance_ids)
    reports = {pk: [] for pk in ids}
    rows = (
        Quote._base_manager.using(using)
        .filter(utterance_id__in=ids, status=Quote.Status.CONFIRMED, said_on__isnull=False)
        .values_list("utterance_id", "said_on", "said_on_precision", "id")
    )
    for utterance_id, said_on, precision, pk in rows:
        reports[utterance_id].append((said_on, precision, pk))
    return {pk: earliest_report_date(dated) for pk, dated in reports.items()}


def earliest_report_date(reports) -> tuple:
    """``(said_on, precision)`` of the earliest of an utterance's confirmed dated ``reports``,
    given as ``(said_on, precision, quote id)``: a day before a month before a year on the same
    first day, then the older quote; ``(None, unknown)`` for none. The one rule, also applied by
    the corpus generator to rows it has not written yet."""
    best = min(reports, key=lambda r: (r[0], _PRECISION_ORDER.get(r[1], 3), r[2]), default=None)
    return (None, DatePrecision.UNKNOWN) if best is None else (best[0], best[1])


def utterance_dates_refresh(utterance_ids) -> list[int]:
    """Store each utterance's date (``utterance_dates``): two queries, and an UPDATE for each
    utterance whose date changed. Returns those utterances' ids (their counting units move:
    ``quotes.unit_rollup``)."""
    dates = utterance_dates(utterance_ids)
    changed = []
    for utterance in Utterance.objects.filter(pk__in=dates):
        if (utterance.said_on, utterance.said_on_precision) != dates[utterance.pk]:
            utterance.said_on, utterance.said_on_precision = dates[utterance.pk]
            utterance.save(update_fields=["said_on", "said_on_precision", "updated_at"])
            changed.append(utterance.pk)
    return changed


def with_unit_stance(stances: QuerySet) -> QuerySet:
    """Stored stances (``QuoteStance`` rows) annotated with what their unit takes from them:
    ``unit_value``, the utterance's adjudicated value on the row's topic when a reviewer
    adjudicated it (none for "cannot code"), else the row's own value; ``unit_adjudicated``;
    and ``unit_settled``, the row settled or its utterance adjudicated. A unit's stance is the
    mean of its rows' ``unit_value`` (one LEFT JOIN, no query of its own)."""
    adjudicated = Q(unit_adjudication__id__isnull=False)
    return stances.annotate(
        unit_adjudication=FilteredRelation(
            "quote__utterance__adjudications",
            condition=Q(quote__utterance__adjudications__topic=F("topic")),
        ),
        unit_adjudicated=ExpressionWrapper(adjudicated, output_field=BooleanField()),
        unit_value=Case(
            When(adjudicated, then=F("unit_adjudication__value")),
            default=F("value"),
            output_field=FloatField(),
        ),
        unit_settled=ExpressionWrapper(
            adjudicated | Q(is_settled=True), output_field=BooleanField()
        ),
    )


def confirmed_report_stances(utterance_ids, user, *, as_unit: bool = False):
    """The confirmed reports' stored stances with a value ``user`` may see, for
    ``utterance_ids`` (None: every utterance); ``as_unit``: with ``with_unit_stance``, the
    value being the unit's (an adjudication settles every report for this, as it settles a
    quote)."""
    stances = QuoteStance.objects.filter(
        quote__utterance__isnull=False, status=Quote.Status.CONFIRMED
    )
    if utterance_ids is not None:
        stances = stances.filter(quote__utterance_id__in=list(utterance_ids))
    if not as_unit:
        return coding.visible_summaries(stances.filter(value__isnull=False), user)
    stances = with_unit_stance(stances).filter(unit_value__isnull=False)
    return coding.visible_summaries(stances, user, settled="unit_settled")


def utterance_stances(utterance_ids, user, topic="topic_id") -> dict[int, dict]:
    """``{utterance_id: {topic_id: mean}}``: each utterance's stance (``with_unit_stance``) from
    the confirmed reports' stored stances ``user`` may see (one query); ``topic="topic__slug"``
    keys by slug."""
    rows = (
        confirmed_report_stances(utterance_ids, user, as_unit=True)
        .values("quote__utterance_id", topic)
        .annotate(mean=Avg("unit_value"))
        .order_by()
    )
    found: dict[int, dict[int, float]] = {}
    for row in rows:
        found.setdefault(row["quote__utterance_id"], {})[row[topic]] = row["mean"]
    return found


def _conflicts(stances: QuerySet, topic: str = "topic_id") -> QuerySet:
    return (
        stances.values("quote__utterance_id", topic)
        .annotate(low=Min("value"), high=Max("value"))
        .filter(high__gte=F("low") + CONFLICT_POINTS - 1e-9)
        .order_by()
    )


def conflicted_utterances(user, *, adjudicated: bool) -> QuerySet:
    """The ids (``quote__utterance_id``) of the utterances with a conflict on a topic among the
    values ``user`` may see, which a reviewer has (``adjudicated``) or has not yet settled by
    adjudicating the utterance on that topic: a subquery for ``Utterance.objects.filter``."""
    settled = UtteranceAdjudication.objects.filter(
        utterance_id=OuterRef("quote__utterance_id"), topic_id=OuterRef("topic_id")
    )
    stances = confirmed_report_stances(None, user)
    stances = stances.filter(Exists(settled)) if adjudicated else stances.exclude(Exists(settled))
    return _conflicts(stances).values("quote__utterance_id")


def conflicting_stances(utterance_ids, user, topic="topic_id") -> dict[int, dict]:
    """``{utterance_id: {topic_id: (lowest, highest)}}`` where two confirmed reports' stored
    stances differ by ``CONFLICT_POINTS`` or more (one query; only values ``user`` may see;
    ``topic="topic__slug"`` keys by slug). Whether an adjudication settled one is
    ``visible_adjudications``'s to say."""
    rows = _conflicts(confirmed_report_stances(utterance_ids, user), topic)
    found: dict[int, dict[int, tuple[float, float]]] = {}
    for row in rows:
        found.setdefault(row["quote__utterance_id"], {})[row[topic]] = (
            row["low"],
            row["high"],
        )
    return found


def visible_adjudications(utterance_ids, user, topic="topic_id") -> dict[int, dict]:
    """``{utterance_id: {topic_id: UtteranceAdjudication}}``: the utterance adjudications
    ``user`` may read (``quotes.coding.visible_utterance_adjudications``; one query);
    ``topic="topic__slug"`` or ``"topic__name"`` keys by slug or name."""
    rows = coding.visible_utterance_adjudications(
        UtteranceAdjudication.objects.filter(utterance_id__in=list(utterance_ids)), user
    ).select_related("topic", "reviewer")
    found: dict[int, dict] = {}
    for adjudication in rows:
        key = getattr(adjudication.topic, topic.removeprefix("topic__"), adjudication.topic_id)
        found.setdefault(adjudication.utterance_id, {})[key] = adjudication
    return found


def adjudicable(utterance_id: int, topic_id: int) -> bool:
    """Whether a reviewer can adjudicate the utterance on the topic: a confirmed report has a
    stored stance there to carry it (one query)."""
    return QuoteStance.objects.filter(
        quote__utterance_id=utterance_id, topic_id=topic_id, status=Quote.Status.CONFIRMED
    ).exists()


def counts(utterance: Utterance) -> bool:
    """An utterance counts once a report is confirmed (its date is then known or unknown, but
    it has a confirmed report: one query unless the reports are prefetched)."""
    return any(report.status == Quote.Status.CONFIRMED for report in utterance.reports.all())
