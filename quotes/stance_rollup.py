"""What one stance save moves in both rollups (``quotes.rollup`` by report, ``quotes.unit_rollup``
by utterance), in four statements compiled once (``quotes.rollup_sql.run_compiled``).

A stance save changes no field of its quote, so every row it moves is in a slot known before
any statement runs: the report cells of the stance's own month slot (from its copies of the
quote's fields), its unit's ``UnitStance`` rows on the topic, and the utterance cells of the
unit's month slot. An unlinked quote is its own unit, on its own date: that slot is the
stance's. A linked quote's unit is its utterance, on the utterance's date (one query more).
Every row is recomputed from the base rows by the same aggregates the general refreshes use
(``rollup._cell_rows`` and ``unit_rollup.unit_stance_rows``; the utterance cells' two views
from one scan, ``unit_rollup.slot_cells_select``), the slot's fields selected as constants:
a DELETE of the unit's rows, their INSERT … SELECT, a DELETE of the cells of both slots and
one INSERT … SELECT of report and utterance cells (a UNION ALL).
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from quotes import rollup, unit_rollup
from quotes.models import QuoteStance, StanceRollup, UnitStance, Utterance
from quotes.rollup_sql import delete_sql, insert_sql, month_q, month_start, run_compiled

REPORT, UTTERANCE = StanceRollup.Unit.REPORT, StanceRollup.Unit.UTTERANCE


def stance_rollups_refresh(*, quote, stance) -> None:
    """Recompute the rows both rollups hold of ``quote``'s stored stance ``stance`` (the row
    saved, or the one deleted) after its value or settled state changed: ``quote`` is the row
    the save locked (its utterance as it is now). Four statements (five when linked). Call it
    inside the save's transaction, after the stored stance is written."""
    if quote.utterance_id is None:
        unit, day, precision = -quote.pk, stance.said_on, stance.said_on_precision
    else:
        unit = quote.utterance_id
        day, precision = (
            Utterance.objects.filter(pk=unit).values_list("said_on", "said_on_precision").get()
        )
    args = (
        *(unit, stance.topic_id, stance.speaker_id, stance.status),
        *(stance.said_on_precision, _month(stance.said_on), precision, _month(day)),
    )
    run_compiled("stance save", _statements, args)


def _month(day):
    return None if day is None else month_start(day)


def _statements(unit, topic, speaker, status, precision, month, unit_precision, unit_month):
    """The DELETE and INSERT … SELECT of the unit's rows on the topic, then (with a speaker)
    the DELETE and the INSERT … SELECT of the report cells of the stance's month slot and the
    utterance cells of the unit's (none for an undated one)."""
    units = UnitStance.objects.filter(unit__in=[unit], topic_id__in=[topic])
    base = QuoteStance.objects.filter(topic_id__in=[topic])
    statements = [delete_sql(units)]
    for condition in unit_rollup._of_units([unit], "quote__"):
        rows = unit_rollup.unit_stance_rows(base.filter(condition))
        statements.append(insert_sql(UnitStance, unit_rollup.UNIT_STANCE_COLUMNS, rows))
    if speaker is None:
        return statements  # no cell: nothing without a speaker is placed
    held, parts = [], []
    if month is not None:
        slot = (topic, speaker, status, month, precision)
        held.append(Q(unit=REPORT, **dict(zip(rollup.SLOT, slot, strict=True))))
        stances = QuoteStance.objects.filter(month_q(slot, rollup.SLOT))
        parts.append(rollup._cell_rows(stances, slot))
    if unit_month is not None:
        slot = (topic, speaker, status, unit_month, unit_precision)
        held.append(Q(unit=UTTERANCE, **dict(zip(unit_rollup.SLOT, slot, strict=True))))
        rows = UnitStance.objects.filter(month_q(slot, unit_rollup.SLOT))
        parts.append(unit_rollup.slot_cells_select(rows, slot))
    if parts:
        statements.append(delete_sql(StanceRollup.objects.filter(reduce(or_, held))))
        statements.append(insert_sql(StanceRollup, rollup.CELL_COLUMNS, *parts))
    return statements
