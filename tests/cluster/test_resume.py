"""Clustering is driven by what is stored (issue 15, item 2; issue 13).

A run saves analysed articles in batches and clusters at its end. When the
process dies before or during clustering, the articles are stored but not
clustered; the next run (even one that adds nothing) or ``communique
cluster`` must finish the job, with the same clusters a clean run gives.
The kill is real: a child process clusters a real SQLite store and is
killed with SIGKILL in the middle of clustering.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.cluster.builders import Reports, event, groups, person
from tests.cluster.test_incremental import everything, levels, lookup
from typer.testing import CliRunner

from communique.cli import app
from communique.cluster import cluster_documents, update_clusters
from communique.config import Settings
from communique.model import Document
from communique.store import Store

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = Settings()

# The child stores every report, then clusters them in batches of three and is killed
# when the second batch is about to be committed: the first batch is clustered, the
# rest is not, and nothing of the second batch is half-written.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from communique.cluster import incremental, update_clusters
    from communique.config import Settings
    from communique.store import Store
    from tests.cluster.test_incremental import everything

    incremental.BATCH = 3
    commit = incremental.Batch.commit
    done = []

    def commit_then_die(self):
        if done:
            os.kill(os.getpid(), signal.SIGKILL)
        done.append(1)
        commit(self)

    incremental.Batch.commit = commit_then_die
    with Store.open(sys.argv[1]) as store:
        store.save_documents(everything())
        update_clusters(store, settings=Settings())
    """
)


def _killed_store(path: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr


def test_a_run_killed_while_clustering_is_finished_by_the_next(tmp_path: Path) -> None:
    docs = everything()
    path = tmp_path / "killed.db"
    _killed_store(path)
    with Store.open(str(path)) as store:
        pending = store.unclustered()
        assert len(store.article_ids()) == len(docs)
        assert len(pending) == len(docs) - 3  # the first batch of three was committed
        # the next pass clusters what is stored and not clustered, whoever stored it
        assert update_clusters(store, settings=SETTINGS) == len(pending)
        assert store.unclustered() == []
        assert levels(store.clusters()) == levels(cluster_documents(docs, lookup))
        assert update_clusters(store, settings=SETTINGS) == 0  # nothing left to do


def test_communique_cluster_repairs_a_killed_run(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    _killed_store(path)
    result = CliRunner().invoke(app, ["cluster", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["clustered"] == len(everything()) - 3
    with Store.open(str(path)) as store:
        assert store.unclustered() == []
        expected = levels(cluster_documents(everything(), lookup))
        assert levels(store.clusters()) == expected
    # --all clusters everything again from scratch, to the same result
    result = CliRunner().invoke(app, ["cluster", "--db", str(path), "--all", "--json"])
    assert json.loads(result.output)["clustered"] == len(everything())
    with Store.open(str(path)) as store:
        assert levels(store.clusters()) == expected


REPORTS = {
    "quarry-1.txt": (
        "Rescuers pulled three miners alive from the collapsed Kestrel Hill quarry on Tuesday, "
        "two days after a wall of rock buried their tunnel. Site manager Olivia Brandt said the "
        "men had survived on water from a drainage pipe."
    ),
    "quarry-2.txt": (
        "Three miners trapped for two days in the Kestrel Hill quarry were rescued alive, site "
        "manager Olivia Brandt told reporters. The men drank water from a drainage pipe while "
        "rescuers drilled through the rock."
    ),
}


def test_a_rerun_that_adds_nothing_clusters_what_the_first_left(
    tmp_path: Path, settings: Settings
) -> None:
    from communique.pipeline import run

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "run.db")
    # the first run stops after storing (as if killed before clustering)
    first = run([folder], db=db, settings=settings.model_copy(update={"cluster": False}))
    assert first.added == 2
    with Store.open(db) as store:
        assert len(store.unclustered()) == 2
        assert store.clusters() == []
    second = run([folder], db=db, settings=settings)
    assert second.added == 0
    with Store.open(db) as store:
        assert store.unclustered() == []
        assert len(groups(store.clusters(), "story")) == 1  # one rescue, one story


# Undated reports: blocking finds the earlier report of the episode in any week.
CAST = Reports(person("brandt", "Olivia Brandt", "DEU"), person("moreau", "Luc Moreau", "FRA"))


def _undated(doc_id: str, text: str) -> Document:
    return CAST.document(doc_id, text, None, [])


def test_undated_reports_find_their_story_in_any_week(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dated = CAST.document(
        "dated",
        "Olivia Brandt opened the Kestrel Hill quarry inquiry in Lyon with Luc Moreau, "
        "questioning the engineers who approved the drainage tunnel.",
        "2021-03-02",
        [event("e1", "CONSULT", "brandt", "moreau", "2021-03-02")],
    )
    late = _undated(
        "late",
        "The Kestrel Hill quarry inquiry led by Olivia Brandt and Luc Moreau heard the "
        "engineers who approved the drainage tunnel.",
    )
    other = _undated(
        "other",
        "Luc Moreau presented the regional budget for schools and hospitals.",
    )
    with Store.open(str(tmp_path / "undated.db")) as store:
        for document in (dated, other):
            store.save_documents([document])
            update_clusters(store, settings=SETTINGS)
        asked: list[set[tuple[str, Any]]] = []
        original: Callable[..., Any] = store.block_candidates

        def spy(blocks: Any) -> Any:
            asked.append(set(blocks))
            return original(blocks)

        monkeypatch.setattr(store, "block_candidates", spy)
        store.save_documents([late])
        assert update_clusters(store, settings=SETTINGS) == 1
        story_keys = {key for key, _bucket in asked[0] if not key.startswith("e:")}
        assert story_keys and all(b is None for k, b in asked[0] if k in story_keys)
        assert ["dated", "late"] in groups(store.clusters(), "story")
        assert ["other"] in groups(store.clusters(), "story")
