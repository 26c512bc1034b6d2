"""Small helpers shared by the API tests."""

import csv
import io

from rest_framework.test import APIClient


def client_for(user) -> APIClient:
    """A client signed in as ``user`` without a session or token query per request."""
    client = APIClient()
    client.force_authenticate(user)
    return client


def forget_permissions(user) -> None:
    """Drop the permissions Django cached on ``user``, as a new request would load them anew
    (``force_authenticate`` hands every request the same user object)."""
    for name in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(name, None)


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
