"""Organizations, speakers (with their aliases and affiliations) and the speaker merge."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse

from quotes import display
from quotes.admin.base import DeskAdmin
from quotes.admin.merging import merge_speakers_view
from quotes.models import (
    Affiliation,
    Organization,
    ProposedAffiliation,
    Quote,
    Speaker,
    SpeakerAlias,
)
from quotes.rollup import quote_cells_refresh, rollup_apply


@admin.register(Organization)
class OrganizationAdmin(DeskAdmin):
    list_display = ("name", "kind", "country", "parent")
    list_filter = ("kind", "country")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)

    def view_on_site(self, organization):
        return reverse("web:organization-detail", args=[organization.slug])


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 0
    fields = ("name", "slug")
    readonly_fields = ("slug",)


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ("organization",)
    fields = (
        "role",
        "organization",
        "started_on",
        "started_on_precision",
        "ended_on",
        "ended_on_precision",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")


class ProposedAffiliationInline(admin.TabularInline):
    """What imported articles call this person, waiting for a confirmed quote (or a delete)."""

    model = ProposedAffiliation
    extra = 0
    fields = ("role", "organization_name", "source")
    readonly_fields = fields
    verbose_name_plural = "roles proposed by imports (recorded when one of the quotes is confirmed)"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


@admin.register(Speaker)
class SpeakerAdmin(DeskAdmin):
    list_display = ("name", "kind", "country", "organization", "alias_names", "quote_count")
    list_filter = ("kind", "country")
    search_fields = ("name", "slug", "aliases__name", "wikidata_id")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organization",)
    inlines = (SpeakerAliasInline, AffiliationInline, ProposedAffiliationInline)
    show_full_result_count = False
    actions = ("merge_into_another",)

    def view_on_site(self, speaker):
        return reverse("web:speaker-detail", args=[speaker.slug])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(f.model is Affiliation and f.has_changed() for f in formsets):
            # Its quotes' rollup cells follow their roles' organisations (quotes.rollup).
            ids = list(Quote.objects.filter(speaker=form.instance).values_list("pk", flat=True))
            rollup_apply(ids)
            quote_cells_refresh(ids)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("organization")
            .prefetch_related("aliases")
            .annotate(number_of_quotes=Count("quotes", distinct=True))
            # A grouped query keeps no default ordering; the speaker autocomplete (quote page,
            # import review) pages through this queryset and needs one. The list sets its own.
            .order_by("name", "id")
        )

    @admin.display(description="aliases")
    def alias_names(self, speaker):
        return ", ".join(alias.name for alias in speaker.aliases.all()) or "—"

    @admin.display(description="quotes", ordering="number_of_quotes")
    def quote_count(self, speaker):
        return speaker.number_of_quotes

    @admin.action(
        description="Merge selected duplicates into another speaker", permissions=["change"]
    )
    def merge_into_another(self, request, queryset):
        return merge_speakers_view(self, request, queryset)


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(DeskAdmin):
    list_display = ("name", "slug", "speaker")
    search_fields = ("name", "slug", "speaker__name")
    autocomplete_fields = ("speaker",)
    readonly_fields = ("slug",)
    list_select_related = ("speaker",)


@admin.register(Affiliation)
class AffiliationAdmin(DeskAdmin):
    list_display = ("speaker", "role", "organization", "started", "ended")
    list_filter = ("organization__kind",)
    search_fields = ("speaker__name", "speaker__aliases__name", "role", "organization__name")
    autocomplete_fields = ("speaker", "organization")
    list_select_related = ("speaker", "organization")
    show_full_result_count = False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Its quotes' rollup cells follow the role's organisation (quotes.rollup).
        ids = list(Quote.objects.filter(affiliation=obj).values_list("pk", flat=True))
        rollup_apply(ids)
        quote_cells_refresh(ids)

    @admin.display(description="started", ordering="started_on")
    def started(self, affiliation):
        return display.precise_date(affiliation.started_on, affiliation.started_on_precision)

    @admin.display(description="ended", ordering="ended_on")
    def ended(self, affiliation):
        if affiliation.ended_on is None:
            return "—"
        return display.precise_date(affiliation.ended_on, affiliation.ended_on_precision)
