"""``make bench``: stancedb against Datasette and the raw SQL floor on one generated corpus.

    python -m bench.run [--quotes N] [--seed S] [--database sqlite|postgresql] …

Environment defaults: BENCH_QUOTES (1,000,000), BENCH_SEED (1), BENCH_DATABASE (sqlite).
Prints a table and writes the raw figures to bench/out/bench-<database>-<N>-<seed>.json.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import httpx

from bench import clients, corpus, servers

OUT = corpus.ROOT / "bench" / "out"
QUESTIONS = {
    "q1": "speaker's quotes, newest first, 50",
    "q2": "q1 + date range + stance range on topic",
    "q3": "speaker's stance per month on topic, by report",
    "q4": "full-text search, 50",
    "q5": "compare of the topic's 10 heaviest speakers per month, by report",
    "q6": "an organisation of 200+ members (a parent and its children) per month, by report",
    "q7": "q3 counted by utterance (each statement once)",
}
# The plain GROUP BY over the stored stances each timeline question is held against (issue 17)
PLAIN = ("q3", "q5", "q6")


def arguments(argv=None):
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=int(env("BENCH_QUOTES", "1000000")))
    parser.add_argument("--seed", type=int, default=int(env("BENCH_SEED", "1")))
    parser.add_argument("--database", default=env("BENCH_DATABASE", "sqlite"))
    parser.add_argument("--iterations", type=int, default=int(env("BENCH_ITERATIONS", "30")))
    parser.add_argument("--concurrent-seconds", type=float, default=5.0)
    parser.add_argument("--load-seconds", type=float, default=30.0)
    parser.add_argument("--load-clients", type=int, default=50)
    parser.add_argument("--corpus-dir", type=Path, default=corpus.CORPUS_DIR)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-datasette", action="store_true", help="stancedb and raw only")
    parser.add_argument("--skip-csv", action="store_true")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--profile", action="store_true", help="profile one request each")
    parser.add_argument(
        "--questions", help="comma-separated question keys (q1,q3,…) to measure; default all"
    )
    parser.add_argument("--skip-pages", action="store_true", help="no human pages")
    parser.add_argument("--skip-writes", action="store_true", help="no stance saves or links")
    return parser.parse_args(argv)


def capture(bench_corpus, urls: dict, profile_dir: Path | None) -> dict:
    """The status and SQL of each question, asked in-process (bench.capture)."""
    command = [sys.executable, "-m", "bench.capture", *urls.values()]
    if profile_dir:
        command += ["--profile", str(profile_dir)]
    output = subprocess.run(
        command,
        cwd=corpus.ROOT,
        env=corpus.django_env(bench_corpus.url),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    answers = json.loads(output)
    return {key: answers[url] for key, url in urls.items()}


def writes(bench_corpus, params: dict) -> dict:
    """Stance saves with and without the rollup, and link proposals (bench.writes)."""
    command = [sys.executable, "-m", "bench.writes", str(params["speaker_id"])]
    output = subprocess.run(
        [*command, str(params["topic_id"])],
        cwd=corpus.ROOT,
        env=corpus.django_env(bench_corpus.url),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def selects(statements: list[str]) -> list[str]:
    return [sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def measure_question(key, url, answer, ctx) -> dict:
    """Latency (one client, systems in turn) and throughput (8 clients) of one question."""
    http = ctx["http"]
    statements = selects(answer["queries"])
    askers = {"stancedb": clients.http_asker(http, ctx["stancedb"], [url])}
    ds_paths = None
    if ctx.get("datasette"):
        ds_paths = clients.datasette_sql_paths(ctx["corpus"].name, statements)
        askers["datasette-sql"] = clients.http_asker(http, ctx["datasette"], ds_paths)
        if key == "q1":
            table = corpus.table_api_path(ctx["params"], ctx["corpus"])
            askers["datasette-table"] = clients.http_asker(http, ctx["datasette"], [table])
    askers["raw"] = clients.raw_asker(ctx["raw"], statements)
    if key in ("q2", "q3"):
        for stored in (True, False):
            sql = corpus.stance_sql(ctx["params"], ctx["corpus"].database, stored)[key]
            name = "stored" if stored else "annotations"
            if ctx.get("datasette"):
                path = clients.datasette_sql_paths(ctx["corpus"].name, [sql])
                askers[f"{name} (datasette)"] = clients.http_asker(http, ctx["datasette"], path)
            else:
                askers[f"{name} (raw)"] = clients.raw_asker(ctx["raw"], [sql])
    if key in ("q5", "q6"):
        sql = corpus.stance_sql(ctx["params"], ctx["corpus"].database, True)[key]
        if ctx.get("datasette"):
            path = clients.datasette_sql_paths(ctx["corpus"].name, [sql])
            askers["stored (datasette)"] = clients.http_asker(http, ctx["datasette"], path)
        else:
            askers["stored (raw)"] = clients.raw_asker(ctx["raw"], [sql])
    result = clients.alternate(askers, ctx["iterations"])
    eight = {
        "stancedb": clients.concurrent(
            lambda c: clients.http_asker(c, ctx["stancedb"], [url]), 8, ctx["seconds"]
        )
    }
    if ds_paths:
        eight["datasette-sql"] = clients.concurrent(
            lambda c: clients.http_asker(c, ctx["datasette"], ds_paths), 8, ctx["seconds"]
        )
    for name, figures in eight.items():
        result[name].update(rps_8=figures["rps"], errors_8=figures["errors"])
    return {
        "url": url,
        "queries": len(answer["queries"]),
        "bytes": answer["bytes"],
        "systems": result,
        "profile": answer.get("profile"),
    }


def page_urls(params: dict, http, base: str) -> dict:
    """The human pages (issue 18) for the heaviest speaker: its organisation is the one of its
    first role, read from the API."""
    speaker, topic = params["speaker"], params["topic"]
    pages = {
        "home": "/",
        "speaker index": "/speakers/",
        "speaker page": f"/speakers/{speaker}/",
        "compare": f"/compare/?speakers={speaker}&topic={topic}&bucket=month",
        "topic page": f"/topics/{topic}/",
        "quote list": f"/quotes/?speaker={speaker}",
    }
    detail = http.get(f"{base}/api/speakers/{speaker}/", headers=clients.HEADERS).json()
    roles = detail.get("affiliations") or []
    if roles:
        pages["organisation page"] = f"/organizations/{roles[0]['organization']['slug']}/"
    return pages


def measure_pages(params: dict, ctx) -> dict:
    """Each page's latency (one client; a benchmark figure, not a timed test)."""
    http, base = ctx["http"], ctx["stancedb"]
    figures = {}
    for name, path in page_urls(params, http, base).items():
        try:
            ask = {name: clients.http_asker(http, base, [path])}
            figures[name] = {"url": path, **clients.alternate(ask, ctx["page_iterations"], 1)[name]}
        except clients.Failed as error:
            figures[name] = {"url": path, "error": str(error)}
    return figures


def csv_memory(bench_corpus, log_dir: Path) -> dict:
    """Stream the full CSV export from a one-worker gunicorn and read the worker's peak RSS."""
    with servers.gunicorn(bench_corpus, log_dir / "csv", workers=1) as (base, process):
        httpx.get(base + "/api/quotes/?page_size=1", headers=clients.HEADERS, timeout=60)
        workers = servers.children(process.pid)
        before = max(servers.peak_rss_mb(pid) for pid in workers)
        started = time.perf_counter()
        try:
            size = clients.stream_bytes(base, "/api/quotes/?format=csv")
        except clients.Failed as error:
            return {"error": str(error)}
        seconds = time.perf_counter() - started
        peak = max(servers.peak_rss_mb(pid) for pid in workers)
    return {"bytes": size, "seconds": seconds, "rss_before_mb": before, "peak_rss_mb": peak}


def load_paths(params: dict, urls: dict, answers: dict) -> list[str]:
    """A mix of the API's lookups: the four questions, later pages, other buckets and words."""
    mix = [url for key, url in urls.items() if answers[key]["status"] == 200]
    if "q1" in answers and answers["q1"]["status"] == 200:
        mix += [urls["q1"] + "&page=3", "/api/quotes/?page_size=20", "/api/quotes/?q=security"]
    if "q3" in answers and answers["q3"]["status"] == 200:
        mix.append(urls["q3"].replace("bucket=month", "bucket=year"))
    return mix


def run(args) -> dict:
    started = time.perf_counter()
    use_datasette = (
        args.database == "sqlite" and not args.no_datasette and servers.datasette_available()
    )
    bench_corpus = corpus.ensure(args.quotes, args.seed, args.database, args.corpus_dir)
    params = corpus.parameters(bench_corpus)
    urls = corpus.question_urls(params)
    if args.questions:
        asked = args.questions.split(",")
        unknown = sorted(set(asked) - set(urls))
        if unknown:
            raise SystemExit(f"--questions: unknown {', '.join(unknown)}; known: {', '.join(urls)}")
        urls = {key: url for key, url in urls.items() if key in asked}
    args.out.mkdir(parents=True, exist_ok=True)
    answers = capture(bench_corpus, urls, args.out / "profiles" if args.profile else None)
    written = None if args.skip_writes else writes(bench_corpus, params)
    report = {
        "command": " ".join(sys.argv),
        "quotes": args.quotes,
        "seed": args.seed,
        "database": args.database,
        "build_seconds": bench_corpus.build_seconds,
        "machine": f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}",  # noqa: E501
        "server": f"gunicorn gthread, {servers.GUNICORN_WORKERS} workers × "
        f"{servers.GUNICORN_THREADS} threads",
        "datasette": use_datasette,
        "parameters": params,
        "questions": {},
        "missing": {k: answers[k]["status"] for k in urls if answers[k]["status"] != 200},
    }
    if written is not None:
        report["writes"] = written
    with ExitStack() as stack:
        base, _ = stack.enter_context(servers.gunicorn(bench_corpus, args.out))
        ctx = {
            "corpus": bench_corpus,
            "params": params,
            "stancedb": base,
            "iterations": args.iterations,
            "page_iterations": max(3, min(args.iterations, 10)),
            "seconds": args.concurrent_seconds,
            "http": stack.enter_context(httpx.Client(timeout=300)),
            "raw": corpus.connect_raw(bench_corpus),
        }
        stack.callback(ctx["raw"].close)
        if use_datasette:
            ctx["datasette"] = stack.enter_context(servers.datasette(bench_corpus, args.out))
        for key, url in urls.items():
            if answers[key]["status"] == 200:
                report["questions"][key] = measure_question(key, url, answers[key], ctx)
        if not args.skip_pages:
            report["pages"] = measure_pages(params, ctx)
        if not args.skip_load:
            paths = load_paths(params, urls, answers)
            report["load"] = clients.load_test(base, paths, args.load_clients, args.load_seconds)
    if not args.skip_csv:
        report["csv"] = csv_memory(bench_corpus, args.out)
    report["seconds"] = time.perf_counter() - started
    path = args.out / f"bench-{args.database}-{args.quotes}-{args.seed}.json"
    path.write_text(json.dumps(report, indent=2, default=str))
    report["json"] = str(path)
    return report


def table(report: dict) -> str:
    lines = [
        f"stancedb bench: {report['quotes']:,} quotes, seed {report['seed']}, "
        f"{report['database']}; {report['server']}; {report['machine']}",
        f"speaker {report['parameters']['speaker']} ({report['parameters']['speaker_quotes']:,} "
        f"confirmed quotes), topic {report['parameters']['topic']}, word "
        f"{report['parameters']['word']!r}",
        f"{'question':<9}{'system':<26}{'p50 ms':>9}{'p95 ms':>9}{'rps 1':>8}{'rps 8':>8}"
        f"{'÷ ds-sql':>10}{'÷ raw':>8}",
    ]
    for key, question in report["questions"].items():
        systems = question["systems"]
        ds = systems.get("datasette-sql", {}).get("p50_ms")
        raw = systems["raw"]["p50_ms"]
        lines.append(f"{key}: {QUESTIONS[key]} ({question['queries']} queries)")
        for name, s in systems.items():
            rps8 = f"{s['rps_8']:8.1f}" if "rps_8" in s else " " * 8
            vs_ds = f"{s['p50_ms'] / ds:10.2f}" if ds else " " * 10
            lines.append(
                f"{'':<9}{name:<26}{s['p50_ms']:9.1f}{s['p95_ms']:9.1f}{s['rps_1']:8.1f}{rps8}"
                f"{vs_ds}{s['p50_ms'] / raw:8.2f}"
            )
        if "annotations (datasette)" in systems or "annotations (raw)" in systems:
            slow = systems.get("annotations (datasette)", systems.get("annotations (raw)"))
            gain = slow["p50_ms"] / systems["stancedb"]["p50_ms"]
            lines.append(f"{'':<9}stored stance pays: annotations ÷ stancedb = {gain:.1f}x")
        plain = systems.get("stored (datasette)", systems.get("stored (raw)"))
        if key in PLAIN and plain:  # issue 17's goal: at most 0.3x
            ratio = systems["stancedb"]["p50_ms"] / plain["p50_ms"]
            lines.append(f"{'':<9}stancedb ÷ plain GROUP BY over the stored stances = {ratio:.2f}x")
        if key == "q7" and "q3" in report["questions"]:  # issue 16's goal: at most 1.5x
            by_report = report["questions"]["q3"]["systems"]["stancedb"]["p50_ms"]
            ratio = systems["stancedb"]["p50_ms"] / by_report
            lines.append(f"{'':<9}by utterance ÷ by report (q3) = {ratio:.2f}x")
    for key, status in report["missing"].items():
        lines.append(f"{key}: not measured, stancedb answered {status} ({QUESTIONS[key]})")
    if "writes" in report:
        saves, links = report["writes"]["stance_save"], report["writes"]["link_proposal"]
        lines.append(
            f"stance save p50 (in process, {saves['with_rollup']['n']} saves rolled back): "
            f"{saves['with_rollup']['p50_ms']:.1f} ms with the rollup, "
            f"{saves['without_rollup']['p50_ms']:.1f} ms without: {saves['ratio']:.2f}x"
        )
        lines.append(
            f"link proposal for an article's quotes ({links['articles']} articles, "
            f"{report['writes']['quotes_in_database']:,} quotes in the database): "
            f"p50 {links['p50_ms']:.1f} ms, p95 {links['p95_ms']:.1f} ms, "
            f"max {links['max_ms']:.1f} ms"
        )
    for name, page in report.get("pages", {}).items():
        if "error" in page:
            lines.append(f"page {name}: {page['error'][:100]}")
        else:
            lines.append(
                f"page {name:<18} p50 {page['p50_ms']:8.1f} ms  p95 {page['p95_ms']:8.1f} ms  "
                f"{page['url']}"
            )
    if "load" in report:
        load = report["load"]
        lines.append(
            f"load: {load['clients']} clients, {load['seconds']:.0f} s: {load['requests']} "
            f"requests, {load['rps']:.1f} rps, p50 {load.get('p50_ms', 0):.0f} ms, p95 "
            f"{load.get('p95_ms', 0):.0f} ms, errors {load['errors'] or 0}, "
            f"statuses {load['statuses']}"
        )
    if "csv" in report:
        csv = report["csv"]
        if "error" in csv:
            lines.append(f"csv: {csv['error']}")
        else:
            lines.append(
                f"csv: {csv['bytes'] / 1e6:.0f} MB in {csv['seconds']:.0f} s, worker peak RSS "
                f"{csv['peak_rss_mb']:.0f} MB (before {csv['rss_before_mb']:.0f} MB)"
            )
    lines.append(f"total {report['seconds']:.0f} s; raw figures: {report.get('json')}")
    return "\n".join(lines)


def main(argv=None):
    report = run(arguments(argv))
    print(table(report))
    return report


if __name__ == "__main__":
    main()
