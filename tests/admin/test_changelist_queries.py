"""Every changelist besides the quotes' (see test_quote_list) costs the same queries for 3 rows
and for 12. Run as a superuser, so the permission checks need no query."""

import pytest
from django.apps import apps
from django.urls import reverse

from quotes.models import Event
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    SourceFactory,
    SpeakerAliasFactory,
    StanceAnnotationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _event():
    source = SourceFactory()
    return Event.objects.create(
        title=f"Event {source.pk}",
        slug=f"event-{source.pk}",
        occurred_on="2021-10-18",
        source=source,
    )


def _annotation():
    return StanceAnnotationFactory(topic=TopicFactory(slug="dialogue"))


# Every changelist starts with two queries (session, user). Then:
CASES = {
    # count, page (speaker and organization joined)
    "affiliation": (AffiliationFactory, 4),
    # full count, filtered count, page (source joined), date hierarchy (range, then dates)
    "event": (_event, 7),
    # full count, filtered count, page (parent joined), country filter choices
    "organization": (OrganizationFactory, 6),
    # topic filter choices, count, page (quote, speaker and topic joined)
    "quotestance": (_annotation, 5),
    # count, page with quote counts, date hierarchy (range, then dates), language filter choices
    "source": (SourceFactory, 7),
    # count, page with quote counts, the aliases (prefetched), country filter choices
    "speaker": (lambda: SpeakerAliasFactory().speaker, 6),
    # full count, filtered count, page (speaker joined)
    "speakeralias": (SpeakerAliasFactory, 5),
    # topic filter choices, count, page (quote, speaker, topic and annotator joined)
    "stanceannotation": (_annotation, 5),
    # full count, filtered count, page with the number of coded quotes
    "topic": (TopicFactory, 5),
}


@pytest.mark.parametrize("model", sorted(CASES))
def test_changelist_runs_same_queries_for_3_and_12_rows(
    client_for, django_assert_num_queries, admin_user, model
):
    make, expected = CASES[model]
    client = client_for(admin_user)
    url = reverse(f"admin:quotes_{model}_changelist")
    rows = apps.get_model("quotes", model).objects
    for wanted in (3, 12):
        while rows.count() < wanted:
            make()
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200
