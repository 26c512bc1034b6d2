"""factory_boy factories that keep a quote, its speaker, its source and its role consistent."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from quotes import models
from quotes.roles import ANNOTATORS, EDITORS, REVIEWERS


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


def user_with_role(role: str, username: str):
    staff = role in (ANNOTATORS, EDITORS, REVIEWERS)
    return UserFactory(username=username, is_staff=staff, roles=[role])


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(lambda n: f"Ministry {n}")
    slug = factory.Sequence(lambda n: f"ministry-{n}")
    kind = models.Organization.Kind.MINISTRY
    country = "RU"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    kind = models.Speaker.Kind.PERSON
    country = "RU"


class SpeakerAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SpeakerAlias

    speaker = factory.SubFactory(SpeakerFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Affiliation

    speaker = factory.SubFactory(SpeakerFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "Minister"
    started_on = datetime.date(2000, 1, 1)
    started_on_precision = models.DatePrecision.DAY


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    outlet = "The Daily Test"
    title = factory.Sequence(lambda n: f"Article {n}")
    published_on = datetime.date(2021, 10, 19)
    language = "en"
    text = factory.Sequence(
        lambda n: f"Article {n}. “We want dialogue,” the minister said. Nothing else happened."
    )


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "For (+) or against (−)."
    # Released, and one code settles a quote: tests of what stances add up to see every value.
    # Tests of the visibility policy (tests/coding/) ask for unreleased topics that need two.
    released = True
    codes_needed = 1


class QuoteFactory(factory.django.DjangoModelFactory):
    """A confirmed direct quote found in its source, said in the speaker's current role."""

    class Meta:
        model = models.Quote

    source = factory.SubFactory(SourceFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    affiliation = factory.SubFactory(AffiliationFactory, speaker=factory.SelfAttribute("..speaker"))
    text = "We want dialogue,"
    kind = models.Quote.Kind.DIRECT
    said_on = datetime.date(2021, 10, 18)
    said_on_precision = models.DatePrecision.DAY
    status = models.Quote.Status.CONFIRMED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from quotes.rollup import quote_cells_refresh
        from quotes.utterance_index import utterance_keys_refresh

        quote = model_class(*args, **kwargs)
        quote.full_clean()
        quote.save()
        quote_cells_refresh([quote.pk])  # as the services keep the quote rollup
        utterance_keys_refresh(quote_ids=[quote.pk])  # and the candidate index
        return quote


class StanceAnnotationFactory(factory.django.DjangoModelFactory):
    """An annotation saved through the service, so the stance summary follows."""

    class Meta:
        model = models.StanceAnnotation

    quote = factory.SubFactory(QuoteFactory)
    topic = factory.SubFactory(TopicFactory)
    annotator = factory.SubFactory(UserFactory)
    value = 1
    conditional = False
    rationale = "Calls for dialogue."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from quotes.services import stance_annotation_save

        return stance_annotation_save(**kwargs)


def quote_with_stances(topic, values=(), **kwargs):
    """A confirmed quote (QuoteFactory ``kwargs``) annotated on ``topic`` once per value, each by
    a different annotator, so its stored stance is the mean of ``values``."""
    quote = QuoteFactory(**kwargs)
    for value in values:
        StanceAnnotationFactory(quote=quote, topic=topic, value=value)
    return quote


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    occurred_on = datetime.date(2021, 10, 6)
    occurred_on_precision = models.DatePrecision.DAY


class AdjudicationFactory(factory.django.DjangoModelFactory):
    """An adjudication set through the service, so the stance summary follows."""

    class Meta:
        model = models.Adjudication

    quote = factory.SubFactory(QuoteFactory)
    topic = factory.SubFactory(TopicFactory)
    reviewer = factory.SubFactory(UserFactory)
    value = 0
    rationale = "Settled after discussion."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from quotes.services import adjudication_set

        return adjudication_set(**kwargs)
