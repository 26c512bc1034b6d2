"""Helpers for the reliability tests: commands in a clean environment and scratch databases."""

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
_scratch_numbers = itertools.count()


def clean_env(**variables: str) -> dict[str, str]:
    """An environment holding only PATH, HOME and ``variables``: nothing leaks from the shell."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    env.update(variables)
    return env


def manage(*args: str, timeout: int = 240, **variables: str) -> subprocess.CompletedProcess:
    """Run ``manage.py`` in a subprocess with a clean environment (DEBUG=1 unless given)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean_env(**({"DEBUG": "1"} | variables)),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage_ok(*args: str, **variables: str) -> str:
    result = manage(*args, **variables)
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory) -> Path:
    """An empty SQLite database migrated by manage.py once a run (each migrate is seconds)."""
    path = tmp_path_factory.mktemp("migrated") / "empty.sqlite3"
    manage_ok("migrate", "--noinput", "-v0", DATABASE_URL=f"sqlite:///{path}")
    return path


@pytest.fixture
def fresh_sqlite_url(migrated_sqlite_file, tmp_path):
    """A migrated, empty SQLite database in a temporary file (a copy of the migrated one), as a
    DATABASE_URL."""
    path = tmp_path / "fresh.sqlite3"
    shutil.copyfile(migrated_sqlite_file, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def seed_bundle(migrated_sqlite_file, tmp_path_factory) -> Path:
    """The seed exported by manage.py from a seeded SQLite database, once a run; the test
    database stays empty for the import."""
    directory = tmp_path_factory.mktemp("seed-bundle")
    database = directory / "seed.sqlite3"
    shutil.copyfile(migrated_sqlite_file, database)
    url = f"sqlite:///{database}"
    manage_ok("load_seed", DATABASE_URL=url)
    manage_ok("export_dataset", str(directory / "bundle"), DATABASE_URL=url)
    return directory / "bundle"


@pytest.fixture
def bundle(seed_bundle, tmp_path) -> Path:
    """A copy of the seed bundle that a test may damage."""
    return Path(shutil.copytree(seed_bundle, tmp_path / "bundle"))


@pytest.fixture
def fresh_postgresql_url(db):
    """A migrated, empty scratch PostgreSQL database next to the test database; dropped after."""
    import psycopg

    params = settings.DATABASES["default"]
    from django.db import connection

    name = f"{connection.settings_dict['NAME']}_scratch_{os.getpid()}_{next(_scratch_numbers)}"
    server = {
        "host": params.get("HOST") or "127.0.0.1",
        "port": params.get("PORT") or 5432,
        "user": params.get("USER") or "postgres",
        "password": params.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(server["user"]) + (
        f":{quote(server['password'])}" if server["password"] else ""
    )
    url = f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    try:
        manage_ok("migrate", "--noinput", "-v0", DATABASE_URL=url)
        yield url
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def rich_database(seed, annotator, other_annotator, editor, reviewer):
    """The seed plus every kind of row the bundle holds: an adjudication, an edited quote with a
    history user, a mean of 1/3 (a float that must survive exactly), a proposed quote without
    speaker or date, non-ASCII names, and an utterance with a link, a rejected link and an
    adjudication."""
    from quotes.models import Quote, Topic
    from quotes.services import adjudication_set, quote_save
    from quotes.utterance_services import (
        utterance_adjudication_set,
        utterance_link_confirm,
        utterance_link_propose,
        utterance_link_reject,
    )
    from tests.factories import QuoteFactory, SpeakerFactory, StanceAnnotationFactory

    topic = Topic.objects.order_by("pk").first()
    third = QuoteFactory(speaker=SpeakerFactory(name="Сергей Тестов", slug="sergei-testov"))
    for user, value in [(annotator, 1), (other_annotator, 0), (editor, 0)]:
        StanceAnnotationFactory(quote=third, topic=topic, annotator=user, value=value)
    QuoteFactory(speaker=None, affiliation=None, status=Quote.Status.PROPOSED, said_on=None)
    first = Quote.objects.order_by("pk").first()
    adjudication_set(quote=first, topic=topic, reviewer=reviewer, value=2, rationale="Clear.")
    first.extraction_note = "Checked against the print edition — «верно»."
    first._history_user = editor
    quote_save(quote=first, expected_version=first.version)
    # one statement, two reports (an utterance and its confirmed link), and a rejected link
    speaker = SpeakerFactory(name="Marie Dupont", slug="marie-dupont")
    reports = [QuoteFactory(speaker=speaker) for _ in range(3)]
    link = utterance_link_propose(quote=reports[0], other=reports[1], similarity=0.875)
    utterance_link_confirm(link=link, user=editor)
    link = utterance_link_propose(quote=reports[1], other=reports[2], similarity=0.5)
    utterance_link_reject(link=link, user=editor)
    # and a reviewer's stance for that utterance
    StanceAnnotationFactory(quote=reports[0], topic=topic, annotator=annotator, value=2)
    reports[0].refresh_from_db()
    utterance_adjudication_set(
        utterance=reports[0].utterance, topic=topic, reviewer=reviewer, value=1, note="Both «да»."
    )
    return {"topic": topic, "third": third}
