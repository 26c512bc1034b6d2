"""`import_article` reads no further than IMPORT_MAX_BYTES + 1 bytes of its input, a file or
standard input, and refuses the rest with the limit's message: an endless stream (/dev/zero)
costs bounded memory and time."""

import io
import resource
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from quotes.importing import ImportRefused, read_limited
from quotes.models import Source
from tests.reliability.conftest import BASE_DIR, clean_env

pytestmark = pytest.mark.django_db

OPTIONS = {"outlet": "The Courier", "title": "Endless", "published": "2023-03-09"}
REFUSAL = "The file is more than 1,000 bytes; the limit is 1,000 bytes (IMPORT_MAX_BYTES)."


class EndlessStream(io.RawIOBase):
    """A binary stream that never ends; it counts what it handed out and refuses to be read
    without a size (which would never return)."""

    def __init__(self):
        self.given = 0

    def readable(self):
        return True

    def read(self, size=-1):
        if size is None or size < 0:
            raise AssertionError("an endless stream was read without a bound")
        self.given += size
        return b"x" * size


@pytest.fixture
def small_limit(settings):
    settings.IMPORT_MAX_BYTES = 1000


def test_reading_an_endless_stream_stops_one_byte_past_the_limit(small_limit):
    stream = EndlessStream()

    with pytest.raises(ImportRefused, match="more than 1,000 bytes"):
        read_limited(stream)

    assert stream.given == 1001


def test_a_stream_at_the_limit_is_read_whole(small_limit):
    assert read_limited(io.BytesIO(b"a" * 1000)) == b"a" * 1000


def test_endless_standard_input_is_refused_after_the_limit_plus_one_byte(small_limit, monkeypatch):
    stream = EndlessStream()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))

    with pytest.raises(CommandError, match=r"more than 1,000 bytes; the limit is 1,000 bytes"):
        call_command("import_article", "-", stdout=io.StringIO(), **OPTIONS)

    assert stream.given == 1001
    assert not Source.objects.exists()


def _limit_memory():
    """768 MiB of address space: plenty for the command, far from what reading /dev/zero
    unbounded would take (it grew to 24 GB before it was killed)."""
    resource.setrlimit(resource.RLIMIT_AS, (768 * 1024 * 1024, 768 * 1024 * 1024))


@pytest.mark.parametrize("source", ["path", "stdin"])
def test_import_article_refuses_dev_zero_in_bounded_memory(tmp_path, source):
    arguments = ["/dev/zero" if source == "path" else "-"]
    arguments += [f"--{name}={value}" for name, value in OPTIONS.items()]
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(
            [sys.executable, "manage.py", "import_article", *arguments],
            cwd=BASE_DIR,
            env=clean_env(
                DEBUG="1",
                IMPORT_MAX_BYTES="1000",
                DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
            ),
            stdin=zeros if source == "stdin" else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=_limit_memory,
        )

    assert result.returncode == 1
    assert REFUSAL in result.stderr
