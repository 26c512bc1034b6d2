"""Krippendorff's alpha (ordinal) per topic, the disagreements, and the admin report page."""

import itertools
from collections import Counter

import pytest
from django.urls import reverse

from quotes.agreement import ordinal_alpha, topic_agreement
from quotes.models import Quote, StanceAnnotation
from tests.factories import (
    AdjudicationFactory,
    QuoteFactory,
    StanceAnnotationFactory,
    UserFactory,
)

HAND_ALPHA = 71 / 78


def test_ordinal_alpha_matches_a_hand_computed_example():
    """Two coders, four quotes: A = (-1, 0, 1, 2), B = (-1, 0, 2, 2).

    Coincidences (each pair counted both ways): (-1,-1) 2, (0,0) 2, (2,2) 2, (1,2) 1, (2,1) 1,
    so the value totals are n(-1) = 2, n(0) = 2, n(1) = 1, n(2) = 3 and n = 8.
    Ordinal distance: d(c,k) = (sum of n_g for g from c to k - (n_c + n_k) / 2) ** 2:
      d(-1,0) = (4 - 2) ** 2 = 4        d(-1,1) = (5 - 1.5) ** 2 = 12.25
      d(-1,2) = (8 - 2.5) ** 2 = 30.25  d(0,1) = (3 - 1.5) ** 2 = 2.25
      d(0,2) = (6 - 2.5) ** 2 = 12.25   d(1,2) = (4 - 2) ** 2 = 4
    Observed: D_o = (1/n) * sum o_ck d(c,k) = (1 * 4 + 1 * 4) / 8 = 1.
    Expected: D_e = 1/(n(n-1)) * sum over c != k of n_c n_k d(c,k)
      = 2 * (2*2*4 + 2*1*12.25 + 2*3*30.25 + 2*1*2.25 + 2*3*12.25 + 1*3*4) / 56
      = 2 * 312 / 56 = 78 / 7.
    alpha = 1 - D_o / D_e = 1 - 7/78 = 71/78 = 0.910256...
    """
    units = {1: {"a": -1, "b": -1}, 2: {"a": 0, "b": 0}, 3: {"a": 1, "b": 2}, 4: {"a": 2, "b": 2}}
    assert ordinal_alpha(units) == pytest.approx(HAND_ALPHA, abs=1e-9)


def test_alpha_is_undefined_without_variation_or_pairs():
    assert ordinal_alpha({1: {"a": 1, "b": 1}, 2: {"a": 1, "b": 1}}) is None
    assert ordinal_alpha({1: {"a": 1}, 2: {"b": -1}}) is None


@pytest.mark.django_db
def test_topic_agreement_reads_the_hand_computed_example_from_the_database(topic):
    """The same four quotes, plus a quote coded once and a proposed quote, which do not count."""
    a, b = UserFactory(username="a"), UserFactory(username="b")
    for value_a, value_b in ((-1, -1), (0, 0), (1, 2), (2, 2)):
        quote = QuoteFactory()
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=a, value=value_a)
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=b, value=value_b)
    StanceAnnotationFactory(topic=topic, annotator=a, value=-2)
    proposed = QuoteFactory(status=Quote.Status.PROPOSED)
    StanceAnnotationFactory(quote=proposed, topic=topic, annotator=a, value=-2)
    StanceAnnotationFactory(quote=proposed, topic=topic, annotator=b, value=2)
    result = topic_agreement(topic)
    assert result["alpha"] == pytest.approx(HAND_ALPHA, abs=1e-9)
    assert (result["quotes"], result["annotators"], result["annotations"]) == (4, 2, 8)
    assert result["disagreements"] == []


@pytest.mark.django_db
def test_disagreements_are_quotes_whose_codings_differ_by_two_or_more(topic):
    a, b, c = (UserFactory(username=name) for name in "abc")
    wide = QuoteFactory()
    for annotator, value in ((a, -2), (b, 1), (c, 0)):
        StanceAnnotationFactory(quote=wide, topic=topic, annotator=annotator, value=value)
    two = QuoteFactory()
    StanceAnnotationFactory(quote=two, topic=topic, annotator=a, value=0)
    StanceAnnotationFactory(quote=two, topic=topic, annotator=b, value=2)
    close = QuoteFactory()
    StanceAnnotationFactory(quote=close, topic=topic, annotator=a, value=1)
    StanceAnnotationFactory(quote=close, topic=topic, annotator=b, value=2)
    disagreements = topic_agreement(topic)["disagreements"]
    assert [(row["quote"], row["spread"]) for row in disagreements] == [(wide, 3), (two, 2)]
    assert disagreements[0]["codings"] == [("a", -2), ("b", 1), ("c", 0)]


def independent_ordinal_alpha(units: list[list[int]]) -> float:
    """Krippendorff's ordinal alpha from its definition, without the krippendorff package."""
    coincidences = Counter()
    for values in units:
        for c, k in itertools.permutations(range(len(values)), 2):
            coincidences[values[c], values[k]] += 1 / (len(values) - 1)
    totals = Counter()
    for (c, _), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    domain = range(-2, 3)

    def distance(c, k):
        low, high = min(c, k), max(c, k)
        between = sum(totals[g] for g in domain if low <= g <= high)
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(weight * distance(c, k) for (c, k), weight in coincidences.items()) / n
    expected = sum(totals[c] * totals[k] * distance(c, k) for c in domain for k in domain) / (
        n * (n - 1)
    )
    return 1 - observed / expected


@pytest.mark.django_db
def test_seed_agreement_equals_an_independent_computation_from_the_raw_annotations(seed):
    from quotes.models import Topic

    for topic in Topic.objects.all():
        by_quote = {}
        for quote_id, value in StanceAnnotation.objects.filter(
            topic=topic, quote__status=Quote.Status.CONFIRMED
        ).values_list("quote_id", "value"):
            by_quote.setdefault(quote_id, []).append(value)
        units = [values for values in by_quote.values() if len(values) >= 2]
        result = topic_agreement(topic)
        assert result["quotes"] == len(units)
        assert result["annotations"] == sum(len(values) for values in units)
        if len({value for values in units for value in values}) < 2:
            assert result["alpha"] is None
        else:
            assert result["alpha"] == pytest.approx(independent_ordinal_alpha(units), abs=1e-9)
        spread = sum(1 for values in units if max(values) - min(values) >= 2)
        assert len(result["disagreements"]) == spread


@pytest.mark.django_db
def test_the_seed_has_quotes_coded_twice_so_alpha_is_defined(seed):
    from quotes.models import Topic

    assert topic_agreement(Topic.objects.get(slug="nato-russia-dialogue"))["alpha"] is not None


@pytest.mark.django_db
def test_reviewer_opens_the_agreement_report_from_the_topic_list(client_for, reviewer, topic):
    a, b = UserFactory(username="a"), UserFactory(username="b")
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=a, value=-2)
    StanceAnnotationFactory(quote=quote, topic=topic, annotator=b, value=1)
    client = client_for(reviewer)
    report = reverse("admin:quotes_topic_agreement", args=[topic.pk])
    assert report in client.get(reverse("admin:quotes_topic_changelist")).content.decode()
    html = client.get(report).content.decode()
    assert 'id="disagreements"' in html and "a: \N{MINUS SIGN}2, b: +1" in html
    assert 'id="interval"' in html and 'id="pairs"' in html


@pytest.mark.django_db
def test_the_report_lists_an_adjudicated_disagreement_as_adjudicated_not_open(
    client_for, reviewer, topic
):
    a, b = UserFactory(username="a"), UserFactory(username="b")
    settled, still_open = QuoteFactory(), QuoteFactory()
    for quote in (settled, still_open):
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=a, value=-2)
        StanceAnnotationFactory(quote=quote, topic=topic, annotator=b, value=1)
    AdjudicationFactory(quote=settled, topic=topic, reviewer=reviewer, value=-1)
    html = client_for(reviewer).get(reverse("admin:quotes_topic_agreement", args=[topic.pk]))
    html = html.content.decode()
    assert "1 open" in html
    page = reverse("admin:quotes_quote_change", args=[still_open.pk])
    assert f'{page}?topic={topic.slug}#topic-{topic.slug}">adjudicate</a>' in html
    done = reverse("admin:quotes_quote_change", args=[settled.pk])
    assert f'{done}?topic={topic.slug}#topic-{topic.slug}">adjudicate</a>' not in html
    assert "adjudicated: \N{MINUS SIGN}1" in html


@pytest.mark.django_db
def test_annotators_get_no_agreement_report_while_coding_is_blind(client_for, annotator, topic):
    client = client_for(annotator)
    report = reverse("admin:quotes_topic_agreement", args=[topic.pk])
    assert report not in client.get(reverse("admin:quotes_topic_changelist")).content.decode()
    assert client.get(report).status_code == 403
