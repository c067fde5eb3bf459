"""Concurrent ``communique run`` processes with clustering on, on one PostgreSQL store (issue 15).

The same check as ``tests/store/test_concurrent_clustering.py`` on SQLite:
three runs at once (one alone, two on the shared store) and the shared store
must be clustered exactly as the clean single run's. On PostgreSQL the
clustering batch's compare-and-set (``store.clustering._claim``) relies on the
row lock of the counter and READ COMMITTED's re-check after the first writer
commits.
"""

from __future__ import annotations

from pathlib import Path

from tests.pg.server import PostgresServer
from tests.store.test_concurrent_clustering import (
    ARTICLES,
    assert_clustered_as_one_run,
    runs_at_once,
    write_episodes,
)


def test_concurrent_runs_with_clustering_on_one_postgres_store_equal_one_run(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    folder = write_episodes(tmp_path / "reports")
    alone, shared = postgres.create_database("alone"), postgres.create_database("shared")
    summaries = runs_at_once(folder, [alone, shared, shared])
    assert all(s["articles"] == ARTICLES and s["failed"] == 0 for s in summaries)
    assert_clustered_as_one_run(shared, alone)
