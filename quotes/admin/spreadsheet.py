"""Quotes to and from spreadsheets (CSV, XLSX) with django-import-export.

An upload is first imported in a dry run whose transaction is rolled back, so the preview shows,
row by row, what would be created or changed and what is wrong; "Confirm import" then imports
the same file in one transaction, rolled back whole if any row fails. Every row goes through
``full_clean()``, so a quote's text is found in its source and its affiliation checked exactly as
in the admin.

Blind coding: the stance columns are for *importing* the importing user's own stance on a topic;
an export leaves them empty, so it never carries anyone's individual coding.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

from quotes.admin.spreadsheet_columns import COLUMNS, column_problems
from quotes.models import DatePrecision, Quote, Source, Speaker, StanceAnnotation, Topic
from quotes.models.common import truncate_to_precision
from quotes.models.stances import (
    CANNOT_CODE,
    CANNOT_CODE_LABEL,
    STANCE_MAX,
    STANCE_MIN,
    split_code,
)
from quotes.services import quote_save, stance_annotation_save
from quotes.text import spreadsheet_original, spreadsheet_safe

# Source field -> the column it comes from.
_SOURCE_COLUMNS = {
    "outlet": "source_outlet",
    "title": "source_title",
    "published_on": "source_published_on",
    "url": "source_url",
}
_STANCE_ATTRIBUTES = {"import_topic", "import_stance", "import_rationale"}


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class IsoDateWidget(widgets.DateWidget):
    """YYYY-MM-DD in a CSV; a spreadsheet's own date cells are taken as they are."""

    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"Write the date as YYYY-MM-DD, not {text!r}.") from None


class SpeakerWidget(widgets.Widget):
    """A speaker by slug, alias slug or exact name (or alias); exported as the slug."""

    def clean(self, value, row=None, **kwargs):
        key = _text(value)
        if not key:
            return None
        found = Speaker.objects.by_slug_or_alias(key).first()
        if found:
            return found
        named = list(Speaker.objects.filter(Q(name=key) | Q(aliases__name=key)).distinct()[:2])
        if len(named) > 1:
            raise ValueError(f"Several speakers are named {key!r}: give the slug instead.")
        if not named:
            raise ValueError(
                f"Unknown speaker {key!r}: no speaker has this slug, alias or name. Add the "
                "speaker first, or correct the spelling."
            )
        return named[0]

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class TopicWidget(widgets.Widget):
    """A topic by slug or exact name; exported as the slug."""

    def clean(self, value, row=None, **kwargs):
        key = _text(value)
        if not key:
            return None
        found = Topic.objects.filter(Q(slug=key) | Q(name=key)).order_by("pk").first()
        if found is None:
            raise ValueError(f"Unknown topic {key!r}: give the slug of an existing topic.")
        return found

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


_CANNOT_CODE_SPELLINGS = {"cannot code", CANNOT_CODE_LABEL}


class StanceWidget(widgets.Widget):
    """A whole number from −2 to +2 (a spreadsheet may store it as 1.0), or "cannot code"
    (``cannot_code`` and the desk's long label read the same), which cleans to CANNOT_CODE."""

    def clean(self, value, row=None, **kwargs):
        text = _text(value).replace("−", "-")
        if not text:
            return None
        if " ".join(text.lower().replace("_", " ").split()) in _CANNOT_CODE_SPELLINGS:
            return CANNOT_CODE
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is None or not number.is_integer() or not STANCE_MIN <= number <= STANCE_MAX:
            raise ValueError(
                f"A stance is a whole number from {STANCE_MIN} to +{STANCE_MAX} or "
                f'"cannot code", not {text}.'
            )
        return int(number)

    def render(self, value, obj=None, **kwargs):
        if value == CANNOT_CODE:
            return "cannot code"
        return "" if value is None else value


class QuoteResource(resources.ModelResource):
    """One quote per row, found by ``id`` when given (else created).

    The source is found by URL, else by outlet, title and publication date, else created
    without text (its quotes then stay unverified). A date finer than its precision is stored
    truncated, as a month-precise date is always the 1st. ``topic``, ``stance`` and ``rationale``
    save the importing user's stance through ``stance_annotation_save``.
    """

    speaker = fields.Field(attribute="speaker", column_name="speaker", widget=SpeakerWidget())
    said_on = fields.Field(attribute="said_on", column_name="said_on", widget=IsoDateWidget())
    source_outlet = fields.Field(
        attribute="source__outlet", column_name="source_outlet", readonly=True
    )
    source_title = fields.Field(
        attribute="source__title", column_name="source_title", readonly=True
    )
    source_published_on = fields.Field(
        attribute="source__published_on",
        column_name="source_published_on",
        widget=IsoDateWidget(),
        readonly=True,
    )
    source_url = fields.Field(attribute="source__url", column_name="source_url", readonly=True)
    topic = fields.Field(attribute="import_topic", column_name="topic", widget=TopicWidget())
    stance = fields.Field(attribute="import_stance", column_name="stance", widget=StanceWidget())
    rationale = fields.Field(
        attribute="import_rationale", column_name="rationale", widget=widgets.CharWidget()
    )

    class Meta:
        model = Quote
        name = "Quotes"
        fields = COLUMNS
        import_order = export_order = COLUMNS
        import_id_fields = ("id",)
        clean_model_instances = True
        use_transactions = True
        # An unchanged row is reported, not written: re-importing an export changes nothing.
        skip_unchanged = True
        report_skipped = True

    user = None  # the importing user, set by before_import(): the stances are theirs

    def get_queryset(self):
        return Quote.objects.select_related("speaker", "source")

    def export_field(self, field, instance, **kwargs):
        """Every exported cell, CSV or XLSX, made safe for spreadsheets (no formula)."""
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def before_import(self, dataset, **kwargs):
        """Refuse a file whose columns are wrong, naming them (rows are not even read)."""
        self.user = kwargs.get("user")
        ids = dataset["id"] if "id" in (dataset.headers or []) else [""] * dataset.height
        problems = column_problems(dataset.headers or [], any(not _text(i) for i in ids))
        if problems:
            del dataset[0 : dataset.height]
            raise ValueError(
                f"The file's columns do not fit: {'; '.join(problems)}. The columns are "
                f"{', '.join(COLUMNS)} (see above)."
            )
        if dataset.height and "id" not in dataset.headers:
            dataset.append_col([""] * dataset.height, header="id")

    def before_import_row(self, row, **kwargs):
        """A cell made safe by an export (a leading ') is read as its original text, so that
        re-importing an export changes nothing."""
        for column, value in row.items():
            row[column] = spreadsheet_original(value)

    def import_instance(self, instance, row, **kwargs):
        """Set the row's values; every problem is reported under its column's name."""
        errors = {}
        for field in self.get_import_fields():
            try:
                self.import_field(field, instance, row, **kwargs)
            except ValueError as error:
                errors[field.column_name] = ValidationError(str(error), code="invalid")
        for attribute in _STANCE_ATTRIBUTES:  # a column may be missing or have failed
            if getattr(instance, attribute, None) is None:
                setattr(instance, attribute, None)
        if instance._state.adding and instance.pk is not None:
            errors["id"] = f"No quote has id {instance.pk}: leave id empty to add a quote."
        self._normalize_date(instance)
        try:
            instance.source = self._source_for(instance, row)
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                errors.setdefault(_SOURCE_COLUMNS.get(name, "source"), []).extend(problems)
        if instance._state.adding and instance.source_id and "text" not in errors:
            known = Quote.objects.filter(source=instance.source_id, text=instance.text).first()
            if known is not None:
                errors["text"] = (
                    f"Already there as quote {known.pk} (same text, same source): give its id "
                    "to change it, or leave the row out."
                )
        topic, stance = instance.import_topic, instance.import_stance
        if not errors.keys() & {"topic", "stance"}:
            if (topic is None) != (stance is None):
                errors["stance" if stance is None else "topic"] = (
                    "Give both a topic and a stance, or neither."
                )
            elif topic is None and instance.import_rationale:
                errors["rationale"] = "A rationale goes with a topic and a stance."
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """``full_clean()`` on the fields that had no error yet (the source too, when a source
        column did)."""
        errors = dict(import_validation_errors or {})
        exclude = set(errors)
        if exclude & {"source", "text", *_SOURCE_COLUMNS.values()}:
            exclude.add("source")
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing quote whose columns all match and whose stance is already saved."""
        if import_validation_errors or instance._state.adding or self._stance_to_save(instance):
            return False
        return instance.source_id == original.source_id and all(
            field.get_value(instance) == field.get_value(original)
            for field in self.get_import_fields()
            if field.attribute not in _STANCE_ATTRIBUTES
        )

    def do_instance_save(self, instance, is_create):
        quote_save(quote=instance)

    def after_save_instance(self, instance, row, **kwargs):
        if self._stance_to_save(instance):
            value, cannot_code = split_code(instance.import_stance)
            stance_annotation_save(
                quote=instance,
                topic=instance.import_topic,
                annotator=self.user,
                value=value,
                cannot_code=cannot_code,
                rationale=instance.import_rationale or "",
            )

    def _normalize_date(self, quote):
        """Precision defaults to day for a date (unknown without); the date is truncated to it."""
        if quote.said_on is None:
            quote.said_on_precision = DatePrecision.UNKNOWN
            return
        if quote.said_on_precision in ("", DatePrecision.UNKNOWN):
            quote.said_on_precision = DatePrecision.DAY
        if quote.said_on_precision in DatePrecision.values:
            quote.said_on = truncate_to_precision(quote.said_on, quote.said_on_precision)

    def _source_for(self, quote, row) -> Source:
        """The row's source: by URL, else by outlet, title and date, else a new one (saved)."""
        given = {name: _text(row.get(column)) for name, column in _SOURCE_COLUMNS.items()}
        if not any(given.values()) and quote.source_id:
            return quote.source
        try:
            published_on = self.fields["source_published_on"].widget.clean(
                row.get("source_published_on")
            )
        except ValueError as error:
            raise ValidationError({"published_on": str(error)}) from None
        if given["url"]:
            found = Source.objects.filter(url=given["url"]).first()
            if found:
                return found
        if given["outlet"] and given["title"] and published_on:
            same = Source.objects.filter(
                outlet=given["outlet"], title=given["title"], published_on=published_on
            )
            found = same.filter(pk=quote.source_id).first() or same.order_by("pk").first()
            if found:
                return found
        source = Source(
            outlet=given["outlet"],
            title=given["title"],
            published_on=published_on,
            url=given["url"],
        )
        source.full_clean()
        source.save()
        return source

    def _stance_to_save(self, quote) -> bool:
        """True when the row carries a stance the importing user has not saved as it is."""
        if quote.import_topic is None:
            return False
        if quote._state.adding:
            return True
        mine = StanceAnnotation.objects.filter(
            quote=quote, topic=quote.import_topic, annotator=self.user
        )
        value, cannot_code = split_code(quote.import_stance)
        return not mine.filter(
            value=value, cannot_code=cannot_code, rationale=quote.import_rationale or ""
        ).exists()


class SpreadsheetImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {settings.IMPORT_MAX_BYTES:,} "
                "bytes (IMPORT_MAX_BYTES)."
            )
        return upload


class QuoteSpreadsheetMixin(ImportExportMixin):
    """Import for editors and up, export for everyone who may view quotes.

    The desk's own change-list template stays in use and shows the Import and Export buttons
    itself: import-export's template hides every object tool from users who cannot add quotes,
    which would hide the annotators' "Next quote to tag".
    """

    resource_classes = [QuoteResource]
    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    import_form_class = SpreadsheetImportForm
    import_template_name = "admin/quotes/quote/import.html"
    change_list_template = "admin/quotes/quote/change_list.html"
    import_export_change_list_template = None

    def has_import_permission(self, request):
        return all(
            request.user.has_perm(f"quotes.{codename}")
            for codename in ("add_quote", "change_quote", "add_source")
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        """The confirm step is rolled back whole when a row fails, not only on an exception."""
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                "Nothing was imported: the file no longer passes the checks it passed in the "
                "preview (the data changed meanwhile). Import it again to see what is wrong.",
            )
            return HttpResponseRedirect(reverse("admin:quotes_quote_import"))
        return super().process_result(result, request)
