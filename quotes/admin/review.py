"""Reviewing an import on one page: the article with every proposal highlighted in place, and a
row per quote to confirm, reject or give another speaker, one by one or ticked in bulk.

The writes are ``quotes.services.import_review_apply``'s; this module only shows the page and
turns the submitted rows into its decisions.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from quotes.admin.access import can_review_quotes
from quotes.models import Quote, Source, Speaker
from quotes.params import primary_key_or_none
from quotes.services import ConflictError, ReviewDecision, import_review_apply

_STATUS_OF_ACTION = {
    "confirm": Quote.Status.CONFIRMED,
    "reject": Quote.Status.REJECTED,
    "confirm-checked": Quote.Status.CONFIRMED,
    "reject-checked": Quote.Status.REJECTED,
}


def import_review_url(source) -> str:
    return reverse("admin:quotes_source_review", args=[source.pk])


@dataclass
class ReviewRow:
    """One quote of the article, numbered in reading order like its highlight."""

    quote: Quote
    number: int
    highlighted: bool  # False: no span in the text, or it overlaps an earlier highlight
    speaker_choices: list[tuple[int | str, str, bool]]  # (value, label, selected)
    other_speaker: str = ""  # the autocomplete widget's HTML, for proposed quotes only

    @property
    def editable(self) -> bool:
        return self.quote.status == Quote.Status.PROPOSED


def review_rows(source: Source, other_speaker_field=None) -> list[ReviewRow]:
    """The source's quotes in the order of the text (unlocated ones last), each with the
    speakers of the article to choose from. One query; the autocomplete widgets run none."""
    quotes = sorted(
        source.quotes.select_related("speaker"),
        key=lambda quote: (quote.span_start is None, quote.span_start or 0, quote.pk),
    )
    article_speakers = sorted(
        {quote.speaker for quote in quotes if quote.speaker_id},
        key=lambda speaker: (speaker.name, speaker.pk),
    )
    rows, highlighted_until = [], 0
    for number, quote in enumerate(quotes, start=1):
        highlighted = quote.span_start is not None and quote.span_start >= highlighted_until
        if highlighted:
            highlighted_until = quote.span_end
        choices = [
            (speaker.pk, speaker.name, speaker.pk == quote.speaker_id)
            for speaker in article_speakers
        ]
        if quote.speaker_id is None:
            choices.insert(0, ("", "(undecided)", True))
        row = ReviewRow(quote, number, highlighted, choices)
        if row.editable and other_speaker_field is not None:
            row.other_speaker = other_speaker_field.widget.render(
                f"other-{quote.pk}", None, attrs={"id": f"id_other_{quote.pk}"}
            )
        rows.append(row)
    return rows


def article_with_highlights(text: str, rows: list[ReviewRow]) -> str:
    """``text`` escaped, each highlighted quote in a numbered ``<mark>`` linking to its row."""
    pieces, position = [], 0
    for row in rows:
        if not row.highlighted:
            continue
        quote = row.quote
        pieces.append(format_html("{}", text[position : quote.span_start]))
        pieces.append(
            format_html(
                '<mark id="highlight-{number}" class="status-{status}" data-quote="{pk}">'
                '<a href="#quote-{pk}" class="number">{number}</a>{said}</mark>',
                number=row.number,
                status=quote.status,
                pk=quote.pk,
                said=text[quote.span_start : quote.span_end],
            )
        )
        position = quote.span_end
    pieces.append(format_html("{}", text[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def other_speaker_field(admin_site) -> forms.ModelChoiceField:
    """Any known speaker, searched as on the quote page (the admin's autocomplete)."""
    return forms.ModelChoiceField(
        queryset=Speaker.objects.all(),
        required=False,
        widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin_site),
    )


def decisions_from(post) -> list[ReviewDecision]:
    """The decisions a submitted review asks for: the row whose button was pressed, or every
    ticked row; each with its loaded version and the speaker chosen in it (the autocomplete's
    over the article's list). ValidationError for a request no page of ours sends."""
    action, _, row = post.get("do", "").partition(":")
    if action not in _STATUS_OF_ACTION:
        raise ValidationError("Choose what to do: confirm or reject.")
    raw_ids = [row] if action in ("confirm", "reject") else post.getlist("selected")
    if not raw_ids:
        raise ValidationError("Tick at least one quote.")
    decisions, problems = [], []
    for raw in raw_ids:
        quote_id = primary_key_or_none(Quote, raw)
        version = _version(post.get(f"version-{raw}", ""))
        chosen = post.get(f"other-{raw}") or post.get(f"speaker-{raw}") or ""
        speaker_id = primary_key_or_none(Speaker, chosen) if chosen else None
        if quote_id is None:
            problems.append(f"{raw!r} is not a quote id.")
        elif version is None:
            problems.append(f"Quote {quote_id} came without its version: reload the page.")
        elif chosen and speaker_id is None:
            problems.append(f"Quote {quote_id}: {chosen!r} is not a speaker id.")
        else:
            decisions.append(
                ReviewDecision(
                    quote_id=quote_id,
                    status=_STATUS_OF_ACTION[action],
                    version=version,
                    speaker_id=speaker_id,
                )
            )
    if problems:
        raise ValidationError(problems)
    return decisions


def _version(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def _applied_message(applied) -> str:
    parts = []
    if applied.confirmed:
        parts.append(f"{applied.confirmed} quote(s) confirmed")
    if applied.rejected:
        parts.append(f"{applied.rejected} quote(s) rejected")
    if applied.speakers_changed:
        parts.append(f"speaker changed on {applied.speakers_changed}")
    return ", ".join(parts) + "."


def import_review_view(model_admin, request, object_id):
    """The review page of one source (editors: the quote list's confirm/reject permission).

    A submit goes through ``import_review_apply`` and comes back here with a message; a refused
    one (bad row, someone else's newer save) has written nothing.
    """
    if not can_review_quotes(request.user):
        raise PermissionDenied
    source = get_object_or_404(Source, pk=object_id)
    if request.method == "POST":
        try:
            applied = import_review_apply(
                user=request.user, source=source, decisions=decisions_from(request.POST)
            )
        except ValidationError as error:
            messages.error(request, f"Nothing was changed: {' '.join(error.messages)}")
        except ConflictError as error:
            messages.error(request, f"Nothing was changed: {error}")
        else:
            messages.success(request, _applied_message(applied))
        return redirect(import_review_url(source))
    field = other_speaker_field(model_admin.admin_site)
    rows = review_rows(source, field)
    return TemplateResponse(
        request,
        "admin/quotes/source/review.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": f"Review the quotes of {source}",
            "opts": model_admin.model._meta,
            "original": source,
            "source": source,
            "rows": rows,
            "article": article_with_highlights(source.text, rows),
            "proposed_count": sum(row.editable for row in rows),
            "media": model_admin.media + field.widget.media,
        },
    )
