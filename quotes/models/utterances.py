"""Utterances: one statement a speaker made on one occasion, printed by one or more sources.

Each printed version is a ``Quote`` (a *report*); ``Quote.utterance`` ties it to at most one
utterance. Links between two reports are proposed by ``quotes.utterance_detection`` and
decided by an editor (``quotes.utterance_services``); confirming one merges the two reports
into one utterance. The rules of what an utterance counts as live in ``quotes.utterances``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from quotes.models.common import (
    DatePrecision,
    PreciseDatesMixin,
    no_control_characters,
    precision_constraints,
)
from quotes.models.people import Speaker
from quotes.models.stances import (
    STANCE_MAX,
    STANCE_MIN,
    STANCE_VALIDATORS,
    CodeChoice,
    StanceValue,
    Topic,
)


class Utterance(PreciseDatesMixin, models.Model):
    """What a speaker said on one occasion; its reports are the quotes linked to it."""

    precise_date_fields = ("said_on",)

    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="utterances",
        help_text="Every report of an utterance is this speaker's.",
    )
    notes = models.TextField(blank=True, validators=[no_control_characters])
    # Derived (quotes.utterances.utterance_dates_refresh): the earliest confirmed report's
    # date with that report's precision; unknown while no report is confirmed.
    said_on = models.DateField(null=True, blank=True, editable=False)
    said_on_precision = models.CharField(
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = (F("said_on").desc(nulls_last=True), "-id")
        constraints = [*precision_constraints("said_on", "said_on_precision", "utterance")]
        indexes = [
            # /api/utterances/?speaker= newest first
            models.Index(fields=["speaker", "-said_on", "-id"], name="utterance_speaker_said_on"),
        ]

    def __str__(self):
        return f"{self.speaker.name}, utterance {self.pk}"


class UtteranceLink(models.Model):
    """A proposal that two reports print the same statement, and an editor's decision on it.

    The pair is stored in id order (``quote`` < ``other``), so one pair has one row. A
    ``misattribution`` link joins identical words printed under two speakers: it is never
    merged, only confirmed (as a problem a reviewer looked at) or rejected.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Kind(models.TextChoices):
        SAME_STATEMENT = "same", "Same statement"
        MISATTRIBUTION = "misattribution", "Same words, another speaker (misattribution?)"

    quote = models.ForeignKey(
        "quotes.Quote", on_delete=models.CASCADE, related_name="utterance_links"
    )
    other = models.ForeignKey(
        "quotes.Quote", on_delete=models.CASCADE, related_name="utterance_links_as_other"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SAME_STATEMENT)
    similarity = models.FloatField(
        help_text="How much of the shorter report's distinctive words the other prints (0–1)."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="utterance_decisions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ("-similarity", "id")
        constraints = [
            # also rules out a self-link
            models.CheckConstraint(
                condition=Q(quote__lt=F("other")), name="utterance_link_pair_in_id_order"
            ),
            models.UniqueConstraint(fields=["quote", "other"], name="one_utterance_link_per_pair"),
            models.CheckConstraint(
                condition=Q(similarity__gte=0, similarity__lte=1),
                name="utterance_link_similarity_in_unit_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "confirmed", "rejected"]),
                name="utterance_link_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["same", "misattribution"]), name="utterance_link_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="proposed", decided_at__isnull=True)
                | (~Q(status="proposed") & Q(decided_at__isnull=False)),
                name="utterance_link_decided_when_not_proposed",
            ),
        ]
        indexes = [
            # the admin's queue of proposals
            models.Index(fields=["status", "-similarity"], name="utterance_link_status"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: quotes {self.quote_id} and {self.other_id}"

    def clean(self):
        if self.quote_id is not None and self.quote_id == self.other_id:
            raise ValidationError({"other": "A quote cannot be linked to itself."})
        if self.quote_id and self.other_id and self.quote_id > self.other_id:
            self.quote_id, self.other_id = self.other_id, self.quote_id
        if self.status != self.Status.PROPOSED and self.decided_at is None:
            raise ValidationError({"status": "A decided link needs the time of the decision."})


class UtteranceAdjudication(CodeChoice, models.Model):
    """A reviewer's stance for an utterance on a topic: it replaces the mean of the confirmed
    reports' stored stances (``quotes.utterances``), e.g. to settle reports that conflict; or
    the decision that the utterance cannot be coded on the topic (no value)."""

    # Merging utterances moves their adjudications (quotes.utterance_services); one dissolved by
    # a split takes its adjudications with it (their history keeps them).
    utterance = models.ForeignKey(Utterance, on_delete=models.CASCADE, related_name="adjudications")
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="utterance_adjudications"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="utterance_adjudications",
    )
    value = models.SmallIntegerField(
        choices=StanceValue.choices,
        validators=STANCE_VALIDATORS,
        null=True,
        blank=True,
        help_text="Empty exactly when the reviewer decided it cannot be coded.",
    )
    cannot_code = models.BooleanField(
        default=False,
        help_text="Cannot code / not about this topic: no stance on it.",
    )
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="One line: why (e.g. which report's translation is faithful).",
        validators=[no_control_characters],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ("utterance", "topic", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["utterance", "topic"], name="one_adjudication_per_utterance_topic"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=STANCE_MIN, value__lte=STANCE_MAX),
                name="utterance_adjudication_value_in_range",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False, cannot_code=False)
                | Q(value__isnull=True, cannot_code=True),
                name="utterance_adjudication_value_or_cannot_code",
            ),
        ]

    def __str__(self):
        return f"{self.topic}: {self.code_label} (utterance {self.utterance_id}, adjudicated)"


class UtteranceKey(models.Model):
    """Derived: the keys by which a quote is found as a candidate report of the same statement
    (``quotes.utterance_index``, which writes them; rebuilt by ``rebuild_utterance_keys``).

    A quote with a speaker and a date has a row for each of its distinctive word pairs
    (``quotes.utterance_detection.pair_keys``) and one ``exact`` row, the hash of its folded
    text. Speaker and date are copies of the quote's, so that a lookup is one indexed query.
    """

    quote = models.ForeignKey(
        "quotes.Quote", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # A speaker with quotes cannot be deleted; its keys move with its quotes (no cascade to read).
    speaker = models.ForeignKey(
        Speaker, on_delete=models.DO_NOTHING, related_name="+", db_index=False
    )
    said_on = models.DateField()
    said_on_precision = models.CharField(max_length=8, choices=DatePrecision.choices)
    key = models.BigIntegerField(help_text="A word pair's hash, or the folded text's.")
    exact = models.BooleanField(default=False, help_text="The key is the folded text's hash.")

    class Meta:
        ordering = ("quote", "key", "id")
        constraints = [
            # a quote's keys once each; also the index of their refresh and of the cascade when
            # the quote is deleted (made with the table: the rebuild fills it in quote order)
            models.UniqueConstraint(
                fields=["quote", "exact", "key"], name="one_utterance_key_per_quote_key"
            ),
        ]
        indexes = [
            # candidates of the same speaker: speaker, key in (…), said_on in the window
            models.Index(
                fields=["speaker", "key", "said_on", "said_on_precision", "quote"],
                name="utterance_key_speaker_key",
            ),
            # possible misattributions: the same folded text under any speaker in the window
            models.Index(
                fields=["key", "said_on", "said_on_precision", "speaker", "quote"],
                condition=Q(exact=True),
                name="utterance_key_exact_text",
            ),
        ]

    def __str__(self):
        return f"quote {self.quote_id}: {'text' if self.exact else 'pair'} key {self.key}"
