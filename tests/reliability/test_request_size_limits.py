"""Request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE get a 413 with a JSON message on the API, before
any view runs: never a 500, never a half-written row."""

import pytest
from django.core.exceptions import RequestDataTooBig
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from quotes.models import Topic

LIMIT = 2000


class TopicCreateView(APIView):
    """A write endpoint standing in for any of the API's: it stores what it is sent."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        topic = Topic.objects.create(
            slug=request.data["slug"], name=request.data["name"], description=request.data["text"]
        )
        return Response({"id": topic.pk}, status=201)


class ParsingTooBigView(APIView):
    """Stands for Django raising RequestDataTooBig while a view parses a form."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        raise RequestDataTooBig("Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.")


urlpatterns = [
    path("api/topics-test/", TopicCreateView.as_view()),
    path("api/parse-test/", ParsingTooBigView.as_view()),
    path("web/topics-test/", TopicCreateView.as_view()),
]
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT


def topic(text_size: int) -> dict:
    return {"slug": "big", "name": "Big", "text": "x" * text_size}


def test_api_body_within_the_limit_is_accepted(db, api_client):
    response = api_client.post("/api/topics-test/", topic(LIMIT // 2), format="json")
    assert response.status_code == 201


def test_api_json_body_over_the_limit_gets_413_json_and_writes_nothing(db, api_client):
    response = api_client.post("/api/topics-test/", topic(LIMIT * 5), format="json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" in response.json()["detail"]
    assert f"{LIMIT:,} bytes" in response.json()["detail"]
    assert Topic.objects.count() == 0


def test_api_multipart_body_over_the_limit_gets_413(db, api_client):
    response = api_client.post("/api/topics-test/", topic(LIMIT * 5), format="multipart")
    assert response.status_code == 413
    assert Topic.objects.count() == 0


def test_request_data_too_big_raised_while_parsing_becomes_413_not_500(db, api_client):
    response = api_client.post("/api/parse-test/", {"a": 1}, format="json")
    assert response.status_code == 413
    assert "detail" in response.json()


def test_body_over_the_limit_outside_the_api_gets_a_plain_413(db, client):
    response = client.post("/web/topics-test/", topic(LIMIT * 5))
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")
    assert Topic.objects.count() == 0
