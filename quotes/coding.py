"""Who may see which stance values: the one coding-visibility policy every surface calls.

Coding is blind, and a topic's stances are public only once a reviewer releases the topic:

- **Reviewers** (whoever may adjudicate; superusers too) see every value.
- **A single quote's values** on a topic — the stored stance, the others' annotations — are
  shown to reviewers and to the annotators (editors too: they code) who have coded that quote on
  that topic. On a *released* topic the stored stance is also shown to everyone once the quote is
  *settled*: adjudicated, or coded by as many annotators as the topic needs ("cannot code"
  counts). Everyone else sees at most how many have coded.
- **Aggregates** (timelines, comparisons, stance filters, the stance columns of CSV, the quote
  ids of a period) on an unreleased topic are refused to everyone but reviewers
  (``TopicNotReleased``, a 403); on a released topic they count settled quotes only.
- **An utterance** (one statement, several reports) follows the same rules: its stance is read
  from its reports' rows, an utterance adjudication settles it as an adjudication settles a
  quote, and "coded it" means coded one of its reports on the topic.
- Nobody changes another person's annotation (superusers included); a reviewer's adjudication
  is how a value is corrected. That rule is ``may_change_annotation``.

Functions here take what they decide on and run no query of their own, except ``sees_all``
(the permission check, cached on the user) and the ``QuerySet`` filters, which add a condition
to the caller's query: the lists' query counts stay what they were.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
)

from quotes.models import StanceAnnotation


class TopicNotReleased(PermissionDenied):
    """An aggregate of an unreleased topic was asked for by someone who is not a reviewer."""

    def __init__(self, topic):
        super().__init__(
            f"The stances on {topic.name!r} ({topic.slug}) are not released yet: until a "
            "reviewer releases the topic, its timelines, comparisons, stance filters and stance "
            "columns are open to reviewers only."
        )


# --- Who -------------------------------------------------------------------------------------


def sees_all(user) -> bool:
    """Reviewers and superusers: every value, every topic. The permission is the one that lets
    a reviewer adjudicate, so whoever corrects values can see them (cached on the user)."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("quotes.add_adjudication")


def is_settled(*, codes: int, codes_needed: int, adjudicated: bool) -> bool:
    """A quote is settled on a topic once adjudicated or coded ``codes_needed`` times."""
    return adjudicated or codes >= codes_needed


def settled_condition(codes_needed: int) -> Q:
    """``is_settled`` for stored ``QuoteStance`` rows of a topic, in SQL."""
    return Q(is_adjudicated=True) | Q(annotator_count__gte=codes_needed - F("cannot_code_count"))


def may_change_annotation(user, annotation) -> bool:
    """Only the annotator changes or deletes their annotation: no role, no superuser, overrides
    that (a reviewer corrects a value by adjudicating)."""
    return annotation.annotator_id == user.pk


# --- A single quote ----------------------------------------------------------------------------


def can_see_values(user, *, released: bool, settled: bool, coded: bool) -> bool:
    """Whether ``user`` may see a quote's stance on a topic (the stored stance and whether it is
    adjudicated): ``released``/``settled`` describe the topic and the quote's summary, ``coded``
    says ``user`` has coded that quote on that topic."""
    return coded or (released and settled) or sees_all(user)


def can_see_annotations(user, *, coded: bool) -> bool:
    """Whether ``user`` may see the other annotators' codes of a quote on a topic."""
    return coded or sees_all(user)


def summary_visible(user, summary, coded: bool) -> bool:
    """``can_see_values`` for a ``QuoteStance`` whose ``topic`` is loaded."""
    return can_see_values(
        user, released=summary.topic.released, settled=summary.is_settled, coded=coded
    )


def mark_summaries(quotes, user, coded_pairs: set | None = None) -> None:
    """Set ``values_visible`` on each prefetched ``stance_summaries`` row of ``quotes``.

    ``coded_pairs`` is the set of ``(quote_id, topic_id)`` that ``user`` has coded, when the
    caller has it already (the admin list prefetches the user's annotations); otherwise one query
    reads it (none for anonymous users and reviewers).
    """
    quotes = list(quotes)
    if coded_pairs is None:
        coded_pairs = coded_pairs_of(user, [quote.pk for quote in quotes])
    for quote in quotes:
        for summary in quote.stance_summaries.all():
            summary.values_visible = summary_visible(
                user, summary, (quote.pk, summary.topic_id) in coded_pairs
            )


def coded_pairs_of(user, quote_ids) -> set:
    """``(quote_id, topic_id)`` pairs ``user`` has coded among ``quote_ids``; one query, none
    for anonymous users and reviewers (who need no such set)."""
    if not user.is_authenticated or sees_all(user) or not quote_ids:
        return set()
    return set(
        StanceAnnotation.objects.filter(annotator=user, quote_id__in=list(quote_ids)).values_list(
            "quote_id", "topic_id"
        )
    )


# --- Rows in SQL -------------------------------------------------------------------------------


def coded_by(user, quote="quote", topic="topic") -> Exists:
    """True where ``user`` has coded the row's quote on the row's topic."""
    return Exists(
        StanceAnnotation.objects.filter(
            annotator=user.pk, quote_id=OuterRef(quote), topic_id=OuterRef(topic)
        )
    )


def visible_summaries(queryset: QuerySet, user, settled: str = "is_settled") -> QuerySet:
    """The ``QuoteStance`` rows whose values ``user`` may see (``can_see_values`` in SQL);
    ``settled`` names the column that says settled (an utterance's: ``unit_settled``)."""
    if sees_all(user):
        return queryset
    public = Q(topic__released=True, **{settled: True})
    if not user.is_authenticated:
        return queryset.filter(public)
    return queryset.filter(public | Q(coded_by(user)))


def with_visibility(queryset: QuerySet, user) -> QuerySet:
    """``QuoteStance`` rows annotated with ``values_visible`` (``can_see_values`` in SQL), for
    a list that shows how many coded a hidden stance: same query, one more condition."""
    if sees_all(user):
        visible = Value(True)
    else:
        condition = Q(topic__released=True, is_settled=True)
        if user.is_authenticated:
            condition |= Q(coded_by(user))
        visible = ExpressionWrapper(condition, output_field=BooleanField())
    return queryset.annotate(values_visible=visible)


def visible_annotations(queryset: QuerySet, user) -> QuerySet:
    """The annotations ``user`` may read: all for reviewers; else their own and the others' on
    the quotes and topics they have coded (``can_see_annotations`` in SQL); none when anonymous.
    """
    if sees_all(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(Q(annotator=user) | Q(coded_by(user)))


def visible_adjudications(queryset: QuerySet, user) -> QuerySet:
    """Adjudications ``user`` may read: a final value is public on a released topic, else shown
    to reviewers and to those who coded the quote."""
    if sees_all(user):
        return queryset
    public = Q(topic__released=True)
    if not user.is_authenticated:
        return queryset.filter(public)
    return queryset.filter(public | Q(coded_by(user)))


def visible_utterance_adjudications(queryset: QuerySet, user) -> QuerySet:
    """Utterance adjudications ``user`` may read: as a quote's (``visible_adjudications``), with
    "coded the quote" read as "coded one of the utterance's reports on the topic"."""
    if sees_all(user):
        return queryset
    public = Q(topic__released=True)
    if not user.is_authenticated:
        return queryset.filter(public)
    coded = Exists(
        StanceAnnotation.objects.filter(
            annotator=user.pk,
            quote__utterance_id=OuterRef("utterance_id"),
            topic_id=OuterRef("topic_id"),
        )
    )
    return queryset.filter(public | Q(coded))


# --- Aggregates --------------------------------------------------------------------------------


def may_aggregate(user, topic) -> bool:
    return topic.released or sees_all(user)


def check_aggregate(user, topic) -> None:
    """Raise ``TopicNotReleased`` (a 403) unless ``user`` may see aggregates of ``topic``."""
    if not may_aggregate(user, topic):
        raise TopicNotReleased(topic)


def settled_only(user) -> bool:
    """Whether aggregates for ``user`` count settled quotes only (everyone but reviewers)."""
    return not sees_all(user)


def aggregate_topics(queryset: QuerySet, user) -> QuerySet:
    """The topics whose aggregates ``user`` may see."""
    return queryset if sees_all(user) else queryset.filter(released=True)
