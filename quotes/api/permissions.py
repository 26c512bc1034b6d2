"""Who may read and write through the API."""

from django.conf import settings
from rest_framework import permissions


class ReadOrModelPermissions(permissions.DjangoModelPermissions):
    """Reads are open to anyone (unless API_ANONYMOUS_READ=0, then to signed-in users);
    writes need the Django model permission, which the research roles grant."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return settings.API_ANONYMOUS_READ or bool(
                request.user and request.user.is_authenticated
            )
        return super().has_permission(request, view)


# Who may see which stance values is decided by quotes.coding, for the API as for every surface.
