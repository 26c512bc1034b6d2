"""Small helpers shared by the API tests."""

import csv
import io

from rest_framework.test import APIClient


def client_for(user) -> APIClient:
    """A client signed in as ``user`` without a session or token query per request."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response) -> list[int]:
    return [row["id"] for row in results(response)]


def csv_rows(response) -> list[dict]:
    """Consume a streamed CSV answer and parse it back with the csv module."""
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))
