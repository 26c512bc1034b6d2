"""The base of every domain admin: audit-trail views and friendly optimistic-lock conflicts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from quotes.services import ConflictError


class DeskAdmin(SimpleHistoryAdmin):
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
        return super().history_form_view(request, object_id, version_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConflictError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.get_full_path())
