"""What a dataset bundle is: its tables in load order, their columns, and the names of its files.

``quotes.dataset_export`` writes bundles and ``quotes.dataset_import`` reads them, both from these
definitions; ``quotes.dataset`` is the entry point that offers both.
"""

from django.contrib.auth import get_user_model
from django.db import models

FORMAT = "stancedb-dataset"
MANIFEST = "manifest.json"
MEMBERSHIPS = "auth.user_groups.jsonl"

# Load order: a table comes after those it refers to (foreign keys are also checked only at the
# end of the import, so the order is for readers as much as for the database).
DOMAIN_MODELS = [
    "quotes.Organization",
    "quotes.Speaker",
    "quotes.SpeakerAlias",
    "quotes.Affiliation",
    "quotes.Source",
    "quotes.Event",
    "quotes.Topic",
    "quotes.Utterance",
    "quotes.Quote",
    "quotes.UtteranceLink",
    "quotes.StanceAnnotation",
    "quotes.Adjudication",
    "quotes.UtteranceAdjudication",
    "quotes.QuoteStance",
]
# Never exported: last_login is activity data, not research data; password hashes only on request.
USER_EXCLUDED = {"last_login", "password"}
CHUNK = 2000


class DatasetError(Exception):
    """The bundle cannot be written or read; the message says what to do."""


def bundle_models() -> list[type[models.Model]]:
    """Models whose rows the bundle holds, in load order: users, the domain, then its history."""
    from django.apps import apps

    domain = [apps.get_model(label) for label in DOMAIN_MODELS]
    history = [model.history.model for model in domain if hasattr(model, "history")]
    return [get_user_model(), *domain, *history]


def file_name(model) -> str:
    """The bundle file holding ``model``'s rows."""
    return f"{model._meta.label_lower}.jsonl"


def columns(model, with_passwords: bool) -> list[models.Field]:
    """The columns of ``model`` a bundle carries (a user's password hash only when asked)."""
    fields = list(model._meta.concrete_fields)
    if model is get_user_model():
        excluded = USER_EXCLUDED - ({"password"} if with_passwords else set())
        fields = [field for field in fields if field.attname not in excluded]
    return fields
