"""Topics, the stance annotations researchers make, adjudications, and the stored stance summary."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

STANCE_MIN, STANCE_MAX = -2, 2
STANCE_VALIDATORS = [MinValueValidator(STANCE_MIN), MaxValueValidator(STANCE_MAX)]


class StanceValue(models.IntegerChoices):
    STRONGLY_AGAINST = -2, "−2 strongly against"
    AGAINST = -1, "−1 against"
    NEUTRAL = 0, "0 neutral or ambivalent"
    FOR = 1, "+1 for"
    STRONGLY_FOR = 2, "+2 strongly for"


def _value_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(value__gte=STANCE_MIN, value__lte=STANCE_MAX), name=name
    )


class Topic(models.Model):
    """The target a stance is taken toward; its description is the codebook."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(
        blank=True, help_text="The codebook: what −2, 0 and +2 mean for this topic."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ("name", "id")

    def __str__(self):
        return self.name


class StanceAnnotation(models.Model):
    """One annotator's coding of one quote's stance toward one topic."""

    quote = models.ForeignKey("quotes.Quote", on_delete=models.PROTECT, related_name="annotations")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="annotations")
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stance_annotations"
    )
    value = models.SmallIntegerField(choices=StanceValue.choices, validators=STANCE_VALIDATORS)
    conditional = models.BooleanField(
        default=False, help_text="For in principle, against now (or the reverse)."
    )
    rationale = models.CharField(max_length=300, blank=True, help_text="One line: why this value.")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ("quote", "topic", "annotator", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["quote", "topic", "annotator"], name="one_stance_per_quote_topic_annotator"
            ),
            _value_in_range("stance_annotation_value_in_range"),
        ]
        indexes = [
            # "not yet tagged by me": the annotator's annotations on a topic
            models.Index(fields=["annotator", "topic"], name="annotation_annotator_topic"),
        ]

    def __str__(self):
        return f"{self.annotator} on {self.topic}: {self.value:+d}"


class Adjudication(models.Model):
    """A reviewer's final value for a quote on a topic, which overrides the annotators' mean."""

    quote = models.ForeignKey(
        "quotes.Quote", on_delete=models.PROTECT, related_name="adjudications"
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="adjudications")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="adjudications"
    )
    value = models.SmallIntegerField(choices=StanceValue.choices, validators=STANCE_VALIDATORS)
    rationale = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ("quote", "topic", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["quote", "topic"], name="one_adjudication_per_quote_topic"
            ),
            _value_in_range("adjudication_value_in_range"),
        ]

    def __str__(self):
        return f"{self.topic}: {self.value:+d} (adjudicated)"


class QuoteStance(models.Model):
    """The stance of a quote on a topic, stored: the adjudicated value, else the annotators' mean.

    Written only by ``quotes.services`` in the transaction that changes an annotation or
    adjudication, so every list, filter, timeline and export reads one definition.

    The quote's speaker, status and date are copied here (``Quote.save()`` keeps the copies in
    step) so that a speaker's stance over time is one range scan of the ``quote_stance_timeline``
    index instead of a lookup per quote: a hundred thousand quotes cost tens of milliseconds.
    """

    quote = models.ForeignKey(
        "quotes.Quote", on_delete=models.CASCADE, related_name="stance_summaries"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="stance_summaries")
    value = models.FloatField()
    annotator_count = models.PositiveSmallIntegerField()
    is_adjudicated = models.BooleanField(default=False)
    # Copies of the quote's fields of the same names (see the docstring).
    speaker = models.ForeignKey(
        "quotes.Speaker", on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )
    status = models.CharField(max_length=10, editable=False)
    said_on = models.DateField(null=True, editable=False)
    said_on_precision = models.CharField(max_length=8, editable=False)

    COPIED_FROM_QUOTE = ("speaker_id", "status", "said_on", "said_on_precision")

    class Meta:
        ordering = ("quote", "topic", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["quote", "topic"], name="one_stance_summary_per_quote_topic"
            ),
            _value_in_range("stance_summary_value_in_range"),
            models.CheckConstraint(
                condition=Q(annotator_count__gt=0) | Q(is_adjudicated=True),
                name="stance_summary_has_a_basis",
            ),
        ]
        indexes = [
            # API ?topic=&stance_min=&stance_max= and the admin's stance filter
            models.Index(fields=["topic", "value"], name="quote_stance_topic_value"),
            # with_stance(topic): the join of every listed or counted quote reads its stance
            # from this index alone (timelines join a hundred thousand quotes)
            models.Index(
                fields=["quote", "topic", "value", "annotator_count", "is_adjudicated"],
                name="quote_stance_covering",
            ),
            # timelines and comparisons: a speaker's stances on a topic in date order, covered
            models.Index(
                fields=[
                    *("topic", "speaker", "status", "said_on", "said_on_precision"),
                    *("value", "quote"),
                ],
                name="quote_stance_timeline",
            ),
        ]

    def __str__(self):
        return f"{self.topic}: {self.value:+.2f}"
