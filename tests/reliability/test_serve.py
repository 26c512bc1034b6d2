"""`make serve` starts gunicorn with production settings and serves pages and hashed static files
over real HTTP; without its required variables it refuses to start and says which is missing."""

import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.reliability.conftest import BASE_DIR, clean_env

# -o keeps make from reinstalling the requirements in the middle of a test run.
MAKE_SERVE = ["make", "--no-print-directory", "-o", ".venv/.installed", "serve"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for(url: str, server: subprocess.Popen, seconds: int = 180):
    """The first answer from ``url``; migrate and collectstatic run before gunicorn listens."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make serve exited with {server.returncode} before serving")
        try:
            return get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    pytest.fail(f"make serve did not answer on {url} within {seconds}s")


@pytest.mark.slow
def test_make_serve_runs_gunicorn_serving_admin_login_and_hashed_static_files(tmp_path):
    port = free_port()
    env = clean_env(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        WEB_CONCURRENCY="2",
        PORT=str(port),
    )
    log = (tmp_path / "serve.log").open("w")
    # A session of its own, so stopping it stops make, gunicorn and its workers together.
    server = subprocess.Popen(
        MAKE_SERVE,
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        status, headers, body = wait_for(f"http://127.0.0.1:{port}/admin/login/", server)
        assert status == 200, body[:500]
        assert "gunicorn" in headers.get("Server", "")
        stylesheet = re.search(rb'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', body)
        assert stylesheet, "admin login page links no hashed base.css"
        status, headers, css = get(f"http://127.0.0.1:{port}{stylesheet.group(1).decode()}")
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert "immutable" in headers.get("Cache-Control", "")
        assert b"body" in css
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "--worker-class gthread" in output
    assert "--workers 2 --threads 4" in output


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_make_serve_refuses_to_start_without_a_required_variable_and_names_it(missing):
    variables = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1"}
    del variables[missing]
    result = subprocess.run(
        MAKE_SERVE,
        cwd=BASE_DIR,
        env=clean_env(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert f"make serve: set {missing}" in result.stderr
