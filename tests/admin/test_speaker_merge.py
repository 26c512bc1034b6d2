"""Merging a duplicate speaker from the speaker list: nothing is lost and the history shows it."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from quotes.models import Speaker, SpeakerAlias
from tests.admin.conftest import messages_of
from tests.factories import AffiliationFactory, QuoteFactory, SpeakerAliasFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:quotes_speaker_changelist")


def merge(client, duplicates, **data):
    return client.post(
        CHANGELIST,
        {
            "action": "merge_into_another",
            "_selected_action": [speaker.pk for speaker in duplicates],
            **data,
        },
        follow=True,
    )


@pytest.fixture
def lavrov():
    return SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov")


@pytest.fixture
def duplicate():
    speaker = SpeakerFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    SpeakerAliasFactory(speaker=speaker, name="S. V. Lavrov")
    QuoteFactory(speaker=speaker)
    return speaker


def test_merge_asks_which_speaker_to_keep(client_for, editor, duplicate):
    response = merge(client_for(editor), [duplicate])
    assert response.templates[0].name == "admin/quotes/speaker/merge.html"
    assert "into" in response.context["form"].fields
    assert Speaker.objects.filter(pk=duplicate.pk).exists()


def test_editor_merges_a_duplicate_and_nothing_is_lost(client_for, editor, lavrov, duplicate):
    quote = duplicate.quotes.get()
    affiliation = quote.affiliation
    response = merge(client_for(editor), [duplicate], apply="1", into=lavrov.pk)
    assert "Merged Sergey Lavrov into Sergei Lavrov." in messages_of(response)
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    quote.refresh_from_db()
    affiliation.refresh_from_db()
    assert quote.speaker == lavrov and affiliation.speaker == lavrov
    assert set(lavrov.aliases.values_list("name", "slug")) == {
        ("S. V. Lavrov", "s-v-lavrov"),
        ("Sergey Lavrov", "sergey-lavrov"),
    }


def test_merge_is_recorded_in_the_history_with_its_author(client_for, editor, lavrov, duplicate):
    merge(client_for(editor), [duplicate], apply="1", into=lavrov.pk)
    deleted = Speaker.history.filter(id=duplicate.pk).latest("history_date")
    assert (deleted.history_type, deleted.history_user) == ("-", editor)
    moved = duplicate.quotes.model.history.filter(speaker_id=lavrov.pk).latest("history_date")
    assert moved.history_user == editor
    alias = SpeakerAlias.objects.get(slug="sergey-lavrov")
    assert alias.history.latest().history_user == editor
    entry = LogEntry.objects.get(object_id=str(lavrov.pk))
    assert entry.user == editor and "Merged duplicate speaker Sergey Lavrov" in entry.change_message


def test_several_duplicates_merge_into_one_of_the_selected(client_for, editor, lavrov, duplicate):
    third = SpeakerFactory(name="Lavrov")
    AffiliationFactory(speaker=third)
    merge(client_for(editor), [lavrov, duplicate, third], apply="1", into=lavrov.pk)
    assert list(Speaker.objects.all()) == [lavrov]
    assert lavrov.affiliations.count() == 2


def test_merging_a_speaker_into_itself_alone_is_refused(client_for, editor, lavrov):
    response = merge(client_for(editor), [lavrov], apply="1", into=lavrov.pk)
    assert any("other than the one kept" in text for text in messages_of(response))
    assert Speaker.objects.filter(pk=lavrov.pk).exists()


def test_annotator_cannot_merge_speakers(client_for, annotator, lavrov, duplicate):
    merge(client_for(annotator), [duplicate], apply="1", into=lavrov.pk)
    assert Speaker.objects.filter(pk=duplicate.pk).exists()


@pytest.fixture
def described_duplicate():
    """A duplicate with a Wikidata id the kept one lacks and a description that differs."""
    speaker = SpeakerFactory(
        name="Sergey Lavrov", slug="sergey-lavrov", wikidata_id="Q11279", description="Diplomat."
    )
    QuoteFactory(speaker=speaker)
    return speaker


def test_the_merge_page_shows_each_conflicting_field_with_every_value(
    client_for, editor, lavrov, described_duplicate
):
    Speaker.objects.filter(pk=lavrov.pk).update(description="Foreign minister.")
    response = merge(client_for(editor), [lavrov, described_duplicate])
    page = response.content.decode()
    assert [row["name"] for row in response.context["conflicts"]] == ["description"]
    assert 'name="keep_description"' in page
    assert "Diplomat." in page and "Foreign minister." in page


def test_a_merge_without_choosing_a_conflicting_value_merges_nothing_and_asks(
    client_for, editor, lavrov, described_duplicate
):
    Speaker.objects.filter(pk=lavrov.pk).update(description="Foreign minister.")
    response = merge(client_for(editor), [lavrov, described_duplicate], apply="1", into=lavrov.pk)
    assert any("Choose which description to keep" in text for text in messages_of(response))
    assert response.templates[0].name == "admin/quotes/speaker/merge.html"
    assert Speaker.objects.filter(pk=described_duplicate.pk).exists()


def test_the_chosen_value_and_the_duplicates_wikidata_id_go_to_the_kept_speaker(
    client_for, editor, lavrov, described_duplicate
):
    Speaker.objects.filter(pk=lavrov.pk).update(description="Foreign minister.")
    merge(
        client_for(editor),
        [lavrov, described_duplicate],
        apply="1",
        into=lavrov.pk,
        keep_description=described_duplicate.pk,
    )
    lavrov.refresh_from_db()
    assert (lavrov.wikidata_id, lavrov.description) == ("Q11279", "Diplomat.")
    entry = LogEntry.objects.get(object_id=str(lavrov.pk))
    assert "speaker_unmerge sergey-lavrov" in entry.change_message
