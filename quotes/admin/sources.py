"""Sources (articles with their full text) and events."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import path, reverse

from quotes import display
from quotes.admin.access import can_review_quotes
from quotes.admin.base import DeskAdmin, object_key_or_404
from quotes.admin.importing import can_import_articles, import_article_view
from quotes.admin.review import import_review_view
from quotes.models import Event, Source
from quotes.sources import source_text_check, source_text_replace


class SourceForm(forms.ModelForm):
    """A changed text is checked as ``source_text_replace`` will save it: a quote that would no
    longer occur in it is a form error on the text, naming the quote."""

    url = Source._meta.get_field("url").formfield(assume_scheme="https")
    original_url = Source._meta.get_field("original_url").formfield(assume_scheme="https")

    class Meta:
        model = Source
        fields = [
            "outlet",
            "title",
            "url",
            "authors",
            "published_on",
            "language",
            "original_language",
            "original_url",
            "text",
        ]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and "text" in self.changed_data and "text" in cleaned:
            source_text_check(source=self.instance, text=cleaned["text"])
        return cleaned


@admin.register(Source)
class SourceAdmin(DeskAdmin):
    form = SourceForm
    list_display = ("title", "outlet", "published_on", "language", "has_text", "quote_count")
    list_filter = ("language",)
    search_fields = ("title", "outlet", "url", "authors")
    date_hierarchy = "published_on"
    readonly_fields = ("content_hash",)
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(number_of_quotes=Count("quotes"))

    def view_on_site(self, source):
        """The article with its confirmed quotes marked where they were printed."""
        return reverse("web:source-detail", args=[source.pk])

    def get_urls(self):
        def bound(request):
            return import_article_view(self, request)

        def review(request, object_id):
            return import_review_view(self, request, object_key_or_404(Source, object_id))

        return [
            path(
                "import-article/",
                self.admin_site.admin_view(bound),
                name="quotes_source_import_article",
            ),
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(review),
                name="quotes_source_review",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_review_quotes": can_review_quotes(request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import_articles": can_import_articles(request.user),
        }
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        """Through ``source_text_replace``, which moves the quotes' spans with a changed text."""
        source_text_replace(source=obj, text=obj.text, user=request.user)

    @admin.display(description="text stored", boolean=True)
    def has_text(self, source):
        return bool(source.content_hash)

    @admin.display(description="quotes", ordering="number_of_quotes")
    def quote_count(self, source):
        return source.number_of_quotes


@admin.register(Event)
class EventAdmin(DeskAdmin):
    list_display = ("title", "occurred", "source")
    search_fields = ("title", "slug", "description")
    date_hierarchy = "occurred_on"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("source",)
    list_select_related = ("source",)

    @admin.display(description="occurred on", ordering="occurred_on")
    def occurred(self, event):
        return display.precise_date(event.occurred_on, event.occurred_on_precision)
