"""The quote list and quote page: the centre of the tagging desk."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from quotes import coding, display
from quotes.admin.access import can_tag
from quotes.admin.base import DeskAdmin, object_key_or_404
from quotes.admin.desk import (
    adjudicate_view,
    my_stance_view,
    next_to_tag_view,
    quote_desk_context,
)
from quotes.admin.filters import NotTaggedByMeFilter, StanceFilter, TopicFilter, topic_choices
from quotes.admin.forms import VersionedModelForm
from quotes.admin.importing import can_import_articles
from quotes.admin.spreadsheet import QuoteSpreadsheetMixin
from quotes.admin.views import bulk_stance_view
from quotes.models import Quote, QuoteStance, StanceAnnotation
from quotes.services import quote_save, quotes_set_status

SHORT_TEXT = 90


class QuoteAdminForm(VersionedModelForm):
    class Meta:
        model = Quote
        fields = "__all__"


@admin.register(Quote)
class QuoteAdmin(QuoteSpreadsheetMixin, DeskAdmin):
    form = QuoteAdminForm
    list_display = (
        "said_by",
        "said",
        "short_text",
        "full_text",
        "outlet",
        "kind_short",
        "status",
        "stances",
    )
    list_display_links = ("short_text",)
    list_filter = (
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("affiliation__organization", admin.RelatedOnlyFieldListFilter),
        "kind",
        "status",
        TopicFilter,
        StanceFilter,
        NotTaggedByMeFilter,
    )
    search_fields = (
        "text",
        "speaker__name",
        "speaker__aliases__name",
        "source__title",
        "source__outlet",
    )
    date_hierarchy = "said_on"
    ordering = (F("said_on").desc(nulls_last=True), "-id")
    autocomplete_fields = ("speaker", "source", "affiliation", "event")
    show_full_result_count = False
    list_per_page = 100
    fieldsets = (
        (None, {"fields": ("text", "speaker", "affiliation", "source", "kind", "status")}),
        ("When", {"fields": (("said_on", "said_on_precision"), "event")}),
        ("Extraction", {"fields": ("extraction_note", "loaded_version"), "classes": ("collapse",)}),
    )
    actions = ("confirm_selected", "reject_selected", "set_my_stance")

    def get_queryset(self, request):
        """``for_list()`` plus the user's own annotations, each stance summary marked in SQL
        with whether ``quotes.coding`` shows its values to the user (``values_visible``), so
        the list costs the same queries for every role and page size."""
        user = request.user
        summaries = QuoteStance.objects.select_related("topic").order_by("topic__slug")
        queryset = (
            super()
            .get_queryset(request)
            .for_list()
            .prefetch_related(None)
            .prefetch_related(
                Prefetch("stance_summaries", queryset=coding.with_visibility(summaries, user))
            )
        )
        return queryset.prefetch_related(
            Prefetch(
                "annotations",
                queryset=StanceAnnotation.objects.filter(annotator=user),
                to_attr="my_annotations",
            )
        )

    def get_fieldsets(self, request, obj=None):
        """The hidden version only travels with an editable form."""
        if self.has_change_permission(request, obj):
            return self.fieldsets
        return tuple(
            (
                name,
                {**options, "fields": tuple(f for f in options["fields"] if f != "loaded_version")},
            )
            for name, options in self.fieldsets
        )

    def get_list_filter(self, request):
        """Filtering by stance is an aggregate of everyone's values, so only reviewers get it
        (``quotes.coding``)."""
        if coding.sees_all(request.user):
            return self.list_filter
        return tuple(spec for spec in self.list_filter if spec is not StanceFilter)

    @admin.display(description="speaker", ordering="speaker__name")
    def said_by(self, quote):
        return quote.speaker.name if quote.speaker_id else "(undecided)"

    @admin.display(description="said on", ordering=F("said_on").desc(nulls_last=True))
    def said(self, quote):
        if quote.said_on is None:
            return "unknown"
        return display.precise_date(quote.said_on, quote.said_on_precision)

    @admin.display(description="text")
    def short_text(self, quote):
        return Truncator(quote.text).chars(SHORT_TEXT)

    @admin.display(description="full text")
    def full_text(self, quote):
        """The whole quote on demand (a disclosure), where the text column cut it short."""
        if len(quote.text) <= SHORT_TEXT:
            return ""
        return format_html(
            '<details class="full-text"><summary>Show all</summary>{}</details>', quote.text
        )

    def view_on_site(self, quote):
        """Only a confirmed quote has a public page."""
        if quote.status != Quote.Status.CONFIRMED:
            return None
        return reverse("web:quote-detail", args=[quote.pk])

    @admin.display(description="kind", ordering="kind")
    def kind_short(self, quote):
        """direct, partial or indirect: the full labels would take a column of their own."""
        return quote.kind

    @admin.display(description="outlet", ordering="source__outlet")
    def outlet(self, quote):
        return quote.source.outlet

    @admin.display(description="stance (adjudicated, else mean of n annotators)")
    def stances(self, quote):
        mine = {
            annotation.topic_id: (
                "cannot code" if annotation.cannot_code else display.signed(annotation.value, 0)
            )
            for annotation in quote.my_annotations
        }
        rows = [
            (
                summary.topic.name,
                "no value" if summary.value is None else display.signed(summary.value),
                "adjudicated" if summary.is_adjudicated else f"n={summary.annotator_count}",
                (f", {summary.cannot_code_count} cannot code" if summary.cannot_code_count else "")
                + (f", you {mine[summary.topic_id]}" if summary.topic_id in mine else ""),
            )
            if summary.values_visible
            else (summary.topic.name, "hidden", f"{summary.codes} coded", "")
            for summary in quote.stance_summaries.all()
        ]
        if not rows:
            return "—"
        return format_html_join(mark_safe("<br>"), "{}: {} ({}{})", rows)

    # --- The quote page ----------------------------------------------------------------------

    def get_urls(self):
        def wrap(view, post_only=False):
            def bound(request, *args, **kwargs):
                if "object_id" in kwargs:
                    kwargs["object_id"] = object_key_or_404(Quote, kwargs["object_id"])
                return view(self, request, *args, **kwargs)

            return self.admin_site.admin_view(require_POST(bound) if post_only else bound)

        return [
            path("next-to-tag/", wrap(next_to_tag_view), name="quotes_quote_next_to_tag"),
            path(
                "<path:object_id>/stance/",
                wrap(my_stance_view, post_only=True),
                name="quotes_quote_stance",
            ),
            path(
                "<path:object_id>/adjudicate/",
                wrap(adjudicate_view, post_only=True),
                name="quotes_quote_adjudicate",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        key = object_key_or_404(Quote, object_id)
        quote = Quote.objects.select_related("source").filter(pk=key).first()
        if quote is not None and self.has_view_permission(request, quote):
            extra_context = {**(extra_context or {}), **quote_desk_context(request, quote)}
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import_articles": can_import_articles(request.user),
            # The desk's widest table: at 1366 px the stance column needs the side bar's room
            # (the breadcrumbs and the header still lead everywhere).
            "is_nav_sidebar_enabled": False,
        }
        if can_tag(request.user):
            extra_context["tag_topics"] = topic_choices(request)
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        quote_save(quote=obj, expected_version=form.cleaned_data.get("loaded_version"))

    # --- Bulk actions --------------------------------------------------------------------------

    def has_tag_permission(self, request):
        return can_tag(request.user)

    def _set_status(self, request, queryset, status):
        selected = Quote.objects.filter(pk__in=queryset.values("pk"))
        proposed = selected.filter(status=Quote.Status.PROPOSED)
        skipped = selected.count() - proposed.count()
        # A confirmed or rejected quote needs a speaker (a database constraint).
        speakerless = proposed.filter(speaker__isnull=True).count()
        proposed = proposed.filter(speaker__isnull=False)
        if speakerless:
            messages.warning(
                request,
                f"{speakerless} quote(s) without a speaker cannot be confirmed or rejected and "
                "stay proposed: choose the speaker first.",
            )
        try:
            changed = quotes_set_status(quotes=proposed, status=status)
        except ValidationError as error:
            messages.error(request, f"Nothing was changed: {' '.join(error.messages)}")
            return
        label = Quote.Status(status).label.lower()
        messages.success(request, f"{changed} quote(s) {label}.")
        if skipped:
            messages.info(
                request, f"{skipped} quote(s) were not proposed and were left as they were."
            )

    @admin.action(description="Confirm selected proposed quotes", permissions=["change"])
    def confirm_selected(self, request, queryset):
        self._set_status(request, queryset, Quote.Status.CONFIRMED)

    @admin.action(description="Reject selected proposed quotes", permissions=["change"])
    def reject_selected(self, request, queryset):
        self._set_status(request, queryset, Quote.Status.REJECTED)

    @admin.action(description="Set my stance on selected quotes for a topic", permissions=["tag"])
    def set_my_stance(self, request, queryset):
        return bulk_stance_view(self, request, queryset)
