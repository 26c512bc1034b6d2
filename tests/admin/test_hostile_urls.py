"""Admin URLs that used to be a 500 (issue 15, item 8): an object id that no row can have is a
404; a list parameter the database cannot use is a 400."""

import pytest

from tests.factories import QuoteFactory, StanceAnnotationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/quotes/quote/abc/change/",
        "/admin/quotes/quote/1%00/change/",
        "/admin/quotes/quote/99999999999999999999999/change/",
        "/admin/quotes/quote/abc/history/",
        "/admin/quotes/quote/abc/delete/",
        "/admin/quotes/speaker/abc/change/",
        "/admin/quotes/quotestance/abc/change/",
        "/admin/quotes/topic/sergei-lavrov/agreement/",  # found by tests/robustness/test_every_url
        "/admin/quotes/topic/1%00/agreement/",
    ],
)
def test_an_object_id_no_row_can_have_is_a_404(client_for, admin_user, path):
    QuoteFactory()

    assert client_for(admin_user).get(path).status_code == 404


def test_posting_a_stance_for_a_quote_id_that_is_no_number_is_a_404(client_for, admin_user):
    """The desk's own views under a quote's id read the id the same way."""
    response = client_for(admin_user).post("/admin/quotes/quote/abc/stance/", {})

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/admin/quotes/quote/?said_on__year=9999999999",
        "/admin/quotes/quote/?said_on__year=-1",
        "/admin/quotes/quotestance/?said_on__year=-1",
        "/admin/quotes/quotestance/?said_on__year=9999999999",
        "/admin/quotes/source/?published_on__year=99999999999",
        "/admin/quotes/quote/?said_on__year=abc",
    ],
)
def test_a_list_parameter_the_database_cannot_use_is_a_400(client_for, admin_user, path):
    StanceAnnotationFactory()

    assert client_for(admin_user).get(path).status_code == 400


def test_an_unknown_but_possible_id_keeps_djangos_does_not_exist_redirect(client_for, admin_user):
    response = client_for(admin_user).get("/admin/quotes/quote/999999/change/")

    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_good_year_still_filters_the_quote_list(client_for, admin_user):
    QuoteFactory()

    response = client_for(admin_user).get("/admin/quotes/quote/?said_on__year=2021")

    assert response.status_code == 200
    assert b"We want dialogue" in response.content


@pytest.mark.parametrize("action", ["change", "delete", "history"])
def test_an_empty_to_field_is_no_field(client_for, admin_user, action):
    """ "?_to_field=" (found by tests/robustness/test_every_url on PostgreSQL) is ignored."""
    quote = QuoteFactory()
    path = f"/admin/quotes/quote/{quote.pk}/{action}/?_to_field="
    assert client_for(admin_user).get(path).status_code == 200


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/admin/quotes/speaker/add/", "organization"),  # found by tests/robustness/test_every_url
        ("/admin/quotes/organization/add/", "parent"),
        ("/admin/quotes/quote/add/", "source"),
    ],
)
def test_an_add_form_drops_an_initial_related_id_no_row_can_have(
    client_for, admin_user, path, field
):
    from tests.factories import OrganizationFactory

    client = client_for(admin_user)
    assert client.get(path, {field: "x\x91v"}).status_code == 200
    assert client.get(path, {field: "1\x00"}).status_code == 200
    assert client.get(path, {field: " "}).status_code == 200
    if field != "source":  # a real row's id still fills the form in
        organization = OrganizationFactory(name="Harbour Council")
        page = client.get(path, {field: str(organization.pk)}).content.decode()
        assert "Harbour Council" in page
