"""Each invariant of utterance links the database can hold, both ways: full_clean() refuses
it, and a direct create() meets a named constraint."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from quotes.models import UtteranceLink

TEXT = "We will not allow anyone to dictate to us the terms on which we sell our gas."


@pytest.fixture
def pair(speaker, report):
    first, second = report(speaker, TEXT), report(speaker, TEXT)
    return first, second


def _refused(**fields):
    with pytest.raises(ValidationError):
        UtteranceLink(**fields).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        UtteranceLink.objects.create(**fields)


def test_a_quote_cannot_be_linked_to_itself(pair):
    _refused(quote=pair[0], other=pair[0], similarity=1)


def test_a_pair_has_one_link(pair):
    UtteranceLink.objects.create(quote=pair[0], other=pair[1], similarity=1)
    _refused(quote=pair[0], other=pair[1], similarity=0.9)


def test_a_link_is_stored_in_id_order(pair):
    with pytest.raises(IntegrityError), transaction.atomic():
        UtteranceLink.objects.create(quote=pair[1], other=pair[0], similarity=1)
    link = UtteranceLink(quote=pair[1], other=pair[0], similarity=1)
    link.full_clean()  # clean() puts the pair in order
    assert (link.quote_id, link.other_id) == (pair[0].pk, pair[1].pk)


@pytest.mark.parametrize("similarity", [-0.1, 1.5])
def test_similarity_is_between_0_and_1(pair, similarity):
    _refused(quote=pair[0], other=pair[1], similarity=similarity)


def test_a_decided_link_says_when(pair):
    _refused(quote=pair[0], other=pair[1], similarity=1, status="confirmed")
    link = UtteranceLink.objects.create(
        quote=pair[0], other=pair[1], similarity=1, status="confirmed", decided_at=timezone.now()
    )
    assert link.pk


def test_link_status_and_kind_are_valid(pair):
    for fields in ({"status": "maybe"}, {"kind": "similar"}):
        _refused(quote=pair[0], other=pair[1], similarity=1, **fields)
