"""Who speaks: organizations, speakers with their aliases, and their affiliations over time."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from quotes.models.common import (
    DatePrecision,
    PreciseDatesMixin,
    no_control_characters,
    period_end,
    precision_constraints,
)


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    MINISTRY = "ministry", "Ministry"
    ALLIANCE = "alliance", "Alliance"
    PARLIAMENT = "parliament", "Parliament"
    COMMITTEE = "committee", "Committee"
    THINK_TANK = "think-tank", "Think tank"
    UNIVERSITY = "university", "University"
    RESEARCH_CENTER = "research-center", "Research center"
    MEDIA = "media", "Media"
    MILITARY = "military", "Military"
    DIPLOMATIC_MISSION = "diplomatic-mission", "Diplomatic mission"
    INTERNATIONAL_ORGANIZATION = "international-organization", "International organization"
    OTHER = "other", "Other"


class Organization(models.Model):
    Kind = OrganizationKind

    name = models.CharField(max_length=200, validators=[no_control_characters])
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text="ISO 3166 alpha-2 code; empty for international bodies.",
        validators=[no_control_characters],
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The body this one belongs to (a committee's parliament).",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ("name", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganizationKind.values),
                name="organization_kind_valid",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organization_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name


class SpeakerQuerySet(models.QuerySet):
    def by_slug_or_alias(self, slug: str) -> "SpeakerQuerySet":
        """Speakers whose slug or an alias slug is ``slug`` (sergey-lavrov finds Sergei)."""
        return self.filter(Q(slug=slug) | Q(aliases__slug=slug)).distinct()

    def search(self, term: str) -> "SpeakerQuerySet":
        """Speakers whose name or an alias contains ``term``."""
        return self.filter(Q(name__icontains=term) | Q(aliases__name__icontains=term)).distinct()


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    INSTITUTION = "institution", "Institution speaking as a body"
    ANONYMOUS = "anonymous", "Anonymous source"


class Speaker(models.Model):
    Kind = SpeakerKind

    name = models.CharField(max_length=200, validators=[no_control_characters])
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PERSON)
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text="ISO 3166 alpha-2 code.",
        validators=[no_control_characters],
    )
    wikidata_id = models.CharField(
        "Wikidata ID",
        max_length=20,
        blank=True,
        help_text="Like Q7747: a Q and digits.",
        validators=[no_control_characters],
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutional_speakers",
        help_text="For an institution speaking as a body: the organization it speaks for.",
    )
    cited_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="For an anonymous source: the outlet that cites it.",
        validators=[no_control_characters],
    )
    description = models.TextField(blank=True, validators=[no_control_characters])

    objects = SpeakerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ("name", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SpeakerKind.values), name="speaker_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="speaker_wikidata_id_format",
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="speaker_wikidata_id_unique",
            ),
            models.CheckConstraint(
                condition=~Q(kind="institution") | Q(organization__isnull=False),
                name="institution_speaker_has_organization",
            ),
            models.CheckConstraint(
                condition=~Q(kind="anonymous") | ~Q(cited_by=""),
                name="anonymous_speaker_names_citing_outlet",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.INSTITUTION and self.organization_id is None:
            raise ValidationError(
                {"organization": "An institution speaking as a body needs its organization."}
            )
        if self.kind == self.Kind.ANONYMOUS and not self.cited_by:
            raise ValidationError({"cited_by": "Name the outlet that cites this anonymous source."})
        aliases = SpeakerAlias.objects.filter(slug=self.slug)
        if self.pk:
            aliases = aliases.exclude(speaker_id=self.pk)
        if self.slug and aliases.exists():
            raise ValidationError({"slug": "This slug is already an alias of another speaker."})

    def affiliation_on(self, day, precision=DatePrecision.DAY):
        """The speaker's affiliations valid on ``day`` (one query)."""
        return self.affiliations.valid_on(day, precision)


class SpeakerAlias(models.Model):
    """Another spelling or transliteration under which a speaker is found (Sergey Lavrov)."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, validators=[no_control_characters])
    slug = models.SlugField(
        max_length=200, unique=True, blank=True, help_text="Filled in from the name when empty."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ("name", "id")
        verbose_name_plural = "speaker aliases"
        constraints = [models.CheckConstraint(condition=~Q(slug=""), name="alias_slug_not_empty")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        self.slug = self.slug or slugify(self.name)
        clash = Speaker.objects.filter(slug=self.slug)
        if self.speaker_id:
            clash = clash.exclude(pk=self.speaker_id)
        if clash.exists():
            raise ValidationError({"name": "Another speaker already has this name as a slug."})


class AffiliationQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None, precision: str = DatePrecision.DAY):
        """Affiliations whose term overlaps the period ``(day, precision)`` stands for.

        Open ends are unknown, so they count as covering; an end known only to the month or year
        covers that whole month or year.
        """
        if day is None:
            return self.none()
        first, last = day, period_end(day, precision)
        return self.filter(
            Q(started_on__isnull=True) | Q(started_on__lte=last),
            Q(ended_on__isnull=True)
            | Q(ended_on__gte=first)
            | Q(ended_on_precision=DatePrecision.YEAR, ended_on__gte=first.replace(month=1, day=1))
            | Q(ended_on_precision=DatePrecision.MONTH, ended_on__gte=first.replace(day=1)),
        )


class Affiliation(PreciseDatesMixin, models.Model):
    """A role a speaker held in an organization over a period: what a quote was said as."""

    precise_date_fields = ("started_on", "ended_on")

    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="affiliations")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="affiliations"
    )
    role = models.CharField(
        max_length=200,
        help_text="Role title as the sources give it.",
        validators=[no_control_characters],
    )
    started_on = models.DateField(null=True, blank=True)
    started_on_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    ended_on = models.DateField(null=True, blank=True)
    ended_on_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )

    objects = AffiliationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ("speaker", "started_on", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(started_on__lte=models.F("ended_on")),
                name="affiliation_starts_before_it_ends",
            ),
            models.UniqueConstraint(
                fields=["speaker", "organization", "role", "started_on"],
                name="affiliation_unique_term",
            ),
            *precision_constraints("started_on", "started_on_precision", "affiliation"),
            *precision_constraints("ended_on", "ended_on_precision", "affiliation"),
        ]
        indexes = [
            # role at a date: Affiliation.objects.valid_on() for one speaker
            models.Index(fields=["speaker", "started_on"], name="affiliation_speaker_start"),
        ]

    def __str__(self):
        return f"{self.role}, {self.organization}"

    def clean(self):
        if self.started_on and self.ended_on and self.started_on > self.ended_on:
            raise ValidationError({"ended_on": "An affiliation cannot end before it starts."})
        for field in ("started_on", "ended_on"):
            precision_field = f"{field}_precision"
            value = getattr(self, field)
            if value is None:
                setattr(self, precision_field, DatePrecision.UNKNOWN)
            elif getattr(self, precision_field) == DatePrecision.UNKNOWN:
                setattr(self, precision_field, DatePrecision.DAY)


class ProposedAffiliation(models.Model):
    """What an imported article calls a person it introduced ("Kremlin spokesman"): kept until a
    reviewer confirms one of that person's quotes from the article, which records it as an
    Affiliation attested on the article's date (quotes.proposed_affiliations)."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="proposed_affiliations"
    )
    source = models.ForeignKey(
        "quotes.Source", on_delete=models.CASCADE, related_name="proposed_affiliations"
    )
    role = models.CharField(max_length=200, validators=[no_control_characters])
    organization_name = models.CharField(max_length=200, validators=[no_control_characters])

    class Meta:
        ordering = ("speaker", "source")
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "source"], name="proposed_affiliation_one_per_article"
            ),
            models.CheckConstraint(
                condition=~Q(role="") & ~Q(organization_name=""),
                name="proposed_affiliation_names_role_and_body",
            ),
        ]

    def __str__(self):
        return f"{self.role}, {self.organization_name} (proposed)"
