"""A topic's agreement figures read from the database: disagreements open or adjudicated,
"cannot code" left out of alpha and counted, settled quotes only for non-reviewers."""

import pytest
from django.contrib.auth import get_user_model

from quotes.agreement import topic_agreement, topic_alpha
from tests.factories import (
    AdjudicationFactory,
    QuoteFactory,
    StanceAnnotationFactory,
    TopicFactory,
)

User = get_user_model()

pytestmark = pytest.mark.django_db


def coded(topic, *codes):
    """A quote coded on ``topic`` by annotators a, b, c … with ``codes`` (None: cannot code)."""
    quote = QuoteFactory()
    for name, value in zip("abcd", codes, strict=False):
        StanceAnnotationFactory(
            quote=quote,
            topic=topic,
            annotator=User.objects.get_or_create(username=name)[0],
            value=value,
            cannot_code=value is None,
        )
    return quote


def test_an_adjudicated_disagreement_is_marked_so_and_no_longer_counted_open(topic, reviewer):
    settled = coded(topic, -2, 1)
    still_open = coded(topic, 0, 2)
    coded(topic, 1, 1)
    AdjudicationFactory(quote=settled, topic=topic, reviewer=reviewer, value=-1)
    result = topic_agreement(topic)
    rows = [
        (row["quote"], row["adjudicated"], row["adjudicated_value"])
        for row in result["disagreements"]
    ]
    assert rows == [(still_open, False, None), (settled, True, -1)]  # open ones first
    assert result["open"] == 1


def test_cannot_code_takes_no_part_in_alpha_and_is_counted(topic):
    for values in ((-2, -2), (1, 1), (2, 1)):
        coded(topic, *values)
    before = topic_agreement(topic)
    coded(topic, 2, None, None)  # one value beside two "cannot code": not a unit
    coded(topic, None, None)
    after = topic_agreement(topic)
    assert after["alpha"] == before["alpha"]
    assert after["interval"] == before["interval"]
    assert (after["quotes"], after["annotations"], after["cannot_code"]) == (3, 6, 4)


def test_the_interval_is_given_beside_the_estimate_and_contains_it(topic):
    for values in ((-2, -2, -1), (1, 1, 1), (2, 1, 2), (0, 0, -1), (-1, -1, -1), (2, 2, 2)):
        coded(topic, *values)
    result = topic_agreement(topic)
    low, high = result["interval"]
    assert low <= result["alpha"] <= high
    assert [pair["annotators"] for pair in result["pairs"]] == [("a", "b"), ("a", "c"), ("b", "c")]


def test_non_reviewers_figures_count_settled_quotes_only(db):
    """The topic needs three codes: the quote coded twice is not settled, and only reviewers'
    figures count it."""
    topic = TopicFactory(slug="three", codes_needed=3)
    coded(topic, -2, 2)
    coded(topic, 1, 1, 2)
    assert topic_agreement(topic)["quotes"] == 2
    settled = topic_agreement(topic, settled_only=True)
    assert (settled["quotes"], settled["disagreements"]) == (1, [])


@pytest.mark.parametrize("settled_only", [False, True])
def test_topic_alpha_is_the_headline_of_topic_agreement_in_one_query(
    topic, reviewer, settled_only, django_assert_num_queries
):
    """The topic page reads ``topic_alpha``: the same alpha and counts, without the interval,
    pairs and disagreements it does not show."""
    settled = coded(topic, -2, 1)
    coded(topic, 0, 2, 1)
    coded(topic, 1, 1)
    coded(topic, 2, None)
    coded(topic, -1)
    AdjudicationFactory(quote=settled, topic=topic, reviewer=reviewer, value=-1)
    full = topic_agreement(topic, settled_only=settled_only)

    with django_assert_num_queries(1):
        headline = topic_alpha(topic, settled_only=settled_only)

    assert headline == {
        key: full[key] for key in ("topic", "alpha", "quotes", "annotators", "annotations")
    }
