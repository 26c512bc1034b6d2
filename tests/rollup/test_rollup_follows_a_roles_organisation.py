"""Editing a role's organisation in the admin moves its quotes' stances to the new
organisation's rollup cells."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from quotes import services
from quotes.models import Affiliation, StanceRollup
from tests.factories import OrganizationFactory, QuoteFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_roles_new_organisation_takes_its_quotes_cells(topic, admin_user):
    quote = QuoteFactory()
    services.stance_annotation_save(quote=quote, topic=topic, annotator=UserFactory(), value=1)
    affiliation = quote.affiliation
    elsewhere = OrganizationFactory()
    affiliation.organization = elsewhere
    request = RequestFactory().post("/")
    request.user = admin_user

    site._registry[Affiliation].save_model(request, affiliation, form=None, change=True)

    by_report = StanceRollup.objects.filter(unit=StanceRollup.Unit.REPORT)
    assert list(by_report.values_list("organization_id", "count")) == [(elsewhere.pk, 1)]
