"""quotes.coding decides who sees which stance values; these are its promises, without HTTP."""

import pytest
from django.contrib.auth.models import AnonymousUser

from quotes import coding
from quotes.models import Quote, QuoteStance, StanceAnnotation
from quotes.services import topic_save
from tests.factories import QuoteFactory, StanceAnnotationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreleased(db):
    return TopicFactory(slug="arms-control", released=False, codes_needed=2)


def test_a_new_topic_starts_unreleased_and_needs_two_codes():
    from quotes.models import Topic

    topic = Topic.objects.create(name="New", slug="new")
    assert (topic.released, topic.codes_needed) == (False, 2)


@pytest.mark.parametrize(
    ("persona", "released", "settled", "coded", "sees"),
    [
        ("anonymous", False, True, False, False),
        ("anonymous", True, False, False, False),
        ("anonymous", True, True, False, True),
        ("annotator", False, False, True, True),
        ("annotator", False, True, False, False),
        ("editor", False, True, False, False),
        ("reviewer", False, False, False, True),
        ("admin_user", False, False, False, True),
    ],
)
def test_can_see_values(request, persona, released, settled, coded, sees):
    user = AnonymousUser() if persona == "anonymous" else request.getfixturevalue(persona)
    assert coding.can_see_values(user, released=released, settled=settled, coded=coded) is sees


def test_the_sql_filters_agree_with_the_function(unreleased, annotator, other_annotator, editor):
    """visible_summaries and with_visibility say, row by row, what can_see_values says."""
    released = TopicFactory(slug="released", released=True, codes_needed=2)
    for topic in (unreleased, released):
        complete = QuoteFactory()
        StanceAnnotationFactory(quote=complete, topic=topic, annotator=annotator)
        StanceAnnotationFactory(quote=complete, topic=topic, annotator=other_annotator)
        StanceAnnotationFactory(topic=topic, annotator=other_annotator)  # incomplete
    for user in (AnonymousUser(), annotator, editor):
        coded = set(
            StanceAnnotation.objects.filter(annotator=user.pk).values_list("quote_id", "topic_id")
        )
        expected = {
            summary.pk
            for summary in QuoteStance.objects.select_related("topic")
            if coding.summary_visible(user, summary, (summary.quote_id, summary.topic_id) in coded)
        }
        assert (
            set(
                coding.visible_summaries(QuoteStance.objects.all(), user).values_list(
                    "pk", flat=True
                )
            )
            == expected
        )
        marked = coding.with_visibility(QuoteStance.objects.all(), user)
        assert {row.pk for row in marked if row.values_visible} == expected


def test_a_quote_is_settled_by_enough_codes_cannot_code_included(
    unreleased, annotator, other_annotator
):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=unreleased, annotator=annotator, value=1)
    assert QuoteStance.objects.get().is_settled is False
    StanceAnnotationFactory(
        quote=quote, topic=unreleased, annotator=other_annotator, value=None, cannot_code=True
    )
    assert QuoteStance.objects.get().is_settled is True


def test_changing_the_codes_a_topic_needs_resettles_its_stored_stances(unreleased, annotator):
    StanceAnnotationFactory(topic=unreleased, annotator=annotator)
    assert QuoteStance.objects.get().is_settled is False
    unreleased.codes_needed = 1
    topic_save(topic=unreleased)
    assert QuoteStance.objects.get().is_settled is True
    unreleased.codes_needed = 3
    topic_save(topic=unreleased)
    assert QuoteStance.objects.get().is_settled is False


def test_aggregates_of_an_unreleased_topic_are_refused_to_all_but_reviewers(
    unreleased, annotator, editor, reviewer
):
    for user in (AnonymousUser(), annotator, editor):
        with pytest.raises(coding.TopicNotReleased, match="not released"):
            coding.check_aggregate(user, unreleased)
    coding.check_aggregate(reviewer, unreleased)


def test_with_stance_settled_only_leaves_incomplete_quotes_out(unreleased, annotator):
    StanceAnnotationFactory(topic=unreleased, annotator=annotator, value=2)
    assert Quote.objects.with_stance(unreleased).filter(stance=2).count() == 1
    assert Quote.objects.with_stance(unreleased, settled_only=True).filter(stance=2).count() == 0
