"""Every public page runs as many queries for a small database as for a bigger one: more
quotes, speakers, topics, members, events, sources and reports of one statement add rows to a
page, never queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes.utterance_services import utterance_link_confirm, utterance_link_propose
from tests.factories import (
    AffiliationFactory,
    EventFactory,
    OrganizationFactory,
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
    quote_with_stances,
)

pytestmark = pytest.mark.django_db

SAID = "We want dialogue,"
COMPARE = "/compare/?speakers=busy,quiet&organizations=alliance&topic=topic-0&bucket=month"
# Each page, the queries an anonymous visitor's request runs, and a reviewer's: two more for the
# session and the user, and two for the permissions wherever the coding policy asks who the
# visitor is (``coding.sees_all``, read once and cached on the user).
PAGES = {
    # the quotes counted, the first and the last dated one, the recent quotes and their stances,
    # the speakers, sources and organizations counted, the topics
    "home": ("/", 9, 13),
    # the count, the organizations offered as a filter, the page of speakers with their quote
    # counts, their aliases
    "speakers": ("/speakers/", 4, 4),
    # the speaker; the topics they have stances on; for the one topic charted the quotes and the
    # stances per period, the tooltips' texts and the events; the quotes counted, their page and
    # their stances; the aliases; the roles
    "speaker": ("/speakers/busy/", 11, 15),
    # the count, the page of organizations with parents and member counts
    "organizations": ("/organizations/", 2, 2),
    # the organization and its parent, the hierarchy, the topics with stances here, the hierarchy
    # again (compare's), the quotes and the stances per period, the tooltips' texts, the events,
    # the quotes counted, their page and their stances, the children, the roles
    "organization": ("/organizations/alliance/", 13, 17),
    # the topic, the speakers by slug or alias (one statement: quotes/api/speaker_slugs.py), the
    # organization, the hierarchy; for the speakers and for the organization the quotes and the
    # stances per period and the tooltips' texts; the events; the topics offered by the picker
    "compare": (COMPARE, 12, 16),
    # the topics with their counts
    "topics": ("/topics/", 1, 5),
    # the topic, the stances per speaker and value, the ranked speakers, the agreement's codings
    # (alpha and its counts: quotes.agreement.topic_alpha)
    "topic": ("/topics/topic-0/", 4, 8),
    # the count, the page of quotes with speaker, source, role and event, their stances
    "quotes": ("/quotes/", 3, 7),
    # the quote with speaker, source, role and event, its stances, the other reports of its
    # utterance
    "quote": ("/quotes/{quote}/", 3, 7),
    # the article, its confirmed quotes with their speakers
    "source": ("/sources/{source}/", 2, 4),
}


def _grow(round_: int, shared) -> None:
    """One more round of data: two topics, a member of the alliance's council with a quote on
    each topic, a quote by the busy speaker on each topic (one in the shared article), a
    speaker outside the alliance, an event, and one more report of the shared statement."""
    for offset in range(2):
        TopicFactory(slug=f"topic-{2 * round_ + offset}", name=f"Topic {2 * round_ + offset}")
    topics = list(TopicFactory._meta.model.objects.all())
    member = AffiliationFactory(
        organization=shared["council"], role="Delegate", speaker__name=f"Member {round_}"
    )
    day = datetime.date(2021, 1 + round_ % 12, 3)
    for index, topic in enumerate(topics):
        quote_with_stances(
            topic, [index % 5 - 2], speaker=member.speaker, affiliation=member, said_on=day
        )
        quote_with_stances(
            topic, [(index + round_) % 5 - 2], speaker=shared["busy"], affiliation=shared["role"]
        )
    text = f"Point {round_} stands,"
    shared["source"].text += f" “{text}” he said."
    shared["source"].save()
    QuoteFactory(source=shared["source"], text=text, speaker=shared["busy"], affiliation=None)
    for value in range(-2, 3):  # five a round: the quiet speaker is ranked from the first
        quote_with_stances(topics[0], [value], speaker=shared["quiet"], said_on=day)
    EventFactory(occurred_on=day)
    report = QuoteFactory(
        source=SourceFactory(text=f"“{SAID}” said the minister again, {round_}."),
        speaker=shared["busy"],
        affiliation=shared["role"],
    )
    utterance_link_confirm(
        link=utterance_link_propose(quote=shared["quote"], other=report, similarity=1.0)
    )


@pytest.fixture
def shared():
    """The busy speaker (a minister of the alliance), the quiet one, the alliance and its
    council, an article and the quote whose page is counted."""
    alliance = OrganizationFactory(slug="alliance", name="The Alliance")
    council = OrganizationFactory(slug="council", parent=alliance)
    role = AffiliationFactory(organization=alliance, speaker__slug="busy")
    source = SourceFactory(text=f"“{SAID}” the minister said.")
    quote = QuoteFactory(source=source, speaker=role.speaker, affiliation=role)
    return {
        "alliance": alliance,
        "council": council,
        "role": role,
        "busy": role.speaker,
        "quiet": SpeakerFactory(slug="quiet"),
        "source": source,
        "quote": quote,
    }


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


@pytest.mark.parametrize("persona", ["anonymous", "reviewer"])
def test_every_page_runs_the_same_queries_for_a_small_and_a_bigger_database(
    client, reviewer, shared, persona
):
    """Counted after one round of data and again after four more (five times the quotes,
    topics, members, events and reports); ``PAGES`` says what each query reads. The pages are
    counted on one growing database (building it again for each page cost a minute a run)."""
    if persona == "reviewer":
        client.force_login(reviewer)
    urls = {
        name: path.format(quote=shared["quote"].pk, source=shared["source"].pk)
        for name, (path, _, _) in PAGES.items()
    }
    _grow(0, shared)
    for url in urls.values():
        client.get(url)  # what a process reads once (content types) is not counted
    small = {name: _queries(client, url) for name, url in urls.items()}
    for round_ in range(1, 5):
        _grow(round_, shared)

    assert {name: _queries(client, url) for name, url in urls.items()} == small
    expected = {
        name: anonymous if persona == "anonymous" else signed_in
        for name, (_, anonymous, signed_in) in PAGES.items()
    }
    assert small == expected
