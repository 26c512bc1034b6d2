"""From the desk to the public pages ("View on site") and back ("Edit in the desk")."""

import pytest
from django.urls import reverse

from quotes.models import Quote
from tests.factories import (
    OrganizationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make", "admin_name", "page"),
    [
        (lambda: SpeakerFactory(slug="ann"), "speaker", "/speakers/ann/"),
        (lambda: OrganizationFactory(slug="mid"), "organization", "/organizations/mid/"),
        (lambda: TopicFactory(slug="talks"), "topic", "/topics/talks/"),
        (lambda: SourceFactory(pk=41), "source", "/sources/41/"),
    ],
)
def test_admin_pages_link_to_the_public_page_and_back(
    client_for, admin_user, make, admin_name, page
):
    obj = make()
    client = client_for(admin_user)
    change = reverse(f"admin:quotes_{admin_name}_change", args=[obj.pk])

    admin_html = client.get(change).content.decode()
    public_html = client.get(page).content.decode()

    assert f'<a href="{page}" class="viewsitelink">' in admin_html
    assert f'href="{change}">Edit in the desk</a>' in public_html


def test_a_confirmed_quote_is_viewed_on_site_and_a_proposed_one_has_no_page(client_for, admin_user):
    confirmed = QuoteFactory()
    proposed = QuoteFactory(status=Quote.Status.PROPOSED)
    client = client_for(admin_user)

    shown = client.get(reverse("admin:quotes_quote_change", args=[confirmed.pk])).content
    hidden = client.get(reverse("admin:quotes_quote_change", args=[proposed.pk])).content

    assert f'<a href="/quotes/{confirmed.pk}/" class="viewsitelink">'.encode() in shown
    assert b'class="viewsitelink"' not in hidden


def test_the_public_pages_offer_no_desk_link_to_the_public(client, db):
    SpeakerFactory(slug="ann")

    assert b"Edit in the desk" not in client.get("/speakers/ann/").content


def test_admin_quote_list_cuts_long_quotes_and_opens_them_on_demand(client_for, admin_user):
    long_text = "Dialogue " * 20 + "is needed,"
    QuoteFactory(text=long_text, source__text=f"“{long_text}” he said.")

    html = client_for(admin_user).get(reverse("admin:quotes_quote_changelist")).content.decode()

    assert '<details class="full-text"><summary>Show all</summary>' + long_text in html
    assert "td.field-stances { min-width: 9rem; }" in html  # the layout: tests/browser
