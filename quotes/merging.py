"""Merging duplicate speakers, and undoing a merge from the history it left.

A merge moves the duplicates' quotes, affiliations and aliases to the speaker kept, makes each
duplicate's name an alias and deletes the duplicate. Where the speakers hold different values of a
field (Wikidata id, description, country, kind …) the editor chooses which one the kept speaker
gets; a value only a duplicate has is carried over; nothing is dropped without a choice.

Every row the merge writes is saved with the change reason ``speaker merge <token> into <id>``, so
the history (django-simple-history) records the merge as one operation and ``speaker_unmerge``
can restore both speakers and move back what came from the duplicate.
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from quotes.models import (
    Affiliation,
    ProposedAffiliation,
    Quote,
    Speaker,
    SpeakerAlias,
    Utterance,
)
from quotes.quote_batches import quotes_move_to_speaker, stance_copies_refresh
from quotes.utterance_index import utterance_keys_move

# The speaker's fields a merge must not lose; name and slug are kept and the others' become aliases.
MERGED_FIELDS = ("kind", "country", "wikidata_id", "organization", "cited_by", "description")
_REASON = "speaker merge "


def _value(speaker: Speaker, name: str):
    return getattr(speaker, Speaker._meta.get_field(name).attname)


def _shown(speaker: Speaker, name: str) -> str:
    value = getattr(speaker, name)
    return str(value) if name != "kind" else speaker.get_kind_display()


def merge_conflicts(speakers) -> dict[str, list[tuple[Speaker, str]]]:
    """The fields in which ``speakers`` hold different non-empty values: for each, every speaker
    with a value and that value as shown (no query beyond an organization's name)."""
    conflicts = {}
    for name in MERGED_FIELDS:
        holders = [(s, _value(s, name)) for s in speakers if _value(s, name) not in ("", None)]
        if len({value for _, value in holders}) > 1:
            conflicts[name] = [(speaker, _shown(speaker, name)) for speaker, _ in holders]
    return conflicts


def _label(name: str) -> str:
    return str(Speaker._meta.get_field(name).verbose_name)


def _kept_values(into: Speaker, duplicates: list[Speaker], keep: dict) -> dict:
    """The value of each merged field the kept speaker gets (by attname)."""
    speakers = [into, *duplicates]
    by_pk = {speaker.pk: speaker for speaker in speakers}
    conflicts = merge_conflicts(speakers)
    unchosen = [name for name in conflicts if name not in keep]
    if unchosen:
        raise ValidationError(
            [
                f"Choose which {_label(name)} to keep: "
                + "; ".join(f"{value!r} ({speaker.name})" for speaker, value in conflicts[name])
                + "."
                for name in unchosen
            ]
        )
    values = {}
    for name in MERGED_FIELDS:
        attname = Speaker._meta.get_field(name).attname
        if name in keep:
            chosen = by_pk.get(getattr(keep[name], "pk", keep[name]))
            if chosen is None:
                raise ValidationError(
                    f"The {_label(name)} kept must be one of the merged speakers'."
                )
            values[attname] = _value(chosen, name)
        else:
            given = [_value(s, name) for s in speakers if _value(s, name) not in ("", None)]
            values[attname] = given[0] if given else _value(into, name)
    return values


def _move(row, into: Speaker, reason: str, validate: bool) -> None:
    row.speaker = into
    row._change_reason = reason
    if validate:
        row.full_clean()
    row.save()


@transaction.atomic
def speaker_merge(
    *, into: Speaker, duplicate: Speaker | None = None, duplicates=(), keep: dict | None = None
) -> Speaker:
    """Merge ``duplicate`` (or each of ``duplicates``) into ``into``; return ``into``.

    ``keep`` maps each field in which the speakers conflict (``merge_conflicts``) to the speaker
    whose value is kept; a conflict without a choice raises ValidationError and nothing is
    written. Each moved row gets a history record of the move; the quotes, the many rows, move
    in a fixed number of statements per batch (``quotes.quote_batches``).
    """
    duplicates = [*([duplicate] if duplicate is not None else []), *duplicates]
    if not duplicates or any(d.pk == into.pk for d in duplicates):
        raise ValidationError("A speaker cannot be merged into itself.")
    values = _kept_values(into, duplicates, keep or {})
    reason = f"{_REASON}{uuid.uuid4().hex[:12]} into {into.pk}"
    for dup in duplicates:
        # its affiliation moves with it, below; a fixed number of statements per batch
        quotes_move_to_speaker(quotes=dup.quotes.all(), speaker=into, change_reason=reason)
        for affiliation in dup.affiliations.all():
            _move(affiliation, into, reason, validate=True)
        for alias in dup.aliases.all():
            _move(alias, into, reason, validate=True)
        for utterance in dup.utterances.all():  # the reports' utterances move with them
            _move(utterance, into, reason, validate=False)
        # a role an import proposed for the duplicate waits on the speaker kept (one per article)
        ProposedAffiliation.objects.filter(speaker=dup).exclude(
            source__in=into.proposed_affiliations.values("source")
        ).update(speaker=into)
        name, slug = dup.name, dup.slug
        dup._change_reason = reason
        dup.delete()
        if name != into.name and not SpeakerAlias.objects.filter(slug=slug).exists():
            # The duplicate's slug stays resolvable, so links and API lookups made with it work.
            alias = SpeakerAlias(speaker=into, name=name, slug=slug)
            alias._change_reason = reason
            alias.full_clean()
            alias.save()
    if any(getattr(into, attname) != value for attname, value in values.items()):
        for attname, value in values.items():
            setattr(into, attname, value)
        into._change_reason = reason
        into.full_clean()
        into.save()
    return into


@dataclass
class Unmerged:
    speaker: Speaker
    into: Speaker
    quotes: int = 0
    affiliations: int = 0
    aliases: int = 0
    left: list[str] = field(default_factory=list)  # rows changed since the merge, left as they are


def _move_back(model, reason: str, duplicate_pk: int, into: Speaker, result: Unmerged) -> int:
    moved = 0
    for record in model.history.filter(history_change_reason=reason, history_type="~"):
        before = record.prev_record
        if before is None or before.speaker_id != duplicate_pk:
            continue  # came from another speaker of the same merge
        row = model.objects.filter(pk=record.id).first()
        if row is None or row.speaker_id != into.pk:
            result.left.append(f"{model._meta.verbose_name} {record.id} was changed since")
            continue
        row.speaker_id = duplicate_pk
        row._change_reason = reason.replace("merge", "unmerge", 1)
        row.save()
        moved += 1
    return moved


@transaction.atomic
def speaker_unmerge(*, slug: str) -> Unmerged:
    """Undo the latest merge of the speaker that had ``slug``: it comes back with its fields, its
    quotes, affiliations and aliases move back to it, the alias the merge made is removed, and
    the kept speaker gets back the values it had before. Rows changed since are left and named."""
    record = (
        Speaker.history.filter(
            slug=slug, history_type="-", history_change_reason__startswith=_REASON
        )
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None:
        raise ValidationError(f"No merge of a speaker with the slug {slug!r} is recorded.")
    if Speaker.objects.filter(pk=record.id).exists():
        raise ValidationError(f"The speaker {slug!r} exists: that merge was undone already.")
    reason = record.history_change_reason
    into = Speaker.objects.select_for_update().filter(pk=int(reason.rsplit(" ", 1)[1])).first()
    if into is None:
        raise ValidationError("The speaker it was merged into has been deleted since.")
    undo = reason.replace("merge", "unmerge", 1)
    SpeakerAlias.objects.filter(
        pk__in=SpeakerAlias.history.filter(
            history_change_reason=reason, history_type="+", slug=slug
        ).values("id")
    ).delete()
    changed = into.history.filter(history_change_reason=reason, history_type="~").first()
    if changed is not None and changed.prev_record is not None:
        for name in MERGED_FIELDS:
            attname = Speaker._meta.get_field(name).attname
            before, after = getattr(changed.prev_record, attname), getattr(changed, attname)
            if before != after and getattr(into, attname) == after:
                setattr(into, attname, before)
        into._change_reason = undo
        into.full_clean()
        into.save()
    speaker = record.instance
    speaker._change_reason = undo
    speaker.full_clean()
    speaker.save(force_insert=True)
    result = Unmerged(speaker=speaker, into=into)
    result.aliases = _move_back(SpeakerAlias, reason, speaker.pk, into, result)
    result.affiliations = _move_back(Affiliation, reason, speaker.pk, into, result)
    result.quotes = _move_back(Quote, reason, speaker.pk, into, result)
    _move_back(Utterance, reason, speaker.pk, into, result)
    moved = list(Quote.objects.filter(speaker=speaker).values_list("pk", flat=True))
    stance_copies_refresh(quote_ids=moved, speakers_before=[into.pk])
    utterance_keys_move(quote_ids=moved, speaker=speaker)  # only the speaker changed
    return result
