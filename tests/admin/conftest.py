"""Helpers for the admin tests: a logged-in client per persona and the admin's URLs."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.fixture
def client_for():
    """``client_for(user)`` returns a test client logged in as ``user``."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def quote_url(quote, topic=None) -> str:
    url = reverse("admin:quotes_quote_change", args=[quote.pk])
    return f"{url}?topic={topic.slug}" if topic else url


def stance_url(quote) -> str:
    return reverse("admin:quotes_quote_stance", args=[quote.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []
