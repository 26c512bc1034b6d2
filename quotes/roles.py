"""The research roles, created after every migrate so their permissions always exist.

Roles are cumulative: an editor can do all an annotator can, a reviewer all an editor can.
Object rules (an annotator edits only their own annotations) live in the admin and the API.
"""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

ANNOTATORS, EDITORS, REVIEWERS = "annotators", "editors", "reviewers"

_DOMAIN_MODELS = [
    "organization",
    "speaker",
    "speakeralias",
    "affiliation",
    "source",
    "event",
    "quote",
    "topic",
    "stanceannotation",
    "adjudication",
    "quotestance",
]
_ANNOTATOR = [f"view_{model}" for model in _DOMAIN_MODELS] + [
    "add_stanceannotation",
    "change_stanceannotation",
    "delete_stanceannotation",
]
_EDITOR = (
    _ANNOTATOR
    + [
        f"{action}_{model}"
        for model in [
            "organization",
            "speaker",
            "speakeralias",
            "affiliation",
            "source",
            "event",
            "quote",
            "topic",
        ]
        for action in ("add", "change")
    ]
    + ["delete_speakeralias", "delete_affiliation"]
)
_REVIEWER = _EDITOR + ["add_adjudication", "change_adjudication", "delete_adjudication"]

ROLE_PERMISSIONS = {ANNOTATORS: _ANNOTATOR, EDITORS: _EDITOR, REVIEWERS: _REVIEWER}


def ensure_roles() -> None:
    """Create the three groups and give each exactly its permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    for group_name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        permissions = Permission.objects.filter(
            content_type__app_label="quotes", codename__in=codenames
        )
        group.permissions.set(permissions)


@receiver(post_migrate)
def create_roles_after_migrate(sender, app_config=None, **kwargs):
    if app_config is not None and app_config.label == "quotes":
        ensure_roles()
