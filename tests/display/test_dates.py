"""Dates shown as precisely as they are known, by one helper, on the pages and in the admin:
a day "18 October 2021", a month "January 2021", a year "2021" (never "Jan. 1, 2021")."""

import datetime

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from quotes.display import precise_date
from tests.factories import AffiliationFactory, EventFactory, QuoteFactory

JAN_1 = datetime.date(2021, 1, 1)


@pytest.mark.parametrize(
    ("day", "precision", "shown"),
    [
        (datetime.date(2021, 10, 18), "day", "18 October 2021"),
        (JAN_1, "month", "January 2021"),
        (JAN_1, "year", "2021"),
        (JAN_1, "unknown", "date unknown"),
        (None, "day", "date unknown"),
    ],
)
def test_precise_date(day, precision, shown):
    assert precise_date(day, precision) == shown


def test_the_template_filter_is_the_same_helper():
    template = Template(
        "{% load display %}{{ day|precise_date:'year' }} / {{ quote|precise_date }}"
    )
    quote = type("Q", (), {"said_on": JAN_1, "said_on_precision": "month"})()
    assert template.render(Context({"day": JAN_1, "quote": quote})) == "2021 / January 2021"


@pytest.mark.django_db
def test_a_year_precise_quote_shows_its_year_on_its_page_and_in_the_admin(admin_user):
    quote = QuoteFactory(said_on=JAN_1, said_on_precision="year")
    page = Client().get(f"/quotes/{quote.pk}/").content.decode()
    assert "<dd>2021</dd>" in page and "1 January 2021" not in page
    client = Client()
    client.force_login(admin_user)
    listing = client.get(reverse("admin:quotes_quote_changelist")).content.decode()
    assert '<td class="field-said">2021</td>' in listing


@pytest.mark.django_db
def test_the_admin_lists_of_roles_and_events_show_dates_by_their_precision(admin_user):
    AffiliationFactory(
        started_on=JAN_1,
        started_on_precision="year",
        ended_on=datetime.date(2022, 3, 1),
        ended_on_precision="month",
    )
    EventFactory(occurred_on=datetime.date(2021, 6, 1), occurred_on_precision="month")
    client = Client()
    client.force_login(admin_user)
    roles = client.get(reverse("admin:quotes_affiliation_changelist")).content.decode()
    assert '<td class="field-started">2021</td>' in roles
    assert '<td class="field-ended">March 2022</td>' in roles
    assert "Jan. 1, 2021" not in roles
    events = client.get(reverse("admin:quotes_event_changelist")).content.decode()
    assert '<td class="field-occurred">June 2021</td>' in events
