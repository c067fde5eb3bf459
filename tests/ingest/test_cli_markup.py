"""Paths and messages printed by the CLI are text, never Rich markup (issue 15, item 7).

A path containing ``[/x]`` crashed ``communique ingest`` (Rich read it as a
closing tag); ``[bold]`` in a file name restyled the output. The commands run
as real processes, as a user runs them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ARTICLE = (
    "Nepal and Bhutan agreed on Wednesday to open a new trade route through the eastern hills, "
    "the two foreign ministries said in a joint statement."
)


def communique(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from communique.cli import main; main()", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "400"},
    )


def test_ingest_prints_paths_with_markup_as_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "in [/x] [bold]red[/bold]"  # "/" makes it folders in folders
    folder.mkdir(parents=True)
    (folder / "good [x].txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty [red].txt").write_bytes(b"")
    done = communique("ingest", str(folder), cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # finished, one document failed
    assert "Traceback" not in done.stderr and "MarkupError" not in done.stderr
    # the failure names the file as it is
    assert "in [/x] [bold]red[/bold]/empty [red].txt" in done.stderr.replace("\n", "")
    [record] = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["file"] == "good [x].txt"


def test_export_and_stats_print_store_paths_as_they_are(tmp_path: Path) -> None:
    (tmp_path / "store [" / "x]").mkdir(parents=True)
    (tmp_path / "events [").mkdir()
    db = str(tmp_path / "store [/x].db")
    out = tmp_path / "events [/x].csv"
    # read-only commands refuse a missing store, so an empty one is made first
    made = communique("run", str(tmp_path / "events ["), "--db", db, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    exported = communique(
        "export", "events", "--format", "csv", "-o", str(out), "--db", db, cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert "events [/x].csv" in exported.stderr
    stats = communique("stats", "--db", db, cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert "store[/x].db" in "".join(stats.stdout.split())  # the title wraps to the table
    missing = communique(
        "export",
        "events",
        "--format",
        "csv",
        "--db",
        str(tmp_path / "no[/x]dir" / "x.db"),
        cwd=tmp_path,
    )
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "no[/x]dir/x.db" in missing.stderr.replace("\n", "")  # refused, named as it is
