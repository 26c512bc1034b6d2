"""Every invariant is held by the database itself, and mirrored in validation for the admin.

Each case builds one otherwise-valid row that breaks one rule; the row is refused by
``full_clean()`` (ValidationError, what a form shows) and by a direct save (IntegrityError).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quotes.models import (
    Adjudication,
    Affiliation,
    DatePrecision,
    Event,
    Organization,
    Quote,
    QuoteStance,
    Source,
    Speaker,
    SpeakerAlias,
    StanceAnnotation,
)
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
    TopicFactory,
    UserFactory,
)

D = datetime.date


def organization_kind_invalid():
    return Organization(name="X", slug="x", kind="church")


def organization_own_parent():
    organization = OrganizationFactory()
    organization.parent = organization
    return organization


def speaker_slug_taken():
    SpeakerFactory(slug="sergei-lavrov")
    return Speaker(name="Sergei Lavrov", slug="sergei-lavrov")


def speaker_wikidata_malformed():
    return Speaker(name="A", slug="a", wikidata_id="X123")


def speaker_wikidata_taken():
    SpeakerFactory(wikidata_id="Q80557")
    return Speaker(name="B", slug="b", wikidata_id="Q80557")


def speaker_kind_invalid():
    return Speaker(name="A", slug="a", kind="robot")


def institution_without_organization():
    return Speaker(name="Foreign Ministry", slug="mfa", kind=Speaker.Kind.INSTITUTION)


def anonymous_without_outlet():
    return Speaker(name="Informed source", slug="source", kind=Speaker.Kind.ANONYMOUS)


def alias_slug_taken():
    SpeakerAlias.objects.create(speaker=SpeakerFactory(), name="Sergey Lavrov")
    return SpeakerAlias(speaker=SpeakerFactory(), name="Sergey Lavrov", slug="sergey-lavrov")


def affiliation_ends_before_start():
    return AffiliationFactory.build(
        speaker=SpeakerFactory(),
        organization=OrganizationFactory(),
        started_on=D(2020, 1, 1),
        ended_on=D(2019, 1, 1),
        ended_on_precision=DatePrecision.DAY,
    )


def affiliation_duplicate_term():
    existing = AffiliationFactory()
    return Affiliation(
        speaker=existing.speaker,
        organization=existing.organization,
        role=existing.role,
        started_on=existing.started_on,
        started_on_precision=existing.started_on_precision,
    )


def affiliation_month_precision_not_first_day():
    return AffiliationFactory.build(
        speaker=SpeakerFactory(),
        organization=OrganizationFactory(),
        started_on=D(2020, 5, 17),
        started_on_precision=DatePrecision.MONTH,
    )


def source_url_taken():
    SourceFactory(url="https://example.org/a")
    return SourceFactory.build(url="https://example.org/a", text="Other text.")


def source_text_taken():
    SourceFactory(text="The same article.")
    return SourceFactory.build(text="The  same article.")


def source_original_url_without_language():
    return SourceFactory.build(original_url="https://example.ru/a", original_language="")


def event_year_precision_not_first_january():
    return Event(
        title="E", slug="e", occurred_on=D(2021, 3, 1), occurred_on_precision=DatePrecision.YEAR
    )


def quote_kind_invalid():
    quote = QuoteFactory.build(source=SourceFactory(), speaker=SpeakerFactory(), affiliation=None)
    quote.kind = "rumour"
    return quote


def quote_status_invalid():
    quote = QuoteFactory.build(source=SourceFactory(), speaker=SpeakerFactory(), affiliation=None)
    quote.status = "maybe"
    return quote


def confirmed_quote_without_speaker():
    return QuoteFactory.build(source=SourceFactory(), speaker=None, affiliation=None)


def quote_same_span_twice():
    quote = QuoteFactory()
    return Quote(
        source=quote.source,
        speaker=quote.speaker,
        text=quote.text,
        kind=quote.kind,
        status=quote.status,
        span_start=quote.span_start,
        span_end=quote.span_end,
    )


def quote_unknown_date_with_precision():
    quote = QuoteFactory.build(source=SourceFactory(), speaker=SpeakerFactory(), affiliation=None)
    quote.said_on, quote.said_on_precision = D(2021, 10, 18), DatePrecision.UNKNOWN
    quote.said_on = None
    quote.said_on_precision = DatePrecision.DAY
    return quote


def quote_month_precision_not_first_day():
    quote = QuoteFactory.build(source=SourceFactory(), speaker=SpeakerFactory(), affiliation=None)
    quote.said_on, quote.said_on_precision = D(2021, 10, 18), DatePrecision.MONTH
    return quote


def annotation_twice():
    annotation = StanceAnnotationFactory()
    return StanceAnnotation(
        quote=annotation.quote, topic=annotation.topic, annotator=annotation.annotator, value=0
    )


def annotation_value_out_of_range():
    return StanceAnnotation(
        quote=QuoteFactory(), topic=TopicFactory(), annotator=UserFactory(), value=3
    )


def annotation_without_value_or_cannot_code():
    return StanceAnnotation(
        quote=QuoteFactory(), topic=TopicFactory(), annotator=UserFactory(), value=None
    )


def annotation_with_value_and_cannot_code():
    return StanceAnnotation(
        quote=QuoteFactory(),
        topic=TopicFactory(),
        annotator=UserFactory(),
        value=0,
        cannot_code=True,
    )


def adjudication_twice():
    quote, topic, reviewer = QuoteFactory(), TopicFactory(), UserFactory()
    Adjudication.objects.create(quote=quote, topic=topic, reviewer=reviewer, value=1)
    return Adjudication(quote=quote, topic=topic, reviewer=reviewer, value=2)


def adjudication_value_out_of_range():
    return Adjudication(
        quote=QuoteFactory(), topic=TopicFactory(), reviewer=UserFactory(), value=-3
    )


def adjudication_without_value_or_cannot_code():
    return Adjudication(
        quote=QuoteFactory(), topic=TopicFactory(), reviewer=UserFactory(), value=None
    )


def adjudication_with_value_and_cannot_code():
    return Adjudication(
        quote=QuoteFactory(),
        topic=TopicFactory(),
        reviewer=UserFactory(),
        value=1,
        cannot_code=True,
    )


def summary_out_of_range():
    return QuoteStance(quote=QuoteFactory(), topic=TopicFactory(), value=2.5, annotator_count=1)


def summary_without_basis():
    return QuoteStance(quote=QuoteFactory(), topic=TopicFactory(), value=1, annotator_count=0)


def summary_without_value_but_valued():
    return QuoteStance(quote=QuoteFactory(), topic=TopicFactory(), value=None, annotator_count=1)


def summary_with_value_from_cannot_code_only():
    return QuoteStance(
        quote=QuoteFactory(),
        topic=TopicFactory(),
        value=0,
        annotator_count=0,
        cannot_code_count=2,
    )


CASES = [
    organization_kind_invalid,
    organization_own_parent,
    speaker_slug_taken,
    speaker_wikidata_malformed,
    speaker_wikidata_taken,
    speaker_kind_invalid,
    institution_without_organization,
    anonymous_without_outlet,
    alias_slug_taken,
    affiliation_ends_before_start,
    affiliation_duplicate_term,
    affiliation_month_precision_not_first_day,
    source_url_taken,
    source_text_taken,
    source_original_url_without_language,
    event_year_precision_not_first_january,
    quote_kind_invalid,
    quote_status_invalid,
    confirmed_quote_without_speaker,
    quote_same_span_twice,
    quote_month_precision_not_first_day,
    annotation_twice,
    annotation_value_out_of_range,
    annotation_without_value_or_cannot_code,
    annotation_with_value_and_cannot_code,
    adjudication_twice,
    adjudication_value_out_of_range,
    adjudication_without_value_or_cannot_code,
    adjudication_with_value_and_cannot_code,
    summary_out_of_range,
    summary_without_basis,
    summary_without_value_but_valued,
    summary_with_value_from_cannot_code_only,
]
# Validation normalizes these instead of refusing them (a missing date gets precision
# "unknown"), so only the database check is asserted for them.
DATABASE_ONLY = [quote_unknown_date_with_precision]


@pytest.mark.django_db
@pytest.mark.parametrize("build", CASES, ids=lambda build: build.__name__)
def test_validation_refuses(build):
    row = build()
    with pytest.raises(ValidationError):
        row.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("build", CASES + DATABASE_ONLY, ids=lambda build: build.__name__)
def test_database_refuses(build):
    row = build()
    with pytest.raises(IntegrityError), transaction.atomic():
        if isinstance(row, Source):
            row.save()
        else:
            super(type(row), row).save()


@pytest.mark.django_db
def test_span_order_is_a_database_check():
    quote = QuoteFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(span_start=10, span_end=5)
