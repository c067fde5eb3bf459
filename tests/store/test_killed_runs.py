"""``communique run`` killed with SIGKILL at random points, then run again: the store equals a clean run's.

Issue 15 acceptance (the store's part): at least ten kills at random moments
of real ``communique run`` processes over the same reports, clustering on
(start-up, analysis, the commits of batches of two articles, clustering),
each run resuming the store the previous kill left. A run that finishes
before its kill ends that store's round and the next kills start a new
store. Then every killed store is run once more, at the same time as a clean
single run (same code and data files), and each must equal it row for row
(articles, sources, sentences, events, quotes, mentions, time expressions,
actors, failures), cluster for cluster (near-duplicate, story and event
partitions, ``distinct_events``, nothing left unclustered), and pass SQLite's
integrity check. ``tests/pg`` runs the same on PostgreSQL.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError
from tests.store.concurrent_runs import (
    analysis_versions,
    clustering,
    run_at_once,
    stored_rows,
    table_counts,
)
from tests.store.test_concurrent_clustering import ARTICLES, write_episodes

from communique.config import Settings
from communique.store.provenance import current_provenance

KILLS = 10
CLI = "from communique.cli import main; main()"


@dataclass
class Run:
    """A ``communique run`` process; its error output goes to a file, so that a run
    nobody reads while it is polled cannot block on a full pipe."""

    process: subprocess.Popen[bytes]
    log: IO[bytes]

    def close(self) -> None:
        self.log.close()

    def errors(self) -> str:
        """The end of what the run wrote to its error output."""
        self.log.seek(0)
        return self.log.read()[-3000:].decode("utf-8", "replace")


def start_run(folder: Path, db: str) -> Run:
    env = {
        **os.environ,
        "COMMUNIQUE_BATCH_SIZE": "2",
        "COMMUNIQUE_WORKERS": "1",
        "COMMUNIQUE_CLUSTER": "true",
    }
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by Run.close)
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "run", str(folder), "--db", db, "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    return Run(process, log)


def run_seconds(folder: Path, db: str) -> float:
    """How long one complete run of ``folder`` into a new store takes here and now."""
    began = time.monotonic()
    run = start_run(folder, db)
    assert run.process.wait(timeout=600) == 0, run.errors()
    run.close()
    return time.monotonic() - began


@dataclass
class Kills:
    """What the kills left: the stores they hit and, after each kill, how far it had got."""

    stores: list[str] = field(default_factory=list)
    # (articles stored, articles clustered) after each kill
    reached: list[tuple[int, int]] = field(default_factory=list)

    def count(self) -> int:
        return len(self.reached)

    def mid_way(self) -> bool:
        """Did some kill land after articles were stored and before all were clustered?"""
        return any(stored > 0 and clustered < ARTICLES for stored, clustered in self.reached)


def progress(db: str) -> tuple[int, int]:
    """Articles stored and clustered (indexed), read without opening (so without creating
    or migrating) the store: (0, 0) while it has no tables yet."""
    if "://" not in db and not Path(db).exists():
        return 0, 0
    engine = create_engine(db if "://" in db else f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            count = (
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM cluster_features)"
            )
            stored, clustered = connection.execute(text(count)).one()
            return int(stored), int(clustered)
    except DBAPIError:  # no tables yet, or a store being created
        return 0, 0
    finally:
        engine.dispose()


def kill_at(process: subprocess.Popen[bytes], db: str, reach: int, jitter: float) -> bool:
    """Kill ``process`` ``jitter`` seconds after stored plus clustered articles reach
    ``reach``; False if it finished first."""
    while process.poll() is None:
        if sum(progress(db)) >= reach:
            time.sleep(jitter)
            process.send_signal(signal.SIGKILL)
            return process.wait() == -signal.SIGKILL
        # polled often: on a fast machine a batch is stored and clustered within a
        # tenth of a second, and a coarse poll lands every kill after the run's end
        time.sleep(0.01)
    return False


def kill_runs(folder: Path, new_store: Callable[[], str], duration: float, seed: int = 15) -> Kills:
    """Kill runs at random points until at least ``KILLS`` kills, one mid-way (``Kills.mid_way``).

    Every other kill comes after a random delay up to ``duration`` (mostly
    start-up and store creation); the others when the store's progress
    reaches a random point ahead of where it is (an article stored, a batch
    clustered), a moment later. A store completed, by a run or before a kill,
    ends its round: the next kills start on a new store.
    """
    chance = random.Random(seed)
    kills = Kills()
    db = new_store()
    for attempt in range(4 * KILLS):
        if kills.count() >= KILLS and kills.mid_way():
            break
        now = sum(progress(db))
        run = start_run(folder, db)
        process = run.process
        if attempt % 2 and now < 2 * ARTICLES - 1:
            killed = kill_at(
                process, db, chance.randint(now + 1, 2 * ARTICLES - 1), chance.uniform(0, 0.05)
            )
        else:
            try:
                process.wait(timeout=chance.uniform(0.2, 1.0) * duration)
                killed = False
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                killed = process.wait() == -signal.SIGKILL
        if killed:
            if db not in kills.stores:
                kills.stores.append(db)
            kills.reached.append(progress(db))
        else:
            assert process.wait() == 0, run.errors()
        run.close()
        if progress(db) == (ARTICLES, ARTICLES):
            db = new_store()
    assert kills.count() >= KILLS and kills.mid_way(), kills
    return kills


def current_version() -> str:
    return current_provenance(Settings()).version


def assert_equal_to_a_clean_run(
    folder: Path, kills: Kills, clean: str, version_before: str
) -> None:
    """Rerun every killed store at the same time as a clean run into ``clean``; compare.

    The analysis versions must be the clean run's too, unless the code or data
    changed since the kills began (``version_before``): a work tree being edited.
    """
    run_at_once(folder, [clean, *kills.stores], cluster=True)
    if current_version() == version_before:
        assert all(analysis_versions(db) == {version_before} for db in [clean, *kills.stores])
    expected_rows, expected_clusters = stored_rows(clean), clustering(clean)
    assert expected_clusters["stored"] == expected_clusters["clustered"] == ARTICLES
    assert expected_clusters["unclustered"] == []
    for db in kills.stores:
        assert table_counts(db) == table_counts(clean)
        assert stored_rows(db) == expected_rows
        assert clustering(db) == expected_clusters


def test_runs_killed_at_random_points_then_rerun_equal_a_clean_run(tmp_path: Path) -> None:
    folder = write_episodes(tmp_path / "reports")
    version = current_version()
    duration = run_seconds(folder, str(tmp_path / "timing.db"))
    names = iter(range(100))
    kills = kill_runs(folder, lambda: str(tmp_path / f"killed{next(names)}.db"), duration)
    assert_equal_to_a_clean_run(folder, kills, str(tmp_path / "clean.db"), version)
    for db in kills.stores:
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
