"""FilterSets copy their filters cheaply per request, yet two requests never share one."""

import pytest
from django.http import QueryDict

from quotes.api.filters import QuoteFilter
from quotes.models import Quote
from tests.factories import QuoteFactory, SpeakerFactory


def test_each_filterset_has_its_own_filters_bound_to_itself():
    first, second = QuoteFilter(QueryDict("")), QuoteFilter(QueryDict(""))
    for name in ("speaker", "status", "q"):
        assert first.filters[name] is not second.filters[name]
        assert first.filters[name].parent is first and second.filters[name].parent is second
        # A method filter calls the method of its own FilterSet.
        assert first.filters[name].filter.f is first.filters[name]
    assert first.get_form_class() is second.get_form_class()


@pytest.mark.django_db
def test_interleaved_filtersets_each_filter_by_their_own_values():
    one, two = SpeakerFactory(slug="one"), SpeakerFactory(slug="two")
    by_one, by_two = QuoteFactory(speaker=one), QuoteFactory(speaker=two)
    asks_one = QuoteFilter(QueryDict("speaker=one"), queryset=Quote.objects.all())
    asks_two = QuoteFilter(QueryDict("speaker=two"), queryset=Quote.objects.all())
    bad = QuoteFilter(QueryDict("speaker=nobody"), queryset=Quote.objects.all())

    assert list(asks_two.qs) == [by_two]
    assert list(asks_one.qs) == [by_one]
    assert not bad.is_valid() and "speaker" in bad.errors


def test_each_filter_form_has_its_own_fields():
    """Forms copy their fields shallowly (quotes/api/filters.py), but never share one."""
    first, second = QuoteFilter(QueryDict("")).form, QuoteFilter(QueryDict("")).form
    for name in ("speaker", "organization", "said_after"):
        assert first.fields[name] is not second.fields[name]
        assert type(first.fields[name]) is type(second.fields[name])
