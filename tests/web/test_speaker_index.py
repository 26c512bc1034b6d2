"""The speaker index: search names and aliases, filter, sort, page; a bad parameter is a 400."""

import pytest

from quotes.models import Quote, Speaker
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    QuoteFactory,
    SpeakerAliasFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def _names(response):
    return [speaker.name for speaker in response.context["page"].object_list]


@pytest.fixture
def people():
    """Sergei (alias Sergey; two quotes, one a proposed one that does not count), Maria (three
    quotes, at the ministry), and an institution with none."""
    ministry = OrganizationFactory(slug="mid", name="MID")
    sergei = SpeakerFactory(name="Sergei Lavrov", slug="sergei-lavrov", country="RU")
    SpeakerAliasFactory(speaker=sergei, name="Sergey Lavrov")
    maria = SpeakerFactory(name="Maria Zakharova", slug="maria", country="RU")
    role = AffiliationFactory(speaker=maria, organization=ministry)
    for _ in range(3):
        QuoteFactory(speaker=maria, affiliation=role)
    QuoteFactory(speaker=sergei)
    QuoteFactory(speaker=sergei, status=Quote.Status.PROPOSED)
    SpeakerFactory(
        name="The Alliance", kind=Speaker.Kind.INSTITUTION, organization=ministry, country="BE"
    )


def test_speakers_by_quote_count_then_name(people, client):
    response = client.get("/speakers/")

    assert _names(response) == ["Maria Zakharova", "Sergei Lavrov", "The Alliance"]
    assert [s.quote_count for s in response.context["page"].object_list] == [3, 1, 0]


def test_speakers_by_name(people, client):
    assert _names(client.get("/speakers/?sort=name")) == [
        "Maria Zakharova",
        "Sergei Lavrov",
        "The Alliance",
    ]


def test_speaker_search_finds_aliases_and_counts_each_quote_once(people, client):
    response = client.get("/speakers/?search=sergey")

    assert _names(response) == ["Sergei Lavrov"]
    assert response.context["page"].object_list[0].quote_count == 1
    assert "also Sergey Lavrov" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("organization=mid", ["Maria Zakharova"]),
        ("kind=institution", ["The Alliance"]),
        ("country=be", ["The Alliance"]),
    ],
)
def test_speaker_filters(people, client, query, expected):
    assert _names(client.get("/speakers/?" + query)) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("sort=age", "sort"),
        ("kind=robot", "kind"),
        ("organization=nowhere", "organization"),
        ("page=abc", "page"),
        ("page=0", "page"),
    ],
)
def test_bad_speaker_index_parameters_are_a_400_naming_them(people, client, query, parameter):
    response = client.get("/speakers/?" + query)

    assert response.status_code == 400
    assert f"<strong>{parameter}:</strong>" in response.content.decode()


def test_a_page_past_the_last_is_a_404(people, client):
    assert client.get("/speakers/?page=9").status_code == 404


@pytest.mark.parametrize("speakers", [3, 30])
def test_speaker_index_runs_the_same_queries_for_3_and_30_speakers(
    client, django_assert_num_queries, speakers
):
    """1 the organization slug checked, 2 the count, 3 the page of speakers with their quote
    counts, 4 their aliases, 5 the organizations of the filter's menu."""
    ministry = OrganizationFactory(slug="mid")
    for _ in range(speakers):
        role = AffiliationFactory(organization=ministry)
        SpeakerAliasFactory(speaker=role.speaker)
        QuoteFactory(speaker=role.speaker, affiliation=role)

    with django_assert_num_queries(5):
        response = client.get("/speakers/?organization=mid")

    assert response.context["page"].paginator.count == speakers
