"""Writer processes on one PostgreSQL store, and runs killed with SIGKILL (issue 15).

The kills are ``tests/store/test_killed_runs.py``'s, on PostgreSQL databases:
at least ten, clustering on, then a rerun equal to a clean run row for row
and cluster for cluster.

On PostgreSQL one writer's whole input used to be missing: its batch failed
on a duplicate actor key. The writers of ``tests.store.concurrent_writer``
save the same articles, sharing actors, in opposite orders.
"""

from __future__ import annotations

from pathlib import Path

from tests.pg.server import PostgresServer
from tests.store.concurrent_runs import (
    REPORTS,
    run_at_once,
    stored_rows,
    table_counts,
    write_articles,
)
from tests.store.test_concurrent_clustering import write_episodes
from tests.store.test_concurrent_writers import assert_everything_once, write_at_once
from tests.store.test_killed_runs import (
    assert_equal_to_a_clean_run,
    current_version,
    kill_runs,
    run_seconds,
)

from communique.store import Store


def test_two_writer_processes_on_one_postgres_store(postgres: PostgresServer) -> None:
    for _ in range(3):
        url = postgres.create_database("writers")
        write_at_once(url, ["up", "down"])
        assert_everything_once(url)


def test_three_writers_on_an_existing_postgres_store(postgres: PostgresServer) -> None:
    url = postgres.create_database("writers")
    Store.open(url).close()
    write_at_once(url, ["up", "down", "up"])
    assert_everything_once(url)


def test_two_communique_runs_on_one_postgres_store_equal_one_run(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "reports")
    alone, shared = postgres.create_database("alone"), postgres.create_database("shared")
    summaries = run_at_once(folder, [alone, shared, shared])
    assert table_counts(shared) == table_counts(alone)
    assert stored_rows(shared) == stored_rows(alone)
    assert table_counts(alone)["articles"] == len(REPORTS)
    assert all(s["articles"] == len(REPORTS) and s["failed"] == 0 for s in summaries)


def test_postgres_runs_killed_at_random_points_then_rerun_equal_a_clean_run(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    folder = write_episodes(tmp_path / "reports")
    version = current_version()
    duration = run_seconds(folder, postgres.create_database("timing"))
    kills = kill_runs(folder, lambda: postgres.create_database("killed"), duration, seed=16)
    assert_equal_to_a_clean_run(folder, kills, postgres.create_database("clean"), version)
