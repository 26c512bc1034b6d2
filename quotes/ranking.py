"""Who holds which position on a topic: speakers ranked by their mean stance over a period, each
with the number of units counted and a seeded 95% bootstrap interval of the mean.

The unit is the timelines' (``quotes.analysis_units``): by default an utterance, one statement
however many outlets reported it, on its date and with its stance (``quotes.utterances``), read
from the maintained units (``UnitStance``, ``quotes.unit_rollup``); ``unit="report"`` counts
every quote's stored stance as printed.

The database counts each speaker's stances per value (a stance takes few distinct values:
whole numbers, or means of a few codes), so a bootstrap resample of a speaker's units is a
multinomial draw over those values: exact, and as fast for a hundred thousand as for five.
"""

import datetime
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, QuerySet

from quotes.display import round_stance
from quotes.models import Quote, QuoteStance, Speaker, Topic, UnitStance
from quotes.utterances import UNITS

MINIMUM_COUNTED = 5
RESAMPLES = 2000
SEED = 18
LEVEL = 0.95


@dataclass(frozen=True)
class Ranked:
    speaker: Speaker
    count: int
    mean: float
    low: float
    high: float


@dataclass(frozen=True)
class Ranking:
    topic: Topic
    said_after: datetime.date | None
    said_before: datetime.date | None
    minimum: int
    ranked: list[Ranked]  # most "for" first
    too_few: int  # speakers with a stance but fewer than ``minimum`` units counted
    unit: str = "utterance"  # what ``Ranked.count`` counts: utterances or reports


def bootstrap_interval(values, counts, *, key: int, resamples: int = RESAMPLES):
    """The percentile interval (``LEVEL``) of the mean of a sample holding ``counts[i]`` times
    ``values[i]``, from ``resamples`` resamples drawn with a generator seeded by ``SEED`` and
    ``key`` (the speaker's id), so a speaker's interval does not depend on who else is ranked."""
    values = np.asarray(values, dtype=float)
    counts = np.asarray(counts, dtype=np.int64)
    n = int(counts.sum())
    generator = np.random.default_rng([SEED, key])
    draws = generator.multinomial(n, counts / n, size=resamples)
    means = draws @ values / n
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return round_stance(low), round_stance(high)


def _per_value_by_report(stances: QuerySet) -> list[tuple]:
    rows = stances.values_list("speaker_id", "value").annotate(n=Count("quote_id")).order_by()
    return list(rows)


def per_value_by_utterance(topic: Topic, *, settled_only: bool, said_after, said_before):
    """The confirmed units' stances counted per speaker and value (one statement over the
    ``unit_stance_ranking`` index): a unit's stance is its settled reports' mean for everyone
    but reviewers (``settled_value``), every report's for them."""
    field = "settled_value" if settled_only else "value"
    units = UnitStance.objects.filter(
        topic=topic, status=Quote.Status.CONFIRMED, **{f"{field}__isnull": False}
    )
    if said_after is not None:
        units = units.filter(said_on__gte=said_after)
    if said_before is not None:
        units = units.filter(said_on__lte=said_before)
    return list(units.values_list("speaker_id", field).annotate(n=Count("pk")).order_by())


def speaker_ranking(
    topic: Topic,
    *,
    said_after: datetime.date | None = None,
    said_before: datetime.date | None = None,
    settled_only: bool = True,
    minimum: int = MINIMUM_COUNTED,
    unit: str = "utterance",
) -> Ranking:
    """Speakers with at least ``minimum`` confirmed units (``unit``: utterances, or reports)
    with a stance on ``topic`` said in the range, by mean stance (highest first, then name). Two
    queries: the units counted per speaker and value, then the ranked speakers.
    ``settled_only`` as ``quotes.coding`` says."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    stances = QuoteStance.objects.filter(
        topic=topic, status=Quote.Status.CONFIRMED, speaker__isnull=False
    )
    if unit == "utterance":
        rows = per_value_by_utterance(
            topic, settled_only=settled_only, said_after=said_after, said_before=said_before
        )
    else:
        stances = stances.filter(value__isnull=False)
        if settled_only:
            stances = stances.filter(is_settled=True)
        if said_after is not None:
            stances = stances.filter(said_on__gte=said_after)
        if said_before is not None:
            stances = stances.filter(said_on__lte=said_before)
        rows = _per_value_by_report(stances)
    per_value: dict[int, tuple[list, list]] = {}
    for speaker_id, value, n in rows:
        values, counts = per_value.setdefault(speaker_id, ([], []))
        values.append(value)
        counts.append(n)
    counted = {pk: sum(counts) for pk, (_, counts) in per_value.items()}
    kept = [pk for pk, n in counted.items() if n >= minimum]
    speakers = Speaker.objects.in_bulk(kept)
    ranked = []
    for pk in kept:
        values, counts = per_value[pk]
        mean = sum(v * c for v, c in zip(values, counts, strict=True)) / counted[pk]
        low, high = bootstrap_interval(values, counts, key=pk)
        ranked.append(Ranked(speakers[pk], counted[pk], round_stance(mean), low, high))
    ranked.sort(key=lambda one: (-one.mean, one.speaker.name, one.speaker.pk))
    return Ranking(
        topic=topic,
        said_after=said_after,
        said_before=said_before,
        minimum=minimum,
        ranked=ranked,
        too_few=len(counted) - len(kept),
        unit=unit,
    )
