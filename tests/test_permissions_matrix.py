"""The permissions table of the README, walked cell by cell against the running app.

``MATRIX`` is the one table: each row is a request, each column the status a persona gets. The
README shows the same table (between the ``permissions`` markers); a test renders ``MATRIX`` and
checks the README holds it, so the two cannot drift apart.
"""

import re
from pathlib import Path

import pytest
from django.test import Client
from rest_framework.test import APIClient

from quotes.roles import ANNOTATORS, EDITORS, REVIEWERS
from tests.factories import (
    QuoteFactory,
    SourceFactory,
    SpeakerFactory,
    StanceAnnotationFactory,
    TopicFactory,
    UserFactory,
    user_with_role,
)

PERSONAS = ("anonymous", "annotator", "editor", "reviewer", "admin")
README = Path(__file__).resolve().parents[1] / "README.md"

# (what, method, path template, body template, statuses for PERSONAS)
# Anonymous API writes are 401: a token client is told to authenticate, not that it is forbidden.
MATRIX = [
    ("API: list quotes", "GET", "/api/quotes/", None, (200, 200, 200, 200, 200)),
    ("API: one quote", "GET", "/api/quotes/{quote}/", None, (200, 200, 200, 200, 200)),
    ("API: create a quote", "POST", "/api/quotes/", "quote", (401, 403, 201, 201, 201)),
    (
        "API: change a quote",
        "PATCH",
        "/api/quotes/{quote}/",
        "quote_change",
        (401, 403, 200, 200, 200),
    ),
    ("API: list speakers", "GET", "/api/speakers/", None, (200, 200, 200, 200, 200)),
    ("API: create a speaker", "POST", "/api/speakers/", "speaker", (401, 403, 201, 201, 201)),
    ("API: list sources", "GET", "/api/sources/", None, (200, 200, 200, 200, 200)),
    ("API: create a source", "POST", "/api/sources/", "source", (401, 403, 201, 201, 201)),
    ("API: organizations", "GET", "/api/organizations/", None, (200, 200, 200, 200, 200)),
    ("API: topics", "GET", "/api/topics/", None, (200, 200, 200, 200, 200)),
    ("API: events", "GET", "/api/events/", None, (200, 200, 200, 200, 200)),
    (
        "API: speaker timeline",
        "GET",
        "/api/speakers/{speaker}/timeline/?topic={topic}",
        None,
        (200, 200, 200, 200, 200),
    ),
    (
        "API: compare",
        "GET",
        "/api/compare/?speakers={speaker}&topic={topic}",
        None,
        (200, 200, 200, 200, 200),
    ),
    ("API: list stances", "GET", "/api/stances/", None, (401, 200, 200, 200, 200)),
    ("API: code my stance", "POST", "/api/stances/", "stance", (401, 201, 201, 201, 201)),
    (
        "API: change another's stance",
        "PATCH",
        "/api/stances/{others_stance}/",
        "stance_change",
        (401, 404, 404, 403, 403),
    ),
    (
        "API: another's value before I coded",
        "GET",
        "/api/stances/{unreleased_stance}/",
        None,
        (401, 404, 404, 200, 200),
    ),
    (
        "API: an unreleased topic's timeline",
        "GET",
        "/api/speakers/{speaker}/timeline/?topic={unreleased_topic}",
        None,
        (403, 403, 403, 200, 200),
    ),
    (
        "API: an unreleased topic's stance filter",
        "GET",
        "/api/quotes/?topic={unreleased_topic}&stance_min=-2",
        None,
        (403, 403, 403, 200, 200),
    ),
    (
        "API: an unreleased topic's CSV",
        "GET",
        "/api/quotes/?topic={unreleased_topic}&format=csv",
        None,
        (403, 403, 403, 200, 200),
    ),
    (
        "API: a topic's agreement",
        "GET",
        "/api/topics/{topic}/agreement/",
        None,
        (200, 200, 200, 200, 200),
    ),
    (
        "API: an unreleased topic's agreement",
        "GET",
        "/api/topics/{unreleased_topic}/agreement/?format=csv",
        None,
        (403, 403, 403, 200, 200),
    ),
    (
        "Page: an unreleased topic's comparison",
        "GET",
        "/compare/?speakers={speaker}&topic={unreleased_topic}",
        None,
        (403, 403, 403, 200, 200),
    ),
    (
        "API: adjudicate",
        "POST",
        "/api/adjudications/",
        "adjudication",
        (401, 403, 403, 201, 201),
    ),
    ("Admin: site index", "GET", "/admin/", None, (302, 200, 200, 200, 200)),
    ("Admin: quote list", "GET", "/admin/quotes/quote/", None, (302, 200, 200, 200, 200)),
    (
        "Admin: quote page",
        "GET",
        "/admin/quotes/quote/{quote}/change/",
        None,
        (302, 200, 200, 200, 200),
    ),
    ("Admin: add a quote", "GET", "/admin/quotes/quote/add/", None, (302, 403, 200, 200, 200)),
    ("Admin: add a speaker", "GET", "/admin/quotes/speaker/add/", None, (302, 403, 200, 200, 200)),
    (
        "Admin: review an import",
        "GET",
        "/admin/quotes/source/{source}/review/",
        None,
        (302, 403, 200, 200, 200),
    ),
    (
        "Admin: add an adjudication",
        "GET",
        "/admin/quotes/adjudication/add/",
        None,
        (302, 403, 403, 200, 200),
    ),
    ("Admin: users", "GET", "/admin/auth/user/", None, (302, 403, 403, 403, 200)),
    (
        "Admin: another's value before I coded",
        "GET",
        "/admin/quotes/stanceannotation/{unreleased_stance}/change/",
        None,
        (302, 302, 302, 200, 200),
    ),
]


@pytest.fixture
def world(db):
    """One of everything the requests name, and stances by somebody else (on a released topic
    and on an unreleased one)."""
    topic = TopicFactory(slug="dialogue", name="Dialogue")
    quote = QuoteFactory()
    somebody = UserFactory(username="somebody-else", roles=[ANNOTATORS])
    others_stance = StanceAnnotationFactory(quote=quote, topic=topic, annotator=somebody)
    unreleased = TopicFactory(slug="unreleased", name="Unreleased", released=False)
    unreleased_stance = StanceAnnotationFactory(quote=quote, topic=unreleased, annotator=somebody)
    SourceFactory()
    return {
        "topic": topic.slug,
        "unreleased_topic": unreleased.slug,
        "unreleased_stance": unreleased_stance.pk,
        "quote": quote.pk,
        "speaker": quote.speaker.slug,
        "source": quote.source.pk,
        "others_stance": others_stance.pk,
        "quote_text": quote.text,
    }


def _body(kind: str | None, world: dict, persona: str) -> dict | None:
    if kind is None:
        return None
    speaker = SpeakerFactory() if kind == "quote" else None
    bodies = {
        "quote": lambda: {
            "text": world["quote_text"],
            "source": SourceFactory(text=f"{persona}: “We want dialogue,” the minister said.").pk,
            "speaker": speaker.slug,
            "kind": "direct",
            "status": "confirmed",
        },
        "quote_change": lambda: {"kind": "direct"},
        "speaker": lambda: {"name": f"New {persona}", "slug": f"new-{persona}", "kind": "person"},
        "source": lambda: {
            "outlet": "Daily",
            "title": f"By {persona}",
            "published_on": "2022-01-13",
            "text": f"An article posted by {persona}.",
        },
        "stance": lambda: {"quote": world["quote"], "topic": world["topic"], "value": 1},
        "stance_change": lambda: {"value": -1},
        "adjudication": lambda: {"quote": world["quote"], "topic": world["topic"], "value": 0},
    }
    return bodies[kind]()


def _client(persona: str):
    if persona == "anonymous":
        return APIClient()
    if persona == "admin":
        user = UserFactory(username="the-admin", is_staff=True, is_superuser=True)
    else:
        role = {"annotator": ANNOTATORS, "editor": EDITORS, "reviewer": REVIEWERS}[persona]
        user = user_with_role(role, f"the-{persona}")
    client = APIClient()
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona_index", range(len(PERSONAS)), ids=PERSONAS)
@pytest.mark.parametrize("row", MATRIX, ids=[row[0] for row in MATRIX])
def test_each_persona_gets_the_status_the_permissions_table_promises(world, row, persona_index):
    what, method, path, body_kind, statuses = row
    persona = PERSONAS[persona_index]
    client = _client(persona)
    url = path.format(**world)
    body = _body(body_kind, world, persona)
    response = (
        getattr(client, method.lower())(url, body, format="json")
        if body
        else (getattr(client, method.lower())(url))
    )
    assert response.status_code == statuses[persona_index], (what, persona, response.content[:300])


def render_table() -> str:
    """The matrix as the README's markdown table."""
    lines = [
        "| request | " + " | ".join(PERSONAS) + " |",
        "| --- | " + " | ".join("---" for _ in PERSONAS) + " |",
    ]
    for what, method, path, _, statuses in MATRIX:
        shown_path = re.sub(r"\{(\w+)\}", lambda m: "{" + m[1].split("_")[-1] + "}", path)
        cells = " | ".join(str(status) for status in statuses)
        lines.append(f"| {what}: `{method} {shown_path}` | {cells} |")
    return "\n".join(lines)


def test_readme_permissions_table_is_the_tested_table():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- permissions:start -->\n(.*?)\n<!-- permissions:end -->", text, re.S)
    assert match, "README.md lacks the <!-- permissions:start/end --> block"
    assert match[1].strip() == render_table(), "README table differs; expected:\n" + render_table()


def test_anonymous_admin_requests_are_sent_to_the_login_page(db):
    response = Client().get("/admin/quotes/quote/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
