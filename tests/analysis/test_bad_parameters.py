"""Bad parameters answer 400 with a JSON body keyed by the parameter; an unknown speaker, 404."""

import pytest

from tests.factories import SpeakerFactory

TIMELINE = "/api/speakers/known/timeline/?"
COMPARE = "/api/compare/?topic=nato-russia-dialogue&"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (TIMELINE + "topic=nato-russia-dialogue&bucket=week", "bucket"),
        (TIMELINE + "bucket=month", "topic"),
        (TIMELINE + "topic=no-such-topic", "topic"),
        (TIMELINE + "topic=nato-russia-dialogue&said_after=2021-02-30", "said_after"),
        (TIMELINE + "topic=nato-russia-dialogue&said_before=yesterday", "said_before"),
        (
            TIMELINE + "topic=nato-russia-dialogue&said_after=2022-01-01&said_before=2021-01-01",
            "said_before",
        ),
        (TIMELINE + "topic=nato-russia-dialogue&status=published", "status"),
        (COMPARE + "speakers=known,nobody", "speakers"),
        (COMPARE + "organizations=nowhere", "organizations"),
        (COMPARE + "organization_kinds=pub", "organization_kinds"),
        (COMPARE + "bucket=month", "speakers"),
        (COMPARE + "speakers=,,", "speakers"),
    ],
)
def test_bad_parameter_answers_400_naming_it(topic, api_client, url, parameter):
    SpeakerFactory(slug="known")

    response = api_client.get(url)

    assert response.status_code == 400
    assert parameter in response.json()


def test_unknown_speaker_in_the_path_answers_404(topic, api_client):
    response = api_client.get("/api/speakers/nobody/timeline/?topic=nato-russia-dialogue")

    assert response.status_code == 404


def test_unknown_names_are_listed_in_the_message(topic, api_client):
    response = api_client.get(COMPARE + "speakers=ghost,phantom")

    assert response.json() == {"speakers": ["Unknown speaker: ghost, phantom."]}


def test_writes_are_refused_without_a_server_error(topic, api_client):
    SpeakerFactory(slug="known")

    response = api_client.post(TIMELINE + "topic=nato-russia-dialogue", {})

    assert response.status_code in (401, 403)
