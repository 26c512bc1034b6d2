"""Utterances and their proposed links on the desk: confirm or reject proposals, merge and split
utterances, and (reviewers) adjudicate an utterance's stance on a topic, with a filter for the
utterances whose reports' stances conflict. Every change goes through
``quotes.utterance_services`` (history kept); who sees which value, through ``quotes.coding``."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.html import format_html_join

from quotes import coding, utterances
from quotes.admin.base import DeskAdmin
from quotes.admin.forms import _code_field, code_initial
from quotes.display import precise_date, signed
from quotes.models import Quote, Utterance, UtteranceAdjudication, UtteranceLink
from quotes.utterance_services import (
    utterance_adjudication_set,
    utterance_adjudication_withdraw,
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


class UtteranceAdjudicationForm(forms.ModelForm):
    """A reviewer's stance for the utterance on one topic; the reviewer is the one saving."""

    value = _code_field(label="Stance")

    class Meta:
        model = UtteranceAdjudication
        fields = ("topic", "value", "note")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["value"] = code_initial(self.instance)

    def clean(self):
        cleaned = super().clean()
        if "value" in cleaned:
            cleaned["value"], self.instance.cannot_code = cleaned["value"]
        topic = cleaned.get("topic")
        if topic and not utterances.adjudicable(self.instance.utterance_id, topic.pk):
            self.add_error("topic", "No confirmed report of this utterance is coded on it yet.")
        return cleaned


class UtteranceAdjudicationInline(admin.TabularInline):
    """Reviewers add, change or withdraw (delete) them; others read those ``quotes.coding``
    shows them. Saved by ``UtteranceAdmin.save_formset`` through the services."""

    model = UtteranceAdjudication
    form = UtteranceAdjudicationForm
    fields = ("topic", "value", "note", "reviewer", "updated_at")
    readonly_fields = ("reviewer", "updated_at")
    extra = 0
    verbose_name = "reviewer's stance"
    verbose_name_plural = "reviewers' stances (each replaces the reports' mean on its topic)"

    def get_queryset(self, request):
        adjudications = super().get_queryset(request).select_related("topic", "reviewer")
        return coding.visible_utterance_adjudications(adjudications, request.user)


class ConflictFilter(admin.SimpleListFilter):
    """Reports whose stances on a topic differ by 2 points or more: the reviewers' queue."""

    title = "reports' stances conflict"
    parameter_name = "conflict"

    def lookups(self, request, model_admin):
        return [("open", "yes, not adjudicated"), ("adjudicated", "yes, adjudicated")]

    def queryset(self, request, queryset):
        if self.value() not in ("open", "adjudicated"):
            return queryset
        ids = utterances.conflicted_utterances(
            request.user, adjudicated=self.value() == "adjudicated"
        )
        return queryset.filter(pk__in=ids)


@admin.register(Utterance)
class UtteranceAdmin(DeskAdmin):
    list_display = ("__str__", "speaker", "said_on_shown", "report_count")
    list_filter = (ConflictFilter,)
    list_select_related = ("speaker",)
    search_fields = ("speaker__name", "reports__text", "notes")
    autocomplete_fields = ("speaker",)
    readonly_fields = ("speaker", "said_on", "said_on_precision", "stances_shown")
    fields = ("speaker", "said_on", "said_on_precision", "stances_shown", "notes")
    inlines = (ReportInline, UtteranceAdjudicationInline)
    actions = ("merge_utterances", "split_utterances")
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # an utterance is made by confirming a link

    def has_delete_permission(self, request, obj=None):
        # undone by splitting it (utterance_split keeps the counting units in step); a delete
        # would unlink its reports behind the rollups' back
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(reported=Count("reports"))

    def get_object(self, request, object_id, from_field=None):
        """The utterance, with the stances, conflicts and adjudications ``request.user`` may
        see (three queries)."""
        utterance = super().get_object(request, object_id, from_field)
        if utterance is not None:
            ids, user = [utterance.pk], request.user
            utterance.desk = [
                found.get(utterance.pk, {})
                for found in (
                    utterances.utterance_stances(ids, user, "topic__name"),
                    utterances.conflicting_stances(ids, user, "topic__name"),
                    utterances.visible_adjudications(ids, user, "topic__name"),
                )
            ]
        return utterance

    @admin.display(description="stance by topic")
    def stances_shown(self, utterance):
        means, conflicts, adjudicated = getattr(utterance, "desk", ({}, {}, {}))
        rows = []
        for name in sorted(means.keys() | conflicts.keys() | adjudicated.keys()):
            stance = signed(means.get(name)) or "no stance"
            flags = " (adjudicated)" if name in adjudicated else ""
            if name in conflicts:
                low, high = map(signed, conflicts[name])
                settled = "settled" if name in adjudicated else "open: adjudicate below"
                flags += f" — reports conflict ({low} to {high}), {settled}"
            rows.append((name, stance, flags))
        if not rows:
            return "none you may see"
        return format_html_join("", "<div>{}: {}<strong>{}</strong></div>", rows)

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

    def save_formset(self, request, form, formset, change):
        if formset.model is not UtteranceAdjudication:
            return super().save_formset(request, form, formset, change)
        # the lists Django's change message reads from a formset it saved itself
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline in formset.forms:
            stored = inline.instance.pk and UtteranceAdjudication.objects.get(pk=inline.instance.pk)
            if inline.cleaned_data.get("DELETE"):
                if stored:
                    utterance_adjudication_withdraw(adjudication=stored)
                    formset.deleted_objects.append(stored)
                continue
            if not inline.has_changed():
                continue
            if stored and stored.topic_id != inline.cleaned_data["topic"].pk:
                utterance_adjudication_withdraw(adjudication=stored)
                formset.deleted_objects.append(stored)
                stored = None
            saved = utterance_adjudication_set(
                utterance=form.instance,
                topic=inline.cleaned_data["topic"],
                reviewer=request.user,
                value=inline.instance.value,
                cannot_code=inline.instance.cannot_code,
                note=inline.cleaned_data.get("note", ""),
            )
            if stored:
                formset.changed_objects.append((saved, inline.changed_data))
            else:
                formset.new_objects.append(saved)
