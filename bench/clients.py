"""The clients: one asks in turn (latency), eight at once (throughput), fifty for the load test.

Every system answers the same question in alternation, so a slow minute of the machine (two
cores, shared) hurts all of them alike.
"""

import asyncio
import json
import statistics
import threading
import time
from collections import Counter
from urllib.parse import quote

import httpx

HEADERS = {"Accept": "application/json"}


class Failed(Exception):
    """A request answered with something other than 200."""


def http_asker(client: httpx.Client, base: str, paths: list[str]):
    """A callable that requests ``paths`` in order (one question) and reads every byte."""

    def ask():
        size = 0
        for path in paths:
            response = client.get(base + path, headers=HEADERS)
            if response.status_code != 200:
                raise Failed(f"{response.status_code} for {path[:120]}: {response.text[:200]}")
            size += len(response.content)
        return size

    return ask


def datasette_sql_paths(database: str, statements: list[str]) -> list[str]:
    return [f"/{database}.json?sql={quote(sql)}&_shape=array" for sql in statements]


def raw_asker(connection, statements: list[str]):
    """The floor: the same statements in one process, rows encoded to JSON, no HTTP."""

    def ask():
        size = 0
        for sql in statements:
            cursor = connection.execute(sql)
            columns = [column[0] for column in cursor.description]
            rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
            size += len(json.dumps(rows, default=str))
        return size

    return ask


def summary(latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": p95 * 1000,
        "rps_1": len(ordered) / sum(ordered) if sum(ordered) else 0.0,
    }


def alternate(askers: dict, iterations: int, warmup: int = 2) -> dict:
    """Latency of each asker, asked in turn; returns ``{name: summary}``."""
    for _ in range(warmup):
        for ask in askers.values():
            ask()
    latencies = {name: [] for name in askers}
    for _ in range(iterations):
        for name, ask in askers.items():
            started = time.perf_counter()
            ask()
            latencies[name].append(time.perf_counter() - started)
    return {name: summary(values) for name, values in latencies.items()}


def concurrent(make_asker, clients: int, seconds: float) -> dict:
    """Requests per second with ``clients`` threads asking as fast as answers come.

    ``make_asker(client)`` builds one thread's asker on its own keep-alive connection.
    """
    done, errors = Counter(), Counter()
    stop = time.monotonic() + seconds

    def worker(index):
        with httpx.Client(timeout=300) as client:
            ask = make_asker(client)
            while time.monotonic() < stop:
                try:
                    ask()
                    done[index] += 1
                except (Failed, httpx.HTTPError) as error:
                    errors[type(error).__name__] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {"rps": sum(done.values()) / elapsed, "errors": sum(errors.values())}


def load_test(base: str, paths: list[str], clients: int = 50, seconds: float = 30.0) -> dict:
    """Issue 9: ``clients`` concurrent async clients cycling through ``paths`` for ``seconds``;
    returns throughput, latency and every error by kind.

    The event loop gets a thread of its own, so the load test also runs from a caller that
    already has a loop (a test session that drives a browser through Playwright)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = asyncio.run(_load(base, paths, clients, seconds))
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    thread = threading.Thread(target=run, name="load-test")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


async def _load(base, paths, clients, seconds):
    statuses, errors, latencies = Counter(), Counter(), []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        deadline = time.monotonic() + seconds

        async def user(index):
            position = index
            while time.monotonic() < deadline:
                path = paths[position % len(paths)]
                position += 1
                started = time.perf_counter()
                try:
                    response = await client.get(path, headers=HEADERS)
                    await response.aread()
                    statuses[response.status_code] += 1
                    if response.status_code >= 400:
                        errors[f"HTTP {response.status_code}"] += 1
                except httpx.HTTPError as error:
                    errors[type(error).__name__] += 1
                latencies.append(time.perf_counter() - started)

        started = time.monotonic()
        await asyncio.gather(*(user(i) for i in range(clients)))
        elapsed = time.monotonic() - started
    result = summary(latencies) if latencies else {}
    result.update(
        requests=sum(statuses.values()),
        rps=sum(statuses.values()) / elapsed,
        statuses=dict(statuses),
        errors=dict(errors),
        seconds=elapsed,
        clients=clients,
    )
    return result


def stream_bytes(base: str, path: str) -> int:
    """Download a (streaming) response to the end, keeping none of it; returns its size."""
    size = 0
    with httpx.stream("GET", base + path, timeout=3600) as response:
        if response.status_code != 200:
            raise Failed(f"{response.status_code} for {path}")
        for chunk in response.iter_bytes():
            size += len(chunk)
    return size
