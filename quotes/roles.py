"""The research roles, created after every migrate so their permissions always exist.

Roles are cumulative: an editor can do all an annotator can, a reviewer all an editor can.
Object rules (an annotator edits only their own annotations) live in the admin and the API.

Membership of a role is enough to log in to the desk: Django's admin admits only staff, so the
staff flag follows role membership (``staff_flags_sync``, run on every change of a user's groups,
from either side, by the admin, the shell or the seed loader alike).
"""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

ANNOTATORS, EDITORS, REVIEWERS = "annotators", "editors", "reviewers"
ROLES = (ANNOTATORS, EDITORS, REVIEWERS)

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
    "utterance",
    "utterancelink",
    "utteranceadjudication",
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
    # confirm or reject proposed links, merge and split utterances (the admin's actions)
    + ["change_utterance", "change_utterancelink"]
)
_REVIEWER = _EDITOR + [
    f"{action}_{model}"
    for model in ("adjudication", "utteranceadjudication")
    for action in ("add", "change", "delete")
]

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


def staff_flags_sync(*, user_ids) -> None:
    """Make the members of a role among ``user_ids`` staff, and the others (superusers aside)
    not: the desk admits a researcher because of their role, and no longer once it is gone.
    Two UPDATE statements."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=list(user_ids))
    members = users.filter(groups__name__in=ROLES).values("pk")
    users.filter(pk__in=members, is_staff=False).update(is_staff=True)
    users.filter(is_staff=True, is_superuser=False).exclude(pk__in=members).update(is_staff=False)


def role_membership_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """``m2m_changed`` of the user–group table (connected in ``QuotesConfig.ready``): keep the
    staff flag of the users concerned in step with their roles."""
    from django.contrib.auth.models import Group

    if action == "pre_clear":  # remember whom the clear concerns: afterwards it is gone
        if reverse:
            concerned = instance.user_set.values_list("pk", flat=True)
            instance._stancedb_cleared = list(concerned) if instance.name in ROLES else []
        else:
            instance._stancedb_cleared = instance.groups.filter(name__in=ROLES).exists()
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a group's members changed
        if instance.name not in ROLES:
            return
        user_ids = instance._stancedb_cleared if action == "post_clear" else pk_set
    else:  # a user's groups changed
        if action == "post_clear":
            if not instance._stancedb_cleared:
                return
        elif not Group.objects.filter(pk__in=pk_set, name__in=ROLES).exists():
            return
        user_ids = [instance.pk]
    staff_flags_sync(user_ids=user_ids)
    if not reverse:
        instance.refresh_from_db(fields=["is_staff"])
