"""``communique run`` killed with SIGKILL at random points, then run again: the store equals a clean run's.

Issue 15 acceptance (the store's part): ten kills at random moments of a run
over the same reports (spaCy loading, analysis, commits), each on the store
the previous one left, then one complete run; its tables (articles, sources,
events, quotes, mentions, time expressions, actors, failures) must equal
those of a clean single run started at the same time, and SQLite's integrity
check must pass. Clustering is off here: clustering after a killed run is
``communique.cluster``'s (tests/cluster). ``tests/pg`` runs the same on PostgreSQL.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.store.concurrent_runs import REPORTS, run_at_once, table_counts, write_articles

KILLS = 10


def killed_runs(folder: Path, db: str, kills: int = KILLS, seed: int = 15) -> list[float]:
    """Start ``communique run`` ``kills`` times, each killed after a random delay; the delays."""
    env = {
        **os.environ,
        "COMMUNIQUE_BATCH_SIZE": "2",
        "COMMUNIQUE_WORKERS": "1",
        "COMMUNIQUE_CLUSTER": "false",
    }
    cli = "from communique.cli import main; main()"
    chance = random.Random(seed)
    delays = []
    for _ in range(kills):
        process = subprocess.Popen(
            [sys.executable, "-c", cli, "run", str(folder), "--db", db, "--json"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        delay = chance.uniform(0.5, 12.0)  # start-up is a few seconds; analysis follows
        delays.append(delay)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
    return delays


def test_runs_killed_at_random_points_then_rerun_equal_a_clean_run(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "reports")
    killed = str(tmp_path / "killed.db")
    started = time.monotonic()
    killed_runs(folder, killed)
    assert time.monotonic() - started > 5
    clean = str(tmp_path / "clean.db")
    run_at_once(folder, [clean, killed])  # the clean run, and the rerun after the kills
    assert table_counts(killed) == table_counts(clean)
    assert table_counts(clean)["articles"] == len(REPORTS)
    with sqlite3.connect(killed) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
