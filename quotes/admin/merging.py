"""The speaker merge page: choose the speaker to keep and, where the selected speakers disagree
(Wikidata id, description, country, kind …), which value it keeps; then ``speaker_merge``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction

from quotes.admin.forms import SpeakerMergeForm
from quotes.admin.views import _intermediate_page
from quotes.merging import merge_conflicts
from quotes.models import Speaker
from quotes.services import speaker_merge


def _conflict_rows(conflicts: dict, post) -> list[dict]:
    return [
        {
            "name": name,
            "label": Speaker._meta.get_field(name).verbose_name,
            "choices": [
                {
                    "speaker": speaker,
                    "value": value,
                    "checked": post.get(f"keep_{name}") == str(speaker.pk),
                }
                for speaker, value in holders
            ],
        }
        for name, holders in conflicts.items()
    ]


def _merge(model_admin, request, into: Speaker, duplicates: list[Speaker], keep: dict) -> None:
    """Merge and log one change per duplicate; ValidationError when a choice is missing."""
    moved = {
        d.pk: f"{d.quotes.count()} quote(s), {d.affiliations.count()} affiliation(s), "
        f"{d.aliases.count()} alias(es)"
        for d in duplicates
    }
    labels = {d.pk: (d.name, d.slug) for d in duplicates}
    with transaction.atomic():
        speaker_merge(duplicates=duplicates, into=into, keep=keep)
        for pk, (name, slug) in labels.items():
            model_admin.log_change(
                request,
                into,
                f"Merged duplicate speaker {name} ({slug}) into this one: {moved[pk]} "
                f"(undo: manage.py speaker_unmerge {slug}).",
            )


def merge_speakers_view(model_admin, request, queryset):
    """Choose the speaker to keep and the value of each conflicting field, then merge every other
    selected speaker into it (returns None, back to the list, once merged)."""
    selected = list(
        Speaker.objects.filter(pk__in=queryset.values("pk")).select_related("organization")
    )
    applying = "apply" in request.POST
    form = SpeakerMergeForm(request.POST if applying else None)
    into = form.cleaned_data["into"] if applying and form.is_valid() else None
    speakers = selected + ([into] if into is not None and into not in selected else [])
    conflicts = merge_conflicts(speakers)
    if into is not None:
        duplicates = [speaker for speaker in selected if speaker.pk != into.pk]
        if not duplicates:
            messages.error(request, "Select at least one speaker other than the one kept.")
            return None
        keep = {
            name: int(request.POST[f"keep_{name}"])
            for name in conflicts
            if request.POST.get(f"keep_{name}", "").isdigit()
        }
        try:
            _merge(model_admin, request, into, duplicates, keep)
        except ValidationError as error:
            messages.error(request, f"Nothing was merged: {' '.join(error.messages)}")
        else:
            names = ", ".join(duplicate.name for duplicate in duplicates)
            messages.success(request, f"Merged {names} into {into.name}.")
            return None
    return _intermediate_page(
        model_admin,
        request,
        queryset,
        "admin/quotes/speaker/merge.html",
        form,
        "Merge duplicate speakers",
        conflicts=_conflict_rows(conflicts, request.POST),
    )
