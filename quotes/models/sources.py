"""Where statements were printed (sources) and the dated events they react to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from quotes.models.common import (
    DatePrecision,
    PreciseDatesMixin,
    no_control_characters,
    precision_constraints,
)
from quotes.text import content_hash


class Source(models.Model):
    """A published article; its full text is kept so every quote can be checked against it."""

    outlet = models.CharField(max_length=200, validators=[no_control_characters])
    title = models.CharField(max_length=500, validators=[no_control_characters])
    url = models.URLField(
        max_length=1000,
        blank=True,
        help_text="Optional, unique when given.",
        validators=[no_control_characters],
    )
    authors = models.CharField(
        max_length=500, blank=True, help_text="Comma-separated.", validators=[no_control_characters]
    )
    published_on = models.DateField()
    language = models.CharField(
        max_length=8,
        default="en",
        help_text="Language of the text.",
        validators=[no_control_characters],
    )
    original_language = models.CharField(
        max_length=8,
        blank=True,
        help_text="For a translation: the original's language.",
        validators=[no_control_characters],
    )
    original_url = models.URLField(max_length=1000, blank=True, validators=[no_control_characters])
    text = models.TextField(
        blank=True,
        help_text="The full article text. Empty for quotes from a spreadsheet.",
        validators=[no_control_characters],
    )
    content_hash = models.CharField(
        max_length=64, blank=True, editable=False, help_text="SHA-256 of the folded text."
    )

    # The text is in the history: a corrected article (quotes.sources.source_text_replace) keeps
    # the text its quotes were first coded against.
    history = HistoricalRecords()

    class Meta:
        ordering = ("-published_on", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="source_url_unique_when_given"
            ),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~Q(content_hash=""),
                name="source_text_stored_once",
            ),
            models.CheckConstraint(
                condition=Q(original_url="") | ~Q(original_language=""),
                name="source_original_url_needs_original_language",
            ),
        ]
        indexes = [
            # API ?outlet= and the admin's outlet filter
            models.Index(fields=["outlet", "-published_on"], name="source_outlet_published"),
        ]

    def __str__(self):
        return f"{self.outlet}, {self.published_on:%Y-%m-%d}: {self.title}"

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.text) if self.text.strip() else ""
        super().save(*args, **kwargs)

    def clean(self):
        if self.original_url and not self.original_language:
            raise ValidationError(
                {"original_language": "A translation's original URL needs its original language."}
            )
        self.content_hash = content_hash(self.text) if self.text.strip() else ""
        if (
            self.content_hash
            and Source.objects.filter(content_hash=self.content_hash).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"text": "This article text is already stored as another source."}
            )


class Event(PreciseDatesMixin, models.Model):
    """Something that happened on a date, drawn on the charts; quotes may react to it."""

    precise_date_fields = ("occurred_on",)

    title = models.CharField(max_length=300, validators=[no_control_characters])
    slug = models.SlugField(max_length=200, unique=True)
    occurred_on = models.DateField()
    occurred_on_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    description = models.TextField(blank=True, validators=[no_control_characters])
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ("occurred_on", "id")
        constraints = [*precision_constraints("occurred_on", "occurred_on_precision", "event")]

    def __str__(self):
        return f"{self.occurred_on:%Y-%m-%d} {self.title}"
