"""The rollups: stored stances summed per speaker × topic × organisation × month, and quotes
counted per speaker × organisation × month; by report, and by utterance (``UnitStance`` and
``UnitQuote`` hold each counting unit once, and the utterance cells are summed from them).

Derived data, like ``QuoteStance``: written only by ``quotes.rollup`` and ``quotes.unit_rollup``
in the transaction of the service that moves it, and rebuilt by ``manage.py rebuild_rollup``.
"""

from django.db import models
from django.db.models import F, Q

from quotes.models.stances import STANCE_MAX, STANCE_MIN


class StanceRollup(models.Model):
    """One cell: the stored stances of one speaker on one topic said in one month, in one review
    status, settled or not, with one date precision, in a role at one organisation (or none),
    counted by one unit. ``said_on`` is the month's first day: a speaker's topic is then a few
    hundred cells over fifteen years, so a timeline reads O(months) rows. A quarter's (or
    year's) figures are sums over its months; the mean is ``total / count`` and the variance
    ``total_squares / count - mean²``.

    Only stances with a speaker and a date have a cell: nothing else is placed in a period.
    """

    class Unit(models.TextChoices):
        REPORT = "report", "Report (a quote as one article printed it)"
        # One statement however many reports (quotes.unit_rollup): its cells span every
        # organisation (0) and ``is_settled`` names the view, not a stance's state: True, the
        # units with a settled stance at the mean of those (what everyone but reviewers
        # counts); False, every unit at the mean of all its stances (reviewers). A unit's mean
        # depends on the view, so the two views are never summed.
        UTTERANCE = "utterance", "Utterance"

    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.REPORT)
    topic = models.ForeignKey("quotes.Topic", on_delete=models.CASCADE, related_name="+")
    speaker = models.ForeignKey("quotes.Speaker", on_delete=models.CASCADE, related_name="+")
    organization_id = models.PositiveIntegerField(
        help_text="The organisation of the role the quotes were said in; 0: in no role."
    )
    status = models.CharField(max_length=10)
    is_settled = models.BooleanField()
    said_on_precision = models.CharField(max_length=8)
    said_on = models.DateField(help_text="The first day of the month.")
    quotes = models.PositiveIntegerField(
        help_text='Stored stances in the cell, "cannot code" ones included.'
    )
    count = models.PositiveIntegerField(help_text="Of those, stances with a value.")
    total = models.FloatField(default=0.0, help_text="Sum of the values.")
    total_squares = models.FloatField(default=0.0, help_text="Sum of the squared values.")
    low = models.FloatField(null=True, help_text="Smallest value; empty without a value.")
    high = models.FloatField(null=True, help_text="Largest value; empty without a value.")

    class Meta:
        ordering = ("topic", "speaker", "said_on", "id")
        constraints = [
            # The grain; its index serves the speaker timeline (topic, speaker, status, month).
            models.UniqueConstraint(
                fields=[
                    *("unit", "topic", "speaker", "status", "said_on", "said_on_precision"),
                    *("is_settled", "organization_id"),
                ],
                name="one_stance_rollup_row_per_cell",
            ),
            models.CheckConstraint(condition=Q(count__gte=0), name="stance_rollup_count_gte_0"),
            models.CheckConstraint(
                condition=Q(quotes__gt=0, quotes__gte=F("count")),
                name="stance_rollup_quotes_cover_count",
            ),
            models.CheckConstraint(
                condition=Q(count=0, low__isnull=True, high__isnull=True)
                | Q(count__gt=0, low__isnull=False, high__isnull=False),
                name="stance_rollup_min_max_when_counted",
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(low__lte=F("high")),
                name="stance_rollup_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(low__gte=STANCE_MIN, high__lte=STANCE_MAX),
                name="stance_rollup_min_max_in_range",
            ),
            models.CheckConstraint(
                condition=Q(total_squares__gte=0), name="stance_rollup_squares_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(unit__in=["report", "utterance"]), name="stance_rollup_unit_known"
            ),
            models.CheckConstraint(
                condition=Q(unit="report") | Q(organization_id=0, quotes=F("count")),
                name="stance_rollup_utterance_cells_span_organizations",
            ),
        ]
        indexes = [
            # compare of organisations: a topic's cells of some organisations, by month, read
            # from the index alone (it carries every column the statement reads)
            models.Index(
                fields=[
                    *("unit", "topic", "organization_id", "status", "said_on"),
                    *("said_on_precision", "is_settled", "count", "total", "low", "high"),
                ],
                name="stance_rollup_org_covering",
            ),
        ]

    def __str__(self):
        return f"{self.topic_id}/{self.speaker_id}/{self.said_on}: {self.count} of {self.quotes}"


class QuoteRollup(models.Model):
    """Quotes counted per speaker, organisation of the role at the time (0: none), review
    status, date precision and month (``said_on``: its first day; empty for undated quotes):
    the quotes per period a timeline shows beside the stances, whatever the topic. Derived,
    written by ``quotes.rollup`` in the transaction of every write to a quote."""

    # By utterance (quotes.unit_rollup): units counted, on their dates, every organisation (0).
    unit = models.CharField(
        max_length=10, choices=StanceRollup.Unit.choices, default=StanceRollup.Unit.REPORT
    )
    speaker = models.ForeignKey("quotes.Speaker", on_delete=models.CASCADE, related_name="+")
    organization_id = models.PositiveIntegerField(
        help_text="The organisation of the role the quotes were said in; 0: in no role."
    )
    status = models.CharField(max_length=10)
    said_on_precision = models.CharField(max_length=8)
    said_on = models.DateField(
        null=True, blank=True, help_text="The first day of the month; empty: undated."
    )
    quotes = models.PositiveIntegerField(help_text="Quotes, or units (utterances), counted.")

    class Meta:
        ordering = ("speaker", "said_on", "id")
        constraints = [
            # The grain; its index serves the speaker timeline (speaker, status, month).
            models.UniqueConstraint(
                fields=[
                    *("unit", "speaker", "status", "said_on", "said_on_precision"),
                    "organization_id",
                ],
                name="one_quote_rollup_row_per_unit_cell",
            ),
            models.UniqueConstraint(
                fields=["unit", "speaker", "status", "said_on_precision", "organization_id"],
                condition=Q(said_on__isnull=True),
                name="one_undated_quote_rollup_row_per_unit_cell",
            ),
            models.CheckConstraint(
                condition=Q(unit__in=["report", "utterance"]), name="quote_rollup_unit_known"
            ),
            models.CheckConstraint(
                condition=Q(unit="report") | Q(organization_id=0),
                name="quote_rollup_utterance_cells_span_organizations",
            ),
            models.CheckConstraint(condition=Q(quotes__gt=0), name="quote_rollup_quotes_gt_0"),
            models.CheckConstraint(
                condition=Q(said_on__isnull=True, said_on_precision="unknown")
                | Q(said_on__isnull=False) & ~Q(said_on_precision="unknown"),
                name="quote_rollup_undated_exactly_when_unknown",
            ),
        ]
        indexes = [
            # compare of organisations: their quotes per month, from the index alone
            models.Index(
                fields=[
                    *("unit", "organization_id", "status", "said_on"),
                    *("said_on_precision", "quotes"),
                ],
                name="quote_rollup_org_covering",
            ),
        ]

    def __str__(self):
        return f"{self.speaker_id}/{self.said_on}: {self.quotes}"


class UnitStance(models.Model):
    """One counting unit's stance on a topic (``quotes.utterances.with_unit_stance``): an
    utterance (``unit`` its id) or a quote linked to none (``unit`` minus its id), from its
    reports of one review status and one speaker, on the unit's date. ``value`` is the mean of
    every such report's stance (reviewers' view), ``settled_value`` of the settled ones
    (everyone else's; empty when none is settled). A unit without a stance has no row.

    Derived (``quotes.unit_rollup``): the utterance cells of ``StanceRollup`` are sums of these,
    and the topic ranking counts them per value."""

    unit = models.BigIntegerField(help_text="The utterance's id, or minus the unlinked quote's.")
    topic = models.ForeignKey("quotes.Topic", on_delete=models.CASCADE, related_name="+")
    speaker = models.ForeignKey("quotes.Speaker", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10)
    said_on = models.DateField(
        null=True, blank=True, help_text="The unit's date (quotes.utterances)."
    )
    said_on_precision = models.CharField(max_length=8)
    value = models.FloatField(help_text="The mean of its reports' stances (every one).")
    settled_value = models.FloatField(
        null=True,
        blank=True,
        help_text="The mean of its settled reports' stances; empty: none settled.",
    )

    class Meta:
        ordering = ("topic", "unit", "status", "speaker", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "unit", "status", "speaker"], name="one_unit_stance_per_unit"
            ),
            models.CheckConstraint(condition=~Q(unit=0), name="unit_stance_unit_not_0"),
            models.CheckConstraint(
                condition=Q(value__gte=STANCE_MIN, value__lte=STANCE_MAX),
                name="unit_stance_value_in_range",
            ),
            models.CheckConstraint(
                condition=Q(settled_value__isnull=True)
                | Q(settled_value__gte=STANCE_MIN, settled_value__lte=STANCE_MAX),
                name="unit_stance_settled_value_in_range",
            ),
            models.CheckConstraint(
                condition=Q(said_on__isnull=True, said_on_precision="unknown")
                | Q(said_on__isnull=False) & ~Q(said_on_precision="unknown"),
                name="unit_stance_undated_exactly_when_unknown",
            ),
        ]
        indexes = [
            # the topic ranking (a topic's confirmed units per speaker and value) and the
            # refresh of a month's utterance cells, both from the index alone
            models.Index(
                fields=[
                    *("topic", "status", "speaker", "said_on", "said_on_precision"),
                    *("value", "settled_value"),
                ],
                name="unit_stance_ranking",
            ),
            # a write refreshes its units' rows
            models.Index(fields=["unit"], name="unit_stance_unit"),
        ]

    def __str__(self):
        return f"{self.topic_id}/unit {self.unit}: {self.value:+.2f}"


class UnitQuote(models.Model):
    """One counting unit (``UnitStance.unit``) among the quotes of one review status and one
    speaker: how many of its reports those are, on the unit's date. Derived
    (``quotes.unit_rollup``): the utterance cells of ``QuoteRollup`` count these."""

    unit = models.BigIntegerField(help_text="The utterance's id, or minus the unlinked quote's.")
    speaker = models.ForeignKey("quotes.Speaker", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10)
    said_on = models.DateField(
        null=True, blank=True, help_text="The unit's date (quotes.utterances)."
    )
    said_on_precision = models.CharField(max_length=8)
    reports = models.PositiveIntegerField()

    class Meta:
        ordering = ("unit", "status", "speaker", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "status", "speaker"], name="one_unit_quote_per_unit"
            ),
            models.CheckConstraint(condition=~Q(unit=0), name="unit_quote_unit_not_0"),
            models.CheckConstraint(condition=Q(reports__gt=0), name="unit_quote_reports_gt_0"),
            models.CheckConstraint(
                condition=Q(said_on__isnull=True, said_on_precision="unknown")
                | Q(said_on__isnull=False) & ~Q(said_on_precision="unknown"),
                name="unit_quote_undated_exactly_when_unknown",
            ),
        ]
        indexes = [
            # the refresh of a speaker's month of utterance cells
            models.Index(fields=["speaker", "said_on"], name="unit_quote_speaker_said_on"),
        ]

    def __str__(self):
        return f"{self.speaker_id}/unit {self.unit}: {self.reports} reports"
