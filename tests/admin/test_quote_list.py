"""The quote changelist: columns, the stance summary (blind for annotators), filters, search,
ordering, and a query count that does not grow with the page."""

import datetime

import pytest
from django.urls import reverse

from quotes.models import Quote
from tests.factories import (
    AffiliationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:quotes_quote_changelist")


def listed(client, **params) -> list[Quote]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def make_coded_quotes(count, topic, annotator, other_annotator):
    for _ in range(count):
        theirs = StanceAnnotationFactory(topic=topic, annotator=other_annotator, value=-1)
        StanceAnnotationFactory(topic=topic, annotator=annotator, quote=theirs.quote, value=1)


@pytest.mark.parametrize("persona", ["annotator", "editor"])
def test_quote_list_runs_same_queries_for_10_and_100_rows(
    client_for, django_assert_num_queries, request, persona, topic, annotator, other_annotator
):
    """13 queries whatever the page size (100 rows fit on one page):
    session, user, user permissions, group permissions,
    topics (shared by the topic filters and the "next quote to tag" picker),
    speakers for the speaker filter, organizations for the organization filter,
    count of the filtered quotes, the page of quotes (speaker, source, affiliation, organization
    and event joined), their stance summaries with topics, the user's own annotations,
    and two for the date hierarchy (range of dates, then the distinct dates)."""
    client = client_for(request.getfixturevalue(persona))
    make_coded_quotes(10, topic, annotator, other_annotator)
    with django_assert_num_queries(13):
        assert len(listed(client)) == 10
    make_coded_quotes(90, topic, annotator, other_annotator)
    with django_assert_num_queries(13):
        assert len(listed(client)) == 100


def test_quote_list_shows_speaker_date_text_outlet_kind_status_and_stance(
    client_for, editor, annotator, other_annotator, topic
):
    quote = QuoteFactory(source=SourceFactory(outlet="Kommersant"), speaker__name="Sergei Lavrov")
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=annotator, value=-2)
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=other_annotator, value=-1)
    html = client_for(editor).get(CHANGELIST).content.decode()
    for shown in ("Sergei Lavrov", "18 October 2021", "We want dialogue,", "Kommersant"):
        assert shown in html
    assert "Direct quotation" in html and "Confirmed" in html
    assert "NATO–Russia dialogue: −1.50 (n=2)" in html


def test_adjudicated_stance_is_shown_instead_of_the_mean(client_for, reviewer, annotator, topic):
    annotation = StanceAnnotationFactory(topic=topic, annotator=annotator, value=2)
    client = client_for(reviewer)
    client.post(
        reverse("admin:quotes_quote_adjudicate", args=[annotation.quote_id]),
        {"topic": topic.pk, "value": 0, "version": 0},
    )
    assert "NATO–Russia dialogue: 0.00 (adjudicated)" in client.get(CHANGELIST).content.decode()


@pytest.mark.parametrize("persona", ["annotator", "editor"])
def test_annotator_cannot_see_unreleased_values_before_coding(
    client_for, request, persona, annotator, other_annotator, topic
):
    """Editors code too: for values they are annotators (quotes.coding)."""
    topic.released = False
    topic.save()
    viewer = request.getfixturevalue(persona)
    coded = StanceAnnotationFactory(topic=topic, annotator=other_annotator, value=-2).quote
    StanceAnnotationFactory(quote=coded, topic=topic, annotator=viewer, value=2)
    uncoded = StanceAnnotationFactory(topic=topic, annotator=other_annotator, value=-2).quote
    response = client_for(viewer).get(CHANGELIST)
    rows = {quote.pk: quote for quote in response.context["cl"].result_list}
    assert [s.values_visible for s in rows[coded.pk].stance_summaries.all()] == [True]
    assert [s.values_visible for s in rows[uncoded.pk].stance_summaries.all()] == [False]
    html = response.content.decode()
    assert "0.00 (n=2, you +2)" in html
    assert "NATO–Russia dialogue: hidden (1 coded)" in html
    assert "-2.00" not in html


def test_reviewer_sees_every_value_in_the_list(client_for, reviewer, other_annotator, topic):
    topic.released = False
    topic.save()
    StanceAnnotationFactory(topic=topic, annotator=other_annotator, value=-2)
    assert (
        "NATO–Russia dialogue: −2.00 (n=1)" in client_for(reviewer).get(CHANGELIST).content.decode()
    )


def test_quotes_are_listed_newest_said_first_with_undated_last(client_for, editor):
    old = QuoteFactory(said_on=datetime.date(2019, 1, 5))
    new = QuoteFactory(said_on=datetime.date(2022, 1, 5))
    undated = QuoteFactory(said_on=None)
    assert listed(client_for(editor)) == [new, old, undated]


def test_filter_by_speaker_kind_and_status(client_for, editor):
    lavrov = SpeakerFactory(name="Sergei Lavrov")
    by_lavrov = QuoteFactory(speaker=lavrov)
    indirect = QuoteFactory(kind=Quote.Kind.INDIRECT, text="He wants talks.")
    proposed = QuoteFactory(status=Quote.Status.PROPOSED)
    client = client_for(editor)
    assert listed(client, speaker__id__exact=lavrov.pk) == [by_lavrov]
    assert listed(client, kind__exact="indirect") == [indirect]
    assert listed(client, status__exact="proposed") == [proposed]


def test_filter_by_organization_goes_through_the_quotes_affiliation(client_for, editor):
    speaker = SpeakerFactory()
    ministry = AffiliationFactory(
        speaker=speaker, ended_on=datetime.date(2020, 12, 31), ended_on_precision="day"
    )
    mission = AffiliationFactory(speaker=speaker, started_on=datetime.date(2021, 1, 1))
    at_mission = QuoteFactory(speaker=speaker, affiliation=mission)
    QuoteFactory(speaker=speaker, affiliation=ministry, said_on=datetime.date(2020, 5, 1))
    organization = mission.organization
    assert listed(client_for(editor), affiliation__organization__id__exact=organization.pk) == [
        at_mission
    ]


def test_filter_by_topic_and_stance(client_for, reviewer, annotator, topic):
    other_topic = TopicFactory(slug="arms-control")
    against = StanceAnnotationFactory(topic=topic, annotator=annotator, value=-2).quote
    in_favour = StanceAnnotationFactory(topic=topic, annotator=annotator, value=1).quote
    elsewhere = StanceAnnotationFactory(topic=other_topic, annotator=annotator, value=-1).quote
    QuoteFactory()
    client = client_for(reviewer)
    assert set(listed(client, topic=topic.slug)) == {against, in_favour}
    assert listed(client, topic=topic.slug, stance="against") == [against]
    assert set(listed(client, stance="against")) == {against, elsewhere}
    assert listed(client, stance="for") == [in_favour]


def test_only_reviewers_get_the_stance_filter(client_for, annotator, editor, reviewer):
    """Filtering by stance aggregates everyone's values (quotes.coding)."""

    def titles(user):
        return [spec.title for spec in client_for(user).get(CHANGELIST).context["cl"].filter_specs]

    assert "stance" not in titles(annotator)
    assert "stance" not in titles(editor)
    assert "stance" in titles(reviewer)


def test_not_yet_tagged_by_me_filter(client_for, annotator, other_annotator, topic):
    mine = StanceAnnotationFactory(topic=topic, annotator=annotator).quote
    only_theirs = StanceAnnotationFactory(topic=topic, annotator=other_annotator).quote
    untouched = QuoteFactory()
    client = client_for(annotator)
    assert set(listed(client, untagged_by_me=topic.slug)) == {only_theirs, untouched}
    assert mine in listed(client)


@pytest.mark.parametrize(
    "term", ["dialogue", "Lavrov", "Lavrov Sergey", "Kommersant", "NATO infuriates"]
)
def test_search_covers_text_speaker_names_aliases_source_title_and_outlet(client_for, editor, term):
    speaker = SpeakerFactory(name="Sergei Lavrov")
    SpeakerAliasFactory(speaker=speaker, name="Lavrov Sergey")
    found = QuoteFactory(
        speaker=speaker,
        source=SourceFactory(outlet="Kommersant", title="Russia: NATO infuriates"),
    )
    QuoteFactory(text="Nothing else happened.")
    results = listed(client_for(editor), q=term)
    assert found in results
    if term != "dialogue":
        assert len(results) == 1


def test_search_by_alias_does_not_duplicate_rows(client_for, editor):
    speaker = SpeakerFactory(name="Sergei Lavrov")
    SpeakerAliasFactory(speaker=speaker, name="Sergey Lavrov")
    SpeakerAliasFactory(speaker=speaker, name="S. Lavrov")
    QuoteFactory(speaker=speaker)
    assert len(listed(client_for(editor), q="Lavrov")) == 1
