"""The compare picker: server-side suggestions, a shareable URL and the API URL shown."""

import pytest

from tests.factories import OrganizationFactory, SpeakerAliasFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_speaker_suggestions_match_names_and_aliases(client):
    lavrov = SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    SpeakerAliasFactory(speaker=lavrov, name="Sergey Lavrov")
    SpeakerFactory(name="Maria Zakharova", slug="maria")

    by_alias = client.get("/compare/suggest/", {"kind": "speakers", "q": "sergey"}).json()
    by_name = client.get("/compare/suggest/", {"kind": "speakers", "q": "zakh"}).json()

    assert by_alias == {"results": [{"slug": "sergei-lavrov", "name": "Sergei Lavrov"}]}
    assert by_name["results"] == [{"slug": "maria", "name": "Maria Zakharova"}]


def test_organization_suggestions_in_one_query(client, django_assert_num_queries):
    OrganizationFactory(name="NATO", slug="nato")
    OrganizationFactory(name="NATO–Russia Council", slug="nrc")

    with django_assert_num_queries(1):
        body = client.get("/compare/suggest/", {"kind": "organizations", "q": "nato"}).json()

    assert [row["slug"] for row in body["results"]] == ["nato", "nrc"]


@pytest.mark.parametrize("query", [{"kind": "people", "q": "x"}, {"q": "x"}])
def test_suggestions_of_an_unknown_kind_are_a_400(client, query):
    response = client.get("/compare/suggest/", query)

    assert response.status_code == 400 and b"<strong>kind:</strong>" in response.content


def test_an_empty_term_suggests_nothing(client, db):
    assert client.get("/compare/suggest/?kind=speakers&q=%00").json() == {"results": []}


def test_compare_page_shows_its_own_link_and_the_apis(client, seed):
    query = "speakers=sergei-lavrov&topic=nato-russia-dialogue&bucket=month"
    html = client.get("/compare/?" + query).content.decode()
    escaped = query.replace("&", "&amp;")

    assert f'id="page-url" href="http://testserver/compare/?{escaped}"' in html
    assert f'id="api-url" href="http://testserver/api/compare/?{escaped}"' in html
    assert 'data-suggest="/compare/suggest/?kind=speakers"' in html
