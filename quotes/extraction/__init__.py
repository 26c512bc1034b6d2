"""Quote extraction: from an article's text to proposed quotations with speakers and dates.

Pure functions only (no ORM, no network). See :func:`extract_quotes`.
"""

from .dates import resolve_date
from .extract import extract_quotes
from .model import KnownSpeaker, Proposal

__all__ = ["KnownSpeaker", "Proposal", "extract_quotes", "resolve_date"]
