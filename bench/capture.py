"""Ask stancedb the bench questions in-process and print the SQL each one ran (JSON on stdout).

Run as ``python -m bench.capture URL…`` with the corpus's DATABASE_URL. The harness gives the
captured statements to Datasette's SQL API and to the raw floor, so all three run the same SQL.
``--profile DIR`` also writes a pyinstrument (or cProfile) profile of one request per question.
"""

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stancedb.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT="application/json")
    answers = {}
    for url in args.urls:
        client.get(url)  # warm caches (content types, speaker lookups) like a running server
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        answers[url] = {
            "status": response.status_code,
            "bytes": len(body),
            "queries": [query["sql"] for query in captured.captured_queries],
        }
        if args.profile and response.status_code == 200:
            answers[url]["profile"] = str(profile(client, url, args.profile))
    json.dump(answers, sys.stdout)


def profile(client, url, directory: Path) -> Path:
    """Profile one request; returns the text report's path."""
    directory.mkdir(parents=True, exist_ok=True)
    # The URL's start, and a digest of all of it: q3's and q7's URLs start alike.
    digest = hashlib.sha1(url.encode()).hexdigest()[:8]
    name = "".join(c if c.isalnum() else "_" for c in url)[:60] + f"-{digest}"
    path = directory / f"profile-{name}.txt"
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(client.get, url)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        path.write_text(out.getvalue())
        return path
    profiler = Profiler(interval=0.0005)
    with profiler:
        client.get(url)
    path.write_text(profiler.output_text(unicode=False, color=False, show_all=False))
    return path


if __name__ == "__main__":
    main()
