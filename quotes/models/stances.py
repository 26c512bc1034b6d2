"""Topics, the stance annotations researchers make, adjudications, and the stored stance summary."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from quotes.models.common import no_control_characters

STANCE_MIN, STANCE_MAX = -2, 2
STANCE_VALIDATORS = [MinValueValidator(STANCE_MIN), MaxValueValidator(STANCE_MAX)]


class StanceValue(models.IntegerChoices):
    STRONGLY_AGAINST = -2, "−2 strongly against"
    AGAINST = -1, "−1 against"
    NEUTRAL = 0, "0 neutral or ambivalent"
    FOR = 1, "+1 for"
    STRONGLY_FOR = 2, "+2 strongly for"


# The form and API spelling of "cannot code / not about this topic", offered beside the values.
CANNOT_CODE = "cannot_code"
CANNOT_CODE_LABEL = "cannot code / not about this topic"


def _value_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(value__gte=STANCE_MIN, value__lte=STANCE_MAX), name=name
    )


def split_code(choice) -> tuple[int | None, bool]:
    """``(value, cannot_code)`` for a form's or the API's choice: an integer or CANNOT_CODE."""
    if choice == CANNOT_CODE:
        return None, True
    return int(choice), False


def stance_label(value, cannot_code: bool = False) -> str:
    """A code as researchers read it: "−2 strongly against" … or "cannot code"."""
    return CANNOT_CODE_LABEL if cannot_code else StanceValue(value).label


class CodeChoice:
    """What a code is, for an annotation and an adjudication alike: a value −2…+2 or "cannot
    code", exactly one of them (the database constraints say the same)."""

    def clean(self):
        if self.cannot_code and self.value is not None:
            raise ValidationError(
                {"value": 'Choose a value or "cannot code", not both.'}, code="both"
            )
        if not self.cannot_code and self.value is None:
            raise ValidationError(
                {"value": 'Choose a value (−2 … +2) or "cannot code".'}, code="required"
            )

    @property
    def code_label(self) -> str:
        return stance_label(self.value, self.cannot_code)


class Topic(models.Model):
    """The target a stance is taken toward; its description is the codebook."""

    name = models.CharField(max_length=200, validators=[no_control_characters])
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(
        blank=True,
        help_text="The codebook: what −2, 0 and +2 mean for this topic.",
        validators=[no_control_characters],
    )
    released = models.BooleanField(
        default=False,
        help_text="Released stances are public: timelines, comparisons and stance filters open "
        "to everyone, and each complete or adjudicated quote's stance. Reviewers release.",
    )
    codes_needed = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1)],
        help_text='How many annotators must code a quote ("cannot code" counts) before it is '
        "complete and its stance can be shown on a released topic.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ("name", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(codes_needed__gte=1), name="topic_needs_at_least_one_code"
            ),
        ]

    def __str__(self):
        return self.name


class StanceAnnotation(CodeChoice, models.Model):
    """One annotator's coding of one quote's stance toward one topic."""

    quote = models.ForeignKey("quotes.Quote", on_delete=models.PROTECT, related_name="annotations")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="annotations")
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stance_annotations"
    )
    value = models.SmallIntegerField(
        choices=StanceValue.choices,
        validators=STANCE_VALIDATORS,
        null=True,
        blank=True,
        help_text="Empty exactly when the quote cannot be coded on this topic.",
    )
    cannot_code = models.BooleanField(
        default=False,
        help_text="Cannot code / not about this topic: counted, but in no mean, timeline or alpha.",
    )
    conditional = models.BooleanField(
        default=False, help_text="For in principle, against now (or the reverse)."
    )
    rationale = models.CharField(
        max_length=300,
        blank=True,
        help_text="One line: why this value.",
        validators=[no_control_characters],
    )
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
            # A code is a value or "cannot code", never both and never neither (0 is a value).
            models.CheckConstraint(
                condition=Q(value__isnull=False, cannot_code=False)
                | Q(value__isnull=True, cannot_code=True),
                name="stance_annotation_value_or_cannot_code",
            ),
        ]
        indexes = [
            # "not yet tagged by me": the annotator's annotations on a topic
            models.Index(fields=["annotator", "topic"], name="annotation_annotator_topic"),
        ]

    def __str__(self):
        code = "cannot code" if self.cannot_code else f"{self.value:+d}"
        return f"{self.annotator} on {self.topic}: {code}"


class Adjudication(CodeChoice, models.Model):
    """A reviewer's final value for a quote on a topic, which overrides the annotators' mean; or
    the reviewer's decision that the quote cannot be coded on the topic (no value)."""

    quote = models.ForeignKey(
        "quotes.Quote", on_delete=models.PROTECT, related_name="adjudications"
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="adjudications")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="adjudications"
    )
    value = models.SmallIntegerField(
        choices=StanceValue.choices,
        validators=STANCE_VALIDATORS,
        null=True,
        blank=True,
        help_text="Empty exactly when the reviewer decided the quote cannot be coded.",
    )
    cannot_code = models.BooleanField(
        default=False,
        help_text="Cannot code / not about this topic: the quote then has no stance on it.",
    )
    rationale = models.CharField(max_length=300, blank=True, validators=[no_control_characters])
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
            models.CheckConstraint(
                condition=Q(value__isnull=False, cannot_code=False)
                | Q(value__isnull=True, cannot_code=True),
                name="adjudication_value_or_cannot_code",
            ),
        ]

    def __str__(self):
        code = "cannot code" if self.cannot_code else f"{self.value:+d}"
        return f"{self.topic}: {code} (adjudicated)"


class QuoteStance(models.Model):
    """The stance of a quote on a topic, stored: the adjudicated value, else the annotators' mean.

    Written only by ``quotes.services`` in the transaction that changes an annotation or
    adjudication, so every list, filter, timeline and export reads one definition.

    The quote's speaker, status and date are copied here (the services that change a quote keep
    the copies in step: ``quotes.quote_batches.stance_copies_refresh``) so that a speaker's
    stance over time is one range scan of the ``quote_stance_timeline`` index instead of a
    lookup per quote: a hundred thousand quotes cost tens of milliseconds.
    """

    quote = models.ForeignKey(
        "quotes.Quote", on_delete=models.CASCADE, related_name="stance_summaries"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="stance_summaries")
    value = models.FloatField(
        null=True, help_text='Empty when every code is "cannot code" and nothing is adjudicated.'
    )
    annotator_count = models.PositiveSmallIntegerField(
        help_text="How many annotators gave a value (the mean's n)."
    )
    cannot_code_count = models.PositiveSmallIntegerField(
        default=0, help_text='How many annotators said "cannot code".'
    )
    is_adjudicated = models.BooleanField(default=False)
    is_settled = models.BooleanField(
        default=False,
        editable=False,
        help_text="Adjudicated, or coded by as many annotators as the topic needs "
        "(quotes.coding.is_settled): what a released topic shows and counts.",
    )
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
                condition=Q(annotator_count__gt=0)
                | Q(is_adjudicated=True)
                | Q(cannot_code_count__gt=0),
                name="stance_summary_has_a_basis",
            ),
            # A value only when someone gave one (an annotator or the reviewer); none when nobody
            # did, or when the reviewer decided the quote cannot be coded.
            models.CheckConstraint(
                condition=Q(value__isnull=True, annotator_count=0)
                | Q(value__isnull=True, is_adjudicated=True)
                | (Q(value__isnull=False) & (Q(annotator_count__gt=0) | Q(is_adjudicated=True))),
                name="stance_summary_value_when_valued",
            ),
        ]
        indexes = [
            # API ?topic=&stance_min=&stance_max= and the admin's stance filter
            models.Index(fields=["topic", "value"], name="quote_stance_topic_value"),
            # with_stance(topic): the join of every listed or counted quote reads its stance
            # from this index alone (timelines join a hundred thousand quotes)
            models.Index(
                fields=[
                    *("quote", "topic", "value", "annotator_count", "is_adjudicated"),
                    "is_settled",
                ],
                name="quote_stance_covering",
            ),
            # timelines and comparisons: a speaker's stances on a topic in date order, covered
            # (settled ones only for everyone but reviewers)
            models.Index(
                fields=[
                    *("topic", "speaker", "status", "said_on", "said_on_precision"),
                    *("value", "quote", "is_settled"),
                ],
                name="quote_stance_timeline",
            ),
        ]

    def __str__(self):
        if self.value is None:
            return f"{self.topic}: cannot code"
        return f"{self.topic}: {self.value:+.2f}"

    @property
    def codes(self) -> int:
        """How many annotators coded the quote on the topic, "cannot code" included."""
        return self.annotator_count + self.cannot_code_count
