"""``communique stats`` counts analyses older than the code and data; ``reanalyse`` redoes them.

A real store made by a real run with an older trigger lexicon (a user trigger
file, as in ``tests/store/test_provenance.py``), then the commands as a user
types them, with the current lexicon.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.store.test_provenance import OLD_LEXICON, REPORTS, write_reports
from typer.testing import CliRunner

from communique.cli import EXIT_OK, EXIT_USAGE, app
from communique.config import Settings
from communique.pipeline import run
from communique.store import Store


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def older_store(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, Settings]:
    """A store analysed with an older lexicon; the CLI sees the test's settings otherwise."""
    monkeypatch.chdir(tmp_path)  # no communique.toml of the developer's
    monkeypatch.setenv("COMMUNIQUE_ACTORS_DIR", settings.actors_dir)
    reports, metadata = write_reports(tmp_path / "reports")
    lexicon = tmp_path / "old-triggers.yaml"
    lexicon.write_text(OLD_LEXICON, encoding="utf-8")
    db = str(tmp_path / "older.db")
    old = settings.model_copy(update={"db": db, "event_lexicon_file": [str(lexicon)]})
    run([reports], settings=old, metadata=metadata)
    return db, old


def test_stats_counts_stale_analyses_until_reanalyse_older_redoes_them(
    older_store: tuple[str, Settings],
) -> None:
    db, _ = older_store
    stats = invoke("stats", "--db", db, "--json")
    assert stats.exit_code == EXIT_OK, stats.output
    assert json.loads(stats.stdout)["stale_analyses"] == len(REPORTS)
    with Store.open(db) as store:
        types_before = {e.type for d in store.iter_documents() for e in d.events}

    none = invoke("reanalyse", "--db", db, "--outlet", "Nobody Gazette", "--json")
    assert none.exit_code == EXIT_OK, none.output
    assert json.loads(none.stdout)["selected"] == 0

    done = invoke("reanalyse", "--db", db, "--older", "--until", "2025-03", "--json")
    assert done.exit_code == EXIT_OK, done.output
    summary = json.loads(done.stdout)
    assert (summary["selected"], summary["reanalysed"], summary["failed"]) == (3, 3, 0)
    assert summary["stale"] == 1  # the April report is after --until 2025-03
    with Store.open(db) as store:
        types_after = {e.type for d in store.iter_documents() for e in d.events}
    assert "SUPPORT" in types_before and "SUPPORT" not in types_after
    assert "ACCUSE" in types_after

    stats = invoke("stats", "--db", db)  # the table names the count too
    assert stats.exit_code == EXIT_OK and "stale_analyses" in stats.stdout
    assert json.loads(invoke("stats", "--db", db, "--json").stdout)["stale_analyses"] == 1


def test_reanalyse_refuses_a_date_that_is_not_one(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    Store.open(db).close()
    assert invoke("reanalyse", "--db", db, "--json").exit_code == EXIT_OK
    result = invoke("reanalyse", "--db", db, "--since", "2025-02-30")
    assert result.exit_code == EXIT_USAGE
    assert "2025-02-30" in result.output
