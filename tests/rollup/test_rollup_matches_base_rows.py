"""The maintained rollup equals a direct aggregation of the stored stances after any sequence of
the writes that move it (a property-based test), by report and by utterance (the units and
their cells, the timelines and the topic ranking, with links confirmed, utterances split and
adjudicated between writes), and the rebuild command writes the same."""

import datetime
import io
import itertools
from collections import Counter, defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import analysis, services, unit_rollup, utterance_services
from quotes.analysis_units import stances_by_unit
from quotes.models import (
    Adjudication,
    DatePrecision,
    Quote,
    QuoteRollup,
    QuoteStance,
    StanceAnnotation,
    StanceRollup,
    UnitQuote,
    UnitStance,
    UtteranceAdjudication,
)
from quotes.ranking import per_value_by_utterance
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


QUOTE_FIELDS = (
    *("unit", "speaker_id", "organization_id", "status", "said_on_precision", "said_on"),
    "quotes",
)


def _quote_key(row) -> tuple:
    return tuple(getattr(row, name) for name in QUOTE_FIELDS)


def _rounded(row) -> tuple:
    return tuple(round(v, 9) if isinstance(v, float) else v for v in row)


def stored() -> list[tuple]:
    stances = sorted((_key(row) for row in StanceRollup.objects.all()), key=str)
    units = UnitStance.objects.values_list(*unit_rollup.UNIT_STANCE_COLUMNS)
    unit_quotes = UnitQuote.objects.values_list(*unit_rollup.UNIT_QUOTE_COLUMNS)
    return [
        *stances,
        *sorted((_quote_key(row) for row in QuoteRollup.objects.all()), key=str),
        *sorted((_rounded(row) for row in units), key=str),
        *sorted(unit_quotes, key=str),
    ]


def _utterance_cells(units) -> list[tuple]:
    """The utterance cells of the unit rows ``units``, summed here in Python: per month slot and
    view, the units (with a settled stance, or any) and their means' sum, squares, min, max."""
    found = defaultdict(list)
    for _, topic, speaker, status, day, precision, value, settled_value in units:
        if day is None:
            continue
        slot = (topic, speaker, status, precision, day.replace(day=1))
        found[(*slot, False)].append(value)
        if settled_value is not None:
            found[(*slot, True)].append(settled_value)
    rows = []
    for (topic, speaker, status, precision, month, settled), values in found.items():
        rows.append(
            (
                *("utterance", topic, speaker, 0, status, settled, precision, month),
                *(len(values), len(values), min(values), max(values)),
                round(sum(values), 9),
                round(sum(v * v for v in values), 9),
            )
        )
    return rows


def _utterance_quote_cells(units) -> list[tuple]:
    found = Counter(
        ("utterance", speaker, 0, status, precision, day.replace(day=1) if day else None)
        for _, speaker, status, day, precision, _reports in units
    )
    return [(*cell, n) for cell, n in found.items()]


def direct() -> list[tuple]:
    """The rollups computed from the base rows: the report cells, the units
    (``quotes.utterances.with_unit_stance`` through ``unit_stance_rows``) and the utterance
    cells summed from those."""
    units = list(unit_rollup.unit_stance_rows(QuoteStance.objects.all()))
    unit_quotes = list(unit_rollup.unit_quote_rows(Quote.objects.all()))
    stances = [_key(row) for row in cells(QuoteStance.objects.all())]
    quotes = [_quote_key(row) for row in quote_cells(Quote.objects.all())]
    return [
        *sorted(stances + _utterance_cells(units), key=str),
        *sorted(quotes + _utterance_quote_cells(unit_quotes), key=str),
        *sorted((_rounded(row) for row in units), key=str),
        *sorted(unit_quotes, key=str),
    ]


def _numbers(comparison) -> list:
    return [
        (one.key, one.imprecise, one.undated, p.start, p.count, p.with_stance, p.mean, p.min, p.max)
        for one in comparison.series
        for p in one.points
    ]


# by utterance the rollup's months are summed as by report: two buckets suffice
UNIT_BUCKETS = [("report", "month"), ("report", "quarter"), ("report", "year")] + [
    ("utterance", "month"),
    ("utterance", "year"),
]
VIEW_RANGES = [(None, None), (datetime.date(2021, 10, 1), None), *RANGES]
# One timeline view: unit and bucket, settled only, status, period. An example checks a drawn
# handful of the 100 views (checking all of them after every sequence of writes cost minutes).
view = st.tuples(
    st.sampled_from(UNIT_BUCKETS),
    st.booleans(),
    st.sampled_from(["confirmed", "proposed"]),
    st.sampled_from(VIEW_RANGES),
)


def timelines_agree(world, views) -> None:
    """Each speaker's and organisation's timeline reads the same from the rollup (no ids) as from
    the stored stances (with ids), for every topic and viewer, in each of ``views``."""
    speakers, roles, _, topics, _ = world
    organizations = [role.organization for pair in roles.values() for role in pair]
    parent = organizations[0].parent
    organizations += [parent] if parent else []
    for topic in topics:
        for (unit, bucket), settled_only, status, (after, before) in views:
            filters = analysis.Filters(
                topic=topic,
                bucket=bucket,
                settled_only=settled_only,
                status=status,
                said_after=after,
                said_before=before,
                unit=unit,
            )
            kwargs = {"speakers": speakers, "organizations": organizations}
            rolled = analysis.compare(filters, ids=False, **kwargs)
            direct = analysis.compare(filters, ids=True, **kwargs)
            assert _numbers(rolled) == _numbers(direct), filters


def rankings_agree(world) -> None:
    """The topic ranking's units per speaker and value, read from the maintained units, are
    those of the stored stances grouped by unit (``quotes.analysis_units.stances_by_unit``)."""
    for topic, settled_only, (after, before) in itertools.product(
        world[3], (True, False), [(None, None), *RANGES]
    ):
        period = {"settled_only": settled_only, "said_after": after, "said_before": before}
        stances = QuoteStance.objects.filter(topic=topic, status="confirmed", speaker__isnull=False)
        means = defaultdict(list)
        for row in stances_by_unit(stances, **period).values("speaker_id", "unit", "unit_value"):
            means[(row["speaker_id"], row["unit"])].append(row["unit_value"])
        expected = Counter(
            (speaker, round(sum(values) / len(values), 9)) for (speaker, _), values in means.items()
        )
        found = Counter()
        for speaker, value, n in per_value_by_utterance(topic, **period):
            found[(speaker, round(value, 9))] += n
        assert found == expected, period


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
    # utterances: two reports linked (joining or merging utterances), one split off, a
    # reviewer's stance for a report's utterance set or withdrawn
    st.tuples(st.just("link"), quote, quote),
    st.tuples(st.just("split"), quote),
    st.tuples(st.just("uadjudicate"), quote, st.integers(0, TOPICS - 1), value),
    st.tuples(st.just("uwithdraw"), quote, st.integers(0, TOPICS - 1)),
)


def _apply_utterance(step, world) -> None:
    _, _, quotes, topics, users = world
    kind, *args = step
    one = Quote.objects.get(pk=quotes[args[0]].pk)
    if kind == "link" and args[0] != args[1]:
        other = Quote.objects.get(pk=quotes[args[1]].pk)
        link = utterance_services.utterance_link_propose(quote=one, other=other, similarity=0.9)
        if link is not None and link.status == link.Status.PROPOSED:
            utterance_services.utterance_link_confirm(link=link, user=users[0])
    elif kind == "split" and one.utterance_id:
        utterance_services.utterance_split(utterance=one.utterance, reports=[one])
    elif kind == "uadjudicate" and one.utterance_id:
        t, v = args[1:]
        utterance_services.utterance_adjudication_set(
            utterance=one.utterance,
            topic=topics[t],
            reviewer=users[0],
            value=v,
            cannot_code=v is None,
        )
    elif kind == "uwithdraw" and one.utterance_id:
        found = UtteranceAdjudication.objects.filter(utterance=one.utterance, topic=topics[args[1]])
        if found:
            utterance_services.utterance_adjudication_withdraw(adjudication=found.get())


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
    else:
        _apply_utterance(step, world)


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(operation, min_size=1, max_size=14),
    views=st.lists(view, min_size=8, max_size=8, unique=True),
)
def test_rollup_by_report_and_utterance_equals_a_direct_aggregation_after_any_writes(steps, views):
    with transaction.atomic():
        world = _world()
        for step in steps:
            try:
                with transaction.atomic():
                    _apply(step, world)
            except ValidationError:
                pass  # a write the rules refuse changes nothing
            assert stored() == direct(), step
        timelines_agree(world, views)
        rankings_agree(world)
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
    assert {row.speaker_id for row in UnitStance.objects.all()} == {into.pk}


@pytest.mark.django_db
def test_rebuild_rollup_writes_what_the_services_maintained(topic):
    one = QuoteFactory()
    services.stance_annotation_save(quote=one, topic=topic, annotator=UserFactory(), value=2)
    maintained = stored()
    StanceRollup.objects.all().delete()
    UnitStance.objects.all().delete()

    call_command("rebuild_rollup", stdout=io.StringIO())

    assert stored() == maintained != []
