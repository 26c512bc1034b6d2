"""The plans of the bench questions' SQL on the PostgreSQL corpus: EXPLAIN (ANALYZE, BUFFERS).

    python -m bench.explain --quotes N [--seed S] [--questions q1,q3,q5,q6] [--out FILE]

Each question is asked in-process (``bench.capture``, as the harness does) and every SELECT it
ran is explained on the corpus's database, then the plain GROUP BY over the stored stances the
timelines are held against. The file ends with the indexes each question's plans read and any
sequential scan, so a missing index shows at a glance.
"""

import argparse
import re
from pathlib import Path

from bench import corpus, run

SCAN = re.compile(r"(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?"
                  r"(?: using (\S+))? on (\S+)")  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--questions", default="q1,q3,q5,q6")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    import psycopg

    bench_corpus = corpus.ensure(args.quotes, args.seed, "postgresql")
    params = corpus.parameters(bench_corpus)
    asked = args.questions.split(",")
    urls = {key: url for key, url in corpus.question_urls(params).items() if key in asked}
    answers = run.capture(bench_corpus, urls, None)
    plain = corpus.stance_sql(params, "postgresql", True)
    lines, summary = [], []
    with psycopg.connect(bench_corpus.url, autocommit=True) as db:
        for key, url in urls.items():
            lines += [f"## {key}: {run.QUESTIONS[key]}", url, ""]
            statements = [("stancedb", sql) for sql in run.selects(answers[key]["queries"])]
            if key in run.PLAIN:
                statements.append(("plain GROUP BY over the stored stances", plain[key]))
            for who, sql in statements:
                db.execute(sql).fetchall()  # warm, as the timed runs are
                plan = [row[0] for row in db.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")]
                lines += [f"-- {who}", sql, "", *plan, ""]
                scans = sorted(
                    {f"{kind} {index or ''} on {table}".replace("  ", " ") for line in plan
                     for kind, index, table in SCAN.findall(line)}
                )  # fmt: skip
                time = next((line for line in plan if line.startswith("Execution Time")), "")
                summary.append(f"{key} {who}: {time}; " + "; ".join(scans))
    text = "\n".join([*lines, "## Summary: what each statement reads", *summary, ""])
    out = args.out or run.OUT / f"explain-postgresql-{args.quotes}-{args.seed}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print("\n".join(summary))
    print(f"plans: {out}")


if __name__ == "__main__":
    main()
