"""Organisations: an index, and a page with members' roles over time, the quotes said in its
roles and its position over time, its child organisations included."""

import datetime

import pytest

from tests.factories import AffiliationFactory, OrganizationFactory, quote_with_stances
from tests.web.conftest import SVG, parse_svg

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance(topic):
    """The alliance's secretary (+2, October) and its council's chair (−2, November); a
    ministry's minister (+1) who is none of theirs."""
    alliance = OrganizationFactory(slug="alliance", name="The Alliance")
    council = OrganizationFactory(slug="council", name="The Council", parent=alliance)
    other = OrganizationFactory(slug="other", name="Other Ministry")
    for organization, role, value, day in (
        (alliance, "Secretary", 2, datetime.date(2021, 10, 5)),
        (council, "Chair", -2, datetime.date(2021, 11, 5)),
        (other, "Minister", 1, datetime.date(2021, 10, 5)),
    ):
        term = AffiliationFactory(
            organization=organization, role=role, speaker__name=f"{role} Person"
        )
        quote_with_stances(
            topic,
            [value],
            speaker=term.speaker,
            affiliation=term,
            said_on=day,
            text=f"{role} speaks,",
            source__text=f"“{role} speaks,” said the {role}.",
        )
    return alliance


def test_organization_page_lists_members_of_it_and_its_parts(alliance, client):
    html = client.get("/organizations/alliance/").content.decode()

    assert "<h1>The Alliance</h1>" in html
    assert "Secretary Person" in html and "Chair Person" in html
    assert "Chair (The Council)" in html
    assert "Minister Person" not in html
    assert "Secretary speaks," in html and "Chair speaks," in html


def test_organization_chart_includes_the_child_organizations_quotes(alliance, client):
    svg = parse_svg(client.get("/organizations/alliance/?bucket=month").content.decode())

    points = svg.findall(f".//{SVG}circle[@class='point']")
    assert [(p.get("data-period"), p.get("data-count")) for p in points] == [
        ("2021-10", "1"),
        ("2021-11", "1"),
    ]


def test_organization_chart_downloads_the_same_series(alliance, client):
    html = client.get("/organizations/alliance/").content.decode()
    series = "organizations=alliance&amp;topic=nato-russia-dialogue&amp;bucket=quarter"

    assert f'href="/compare/chart.svg?{series}"' in html
    assert f'data-png-from="/compare/chart.svg?{series}"' in html
    assert f'href="/compare/series.csv?{series}"' in html
    assert client.get("/compare/series.csv?" + series.replace("&amp;", "&")).status_code == 200


def test_organization_index_shows_parents_and_members(alliance, client):
    html = client.get("/organizations/").content.decode()

    assert 'href="/organizations/council/"' in html
    assert 'href="/organizations/alliance/">The Alliance</a></td>' in html  # council's parent


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/organizations/?kind=pub", "kind"),
        ("/organizations/alliance/?bucket=week", "bucket"),
        ("/organizations/alliance/?page=x", "page"),
        ("/organizations/alliance/?topic=nowhere", "topic"),
    ],
)
def test_bad_organization_parameters_are_a_400(alliance, client, url, parameter):
    response = client.get(url)

    assert response.status_code == 400
    assert f"<strong>{parameter}:</strong>" in response.content.decode()


def test_unknown_organization_is_a_404(client, db):
    assert client.get("/organizations/nowhere/").status_code == 404


@pytest.mark.parametrize("quotes", [2, 20])
def test_organization_page_runs_the_same_queries_for_2_and_20_quotes(
    topic, client, django_assert_num_queries, quotes
):
    """1 the organization and its parent, 2 the hierarchy, 3 the topics with stances here,
    4 the hierarchy again (compare's), 5 and 6 the quotes and stances per period, 7 the quotes'
    texts for the tooltips, 8 the events, 9 the quotes' count, 10 the page of quotes, 11 their
    stances, 12 the children, 13 the roles."""
    alliance = OrganizationFactory(slug="alliance")
    council = OrganizationFactory(slug="council", parent=alliance)
    term = AffiliationFactory(organization=council)
    for index in range(quotes):
        day = datetime.date(2021, 1 + index % 12, 1)
        quote_with_stances(topic, [1], speaker=term.speaker, affiliation=term, said_on=day)

    with django_assert_num_queries(13):
        response = client.get("/organizations/alliance/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_organization_index_runs_the_same_queries_for_3_and_30_organizations(
    client, django_assert_num_queries, count
):
    """1 the count, 2 the page of organizations with their parents and member counts."""
    parent = OrganizationFactory()
    for _ in range(count):
        AffiliationFactory(organization=OrganizationFactory(parent=parent))

    with django_assert_num_queries(2):
        response = client.get("/organizations/")

    assert response.context["page"].paginator.count == count + 1
