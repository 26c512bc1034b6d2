import pytest

from quotes.models import Speaker
from quotes.services import speaker_merge
from tests.factories import AffiliationFactory, QuoteFactory, SpeakerAliasFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_merge_moves_quotes_affiliations_aliases_and_keeps_the_duplicate_as_alias():
    kept = SpeakerFactory(name="Yuri Gorlach", slug="yuri-gorlach")
    duplicate = SpeakerFactory(name="Yury Gorlach", slug="yury-gorlach")
    quote = QuoteFactory(speaker=duplicate)
    extra_affiliation = AffiliationFactory(speaker=duplicate, role="Acting representative")
    alias = SpeakerAliasFactory(speaker=duplicate, name="Y. Gorlach")

    speaker_merge(duplicate=duplicate, into=kept)

    assert not Speaker.objects.filter(slug="yury-gorlach").exists()
    quote.refresh_from_db()
    extra_affiliation.refresh_from_db()
    alias.refresh_from_db()
    assert quote.speaker == kept and extra_affiliation.speaker == kept and alias.speaker == kept
    assert Speaker.objects.by_slug_or_alias("yury-gorlach").get() == kept
    assert set(kept.aliases.values_list("name", flat=True)) == {"Yury Gorlach", "Y. Gorlach"}
    assert quote.history.first().speaker_id == kept.pk


def test_a_speaker_cannot_be_merged_into_itself():
    from django.core.exceptions import ValidationError

    speaker = SpeakerFactory()
    with pytest.raises(ValidationError):
        speaker_merge(duplicate=speaker, into=speaker)
