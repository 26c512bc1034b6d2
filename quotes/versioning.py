"""Optimistic locking for the rows people edit in forms: a stale version is a conflict."""

from django.db.models import F


class ConflictError(Exception):
    """Someone else saved the same row since it was read: reload and redo the change."""


def save_versioned(instance) -> None:
    """Save ``instance`` only if its row still has the version it was read with.

    ``UPDATE … SET version = n + 1 WHERE version = n`` is the check: zero rows means someone saved
    first. The row stays locked until commit, so a concurrent save waits and then sees the conflict.
    """
    model = type(instance)
    updated = model.objects.filter(pk=instance.pk, version=instance.version).update(
        version=F("version") + 1
    )
    if updated == 0:
        raise ConflictError(
            f"This {model._meta.verbose_name} was changed by someone else since you opened it. "
            "Reload it to see their change, then redo yours."
        )
    instance.version += 1
    instance.save()
