"""The maintained rollup equals a direct aggregation of the stored stances after any sequence of
the writes that move it (a property-based test), and the rebuild command writes the same."""

import datetime
import io
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import analysis, services
from quotes.models import (
    Adjudication,
    DatePrecision,
    Quote,
    QuoteRollup,
    QuoteStance,
    StanceAnnotation,
    StanceRollup,
)
from quotes.rollup import cells, quote_cells
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    QuoteFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)

FIELDS = [
    *("unit", "topic_id", "speaker_id", "organization_id", "status", "is_settled"),
    *("said_on_precision", "said_on", "quotes", "count", "low", "high"),
]
DATES = [
    (datetime.date(2021, 10, 18), DatePrecision.DAY),
    (datetime.date(2021, 10, 19), DatePrecision.DAY),
    (datetime.date(2021, 11, 1), DatePrecision.MONTH),
    (datetime.date(2021, 1, 1), DatePrecision.YEAR),
    (None, DatePrecision.UNKNOWN),
]
QUOTES, TOPICS, ANNOTATORS, SPEAKERS = 5, 2, 3, 2
# Whole months (read from the rollups) and a range cut inside a month (from the base rows).
RANGES = [
    (datetime.date(2021, 1, 1), datetime.date(2021, 10, 31)),
    (datetime.date(2021, 10, 19), datetime.date(2021, 11, 30)),
]


def _key(row) -> tuple:
    values = tuple(getattr(row, name) for name in FIELDS)
    return values + (round(row.total, 9), round(row.total_squares, 9))


QUOTE_FIELDS = ("speaker_id", "organization_id", "status", "said_on_precision", "said_on", "quotes")


def _quote_key(row) -> tuple:
    return tuple(getattr(row, name) for name in QUOTE_FIELDS)


def stored() -> list[tuple]:
    stances = sorted((_key(row) for row in StanceRollup.objects.all()), key=str)
    return stances + sorted((_quote_key(row) for row in QuoteRollup.objects.all()), key=str)


def direct() -> list[tuple]:
    stances = sorted((_key(row) for row in cells(QuoteStance.objects.all())), key=str)
    quotes = quote_cells(Quote.objects.all())
    return stances + sorted((_quote_key(row) for row in quotes), key=str)


# The rollup counts reports; timelines that count utterances (issue 16) say so in Filters.unit.
REPORTS = {"unit": "report"} if "unit" in analysis.Filters.__dataclass_fields__ else {}


def _numbers(comparison) -> list:
    return [
        (one.key, one.imprecise, one.undated, p.start, p.count, p.with_stance, p.mean, p.min, p.max)
        for one in comparison.series
        for p in one.points
    ]


def timelines_agree(world) -> None:
    """Each speaker's and organisation's timeline reads the same from the rollup (no ids) as from
    the stored stances (with ids), for every topic, bucket and viewer."""
    speakers, roles, _, topics, _ = world
    organizations = [role.organization for pair in roles.values() for role in pair]
    parent = organizations[0].parent
    organizations += [parent] if parent else []
    ranges = [(None, None), (datetime.date(2021, 10, 1), None), *RANGES]
    for topic in topics:
        for bucket, settled_only, status, (after, before) in itertools.product(
            ("month", "quarter", "year"), (True, False), ("confirmed", "proposed"), ranges
        ):
            filters = analysis.Filters(
                topic=topic,
                bucket=bucket,
                settled_only=settled_only,
                status=status,
                said_after=after,
                said_before=before,
                **REPORTS,
            )
            kwargs = {"speakers": speakers, "organizations": organizations}
            rolled = analysis.compare(filters, ids=False, **kwargs)
            direct = analysis.compare(filters, ids=True, **kwargs)
            assert _numbers(rolled) == _numbers(direct), filters


def _world():
    speakers = [SpeakerFactory() for _ in range(SPEAKERS)]
    parent = OrganizationFactory()  # a ministry whose departments' members speak
    roles = {
        s.pk: [
            AffiliationFactory(speaker=s, organization=OrganizationFactory(parent=parent))
            for _ in (1, 2)
        ]
        for s in speakers
    }
    quotes = [
        QuoteFactory(
            speaker=speakers[i % SPEAKERS], affiliation=roles[speakers[i % SPEAKERS].pk][0]
        )
        for i in range(QUOTES)
    ]
    topics = [TopicFactory(codes_needed=1 + i) for i in range(TOPICS)]
    users = [UserFactory() for _ in range(ANNOTATORS)]
    return speakers, roles, quotes, topics, users


value = st.one_of(st.none(), st.integers(-2, 2))
quote = st.integers(0, QUOTES - 1)
operation = st.one_of(
    st.tuples(st.just("annotate"), quote, st.integers(0, TOPICS - 1), st.integers(0, 2), value),
    st.tuples(st.just("unannotate"), quote, st.integers(0, TOPICS - 1), st.integers(0, 2)),
    st.tuples(st.just("adjudicate"), quote, st.integers(0, TOPICS - 1), value),
    st.tuples(st.just("clear"), quote, st.integers(0, TOPICS - 1)),
    st.tuples(st.just("date"), quote, st.integers(0, len(DATES) - 1)),
    st.tuples(st.just("status"), quote, st.sampled_from(Quote.Status.values)),
    st.tuples(st.just("speaker"), quote, st.integers(0, SPEAKERS - 1), st.integers(0, 2)),
    st.tuples(st.just("codes_needed"), st.integers(0, TOPICS - 1), st.integers(1, 3)),
    st.tuples(st.just("rebuild"), st.lists(quote, max_size=3)),
)


def _apply(step, world) -> None:
    speakers, roles, quotes, topics, users = world
    kind, *args = step
    if kind == "annotate":
        q, t, a, v = args
        services.stance_annotation_save(
            quote=quotes[q], topic=topics[t], annotator=users[a], value=v, cannot_code=v is None
        )
    elif kind == "unannotate":
        q, t, a = args
        found = StanceAnnotation.objects.filter(
            quote=quotes[q], topic=topics[t], annotator=users[a]
        )
        if found:
            services.stance_annotation_delete(annotation=found.get())
    elif kind == "adjudicate":
        q, t, v = args
        services.adjudication_set(
            quote=quotes[q], topic=topics[t], reviewer=users[0], value=v, cannot_code=v is None
        )
    elif kind == "clear":
        found = Adjudication.objects.filter(quote=quotes[args[0]], topic=topics[args[1]])
        if found:
            services.adjudication_clear(adjudication=found.get())
    elif kind == "date":
        one = Quote.objects.get(pk=quotes[args[0]].pk)
        one.said_on, one.said_on_precision = DATES[args[1]]
        services.quote_save(quote=one)
    elif kind == "status":
        services.quotes_set_status(
            quotes=Quote.objects.filter(pk=quotes[args[0]].pk), status=args[1]
        )
    elif kind == "speaker":  # another speaker, or another role (index 2: none) of the speaker
        one = Quote.objects.get(pk=quotes[args[0]].pk)
        one.speaker = speakers[args[1]]
        one.affiliation = (roles[one.speaker_id] + [None])[args[2]]
        services.quote_save(quote=one)
    elif kind == "codes_needed":
        topic = topics[args[0]]
        topic.codes_needed = args[1]
        services.topic_save(topic=topic)
    elif kind == "rebuild":
        services.stance_summaries_rebuild(quote_ids=[quotes[q].pk for q in args[0]])


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operation, min_size=1, max_size=14))
def test_rollup_equals_a_direct_aggregation_after_any_sequence_of_writes(steps):
    with transaction.atomic():
        world = _world()
        for step in steps:
            try:
                with transaction.atomic():
                    _apply(step, world)
            except ValidationError:
                pass  # a write the rules refuse changes nothing
            assert stored() == direct(), step
        timelines_agree(world)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_speaker_merge_moves_the_duplicates_cells(topic):
    into, duplicate = SpeakerFactory(), SpeakerFactory()
    for speaker, value in ((into, 1), (duplicate, -2)):
        one = QuoteFactory(speaker=speaker)
        services.stance_annotation_save(
            quote=one, topic=topic, annotator=UserFactory(), value=value
        )

    services.speaker_merge(into=into, duplicate=duplicate)

    assert stored() == direct()
    assert {row.speaker_id for row in StanceRollup.objects.all()} == {into.pk}


@pytest.mark.django_db
def test_rebuild_rollup_writes_what_the_services_maintained(topic):
    one = QuoteFactory()
    services.stance_annotation_save(quote=one, topic=topic, annotator=UserFactory(), value=2)
    maintained = stored()
    StanceRollup.objects.all().delete()

    call_command("rebuild_rollup", stdout=io.StringIO())

    assert stored() == maintained != []
