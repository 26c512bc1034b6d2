"""Importing an article: read the file, store it as a source, store the extractor's proposals.

``read_article`` turns uploaded bytes into text (HTML through trafilatura, plain text as UTF-8);
``article_import`` is the one atomic write, called by the command and the admin page alike.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from quotes.extraction import KnownSpeaker, Proposal, extract_quotes
from quotes.models import (
    DatePrecision,
    ProposedAffiliation,
    Quote,
    Source,
    Speaker,
)
from quotes.models.common import truncate_to_precision
from quotes.naming import free_slug, organization_named
from quotes.rollup import quote_cells_refresh
from quotes.sources import near_duplicates, source_text_replace
from quotes.text import content_hash, spans_overlap, strip_control_characters
from quotes.utterance_index import utterance_keys_refresh
from quotes.utterance_services import utterance_reports_changed

_HTML_START = re.compile(
    rb"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[ >])", re.I
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


class ImportRefused(ValueError):
    """The input cannot be imported; the message says why, for a person to fix it."""


class IfStored(models.TextChoices):
    """What an import does with a text that is not stored but whose URL is, or that is nearly
    the text of a stored source (a corrected or re-edited article)."""

    REFUSE = "refuse", "Refuse, and say which stored source it resembles"
    NEW_VERSION = "new-version", "Store it as that source's new text (its quotes re-anchored)"
    SEPARATE = "separate", "Store it as a source of its own (not for a stored URL)"


@dataclass
class ImportResult:
    source: Source
    source_created: bool
    new_version: bool = False  # the text replaced a stored source's (its quotes re-anchored)
    quotes_moved: int = 0
    quotes_created: int = 0
    quotes_kept: int = 0
    links_proposed: int = 0  # with other reports of the same statement, for an editor to decide
    speakers_created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was changed in the input, and why


_READ_CHUNK = 1024 * 1024


def _too_large(size: str) -> ImportRefused:
    return ImportRefused(
        f"The file is {size} bytes; the limit is {settings.IMPORT_MAX_BYTES:,} bytes "
        "(IMPORT_MAX_BYTES)."
    )


def read_limited(stream) -> bytes:
    """The bytes of ``stream`` (a binary file object: a file, standard input, a pipe, an
    upload) when it holds at most ``IMPORT_MAX_BYTES``; otherwise ``ImportRefused``, having read
    ``IMPORT_MAX_BYTES`` + 1 bytes and no more, so an endless stream (``/dev/zero``) costs
    bounded memory and time."""
    limit = settings.IMPORT_MAX_BYTES
    data = bytearray()
    while len(data) <= limit:
        chunk = stream.read(min(_READ_CHUNK, limit + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
    raise _too_large(f"more than {limit:,}")


def read_article(data: bytes) -> str:
    """The article text of ``data``: the body of an HTML page, or plain text.

    HTML is decoded by its declared charset (Russian sites often serve windows-1251); a page
    without one, and plain text, as UTF-8 or else in the encoding charset-normalizer detects.
    """
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise _too_large(f"{len(data):,}")
    if not data.strip():
        raise ImportRefused("The file is empty.")
    if b"\x00" in data[:8192]:
        raise ImportRefused("The file is binary, not an article (plain text or HTML).")
    if _HTML_START.match(data[:2048]):
        return _html_body(data)
    return _decoded(data).replace("\r\n", "\n").strip() + "\n"


def _decoded(data: bytes) -> str:
    """``data`` as UTF-8 or, failing that, in the encoding detected (windows-1251, KOI8-R …)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        from charset_normalizer import from_bytes

        detected = from_bytes(data).best()
        if detected is None:
            raise ImportRefused(
                f"The file is not UTF-8 (byte {error.start} is not) and its encoding could not "
                "be detected. Re-save the file as UTF-8."
            ) from None
        return str(detected)


def _html_body(data: bytes) -> str:
    import trafilatura

    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared is None:
        html = _decoded(data)
    else:
        encoding = declared.group(1).decode("ascii")
        try:
            html = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            raise ImportRefused(
                f"The page does not decode as its declared charset {encoding!r}."
            ) from None
    body = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    if not body or not body.strip():
        raise ImportRefused("No article text was found in this HTML page.")
    return body.strip() + "\n"


def known_speakers() -> list[KnownSpeaker]:
    """The registry the extractor matches names against: speakers, aliases, roles (3 queries)."""
    speakers = Speaker.objects.prefetch_related("aliases", "affiliations__organization")
    return [
        KnownSpeaker(
            slug=speaker.slug,
            name=speaker.name,
            kind=speaker.kind,
            aliases=tuple(alias.name for alias in speaker.aliases.all()),
            roles=tuple(
                text
                for affiliation in speaker.affiliations.all()
                for text in (affiliation.role, affiliation.organization.name)
            ),
            cited_by=speaker.cited_by,
        )
        for speaker in speakers
    ]


@transaction.atomic
def article_import(
    *,
    text: str,
    outlet: str,
    title: str,
    published_on: datetime.date,
    url: str = "",
    language: str = "en",
    original_language: str = "",
    original_url: str = "",
    authors: str = "",
    if_stored: str = "refuse",
    user=None,
) -> ImportResult:
    """Store the article (once: the same text is the same source) and propose its quotes.

    Another text at a stored URL, or a text nearly a stored source's, is refused with
    ImportRefused naming that source, unless ``if_stored`` (``IfStored``) says to store it as
    that source's new version (``source_text_replace``: its quotes re-anchored, the old text in
    its history, ``user`` named) or, for a near duplicate at no stored URL, as a source of its own.

    A re-import adds only quotes not yet proposed; confirmed and rejected quotes are never
    touched. Any invalid field raises ValidationError and nothing is written. Control
    characters (other than tab and line breaks) are removed from the text, and a note says so.
    """
    text, removed = strip_control_characters(text)
    existing = Source.objects.filter(content_hash=content_hash(text)).first()
    version_of = None if existing else _version_of(text, url, outlet, published_on, if_stored)
    moved = 0
    if version_of is not None:
        version_of.title = title
        version_of.url = version_of.url or url  # a near duplicate found at no URL gets this one
        moved = source_text_replace(source=version_of, text=text, user=user).moved
        existing = version_of
    result = ImportResult(
        source=existing,
        source_created=existing is None,
        new_version=version_of is not None,
        quotes_moved=moved,
    )
    if removed:
        result.notes.append(
            f"{removed} control character{'s' if removed > 1 else ''} removed from the text "
            "(only tab and line breaks are kept)."
        )
    if existing is None:
        source = Source(
            outlet=outlet,
            title=title,
            published_on=published_on,
            url=url,
            language=language,
            original_language=original_language,
            original_url=original_url,
            authors=authors,
            text=text,
        )
        source.full_clean()
        source.save()
        result.source = source
    proposals = extract_quotes(
        result.source.text,
        published_on=result.source.published_on,
        known_speakers=known_speakers(),
        outlet=result.source.outlet,
    )
    taken = [
        span
        for span in result.source.quotes.values_list("span_start", "span_end")
        if span[0] is not None
    ]
    created = []
    for proposal in proposals:
        if any(spans_overlap((proposal.start, proposal.end), span) for span in taken):
            result.quotes_kept += 1
            continue
        quote = _proposed_quote(proposal, result)
        try:
            quote.full_clean()
        except ValidationError as error:
            result.skipped.append(f"{proposal.text[:60]!r}: {'; '.join(error.messages)}")
            continue
        quote.save()
        taken.append((quote.span_start, quote.span_end))
        result.quotes_created += 1
        created.append(quote)
    quote_cells_refresh([quote.pk for quote in created])
    utterance_keys_refresh(quote_ids=[quote.pk for quote in created])
    # other outlets' reports of the same statements (quotes.utterance_detection)
    result.links_proposed = utterance_reports_changed(quotes=created)
    return result


def _version_of(text: str, url: str, outlet: str, published_on, if_stored: str):
    """The stored source that ``text`` becomes the new version of, when ``if_stored`` says so;
    None for a new source; ImportRefused when the caller has to choose first."""
    if if_stored not in IfStored.values:
        raise ImportRefused(f"{if_stored!r} is not one of {', '.join(IfStored.values)}.")
    at_url = Source.objects.filter(url=url).first() if url else None
    if at_url is not None:
        if if_stored == IfStored.NEW_VERSION:
            return at_url
        raise ImportRefused(
            f"{url} is already stored as source {at_url.pk} ({at_url}) with another text. "
            "Nothing was changed. To store this text as its corrected version (its quotes found "
            "again in it, the old text kept in its history), choose 'new version' "
            "(import_article --new-version)."
        )
    similar = near_duplicates(text, outlet=outlet, published_on=published_on)
    if not similar or if_stored == IfStored.SEPARATE:
        return None
    source, ratio = similar[0]
    if if_stored == IfStored.NEW_VERSION:
        return source
    raise ImportRefused(
        f"This text is {ratio:.0%} alike source {source.pk} ({source}"
        + (f", {source.url}" if source.url else "")
        + "): a corrected version of it? Nothing was changed. Choose 'new version' to store it "
        "as that source's new text (import_article --new-version), or 'separate' to "
        "store it as a source of its own (--separate)."
    )


def _proposed_quote(proposal: Proposal, result: ImportResult) -> Quote:
    said_on, precision = proposal.said_on, proposal.said_on_precision
    if said_on is None:
        precision = DatePrecision.UNKNOWN
    else:
        said_on = truncate_to_precision(said_on, precision)
    return Quote(
        text=proposal.text,
        source=result.source,
        speaker=_speaker_for(proposal, result),
        kind=proposal.kind,
        said_on=said_on,
        said_on_precision=precision,
        span_start=proposal.start,
        span_end=proposal.end,
        status=Quote.Status.PROPOSED,
        extraction_note=proposal.reason[:300],
    )


def _speaker_for(proposal: Proposal, result: ImportResult) -> Speaker | None:
    """The known speaker the extractor matched, or a new one it named; None when undecided."""
    if proposal.speaker_slug:
        found = Speaker.objects.by_slug_or_alias(proposal.speaker_slug).first()
        if found:
            return found
    if not proposal.speaker_name or not proposal.speaker_kind:
        return None
    kind = proposal.speaker_kind
    cited_by = proposal.cited_by or (result.source.outlet if kind == Speaker.Kind.ANONYMOUS else "")
    name = proposal.speaker_name
    if kind == Speaker.Kind.ANONYMOUS:
        name = f"{proposal.speaker_name} ({cited_by})" if cited_by else proposal.speaker_name
    matches = Speaker.objects.filter(name__iexact=name, kind=kind)
    if kind == Speaker.Kind.ANONYMOUS:
        matches = matches.filter(cited_by=cited_by)
    if matches.exists():
        return matches.first()
    organization = None
    if kind == Speaker.Kind.INSTITUTION:
        organization = organization_named(name)
    speaker = Speaker(
        name=name,
        slug=free_slug(Speaker, name),
        kind=kind,
        organization=organization,
        cited_by=cited_by,
        description=_proposed_description(proposal, result),
    )
    speaker.full_clean()
    speaker.save()
    result.speakers_created.append(speaker.name)
    if kind == Speaker.Kind.PERSON and proposal.speaker_role and proposal.speaker_organization:
        ProposedAffiliation.objects.create(
            speaker=speaker,
            source=result.source,
            role=proposal.speaker_role[:200],
            organization_name=proposal.speaker_organization[:200],
        )
    return speaker


def _proposed_description(proposal: Proposal, result: ImportResult) -> str:
    """Where a new speaker came from and what the article calls them ("Kremlin spokesman"), so
    the editor who confirms them can record the affiliation."""
    said = f"Proposed by the import of {result.source}."
    if proposal.speaker_role:
        body = f" ({proposal.speaker_organization})" if proposal.speaker_organization else ""
        said += f" The article calls them “{proposal.speaker_role}”{body}."
        if proposal.speaker_organization:
            said += " Confirming one of their quotes records it as their role on that date."
    return said[:1000]
