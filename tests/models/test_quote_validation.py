"""A quote is checked against its source text and against the roles its speaker held."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from quotes.models import DatePrecision, Quote
from tests.factories import AffiliationFactory, OrganizationFactory, SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db
D = datetime.date

ARTICLE = (
    "Deputy minister Ivan Petrov said on Monday: “We will keep the channel open.”\n"
    "Critics called it “a gesture”."
)


@pytest.fixture
def petrov():
    """Permanent representative until 2018 (year precision), deputy minister after."""
    speaker = SpeakerFactory(name="Ivan Petrov", slug="ivan-petrov")
    mission = OrganizationFactory(name="Mission", slug="mission", kind="diplomatic-mission")
    ministry = OrganizationFactory(name="Ministry", slug="ministry")
    representative = AffiliationFactory(
        speaker=speaker,
        organization=mission,
        role="Permanent representative",
        started_on=D(2012, 1, 1),
        started_on_precision=DatePrecision.YEAR,
        ended_on=D(2018, 1, 1),
        ended_on_precision=DatePrecision.YEAR,
    )
    deputy = AffiliationFactory(
        speaker=speaker,
        organization=ministry,
        role="Deputy minister",
        started_on=D(2018, 1, 1),
        started_on_precision=DatePrecision.YEAR,
    )
    return speaker, representative, deputy


def _quote(speaker, said_on, precision=DatePrecision.DAY, **fields):
    if "source" not in fields:
        fields["source"] = SourceFactory(text=ARTICLE)
    fields.setdefault("text", '"We will keep the channel open."')
    return Quote(speaker=speaker, said_on=said_on, said_on_precision=precision, **fields)


def test_span_is_computed_from_the_text_ignoring_typography(petrov):
    quote = _quote(petrov[0], D(2021, 10, 18))
    quote.full_clean()
    assert ARTICLE[quote.span_start : quote.span_end] == "“We will keep the channel open.”"


def test_direct_quote_not_in_the_source_is_refused_with_a_clear_message(petrov):
    quote = _quote(petrov[0], D(2021, 10, 18), text="We will close the channel.")
    with pytest.raises(ValidationError, match="not found in the source"):
        quote.full_clean()


def test_quote_from_a_source_without_text_is_kept_unverified(petrov):
    quote = _quote(petrov[0], D(2021, 10, 18), source=SourceFactory(text=""))
    quote.full_clean()
    quote.save()
    assert not quote.is_verified


def test_role_at_the_date_is_proposed_when_one_role_covers_it(petrov):
    speaker, representative, deputy = petrov
    earlier = _quote(speaker, D(2016, 5, 1))
    earlier.full_clean()
    later = _quote(speaker, D(2021, 10, 18), source=SourceFactory(text=ARTICLE + "\nLater text."))
    later.full_clean()
    assert (earlier.affiliation, later.affiliation) == (representative, deputy)


def test_a_year_precise_end_covers_the_whole_year(petrov):
    speaker, representative, deputy = petrov
    quote = _quote(speaker, D(2018, 6, 1), affiliation=representative)
    quote.full_clean()
    assert quote.affiliation == representative


def test_a_role_not_held_on_the_date_is_refused(petrov):
    speaker, representative, _ = petrov
    quote = _quote(speaker, D(2021, 10, 18), affiliation=representative)
    with pytest.raises(ValidationError, match="was not held on 2021-10-18"):
        quote.full_clean()


def test_another_speakers_role_is_refused(petrov):
    speaker, _, _ = petrov
    stranger_role = AffiliationFactory()
    quote = _quote(speaker, D(2021, 10, 18), affiliation=stranger_role)
    with pytest.raises(ValidationError, match="another speaker"):
        quote.full_clean()


def test_two_concurrent_roles_are_not_guessed_between():
    speaker = SpeakerFactory()
    AffiliationFactory(speaker=speaker, role="Chairman")
    AffiliationFactory(speaker=speaker, role="Editor-in-chief")
    quote = _quote(speaker, D(2021, 10, 18))
    quote.full_clean()
    assert quote.affiliation is None


def test_a_partial_quote_inside_reported_speech_is_found():
    quote = _quote(SpeakerFactory(), D(2021, 10, 18), text="a gesture", kind=Quote.Kind.PARTIAL)
    quote.full_clean()
    assert quote.is_verified
