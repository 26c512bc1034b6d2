"""The "Import article" page: paste or upload an article, store it, and review its proposals.

The work is ``quotes.importing``'s, as for the ``import_article`` command; this module only turns
a form into its arguments and its refusals back into form errors.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from quotes.admin.review import import_review_url
from quotes.importing import IfStored, ImportRefused, ImportResult, article_import, read_article
from quotes.models import Quote, Source

# article_import's fields that are form fields of the same name; any other error is the form's.
_SOURCE_FIELDS = (
    "outlet",
    "title",
    "published_on",
    "url",
    "language",
    "original_language",
    "original_url",
    "authors",
)


def can_import_articles(user) -> bool:
    """Editors and up: an import creates a source, quotes and possibly speakers."""
    return user.has_perm("quotes.add_source") and user.has_perm("quotes.add_quote")


def _model_field(name: str, **kwargs):
    return Source._meta.get_field(name).formfield(**kwargs)


class ArticleImportForm(forms.Form):
    """The article (pasted or uploaded) and what is known about its publication."""

    text = forms.CharField(
        label="Article text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="Paste the article here, or upload it as a file below.",
    )
    file = forms.FileField(
        label="…or a file",
        required=False,
        help_text="Plain UTF-8 text or an HTML page (its declared charset is honoured).",
    )
    outlet = _model_field("outlet")
    title = _model_field("title")
    published_on = forms.DateField(
        label="Published on", help_text="YYYY-MM-DD.", widget=forms.DateInput(attrs={"size": 10})
    )
    url = _model_field("url", label="URL", assume_scheme="https")
    language = _model_field("language", initial="en")
    original_language = _model_field(
        "original_language", label="Translated from", help_text="For a translation only."
    )
    original_url = _model_field("original_url", label="Original URL", assume_scheme="https")
    authors = _model_field("authors")
    if_stored = forms.ChoiceField(
        label="If this is another text of a stored article",
        choices=IfStored.choices,
        initial=IfStored.REFUSE,
        required=False,
        widget=forms.RadioSelect,
        help_text="A new text at a stored URL, or a text nearly a stored source's (a corrected "
        "article). Nothing is stored twice silently.",
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {settings.IMPORT_MAX_BYTES:,} "
                "bytes (IMPORT_MAX_BYTES)."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        pasted, upload = cleaned.get("text", "").strip(), cleaned.get("file")
        if "file" in self.errors:
            return cleaned
        if pasted and upload:
            raise ValidationError("Paste the article or upload a file, not both.")
        if not pasted and not upload:
            raise ValidationError("Paste the article text or choose a file.")
        return cleaned

    def article_bytes(self) -> tuple[str, bytes]:
        """The form field the article came from, and its bytes (pasted text as UTF-8)."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return "file", upload.read()
        return "text", self.cleaned_data["text"].encode("utf-8")


def proposed_quotes_url(source: Source) -> str:
    """The quote list filtered to the source's quotes still to review."""
    query = urlencode({"source__id__exact": source.pk, "status__exact": Quote.Status.PROPOSED})
    return f"{reverse('admin:quotes_quote_changelist')}?{query}"


def _summary(result) -> str:
    state = "stored as a new source" if result.source_created else "already stored"
    if result.new_version:
        state = f"stored as its new version, {result.quotes_moved} quotes moved"
    speakers = ", ".join(result.speakers_created) or "none"
    return (
        f"{result.source} ({state}): {result.quotes_created} quotes proposed, "
        f"{result.quotes_kept} already there, new speakers: {speakers}."
    )


def _import(form: ArticleImportForm, user) -> ImportResult | None:
    """Import the form's article; on a refusal put the message on the form and return None."""
    origin, data = form.article_bytes()
    try:
        return article_import(
            text=read_article(data),
            **{name: form.cleaned_data[name] for name in _SOURCE_FIELDS},
            if_stored=form.cleaned_data["if_stored"] or IfStored.REFUSE,
            user=user,
        )
    except ImportRefused as error:
        form.add_error(origin, str(error))
    except ValidationError as error:
        problems = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for field, texts in problems.items():
            target = origin if field == "text" else field if field in _SOURCE_FIELDS else None
            form.add_error(target, texts)
    return None


def import_article_view(model_admin, request):
    """Show the form; on a valid submit import the article and open its proposed quotes.

    A refusal (unreadable file, invalid field) re-renders the form with the message where it
    belongs; ``article_import`` is atomic, so nothing was written.
    """
    if not can_import_articles(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = ArticleImportForm(request.POST, request.FILES)
        result = _import(form, request.user) if form.is_valid() else None
        if result is not None:
            messages.success(
                request,
                format_html(
                    '{} <a href="{}" id="review-import-link">Review them on one page</a>.',
                    _summary(result),
                    import_review_url(result.source),
                ),
            )
            for note in result.notes:
                messages.warning(request, note)
            for problem in result.skipped:
                messages.warning(request, f"Not proposed: {problem}")
            return redirect(proposed_quotes_url(result.source))
    else:
        form = ArticleImportForm()
    return TemplateResponse(
        request,
        "admin/quotes/source/import_article.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": "Import an article",
            "opts": model_admin.model._meta,
            "form": form,
            "media": model_admin.media + form.media,
            "limit": settings.IMPORT_MAX_BYTES,
        },
    )
