"""Topics (with the agreement report and the tagging queue), annotations, adjudications and the
stored stance summaries. Annotations belong to their annotator; coding is blind (see access)."""

from django.contrib import admin
from django.db.models import Count
from django.urls import path, reverse
from django.utils.html import format_html

from quotes import coding
from quotes.admin.access import can_release, can_tag
from quotes.admin.base import DeskAdmin, DeskListMixin
from quotes.admin.desk import next_to_tag_url
from quotes.admin.forms import StanceAnnotationAdminForm, VersionedModelForm
from quotes.admin.views import agreement_report_view
from quotes.models import Adjudication, QuoteStance, StanceAnnotation, Topic
from quotes.services import (
    adjudication_clear,
    adjudication_set,
    stance_annotation_delete,
    stance_annotation_save,
    topic_release,
    topic_save,
)


@admin.register(Topic)
class TopicAdmin(DeskAdmin):
    list_display = (
        "name",
        "slug",
        "released",
        "codes_needed",
        "coded_quotes",
        "tag_next",
        "agreement",
    )
    list_filter = ("released",)
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    actions = ("release_selected", "withdraw_selected")

    def view_on_site(self, topic):
        return reverse("web:topic-detail", args=[topic.slug])

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(number_coded=Count("stance_summaries"))

    def get_list_display(self, request):
        shown = list(self.list_display)
        if not can_tag(request.user):
            shown.remove("tag_next")
        if not coding.sees_all(request.user):
            shown.remove("agreement")  # the report shows every annotator's values
        return shown

    def get_readonly_fields(self, request, obj=None):
        """Only reviewers release a topic or change how many codes make a quote complete."""
        if can_release(request.user):
            return ()
        return ("released", "codes_needed")

    def has_release_permission(self, request):
        return can_release(request.user)

    def save_model(self, request, obj, form, change):
        topic_save(topic=obj)

    @admin.action(description="Release the stances of the selected topics", permissions=["release"])
    def release_selected(self, request, queryset):
        for topic in queryset:
            topic_release(topic=topic, released=True)
        self.message_user(request, f"{len(queryset)} topic(s) released.")

    @admin.action(
        description="Withdraw the release of the selected topics", permissions=["release"]
    )
    def withdraw_selected(self, request, queryset):
        for topic in queryset:
            topic_release(topic=topic, released=False)
        self.message_user(request, f"{len(queryset)} topic(s) withdrawn.")

    def get_urls(self):
        report = self.admin_site.admin_view(
            lambda request, object_id: agreement_report_view(self, request, object_id)
        )
        return [
            path("<path:object_id>/agreement/", report, name="quotes_topic_agreement"),
            *super().get_urls(),
        ]

    @admin.display(description="quotes with a stance", ordering="number_coded")
    def coded_quotes(self, topic):
        return topic.number_coded

    @admin.display(description="tagging queue")
    def tag_next(self, topic):
        return format_html('<a href="{}">next quote to tag</a>', next_to_tag_url(topic.slug))

    @admin.display(description="agreement")
    def agreement(self, topic):
        url = reverse("admin:quotes_topic_agreement", args=[topic.pk])
        return format_html('<a href="{}">agreement</a>', url)


class OwnedByAuthorMixin:
    """An annotation or adjudication is changed or deleted only by the person who made it
    (superusers included: nobody changes another's coding), and read only where
    ``quotes.coding`` shows it to the reader (``visible``)."""

    owner_field = ""
    visible = None  # a quotes.coding filter: (queryset, user) -> queryset

    def get_queryset(self, request):
        return type(self).visible(super().get_queryset(request), request.user)

    def _owns(self, request, obj) -> bool:
        return obj is None or getattr(obj, f"{self.owner_field}_id") == request.user.pk

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._owns(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._owns(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Moving a coding to another quote or topic would be a different coding.
        return ("quote", "topic") if obj is not None else ()


@admin.register(StanceAnnotation)
class StanceAnnotationAdmin(OwnedByAuthorMixin, DeskAdmin):
    owner_field = "annotator"
    visible = coding.visible_annotations
    form = StanceAnnotationAdminForm
    exclude = ("annotator",)
    list_display = ("quote", "topic", "annotator", "code", "conditional", "updated_at")
    list_filter = ("topic", "value", "cannot_code", "conditional")
    search_fields = ("quote__text", "quote__speaker__name", "rationale", "annotator__username")
    autocomplete_fields = ("quote", "topic")
    list_select_related = ("quote__speaker", "topic", "annotator")
    show_full_result_count = False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    @admin.display(description="stance", ordering="value")
    def code(self, annotation):
        return annotation.code_label

    def save_model(self, request, obj, form, change):
        if not change:
            obj.annotator = request.user  # never a posted value: the field is not in the form
        saved = stance_annotation_save(
            quote=obj.quote,
            topic=obj.topic,
            annotator=obj.annotator,
            value=obj.value,
            cannot_code=obj.cannot_code,
            conditional=obj.conditional,
            rationale=obj.rationale,
            expected_version=form.cleaned_data.get("loaded_version") if change else 0,
        )
        obj.pk, obj.version = saved.pk, saved.version

    def delete_model(self, request, obj):
        stance_annotation_delete(annotation=obj)

    def delete_queryset(self, request, queryset):
        for annotation in queryset:
            if self.has_delete_permission(request, annotation):
                stance_annotation_delete(annotation=annotation)


class AdjudicationAdminForm(VersionedModelForm):
    class Meta:
        model = Adjudication
        fields = ("quote", "topic", "value", "rationale")


@admin.register(Adjudication)
class AdjudicationAdmin(OwnedByAuthorMixin, DeskAdmin):
    owner_field = "reviewer"
    visible = coding.visible_adjudications
    form = AdjudicationAdminForm
    exclude = ("reviewer",)
    list_display = ("quote", "topic", "value", "reviewer", "updated_at")
    list_filter = ("topic", "value")
    search_fields = ("quote__text", "quote__speaker__name", "rationale")
    autocomplete_fields = ("quote", "topic")
    list_select_related = ("quote__speaker", "topic", "reviewer")

    def has_change_permission(self, request, obj=None):
        # Any reviewer may revise an adjudication: it is the team's final word, not a coding.
        return super(OwnedByAuthorMixin, self).has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super(OwnedByAuthorMixin, self).has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        obj.reviewer = request.user
        saved = adjudication_set(
            quote=obj.quote,
            topic=obj.topic,
            reviewer=request.user,
            value=obj.value,
            rationale=obj.rationale,
            expected_version=form.cleaned_data.get("loaded_version") if change else 0,
        )
        obj.pk, obj.version = saved.pk, saved.version

    def delete_model(self, request, obj):
        adjudication_clear(adjudication=obj)

    def delete_queryset(self, request, queryset):
        for adjudication in queryset:
            adjudication_clear(adjudication=adjudication)


@admin.register(QuoteStance)
class QuoteStanceAdmin(DeskListMixin, admin.ModelAdmin):
    """Read-only: the summary is written only by the stance services."""

    list_display = (
        "quote",
        "topic",
        "value",
        "annotator_count",
        "cannot_code_count",
        "is_adjudicated",
    )
    list_filter = ("topic", "is_adjudicated")
    search_fields = ("quote__text", "quote__speaker__name")
    list_select_related = ("quote__speaker", "topic")
    show_full_result_count = False

    def get_queryset(self, request):
        return coding.visible_summaries(super().get_queryset(request), request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
