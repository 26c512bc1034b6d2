"""Who may see and do what in the tagging desk, beyond Django's model permissions.

Coding is blind: an annotator sees other people's values for a quote and topic, and the stance
summary, only once they have saved their own. Editors, reviewers and superusers see everything.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from quotes.models import StanceAnnotation


def sees_all_stances(user) -> bool:
    """True for editors, reviewers and superusers (everyone who may change quotes)."""
    return user.is_superuser or user.has_perm("quotes.change_quote")


def can_tag(user) -> bool:
    return user.has_perm("quotes.add_stanceannotation")


def can_adjudicate(user) -> bool:
    return user.has_perm("quotes.add_adjudication") and user.has_perm("quotes.change_adjudication")


def annotated_by(user, quote="quote", topic="topic") -> Exists:
    """An ``Exists`` that is true where ``user`` annotated the row's quote on the row's topic."""
    return Exists(
        StanceAnnotation.objects.filter(
            annotator=user, quote_id=OuterRef(quote), topic_id=OuterRef(topic)
        )
    )


def blind_scope(queryset: QuerySet, user, *, own_field: str | None = None) -> QuerySet:
    """Rows about a quote and topic that ``user`` may see: everything for editors and up, else
    only pairs ``user`` has coded (plus rows ``own_field`` says are theirs)."""
    if sees_all_stances(user):
        return queryset
    visible = Q(annotated_by(user))
    if own_field:
        visible |= Q(**{own_field: user})
    return queryset.filter(visible)
