"""Speakers named by slug or alias slug, as the quote list, the timeline and compare read them."""

import pytest

from quotes.api.speaker_slugs import speakers_named
from tests.factories import SpeakerAliasFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_slugs_and_alias_slugs_name_their_speaker_in_one_query(django_assert_num_queries):
    lavrov = SpeakerFactory(slug="sergei-lavrov", name="Sergei Lavrov", country="RU")
    SpeakerAliasFactory(speaker=lavrov, slug="sergey-lavrov")
    with django_assert_num_queries(1):
        found = speakers_named(["sergey-lavrov", "sergei-lavrov", "nobody", "sergei-lavrov"])

    assert set(found) == {"sergey-lavrov", "sergei-lavrov"}
    for speaker in found.values():
        assert (speaker.pk, speaker.slug, speaker.name) == (lavrov.pk, lavrov.slug, lavrov.name)
    assert found["sergey-lavrov"].country == "RU"  # the other fields load when read


def test_no_slug_and_a_nul_run_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert speakers_named([]) == {} and speakers_named(["a\x00b"]) == {}
