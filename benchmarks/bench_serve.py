"""Serving latency: p50/p99 of typical REST queries on a synthetic store, SQLite and PostgreSQL.

Generates a store of ``--events`` synthetic events (default 1,000,000; one
article per 5 events, one quote per article, 2,000 actors in 40 countries,
20 PLOVER types, dates over five years), written straight into the store's
tables in bulk (the pipeline would take hours for a million events), then
serves it with uvicorn on a loopback port, as ``communique serve`` does, and
times each query over HTTP after a warm-up. The first row (the unfiltered
first page) is the baseline the last column divides by, so the other rows
read as ratios measured in the same run. PostgreSQL runs when Debian's packages are
installed (``scripts/install-system-deps.sh``); it is skipped otherwise.

    .venv/bin/python benchmarks/bench_serve.py --events 200000 --repeat 30
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.pg.server import PostgresServer, binaries  # noqa: E402
from tests.rest.live import live_server  # noqa: E402

from communique.rest import create_app  # noqa: E402
from communique.store import Store, schema  # noqa: E402

TYPES = [
    "CONSULT", "AGREE", "SUPPORT", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
    "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "AID", "RETREAT", "COOPERATE", "CONCEDE",
    "INVESTIGATE", "DISAPPROVE", "REQUEST", "ENGAGE",
]  # fmt: skip
WORDS = [
    "talks",
    "border",
    "trade",
    "minister",
    "agreement",
    "security",
    "ceasefire",
    "election",
    "parliament",
    "sanctions",
    "protest",
    "summit",
    "visit",
    "aid",
    "troops",
    "envoy",
    "deal",
    "coalition",
    "budget",
    "reform",
    "court",
    "vote",
    "crisis",
    "refugees",
    "pipeline",
    "tariffs",
    "treaty",
    "negotiations",
    "opposition",
    "police",
    "army",
]
COUNTRIES = [f"C{i:02d}" for i in range(40)]
CHUNK = 5000


def sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(url: str, events: int, seed: int = 7) -> dict[str, Any]:
    """Fill the store at ``url`` with synthetic rows; return values to query for."""
    rng = random.Random(seed)
    n_articles = max(events // 5, 1)
    actors = [f"actor-{i}" for i in range(2000)]
    start = date(2020, 1, 1)
    now = datetime.now(UTC)
    with Store.open(url) as store, store.engine.begin() as connection:
        connection.execute(
            insert(schema.actors),
            [
                {"id": a, "name": f"Actor {i} {rng.choice(WORDS).title()}", "type": "person",
                 "country": COUNTRIES[i % 40], "sector": "GOV", "origin": "kb", "notes": None,
                 "descriptions": []}
                for i, a in enumerate(actors)
            ],
        )  # fmt: skip

        def article_rows() -> Iterator[dict[str, Any]]:
            for i in range(n_articles):
                published = start + timedelta(days=rng.randrange(5 * 365))
                yield {
                    "id": f"a{i:015d}", "file": f"f{i}.txt", "url": None,
                    "outlet": f"Outlet {i % 25}", "published": published.isoformat(),
                    "published_source": "metadata", "title": sentence(rng, 6),
                    "language": "en", "status": "analysed", "text": sentence(rng, 60),
                    "original": "", "offset_map": [], "added_at": now,
                }  # fmt: skip

        def event_rows() -> Iterator[dict[str, Any]]:
            for i in range(events):
                article = i // 5
                dated = rng.random() < 0.85
                day = start + timedelta(days=rng.randrange(5 * 365))
                text = sentence(rng)
                yield {
                    "article_id": f"a{article:015d}", "id": f"e{i % 5}", "seq": i % 5,
                    "type": rng.choice(TYPES), "mode": None, "context": None,
                    "cameo": f"{rng.randrange(1, 21):02d}{rng.randrange(10)}",
                    "source_id": rng.choice(actors),
                    "target_id": rng.choice(actors) if rng.random() < 0.8 else None,
                    "trigger": None, "date": day.isoformat() if dated else None,
                    "date_precision": "day" if dated else None, "date_inferred": False,
                    "location_name": f"City {rng.randrange(300)}" if rng.random() < 0.5 else None,
                    "location_country": rng.choice(COUNTRIES), "location_lat": None,
                    "location_lon": None, "location_geonameid": None,
                    "salience": "main" if rng.random() < 0.7 else "background",
                    "negated": rng.random() < 0.05, "modality": None, "quote_id": None,
                    "evidence_start": 0, "evidence_end": len(text), "evidence_text": text,
                    "confidence": 0.9,
                }  # fmt: skip

        def quote_rows() -> Iterator[dict[str, Any]]:
            for i in range(n_articles):
                text = sentence(rng, 18)
                yield {
                    "article_id": f"a{i:015d}", "id": "q1", "seq": 0, "kind": "direct",
                    "text": text, "start": 0, "end": len(text),
                    "speaker_id": rng.choice(actors), "cue": "said", "sentence": 0,
                }  # fmt: skip

        for table, rows in (
            (schema.articles, article_rows()),
            (schema.events, event_rows()),
            (schema.quotes, quote_rows()),
        ):
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= CHUNK:
                    connection.execute(insert(table), batch)
                    batch.clear()
            if batch:
                connection.execute(insert(table), batch)
    with Store.open(url) as store:
        store.analyze()  # as `Store.close` does after the pipeline's writes
    return {"actor": actors[17], "country": COUNTRIES[3]}


def queries(known: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        ("events, first page (-date)", {}),
        ("events ?type=PROTEST", {"type": "PROTEST"}),
        ("events ?type&date range", {"type": "CONSULT", "date_from": "2022-01-01",
                                     "date_to": "2022-06-30"}),
        ("events ?actor=", {"actor": known["actor"]}),
        ("events ?country=", {"country": known["country"]}),
        ("events ?cameo=04", {"cameo": "04"}),
        ("events ?sort=-published", {"sort": "-published"}),
        ("events ?outlet&salience", {"outlet": "Outlet 3", "salience": "main"}),
        ("events ?q= (evidence text)", {"q": "ceasefire pipeline"}),
    ]  # fmt: skip


def measure(base: str, repeat: int, known: dict[str, Any]) -> list[tuple[str, float, float]]:
    results = []
    with httpx.Client(base_url=base, timeout=300) as client:
        plan: list[tuple[str, str, dict[str, Any]]] = [
            (label, "/events", params) for label, params in queries(known)
        ]
        first = client.get("/events", params={"limit": 50}).json()["next"]
        plan.append(("events, second page (cursor)", "/events", {"cursor": first}))
        plan.append(("quotes ?q= (search)", "/quotes", {"q": "ceasefire"}))
        for label, path, params in plan:
            for _ in range(2):  # warm-up: caches, query plans
                client.get(path, params=params).raise_for_status()
            times = []
            for _ in range(repeat):
                began = time.perf_counter()
                client.get(path, params=params).raise_for_status()
                times.append((time.perf_counter() - began) * 1000)
            times.sort()
            p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
            results.append((label, statistics.median(times), p99))
    return results


def report(backend: str, rows: list[tuple[str, float, float]], built: float) -> None:
    base = rows[0][1] or 1.0
    print(f"\n{backend}: store built in {built:.1f} s")
    print(f"{'query':34} {'p50 ms':>9} {'p99 ms':>9} {'× first':>8}")
    for label, p50, p99 in rows:
        print(f"{label:34} {p50:9.1f} {p99:9.1f} {p50 / base:8.1f}")


def run(backend: str, url: str, events: int, repeat: int) -> None:
    began = time.perf_counter()
    known = generate(url, events)
    built = time.perf_counter() - began
    with live_server(create_app(url)) as base:
        report(backend, measure(base, repeat, known), built)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    print(f"{args.events:,} synthetic events, {args.repeat} timed requests per query")
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", str(Path(folder) / "bench.db"), args.events, args.repeat)
    if args.no_postgres or binaries() is None:
        print("\nPostgreSQL: skipped (not installed or --no-postgres)")
        return
    server = PostgresServer()
    try:
        run("PostgreSQL", server.create_database("bench"), args.events, args.repeat)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
