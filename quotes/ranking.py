"""Who holds which position on a topic: speakers ranked by their mean stored stance over a period,
each with the number of quotes counted and a seeded 95% bootstrap interval of the mean.

The database counts each speaker's stances per value (a stored stance takes few distinct values:
whole numbers, or means of a few annotators' codes), so a bootstrap resample of a speaker's
quotes is a multinomial draw over those values: exact, and as fast for a hundred thousand
quotes as for five.
"""

import datetime
from dataclasses import dataclass

import numpy as np
from django.db.models import Count

from quotes.display import round_stance
from quotes.models import Quote, QuoteStance, Speaker, Topic

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
    too_few: int  # speakers with a stance but fewer than ``minimum`` quotes counted


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


def speaker_ranking(
    topic: Topic,
    *,
    said_after: datetime.date | None = None,
    said_before: datetime.date | None = None,
    settled_only: bool = True,
    minimum: int = MINIMUM_COUNTED,
) -> Ranking:
    """Speakers with at least ``minimum`` confirmed quotes with a stance on ``topic`` said in the
    range, by mean stance (highest first, then name). Two queries: the stances counted per
    speaker and value, then the ranked speakers. ``settled_only`` as ``quotes.coding`` says."""
    stances = QuoteStance.objects.filter(
        topic=topic, status=Quote.Status.CONFIRMED, value__isnull=False, speaker__isnull=False
    )
    if settled_only:
        stances = stances.filter(is_settled=True)
    if said_after is not None:
        stances = stances.filter(said_on__gte=said_after)
    if said_before is not None:
        stances = stances.filter(said_on__lte=said_before)
    per_value: dict[int, tuple[list, list]] = {}
    rows = stances.values("speaker_id", "value").annotate(n=Count("quote_id")).order_by()
    for row in rows:
        values, counts = per_value.setdefault(row["speaker_id"], ([], []))
        values.append(row["value"])
        counts.append(row["n"])
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
    )
