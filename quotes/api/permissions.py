"""Who may read and write through the API."""

from django.conf import settings
from rest_framework import permissions

from quotes.roles import EDITORS, REVIEWERS


class ReadOrModelPermissions(permissions.DjangoModelPermissions):
    """Reads are open to anyone (unless API_ANONYMOUS_READ=0, then to signed-in users);
    writes need the Django model permission, which the research roles grant."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return settings.API_ANONYMOUS_READ or bool(
                request.user and request.user.is_authenticated
            )
        return super().has_permission(request, view)


def sees_all_annotations(user) -> bool:
    """Whether ``user`` may read every annotator's values (editors, reviewers, superusers).

    Coding stays blind: everyone else sees at most their own annotations. Runs one query for a
    signed-in user who is not a superuser.
    """
    if not user or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[EDITORS, REVIEWERS]).exists()
