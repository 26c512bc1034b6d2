"""The bench harness at a tiny size, so it cannot rot: stancedb and the raw floor always, and
Datasette too when requirements-bench.txt is installed."""

import importlib.util

import pytest

from bench import run

HAS_DATASETTE = importlib.util.find_spec("datasette") is not None


@pytest.mark.slow
def test_bench_runs_end_to_end_on_a_small_corpus(tmp_path):
    argv = [
        "--quotes", "600", "--seed", "1", "--database", "sqlite", "--iterations", "2",
        "--concurrent-seconds", "0.5", "--load-seconds", "1", "--load-clients", "5",
        "--corpus-dir", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"),
    ]  # fmt: skip
    if not HAS_DATASETTE:
        argv.append("--no-datasette")
    report = run.main(argv)
    assert report["missing"] == {}, "a bench question got no 200 from stancedb"
    assert set(report["questions"]) == {"q1", "q2", "q3", "q4", "q5", "q6", "q7"}
    saves = report["writes"]["stance_save"]
    assert saves["with_rollup"]["n"] > 0 and saves["ratio"] > 0
    assert report["writes"]["link_proposal"]["articles"] > 0
    for question in report["questions"].values():
        systems = question["systems"]
        assert systems["stancedb"]["p50_ms"] > 0 and systems["raw"]["p50_ms"] > 0
        assert systems["stancedb"]["errors_8"] == 0
        assert ("datasette-sql" in systems) == HAS_DATASETTE
    assert report["load"]["errors"] == {} and report["load"]["requests"] > 0
    assert report["csv"].get("bytes", 0) > 0, report["csv"]
    pages = report["pages"]
    assert {"home", "speaker page", "organisation page", "compare", "topic page"} <= set(pages)
    assert all("error" not in page and page["p50_ms"] > 0 for page in pages.values()), pages
    assert "p50 ms" in run.table(report)
