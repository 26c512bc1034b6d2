"""Data types shared by the extractor's modules."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class KnownSpeaker:
    """A speaker already in the database, to match mentions in an article against."""

    slug: str
    name: str
    kind: str  # "person" | "institution" | "anonymous"
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # role titles / organization names
    cited_by: str = ""  # anonymous speakers: the outlet citing them


@dataclass(frozen=True)
class Proposal:
    """A quotation proposed for a researcher to confirm or correct."""

    text: str
    start: int
    end: int
    kind: str  # "direct" | "partial" | "indirect"
    speaker_slug: str | None
    speaker_name: str | None
    speaker_kind: str | None
    cited_by: str
    needs_review: bool
    reason: str
    said_on: date | None
    said_on_precision: str  # "day" | "month" | "year" | "unknown"
    # what the article calls a person ("Russian Foreign Minister", "the acting chairwoman of the
    # party") and the body that role names, for a new speaker's affiliation
    speaker_role: str = ""
    speaker_organization: str = ""


@dataclass(frozen=True)
class Speaker:
    """The outcome of attributing a quote: who said it, or why that is undecided."""

    slug: str | None = None
    name: str | None = None
    kind: str | None = None
    cited_by: str = ""
    reason: str = ""

    @property
    def decided(self) -> bool:
        return self.kind is not None


def undecided(reason: str) -> Speaker:
    return Speaker(reason=reason)
