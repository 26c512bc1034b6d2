"""The API's documentation pages load nothing from outside the app (the browser test in
tests/browser/test_front_door.py listens to the requests themselves)."""

import re

import pytest

pytestmark = pytest.mark.django_db

EXTERNAL = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")


@pytest.mark.parametrize("path", ["/api/redoc/", "/api/docs/"])
def test_docs_pages_link_no_other_site(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert not EXTERNAL.search(response.content.decode())


def test_redoc_page_loads_the_apps_own_bundle_without_the_remote_logo(client):
    html = client.get("/api/redoc/").content.decode()
    bundle = client.get("/api/redoc/redoc.standalone.js")

    assert '<script src="/api/redoc/redoc.standalone.js"></script>' in html
    assert bundle.status_code == 200 and bundle["Content-Type"].startswith("text/javascript")
    text = b"".join(bundle) if bundle.streaming else bundle.content
    assert b"Redoc" in text and b"cdn.redoc.ly" not in text
