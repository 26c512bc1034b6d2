"""Every changelist other than the quotes' costs the same queries for 3 rows and for 30."""

import pytest
from django.urls import reverse

from quotes.models import Quote
from quotes.services import adjudication_set
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerAliasFactory,
    StanceAnnotationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _adjudicated(reviewer):
    def make():
        quote = QuoteFactory()
        adjudication_set(quote=quote, topic=TopicFactory(slug="t"), reviewer=reviewer, value=1)
        return quote

    return make


def _event():
    from quotes.models import Event

    source = SourceFactory()
    return Event.objects.create(
        title=f"Event {source.pk}", slug=f"event-{source.pk}", occurred_on="2021-10-18", source=source
    )


# 4 queries for every changelist (session, user, user permissions, group permissions), then:
CASES = {
    # filter choices (country), count, page; aliases prefetched
    "speaker": (lambda: SpeakerAliasFactory().speaker, 8),
    # count, page, date hierarchy (range, then dates)
    "source": (SourceFactory, 8),
    # count, page (speaker and organization joined)
    "affiliation": (AffiliationFactory, 6),
    # filter choices (topics), count, page (quote, speaker, topic, annotator joined)
    "stanceannotation": (lambda: StanceAnnotationFactory(topic=TopicFactory(slug="t")), 7),
    # filter choices (topics), count, page (quote, speaker, topic joined)
    "quotestance": (lambda: StanceAnnotationFactory(topic=TopicFactory(slug="t")), 7),
    # count, page with the number of coded quotes annotated
    "topic": (TopicFactory, 6),
    # filter choices (country), count, page (parent joined)
    "organization": (OrganizationFactory, 7),
    # count, page (speaker joined)
    "speakeralias": (SpeakerAliasFactory, 6),
    # count, page (source joined), date hierarchy (range, then dates)
    "event": (_event, 8),
}


@pytest.mark.parametrize("model", sorted(CASES))
def test_changelist_runs_same_queries_for_3_and_30_rows(
    client_for, django_assert_num_queries, admin_user, model
):
    make, expected = CASES[model]
    client = client_for(admin_user)
    url = reverse(f"admin:quotes_{model}_changelist")
    for rows in (3, 30):
        while Quote.objects.count() < rows and model in {"stanceannotation", "quotestance"}:
            make()
        while model not in {"stanceannotation", "quotestance"} and _count(model) < rows:
            make()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        print(model, rows, len(ctx.captured_queries), [q["sql"][:90] for q in ctx.captured_queries[2:]])


def _count(model):
    from django.apps import apps

    return apps.get_model("quotes", model).objects.count()
