"""Deleting a coded quote says what protects it (its annotations), not that a permission to
delete its stored stance is lacking: stored stances are derived rows that go with their quote."""

import pytest
from django.urls import reverse

from quotes.models import Quote
from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


def test_deleting_a_coded_quote_as_a_superuser_names_the_protecting_annotations(
    client_for, admin_user, topic
):
    quote = QuoteFactory()
    for _ in range(2):
        StanceAnnotationFactory(quote=quote, topic=topic)
    url = reverse("admin:quotes_quote_delete", args=[quote.pk])

    page = client_for(admin_user).get(url).content.decode()
    assert "protected: 2 stance annotations" in page
    assert "permission to delete" not in page

    client_for(admin_user).post(url, {"post": "yes"})
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_bulk_delete_of_coded_quotes_names_the_protecting_annotations(
    client_for, admin_user, topic
):
    quote = QuoteFactory()
    StanceAnnotationFactory(quote=quote, topic=topic)
    response = client_for(admin_user).post(
        reverse("admin:quotes_quote_changelist"),
        {"action": "delete_selected", "_selected_action": [quote.pk]},
    )
    page = response.content.decode()
    assert "protected: 1 stance annotation" in page and "permission to delete" not in page


def test_a_quote_nobody_coded_is_deleted(client_for, admin_user):
    quote = QuoteFactory()
    url = reverse("admin:quotes_quote_delete", args=[quote.pk])
    client_for(admin_user).post(url, {"post": "yes"})
    assert not Quote.objects.filter(pk=quote.pk).exists()
