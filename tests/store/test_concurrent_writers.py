"""Two processes writing one store at once both finish, and the store holds everything once.

Issue 15 (3): with two writers on one store, one failed with ``UNIQUE
constraint failed: actors.id`` (actor lookups happened outside the write
transaction). The writers here are real processes
(``tests.store.concurrent_writer``) that save the same articles, sharing
actors, in opposite orders; ``tests/pg`` runs the same check on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from tests.store.concurrent_runs import (
    REPORTS,
    run_at_once,
    stored_rows,
    table_counts,
    write_articles,
)
from tests.store.concurrent_writer import variants

from communique.store import Store, schema

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 24


def write_at_once(url: str, orders: list[str]) -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.store.concurrent_writer", url, order, str(ARTICLES)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in orders
    ]
    try:
        for writer in writers:
            _, errors = writer.communicate(timeout=300)
            assert writer.returncode == 0, errors
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.communicate()


def assert_everything_once(url: str) -> None:
    expected = variants(ARTICLES)
    with Store.open(url) as store:
        assert sorted(store.article_ids()) == sorted(d.id for d in expected)
        counts = store.stats()
        assert counts["events"] == sum(len(d.events) for d in expected)
        assert counts["quotes"] == sum(len(d.quotes) for d in expected)
        assert counts["mentions"] == sum(len(d.mentions) for d in expected)
        # one source per article: both writers read the same input
        sources = store.read(
            lambda c: c.scalar(select(func.count()).select_from(schema.article_sources))
        )
        assert sources == ARTICLES
        # every writer's aliases were merged into the shared actors, none lost
        for document in expected:
            for actor in document.actors:
                stored = store.get_actor(actor.id)
                assert stored is not None and set(actor.aliases) <= set(stored.aliases)
        for document in expected[:4]:
            assert store.load_document(document.id).events == document.events


def test_two_writer_processes_on_one_sqlite_store(tmp_path: Path) -> None:
    for trial in range(3):
        target = str(tmp_path / f"w{trial}.db")
        write_at_once(target, ["up", "down"])
        assert_everything_once(target)
        with sqlite3.connect(target) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_writers_on_a_store_that_exists_already(tmp_path: Path) -> None:
    target = str(tmp_path / "existing.db")
    Store.open(target).close()
    write_at_once(target, ["up", "down", "up"])
    assert_everything_once(target)


def test_two_communique_runs_on_one_sqlite_store_equal_one_run(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "reports")
    alone, shared = str(tmp_path / "alone.db"), str(tmp_path / "shared.db")
    summaries = run_at_once(folder, [alone, shared, shared])
    assert table_counts(shared) == table_counts(alone)
    assert stored_rows(shared) == stored_rows(alone)
    assert table_counts(alone)["articles"] == len(REPORTS)
    assert all(s["articles"] == len(REPORTS) and s["failed"] == 0 for s in summaries)
    with sqlite3.connect(shared) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
