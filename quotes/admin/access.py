"""What the tagging desk lets each role do, beyond Django's model permissions.

Who sees which stance values is not decided here: the desk calls ``quotes.coding`` like every
other surface. This module only names the desk's own abilities (tag, adjudicate, release).
"""

from quotes import coding


def can_review_quotes(user) -> bool:
    """Editors confirm and reject proposed quotes: the permission the quote list's confirm and
    reject actions ask for (``permissions=["change"]``), named for the import review page."""
    return user.has_perm("quotes.change_quote")


def can_tag(user) -> bool:
    return user.has_perm("quotes.add_stanceannotation")


def can_adjudicate(user) -> bool:
    return user.has_perm("quotes.add_adjudication") and user.has_perm("quotes.change_adjudication")


def can_release(user) -> bool:
    """Reviewers release a topic's stances (and set how many codes a quote needs)."""
    return coding.sees_all(user) and user.has_perm("quotes.change_topic")
