"""A merge asks before it drops a value, and can be undone (``speaker_unmerge``) from the history
it recorded: both speakers come back with their fields, quotes, affiliations and aliases."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from quotes.merging import merge_conflicts
from quotes.models import QuoteStance, Speaker, SpeakerAlias
from quotes.services import speaker_merge, speaker_unmerge
from tests.factories import (
    AffiliationFactory,
    QuoteFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(topic):
    """The kept Sergei Lavrov (no Wikidata id, a short description) and a duplicate Sergey Lavrov
    with a Wikidata id, another description and country, a coded quote, a role and an alias."""
    kept = SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov", description="Minister.")
    QuoteFactory(speaker=kept)
    duplicate = SpeakerFactory(
        name="Sergey Lavrov",
        slug="sergey-lavrov",
        wikidata_id="Q11279",
        description="Russian diplomat, foreign minister since 2004.",
        country="SU",
    )
    quote = QuoteFactory(speaker=duplicate)
    StanceAnnotationFactory(quote=quote, topic=topic, value=1)
    AffiliationFactory(speaker=duplicate, role="Permanent representative")
    SpeakerAliasFactory(speaker=duplicate, name="S. V. Lavrov")
    return kept, duplicate


def _snapshot(speaker_pk):
    speaker = Speaker.objects.get(pk=speaker_pk)
    fields = ("name", "slug", "kind", "country", "wikidata_id", "organization_id", "description")
    return {
        "fields": {name: getattr(speaker, name) for name in fields},
        "quotes": set(speaker.quotes.values_list("pk", flat=True)),
        "affiliations": set(speaker.affiliations.values_list("pk", flat=True)),
        "aliases": set(speaker.aliases.values_list("slug", flat=True)),
        "stances": set(QuoteStance.objects.filter(speaker=speaker).values_list("pk", flat=True)),
    }


def test_conflicting_fields_are_found_with_every_speakers_value(pair):
    kept, duplicate = pair
    conflicts = merge_conflicts([kept, duplicate])
    assert set(conflicts) == {"country", "description"}  # the Wikidata id only one of them has
    assert (duplicate, "SU") in conflicts["country"]


def test_a_merge_without_a_choice_for_a_conflict_is_refused_and_writes_nothing(pair):
    kept, duplicate = pair
    with pytest.raises(ValidationError) as refused:
        speaker_merge(duplicate=duplicate, into=kept)
    assert "Choose which description to keep" in " ".join(refused.value.messages)
    assert Speaker.objects.filter(pk=duplicate.pk).exists()


def test_the_kept_speaker_gets_the_chosen_values_and_the_ones_only_the_duplicate_had(pair):
    kept, duplicate = pair
    speaker_merge(duplicate=duplicate, into=kept, keep={"description": duplicate, "country": kept})
    kept.refresh_from_db()
    assert kept.wikidata_id == "Q11279"  # only the duplicate had one: carried over, not dropped
    assert kept.description == "Russian diplomat, foreign minister since 2004."
    assert kept.country == "RU"


def test_unmerge_restores_both_speakers_as_they_were(pair):
    kept, duplicate = pair
    pks = (kept.pk, duplicate.pk)  # a deleted instance forgets its pk
    before = {pk: _snapshot(pk) for pk in pks}
    speaker_merge(duplicate=duplicate, into=kept, keep={"description": duplicate, "country": kept})

    result = speaker_unmerge(slug="sergey-lavrov")

    assert result.quotes == 1 and result.affiliations == 2 and result.aliases == 1
    assert {pk: _snapshot(pk) for pk in pks} == before
    assert not SpeakerAlias.objects.filter(slug="sergey-lavrov").exists()


def test_unmerge_of_one_of_several_duplicates_moves_back_only_its_rows(pair):
    kept, duplicate = pair
    third = SpeakerFactory(name="Lavrov", slug="lavrov", description="")
    third_quote = QuoteFactory(speaker=third)
    keep = {"description": kept, "country": kept}
    speaker_merge(duplicates=[duplicate, third], into=kept, keep=keep)

    speaker_unmerge(slug="lavrov")

    assert set(Speaker.objects.get(slug="lavrov").quotes.all()) == {third_quote}
    assert not Speaker.objects.filter(slug="sergey-lavrov").exists()
    assert Speaker.objects.get(pk=kept.pk).quotes.count() == 2


def test_a_quote_given_another_speaker_since_the_merge_is_left_and_named(pair):
    kept, duplicate = pair
    moved = duplicate.quotes.get()
    speaker_merge(duplicate=duplicate, into=kept, keep={"description": kept, "country": kept})
    moved.speaker, moved.affiliation = SpeakerFactory(), None
    moved.save()

    result = speaker_unmerge(slug="sergey-lavrov")

    assert result.quotes == 0 and result.left == [f"quote {moved.pk} was changed since"]


def test_the_unmerge_command_reports_and_refuses_what_it_cannot_undo(pair):
    kept, duplicate = pair
    speaker_merge(duplicate=duplicate, into=kept, keep={"description": kept, "country": kept})
    out = io.StringIO()
    call_command("speaker_unmerge", "sergey-lavrov", stdout=out)
    assert "Restored Sergey Lavrov (sergey-lavrov) from Sergei Lavrov: 1 quote(s)" in out.getvalue()
    with pytest.raises(CommandError, match="undone already"):
        call_command("speaker_unmerge", "sergey-lavrov")
    with pytest.raises(CommandError, match="No merge of a speaker with the slug 'nobody'"):
        call_command("speaker_unmerge", "nobody")
