"""Start gunicorn (stancedb) and Datasette on loopback ports, and read their memory."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from bench.corpus import ROOT, Corpus, sqlite_read_pragmas

GUNICORN_WORKERS = 2  # one per core
GUNICORN_THREADS = 4
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, timeout=120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.args}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not start in {timeout:.0f} s")


def stancedb_env(corpus: Corpus) -> dict:
    """Production settings (DEBUG off), throttling lifted, persistent database connections."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("API_THROTTLE_")}
    env.update(
        DATABASE_URL=corpus.url,
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key-not-for-production-use-0123456789",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        CONN_MAX_AGE="600",
        DJANGO_SETTINGS_MODULE="stancedb.settings",
    )
    return env


@contextmanager
def _serve(args, env, port, log: Path):
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_for(port, process)
            yield process
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


@contextmanager
def gunicorn(corpus: Corpus, log_dir: Path, workers=GUNICORN_WORKERS, threads=GUNICORN_THREADS):
    """stancedb under gunicorn, gthread workers (streaming responses keep a thread, not a
    process); yields ``(base_url, process)``."""
    port = free_port()
    args = [
        str(BIN / "gunicorn"),
        "stancedb.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "300",
        "--access-logfile",
        "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
    ]
    env = stancedb_env(corpus)
    # Production settings serve the pages' static files from a collected, hashed copy.
    env["STATIC_ROOT"] = str(log_dir / "static")
    if not (log_dir / "static" / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    with _serve(args, env, port, log_dir / "gunicorn.log") as process:
        yield f"http://127.0.0.1:{port}", process


def datasette_available() -> bool:
    return shutil.which("datasette", path=str(BIN)) is not None


@contextmanager
def datasette(corpus: Corpus, log_dir: Path):
    """Datasette on the same file, immutable (no locking, counts cached); yields its base URL.
    The limits are raised so that it returns every row stancedb's statements return."""
    port = free_port()
    args = [
        str(BIN / "datasette"),
        "serve",
        "--immutable",
        str(corpus.path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "120000",
        "--setting",
        "max_returned_rows",
        "1000000",
        "--setting",
        "num_sql_threads",
        "4",
        "--setting",
        "suggest_facets",
        "off",
        "--plugins-dir",
        str(ROOT / "bench" / "datasette_plugins"),
    ]
    env = dict(os.environ, STANCEDB_SQLITE_PRAGMAS=";".join(sqlite_read_pragmas()))
    with _serve(args, env, port, log_dir / "datasette.log"):
        yield f"http://127.0.0.1:{port}"


def children(pid: int) -> list[int]:
    """The worker processes of a gunicorn master."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
