"""The base of every domain admin: audit-trail views, friendly optimistic-lock conflicts, and a
404 or 400 (never a 500) for an id or a list parameter that cannot be right."""

from collections import Counter

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NestedObjects, unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import BadRequest, FieldDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from quotes.models import QuoteStance
from quotes.params import primary_key_or_none
from quotes.services import ConflictError


def object_key_or_404(model, object_id: str):
    """The primary key in an admin URL's ``object_id`` (still quoted, as the URL has it), or
    Http404 when no row can have it."""
    key = primary_key_or_none(model, unquote(object_id))
    if key is None:
        raise Http404(f"No {model._meta.verbose_name} has the id {unquote(object_id)!r}.")
    return key


class DeskChangeList(ChangeList):
    """Django's change list, answering 400 for a list parameter it cannot use. Django would
    redirect to ``?e=1`` for most, and give a 500 for a year the date functions refuse
    (``said_on__year=-1`` or ``=9999999999``), which only fails once the SQL is written."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (IncorrectLookupParameters, OverflowError, ValueError) as error:
            raise BadRequest(f"A list parameter cannot be used: {error}") from error

    def get_queryset(self, request, exclude_parameters=None):
        try:
            queryset = super().get_queryset(request, exclude_parameters)
            queryset.query.get_compiler(queryset.db).as_sql()  # writes the SQL, runs nothing
        except (IncorrectLookupParameters, OverflowError, ValueError) as error:
            raise BadRequest(f"A list parameter cannot be used: {error}") from error
        return queryset


# Rows only the services write, from their inputs: they go with the row they derive from, so
# deleting that row asks no permission to delete them (no one has it).
DERIVED_MODELS = (QuoteStance,)


class DeskListMixin:
    """For every admin of the app, DeskAdmin or not: the change list above, and a 404 for an
    object id that no row can have (``abc``, ``1\\x00``, out of range), which some views would
    otherwise send to the database. A possible id of no row (or of a row hidden from the user)
    still gets Django's redirect with "does not exist"."""

    def get_changelist(self, request, **kwargs):
        return DeskChangeList

    def get_deleted_objects(self, objs, request):
        """Django's answer, with the protected rows counted first ("protected: 3 stance
        annotations") and, among the permissions lacking, neither derived rows nor protected ones
        (which no permission would delete), so the page says what really stops the delete."""
        deleted, counts, lacking, protected = super().get_deleted_objects(objs, request)
        lacking -= {model._meta.verbose_name for model in DERIVED_MODELS}
        if protected:
            collector = NestedObjects(using=self.model.objects.db)
            collector.collect(objs)
            by_model = Counter(type(row)._meta for row in collector.protected)
            lacking -= {meta.verbose_name for meta in by_model}
            protected = [
                f"protected: {n} {meta.verbose_name if n == 1 else meta.verbose_name_plural}"
                for meta, n in by_model.items()
            ] + list(protected)
        return deleted, counts, lacking, protected

    def get_changeform_initial_data(self, request):
        """Django's initial values from the query string, without a related row's id that no
        row can have ("?organization=abc" on an add form: Django would send it to the
        database while drawing the form, a 500)."""
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.is_relation or field.related_model is None:
                continue
            values = value if isinstance(value, list) else [value]
            if any(primary_key_or_none(field.related_model, v) is None for v in values):
                del initial[name]
        return initial

    def get_object(self, request, object_id, from_field=None):
        from_field = from_field or None  # "?_to_field=" (empty) is no field: Django's KeyError
        if from_field is None:
            object_key_or_404(self.model, object_id)
        return super().get_object(request, object_id, from_field)


class DeskAdmin(DeskListMixin, SimpleHistoryAdmin):
    """SimpleHistoryAdmin shows who changed what and when (HistoryRequestMiddleware records the
    user). A ConflictError raised by a service while saving becomes a message, not a 500: the
    admin's transaction has rolled back, so nothing was overwritten."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Past versions can be read, not restored: a revert would bypass the services' version
        checks and the annotator rules. Redo a change through the normal form instead."""
        if request.method == "POST":
            raise PermissionDenied
        object_key_or_404(self.model, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        object_key_or_404(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConflictError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.get_full_path())
