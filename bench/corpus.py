"""Build (or reuse) the bench corpus and pick the questions' parameters from it.

SQLite: ``bench/corpus/corpus-<N>-<seed>.sqlite3``, built under a temporary name and renamed
when complete, so an interrupted build is never reused. PostgreSQL: database
``stancedb_bench_<N>_<seed>`` on ``BENCH_PG_URL`` (default the local server), reused when it
holds N quotes.
"""

import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from stancedb.sqlite import DEFAULT_MMAP_SIZE, read_pragmas

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "bench" / "corpus"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
SEARCH_WORD = "ceasefire"
DATE_RANGE = ("2012-01-01", "2019-12-31")
STANCE_RANGE = (-1, 1)


@dataclass
class Corpus:
    quotes: int
    seed: int
    database: str  # "sqlite" or "postgresql"
    url: str  # DATABASE_URL
    path: Path | None = None  # the SQLite file
    build_seconds: float | None = None

    @property
    def name(self) -> str:
        return self.path.stem if self.path else self.url.rsplit("/", 1)[-1]


def speakers_for(quotes: int) -> int:
    """About 2,000 speakers per million quotes: the heaviest then has ~120,000 quotes."""
    return max(10, quotes // 500)


def django_env(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("API_THROTTLE_")}
    env.update(DATABASE_URL=database_url, DEBUG="1", DJANGO_SETTINGS_MODULE="stancedb.settings")
    env["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    return env


def manage(database_url: str, *args: str, quiet=False) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=django_env(database_url),
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def ensure(quotes: int, seed: int, database: str, directory: Path = CORPUS_DIR) -> Corpus:
    if database == "sqlite":
        return _ensure_sqlite(quotes, seed, directory)
    if database == "postgresql":
        return _ensure_postgresql(quotes, seed)
    raise SystemExit(f"BENCH_DATABASE must be sqlite or postgresql, not {database!r}")


def _populate(url: str, quotes: int, seed: int, progress: bool) -> None:
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "createcachetable")
    flags = [] if progress else ["--no-progress"]
    speakers = str(speakers_for(quotes))
    args = ["--quotes", str(quotes), "--speakers", speakers, "--seed", str(seed), *flags]
    manage(url, "generate_corpus", *args, quiet=not progress)


def _ensure_sqlite(quotes: int, seed: int, directory: Path) -> Corpus:
    path = directory / f"corpus-{quotes}-{seed}.sqlite3"
    corpus = Corpus(quotes, seed, "sqlite", f"sqlite:///{path}", path)
    if path.exists():
        return corpus
    directory.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for leftover in directory.glob(building.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    _populate(f"sqlite:///{building}", quotes, seed, progress=quotes >= 100_000)
    with sqlite3.connect(building) as db:  # generate_corpus has run ANALYZE
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    corpus.build_seconds = time.perf_counter() - started
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    building.rename(path)
    return corpus


def _ensure_postgresql(quotes: int, seed: int) -> Corpus:
    import psycopg

    name = f"stancedb_bench_{quotes}_{seed}"
    url = f"{PG_SERVER}/{name}"
    corpus = Corpus(quotes, seed, "postgresql", url)
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if exists:
        try:
            with psycopg.connect(url) as db:
                if db.execute("SELECT count(*) FROM quotes_quote").fetchone()[0] == quotes:
                    return corpus
        except psycopg.Error:
            pass
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    _populate(url, quotes, seed, progress=quotes >= 100_000)
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("VACUUM")  # the visibility map for index-only scans; ANALYZE has run
    corpus.build_seconds = time.perf_counter() - started
    return corpus


def sqlite_read_pragmas() -> list[str]:
    """stancedb's SQLite read settings (stancedb/sqlite.py), for Datasette and the raw floor."""
    return read_pragmas(int(os.environ.get("SQLITE_MMAP_SIZE", DEFAULT_MMAP_SIZE)))


def connect_raw(corpus: Corpus):
    """A DB-API connection for the raw floor (read-only on SQLite)."""
    if corpus.database == "sqlite":
        from django.db.backends.sqlite3._functions import register

        db = sqlite3.connect(f"file:{corpus.path}?mode=ro", uri=True, check_same_thread=False)
        register(db)  # django_date_trunc and friends, which the ORM's SQL calls
        for pragma in sqlite_read_pragmas():  # read as stancedb reads
            db.execute(pragma)
        return db
    import psycopg

    return psycopg.connect(corpus.url, autocommit=True)


MINISTRY_SLUG = "bench-ministry"
MINISTRY_MEMBERS = 200


def ensure_ministry(corpus: Corpus) -> None:
    """An organisation of at least ``MINISTRY_MEMBERS`` members over fifteen years: a parent
    ("bench-ministry") given to the first corpus organisations (in id order) until their roles'
    speakers number that many. The generated corpus has no hierarchy; the compare API pools an
    organisation's children, so this is the shape a ministry with departments has. Idempotent;
    it moves no quote and no rollup cell (cells hold the role's own organisation)."""
    if corpus.database == "sqlite":
        db = sqlite3.connect(corpus.path)
    else:
        import psycopg

        db = psycopg.connect(corpus.url)
    try:
        found = db.execute(
            "SELECT id FROM quotes_organization WHERE slug = %s".replace(
                "%s", "?" if corpus.database == "sqlite" else "%s"
            ),
            [MINISTRY_SLUG],
        ).fetchone()
        if found:
            return
        rows = db.execute(
            "SELECT organization_id, speaker_id FROM quotes_affiliation ORDER BY organization_id"
        ).fetchall()
        chosen, members = [], set()
        for organization, speaker in rows:
            if len(members) >= MINISTRY_MEMBERS and organization not in chosen:
                break
            if organization not in chosen:
                chosen.append(organization)
            members.add(speaker)
        db.execute(
            "INSERT INTO quotes_organization (name, slug, kind, country, parent_id)"
            " VALUES ('Bench ministry', 'bench-ministry', 'ministry', 'DE', NULL)"
        )
        db.execute(
            "UPDATE quotes_organization SET parent_id = (SELECT id FROM quotes_organization"
            f" WHERE slug = 'bench-ministry') WHERE id IN ({', '.join(map(str, chosen))})"
        )
        db.commit()
    finally:
        db.close()


def parameters(corpus: Corpus) -> dict:
    """The heaviest speaker, its most coded topic, the ten heaviest speakers on it, the bench
    ministry's member organisations, and the fixed range, stance and word."""
    ensure_ministry(corpus)
    db = connect_raw(corpus)
    try:
        speaker_id, count = db.execute(
            "SELECT speaker_id, count(*) FROM quotes_quote WHERE status = 'confirmed' "
            "GROUP BY speaker_id ORDER BY 2 DESC, 1 LIMIT 1"
        ).fetchone()
        slug = db.execute(f"SELECT slug FROM quotes_speaker WHERE id = {speaker_id}").fetchone()[0]
        topic_id, topic_slug = db.execute(
            "SELECT t.id, t.slug FROM quotes_quotestance s JOIN quotes_quote q ON q.id = s.quote_id"
            f" JOIN quotes_topic t ON t.id = s.topic_id WHERE q.speaker_id = {speaker_id}"
            " GROUP BY t.id, t.slug ORDER BY count(*) DESC, t.id LIMIT 1"
        ).fetchone()
        ten = db.execute(
            "SELECT s.speaker_id, sp.slug FROM quotes_quotestance s JOIN quotes_speaker sp"
            f" ON sp.id = s.speaker_id WHERE s.topic_id = {topic_id} AND s.status = 'confirmed'"
            " GROUP BY s.speaker_id, sp.slug ORDER BY count(*) DESC, s.speaker_id LIMIT 10"
        ).fetchall()
        ministry = db.execute(
            f"SELECT id FROM quotes_organization WHERE slug = '{MINISTRY_SLUG}'"
        ).fetchone()[0]
        departments = [
            row[0]
            for row in db.execute(
                "SELECT id FROM quotes_organization"
                f" WHERE parent_id = {ministry} OR id = {ministry}"
            ).fetchall()
        ]
        members = db.execute(
            "SELECT count(DISTINCT speaker_id) FROM quotes_affiliation WHERE organization_id IN"
            f" ({', '.join(map(str, departments))})"
        ).fetchone()[0]
    finally:
        db.close()
    return {
        "ten_speaker_ids": [row[0] for row in ten],
        "ten_speakers": [row[1] for row in ten],
        "ministry": MINISTRY_SLUG,
        "ministry_organization_ids": departments,
        "ministry_members": members,
        "speaker_id": speaker_id,
        "speaker": slug,
        "speaker_quotes": count,
        "topic_id": topic_id,
        "topic": topic_slug,
        "after": DATE_RANGE[0],
        "before": DATE_RANGE[1],
        "stance_min": STANCE_RANGE[0],
        "stance_max": STANCE_RANGE[1],
        "word": SEARCH_WORD,
    }


def question_urls(p: dict) -> dict:
    q1 = f"/api/quotes/?speaker={p['speaker']}&ordering=-said_on&page_size=50"
    by_report = f"topic={p['topic']}&bucket=month&unit=report"
    return {
        "q1": q1,
        "q2": f"{q1}&said_after={p['after']}&said_before={p['before']}&topic={p['topic']}"
        f"&stance_min={p['stance_min']}&stance_max={p['stance_max']}",
        # Counting reports, as the plain GROUP BY over the stored stances does (the rollup)
        "q3": f"/api/speakers/{p['speaker']}/timeline/?topic={p['topic']}&bucket=month&unit=report",
        "q4": f"/api/quotes/?q={p['word']}&page_size=50",
        "q5": f"/api/compare/?speakers={','.join(p['ten_speakers'])}&{by_report}",
        "q6": f"/api/compare/?organizations={p['ministry']}&{by_report}",
        # Issue 16: the same timeline counting each statement once (goal: within 1.5x of q3)
        "q7": f"/api/speakers/{p['speaker']}/timeline/?topic={p['topic']}&bucket=month"
        "&unit=utterance",
    }


def table_api_path(p: dict, corpus: Corpus) -> str:
    """Question 1 through Datasette's table API, asked the fast way."""
    return (
        f"/{corpus.name}/quotes_quote.json?speaker_id={p['speaker_id']}&status=confirmed"
        "&_sort_desc=said_on&_size=50&_shape=array&_labels=on&_nosuggest=1"
    )


def _stance_join(p: dict, stored: bool) -> str:
    """Join each quote to its stance on the topic as ``st.stance``: the stored summary, or
    computed from the annotations (adjudicated value, else the mean) of the speaker's quotes."""
    if stored:
        return (
            " JOIN (SELECT quote_id, topic_id, value AS stance FROM quotes_quotestance) st"
            f" ON st.quote_id = q.id AND st.topic_id = {p['topic_id']}"
        )
    return (
        " JOIN (SELECT a.quote_id, COALESCE(MAX(j.value), AVG(a.value)) AS stance"
        " FROM quotes_stanceannotation a JOIN quotes_quote qq ON qq.id = a.quote_id"
        " LEFT JOIN quotes_adjudication j ON j.quote_id = a.quote_id AND j.topic_id = a.topic_id"
        f" WHERE a.topic_id = {p['topic_id']} AND qq.speaker_id = {p['speaker_id']}"
        " GROUP BY a.quote_id) st ON st.quote_id = q.id"
    )


def stance_sql(p: dict, database: str, stored: bool) -> dict:
    """Questions 2 and 3 as single statements, over the stored stance or the annotations."""
    join = _stance_join(p, stored)
    month = (
        "strftime('%Y-%m', q.said_on)" if database == "sqlite" else "to_char(q.said_on, 'YYYY-MM')"
    )  # noqa: E501
    where = f"q.speaker_id = {p['speaker_id']} AND q.status = 'confirmed'"
    queries = {
        "q2": f"SELECT q.id, q.text, q.said_on, sp.name, so.title, so.outlet, st.stance"
        f" FROM quotes_quote q{join}"
        " JOIN quotes_speaker sp ON sp.id = q.speaker_id JOIN quotes_source so ON so.id = q.source_id"  # noqa: E501
        f" WHERE {where} AND q.said_on BETWEEN '{p['after']}' AND '{p['before']}'"
        f" AND st.stance BETWEEN {p['stance_min']} AND {p['stance_max']}"
        " ORDER BY q.said_on DESC, q.id DESC LIMIT 50",
        "q3": f"SELECT {month} AS period, count(*), avg(st.stance), min(st.stance), max(st.stance)"
        f" FROM quotes_quote q{join}"
        f" WHERE {where} AND q.said_on_precision IN ('day', 'month')"
        " GROUP BY period ORDER BY period",
    }
    month_st = month.replace("q.", "st.")
    placed = "st.status = 'confirmed' AND st.said_on_precision IN ('day', 'month')"
    # compare of ten speakers and of the ministry: the same series, plainly grouped
    queries["q5"] = (
        f"SELECT st.speaker_id, {month_st} AS period, count(*), avg(st.value), min(st.value),"
        f" max(st.value) FROM quotes_quotestance st WHERE st.topic_id = {p['topic_id']}"
        f" AND st.speaker_id IN ({', '.join(map(str, p['ten_speaker_ids']))}) AND {placed}"
        " AND st.value IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    queries["q6"] = (
        f"SELECT {month_st} AS period, count(*), avg(st.value), min(st.value), max(st.value)"
        " FROM quotes_quotestance st JOIN quotes_quote q ON q.id = st.quote_id"
        " JOIN quotes_affiliation a ON a.id = q.affiliation_id"
        f" WHERE st.topic_id = {p['topic_id']} AND {placed} AND st.value IS NOT NULL"
        f" AND a.organization_id IN ({', '.join(map(str, p['ministry_organization_ids']))})"
        " GROUP BY 1 ORDER BY 1"
    )
    if stored:  # the stored stance carries its quote's speaker, status and date: no join
        queries["q3"] = (
            f"SELECT {month.replace('q.', 'st.')} AS period, count(*), avg(st.value),"
            " min(st.value), max(st.value) FROM quotes_quotestance st"
            f" WHERE st.topic_id = {p['topic_id']} AND st.speaker_id = {p['speaker_id']}"
            " AND st.status = 'confirmed' AND st.said_on_precision IN ('day', 'month')"
            " GROUP BY period ORDER BY period"
        )
    return queries
