import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from quotes.management.commands import ensure_local_admin


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    path = tmp_path / "admin-password.txt"
    monkeypatch.setattr(ensure_local_admin, "PASSWORD_FILE", path)
    return path


@pytest.mark.django_db
def test_login_hint_names_the_port_make_run_serves_on(password_file):
    out = StringIO()
    call_command("ensure_local_admin", host="127.0.0.1", port=8011, stdout=out)
    assert "http://127.0.0.1:8011/admin/" in out.getvalue()
    assert "8000" not in out.getvalue()


def test_make_run_passes_its_host_and_port_to_the_login_hint():
    """`make -n` prints the recipe without running it."""
    recipe = subprocess.run(
        ["make", "-n", "run", "PORT=8011", "HOST=0.0.0.0"],
        cwd=Path(settings.BASE_DIR),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ensure_local_admin --host 0.0.0.0 --port 8011" in recipe
