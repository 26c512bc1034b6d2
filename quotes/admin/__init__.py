"""The tagging desk: every domain model in the Django admin, split by concept."""

from quotes.admin import people, quotes, sources, stances, utterances  # noqa: F401  (registers the admins)
