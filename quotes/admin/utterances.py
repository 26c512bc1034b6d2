"""Utterances and their proposed links on the desk: confirm or reject proposals, merge and split
utterances. Every change goes through ``quotes.utterance_services`` (history kept)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count

from quotes.admin.base import DeskAdmin
from quotes.display import precise_date
from quotes.models import Quote, Utterance, UtteranceLink
from quotes.utterance_services import (
    utterance_link_confirm,
    utterance_link_reject,
    utterance_merge,
    utterance_split,
)


def _short(text: str) -> str:
    return text if len(text) <= 90 else text[:87] + "..."


def _each(modeladmin, request, rows, action, done: str) -> None:
    """Run ``action`` on each row; a refused one becomes a message, the others go through."""
    count = 0
    for row in rows:
        try:
            action(row)
            count += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"{row}: {' '.join(error.messages)}", messages.ERROR)
    if count:
        modeladmin.message_user(request, f"{count} {done}.", messages.SUCCESS)


@admin.register(UtteranceLink)
class UtteranceLinkAdmin(DeskAdmin):
    list_display = (
        "similarity_shown",
        "kind",
        "status",
        "quote_shown",
        "other_shown",
        "decided_by",
    )
    list_filter = ("status", "kind")
    list_select_related = (
        "quote__speaker",
        "quote__source",
        "other__speaker",
        "other__source",
        "decided_by",
    )
    search_fields = ("quote__text", "other__text", "quote__speaker__name")
    readonly_fields = (
        *("quote", "other", "kind", "similarity", "status", "decided_by", "decided_at"),
        "created_at",
    )
    fields = readonly_fields
    actions = ("confirm_links", "reject_links")
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # proposals come from the detector (quotes.utterance_detection)

    @admin.display(description="similarity", ordering="similarity")
    def similarity_shown(self, link):
        return f"{link.similarity:.2f}"

    @admin.display(description="report")
    def quote_shown(self, link):
        return f"{link.quote.source.outlet} — {link.quote.speaker}: {_short(link.quote.text)}"

    @admin.display(description="other report")
    def other_shown(self, link):
        return f"{link.other.source.outlet} — {link.other.speaker}: {_short(link.other.text)}"

    @admin.action(
        description="Confirm: the same statement (merge the reports)", permissions=["change"]
    )
    def confirm_links(self, request, queryset):
        _each(
            self,
            request,
            queryset,
            lambda link: utterance_link_confirm(link=link, user=request.user),
            "links confirmed",
        )

    @admin.action(description="Reject: not the same statement", permissions=["change"])
    def reject_links(self, request, queryset):
        _each(
            self,
            request,
            queryset,
            lambda link: utterance_link_reject(link=link, user=request.user),
            "links rejected",
        )


class ReportInline(admin.TabularInline):
    model = Quote
    fk_name = "utterance"
    fields = ("text", "source", "status", "said_on", "said_on_precision")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "report"
    verbose_name_plural = "reports (split an utterance with the action on the list)"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


@admin.register(Utterance)
class UtteranceAdmin(DeskAdmin):
    list_display = ("__str__", "speaker", "said_on_shown", "report_count")
    list_select_related = ("speaker",)
    search_fields = ("speaker__name", "reports__text", "notes")
    autocomplete_fields = ("speaker",)
    readonly_fields = ("speaker", "said_on", "said_on_precision")
    fields = ("speaker", "said_on", "said_on_precision", "notes")
    inlines = (ReportInline,)
    actions = ("merge_utterances", "split_utterances")
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # an utterance is made by confirming a link

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(reported=Count("reports"))

    @admin.display(description="said on", ordering="said_on")
    def said_on_shown(self, utterance):
        return precise_date(utterance.said_on, utterance.said_on_precision)

    @admin.display(description="reports", ordering="reported")
    def report_count(self, utterance):
        return utterance.reported

    @admin.action(
        description="Merge the selected utterances (one speaker's)", permissions=["change"]
    )
    def merge_utterances(self, request, queryset):
        try:
            kept = utterance_merge(utterances=list(queryset), user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"Merged into {kept}.", messages.SUCCESS)

    @admin.action(description="Split: each report its own utterance again", permissions=["change"])
    def split_utterances(self, request, queryset):
        _each(
            self,
            request,
            queryset,
            lambda u: utterance_split(utterance=u, user=request.user),
            "utterances split",
        )
