"""Creating and migrating a store is atomic and safe when several processes open it at once.

Issue 15 (4): a store killed while being created could never be opened again
("table actors already exists"), and of two processes opening a new store at
once, one failed. These tests use real processes: ``opener`` runs in a child
Python that opens a store (creating it) and exits; the parent kills it with
SIGKILL at chosen moments, or starts several at once, and then opens the
store itself.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.store import Store

# The child imports communique first, says "ready", then opens (creates) the store,
# so the parent's kill delays are measured from the start of the opening itself.
OPENER = """
import sys
from communique.store import Store
print("ready", flush=True)
with Store.open(sys.argv[1]) as store:
    store.stats()
print("opened", flush=True)
"""


def start_opener(target: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", OPENER, target],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
    return child


def opening_seconds(target: str) -> float:
    """How long a child takes to create a store, from "ready" to exit."""
    child = start_opener(target)
    began = time.monotonic()
    _, errors = child.communicate(timeout=120)
    assert child.returncode == 0, errors
    return time.monotonic() - began


def assert_usable(target: str) -> None:
    """The store opens, has every table, answers, and (SQLite) passes its integrity check."""
    with Store.open(target) as store:
        counts = store.stats()
        assert counts["articles"] == 0
    if "://" not in target:
        with sqlite3.connect(target) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def kill_during_creation(target: str, delays: list[float]) -> int:
    """Kill a creating child after each delay, reopen each time; how many died mid-way."""
    killed = 0
    for delay in delays:
        child = start_opener(target)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        killed += child.returncode == -signal.SIGKILL
        assert_usable(target)
    return killed


def test_a_store_killed_while_being_created_opens_again(tmp_path: Path) -> None:
    duration = opening_seconds(str(tmp_path / "timing.db"))
    # Twelve kills spread over the whole opening (imports excluded), each on a new file.
    killed = 0
    for trial in range(12):
        delay = duration * trial / 12
        killed += kill_during_creation(str(tmp_path / f"k{trial}.db"), [delay])
    assert killed >= 6  # most kills landed before the child finished


@pytest.mark.parametrize("openers", [2, 4])
def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path, openers: int) -> None:
    for trial in range(3):
        target = str(tmp_path / f"race{openers}-{trial}.db")
        children = [start_opener(target) for _ in range(openers)]
        for child in children:
            output, errors = child.communicate(timeout=120)
            assert child.returncode == 0, errors
            assert "opened" in output
        assert_usable(target)
