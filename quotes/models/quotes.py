"""Quoted statements: who said what, where it was printed, when, and in which role."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, FilteredRelation, Prefetch, Q
from simple_history.models import HistoricalRecords

from quotes.models.common import (
    DatePrecision,
    PreciseDatesMixin,
    no_control_characters,
    precision_constraints,
)
from quotes.models.people import Affiliation, Speaker
from quotes.models.sources import Event, Source
from quotes.text import find_spans, fold


class QuoteQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Quote.Status.CONFIRMED)

    def by_speaker(self, *slugs: str):
        """Quotes of the speakers named by slug or alias slug."""
        # Resolving the ids first (one small query) lets the planner use the speaker index
        # instead of a subquery with a join.
        speaker_ids = set(
            Speaker.objects.filter(Q(slug__in=slugs) | Q(aliases__slug__in=slugs)).values_list(
                "pk", flat=True
            )
        )
        return self.filter(speaker_id__in=speaker_ids)

    def said_between(self, after: datetime.date | None = None, before: datetime.date | None = None):
        """Quotes said on or after ``after`` and on or before ``before`` (either may be None)."""
        queryset = self
        if after is not None:
            queryset = queryset.filter(said_on__gte=after)
        if before is not None:
            queryset = queryset.filter(said_on__lte=before)
        return queryset

    def with_stance(self, topic, *, settled_only: bool = False):
        """Annotate ``stance`` (adjudicated value, else the annotators' mean), ``stance_annotators``
        and ``stance_adjudicated`` toward ``topic`` (a Topic or its id), read from the stored
        summary in the same query; quotes without a stance get None. With ``settled_only``
        (what everyone but reviewers gets: ``quotes.coding``) only settled stances count."""
        topic_id = getattr(topic, "pk", topic)
        condition = Q(stance_summaries__topic_id=topic_id)
        if settled_only:
            condition &= Q(stance_summaries__is_settled=True)
        return self.annotate(
            topic_stance=FilteredRelation("stance_summaries", condition=condition),
            stance=F("topic_stance__value"),
            stance_annotators=F("topic_stance__annotator_count"),
            stance_adjudicated=F("topic_stance__is_adjudicated"),
        )

    def for_list(self):
        """All a list of quotes shows, in a fixed number of queries whatever the page size."""
        from quotes.models.stances import QuoteStance

        return self.select_related(
            "speaker", "source", "affiliation__organization", "event"
        ).prefetch_related(
            Prefetch(
                "stance_summaries",
                queryset=QuoteStance.objects.select_related("topic").order_by("topic__slug"),
            )
        )


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "Direct quotation"
    PARTIAL = "partial", "Partial quotation (a few words inside reported speech)"
    INDIRECT = "indirect", "Indirect paraphrase"


class QuoteStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Quote(PreciseDatesMixin, models.Model):
    Kind = QuoteKind
    Status = QuoteStatus
    precise_date_fields = ("said_on",)

    text = models.TextField(
        help_text="The statement as printed in the source.", validators=[no_control_characters]
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="Only a proposed quote may lack a speaker (the extractor could not decide).",
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="quotes")
    affiliation = models.ForeignKey(
        Affiliation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="The role the speaker said this in; must be valid on the date said.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    said_on = models.DateField(null=True, blank=True)
    said_on_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    span_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    span_end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="The event this statement reacts to.",
    )
    utterance = models.ForeignKey(
        "quotes.Utterance",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text="The statement this quote reports, with its other reports (one at most); "
        "none: the quote is an utterance of its own. Set by confirming a link.",
    )
    extraction_note = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the extractor found the speaker, or why not.",
        validators=[no_control_characters],
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        ordering = (F("said_on").desc(nulls_last=True), "-id")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=QuoteStatus.values),
                name="quote_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(speaker__isnull=False) | Q(status="proposed"),
                name="only_proposed_quote_lacks_speaker",
            ),
            models.CheckConstraint(
                condition=(Q(span_start__isnull=True) & Q(span_end__isnull=True))
                | Q(span_start__lt=F("span_end")),
                name="quote_span_ordered",
            ),
            models.UniqueConstraint(
                fields=["source", "span_start", "span_end"], name="one_quote_per_source_span"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_empty"),
            *precision_constraints("said_on", "said_on_precision", "quote"),
        ]
        indexes = [
            # speaker timeline, API ?speaker= newest first (any status)
            models.Index(fields=["speaker", "-said_on", "-id"], name="quote_speaker_said_on"),
            # API ?speaker= (confirmed by default) and its count, read in order; the trailing
            # precision makes it cover the speaker timeline's grouping, with no table reads
            models.Index(
                fields=["speaker", "status", "-said_on", "-id", "said_on_precision"],
                name="quote_speaker_timeline",
            ),
            # API default list, ?said_after/?said_before without a speaker
            models.Index(fields=["-said_on", "-id"], name="quote_said_on"),
            # admin's review-status filter and the tagging queue
            models.Index(fields=["status", "-said_on"], name="quote_status_said_on"),
        ]

    def __str__(self):
        speaker = self.speaker.name if self.speaker_id else "(speaker undecided)"
        short = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{speaker}: {short}"

    def clean(self):
        errors = {}
        if self.speaker_id is None and self.status != self.Status.PROPOSED:
            errors["speaker"] = "A confirmed or rejected quote needs a speaker."
        if self.said_on is None:
            self.said_on_precision = DatePrecision.UNKNOWN
        elif self.said_on_precision == DatePrecision.UNKNOWN:
            self.said_on_precision = DatePrecision.DAY
        try:
            self.locate_in_source()
        except ValidationError as error:
            errors.update(error.message_dict)
        if not errors:
            try:
                self.check_affiliation()
            except ValidationError as error:
                errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)

    @property
    def is_verified(self) -> bool:
        """True when the text was found in the stored source text."""
        return self.span_start is not None

    def locate_in_source(self):
        """Compute the span of the text in the source; refuse a direct or partial quote that is
        not there. A source without stored text leaves the quote unverified."""
        if not self.text.strip():
            raise ValidationError({"text": "A quote needs its text."})
        source_text = self.source.text if self.source_id else ""
        if not source_text:
            self.span_start = self.span_end = None
            return
        if (
            self.span_start is not None
            and self.span_end is not None
            and fold(source_text[self.span_start : self.span_end]) == fold(self.text)
        ):
            return
        spans = find_spans(source_text, self.text)
        taken = set(
            Quote.objects.filter(source_id=self.source_id)
            .exclude(pk=self.pk)
            .values_list("span_start", "span_end")
        )
        free = [span for span in spans if span not in taken]
        span = (free or spans or [None])[0]
        if span is None:
            if self.kind == self.Kind.INDIRECT:
                self.span_start = self.span_end = None
                return
            raise ValidationError(
                {
                    "text": "This text was not found in the source's article text (compared "
                    "ignoring quote marks, dashes and spacing). Copy it exactly as printed."
                }
            )
        self.span_start, self.span_end = span

    def check_affiliation(self):
        """Propose the affiliation valid on the date said, and refuse one that is not."""
        if self.speaker_id is None:
            if self.affiliation_id is not None:
                raise ValidationError({"affiliation": "Choose the speaker first."})
            return
        valid = Affiliation.objects.filter(speaker_id=self.speaker_id).valid_on(
            self.said_on, self.said_on_precision
        )
        if self.affiliation_id is None:
            candidates = list(valid[:2]) if self.said_on else []
            if len(candidates) == 1:
                self.affiliation = candidates[0]
            return
        if self.affiliation.speaker_id != self.speaker_id:
            raise ValidationError({"affiliation": "This affiliation belongs to another speaker."})
        if self.said_on and not valid.filter(pk=self.affiliation_id).exists():
            raise ValidationError(
                {"affiliation": f"{self.affiliation} was not held on {self.said_on:%Y-%m-%d}."}
            )
