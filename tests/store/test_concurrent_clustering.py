"""Concurrent ``communique run`` processes with clustering on, on one SQLite store (issue 15).

Two runs on one store both cluster the articles that are not clustered yet,
each from what it read before writing. Their index writes used to collide
(``UNIQUE constraint failed: cluster_features.article_id``), and a run that
replaced a story another run had just replaced could split it. Now a
clustering batch is written only if no other writer clustered since it began
(``Store.apply_cluster_changes``), else it is computed again. The runs here are
real processes (batches of two articles, so that their commits interleave);
the store they leave must hold every article clustered once, in the stories a
single clean run finds. ``tests/pg`` runs the same check on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from tests.store.concurrent_runs import clustering, run_at_once, stored_rows

from communique.store import Store, schema

# Three episodes, two or three reports each, in words of our own: every report of
# an episode repeats its names, place and figures, so one clean run groups them.
EPISODES = [
    [
        "Floods in the Moldovan town of Ungheni killed 14 people on Tuesday after the Prut "
        "river burst its banks, the mayor of Ungheni, Vitalie Rosca, said.",
        "Mayor Vitalie Rosca said the Prut floods in Ungheni had killed 14 people and forced "
        "hundreds from their homes on Tuesday.",
        "Rescuers in Ungheni searched for survivors of the Prut floods on Tuesday; Vitalie Rosca "
        "said 14 people had died.",
    ],
    [
        "The Icelandic club Fjallabyggd appointed Swedish coach Henrik Lindqvist as manager on "
        "Friday on a three-year contract.",
        "Henrik Lindqvist became the manager of Fjallabyggd on Friday; the Swedish coach signed a "
        "three-year contract with the Icelandic club.",
    ],
    [
        "Chilean police arrested the hacker Tomas Quiroga in Valparaiso on Sunday for stealing "
        "data of 80,000 customers of a port operator.",
        "Tomas Quiroga, accused of stealing the data of 80,000 port customers, was arrested by "
        "police in Valparaiso on Sunday.",
    ],
]
ARTICLES = sum(len(reports) for reports in EPISODES)


def write_episodes(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    number = 0
    for reports in EPISODES:
        for text in reports:
            (folder / f"report-{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
            number += 1
    return folder


def runs_at_once(folder: Path, stores: list[str]) -> list[dict[str, Any]]:
    """One ``communique run --json`` per entry of ``stores``, all at once, clustering on."""
    return run_at_once(folder, stores, cluster=True)


def clustering_state(db: str) -> dict[str, Any]:
    """Story and duplicate partitions (as sets of member sets), each article's story count,
    the clustered-articles counter and the index rows."""
    with Store.open(db) as store:
        partitions = {
            level: sorted(sorted(c.members) for c in store.clusters(level))
            for level in ("story", "duplicate")
        }
        stories_of: dict[str, int] = {}
        for cluster in store.clusters("story"):
            for member in cluster.members:
                stories_of[member] = stories_of.get(member, 0) + 1
        indexed = store.read(
            lambda c: c.scalar(select(func.count()).select_from(schema.cluster_features))
        )
        return {
            **partitions,
            "stories per article": sorted(set(stories_of.values())),
            "stored": len(store.article_ids()),
            "clustered": store.clustered_count(),
            "indexed": indexed,
            "unclustered": store.unclustered(),
        }


def assert_clustered_as_one_run(shared: str, alone: str) -> None:
    clean = clustering_state(alone)
    # the clean run itself finds the three episodes (else the comparison says little)
    assert sorted(len(m) for m in clean["story"]) == sorted(len(r) for r in EPISODES)
    assert clean["clustered"] == clean["indexed"] == clean["stored"] == ARTICLES
    assert clustering_state(shared) == clean
    assert clustering(shared) == clustering(alone)  # event clusters and distinct_events too
    assert stored_rows(shared) == stored_rows(alone)


def test_concurrent_runs_with_clustering_on_one_sqlite_store_equal_one_run(
    tmp_path: Path,
) -> None:
    folder = write_episodes(tmp_path / "reports")
    for trial in range(2):
        alone, shared = str(tmp_path / f"alone{trial}.db"), str(tmp_path / f"shared{trial}.db")
        summaries = runs_at_once(folder, [alone, shared, shared])
        assert all(s["articles"] == ARTICLES and s["failed"] == 0 for s in summaries)
        assert_clustered_as_one_run(shared, alone)
        with sqlite3.connect(shared) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_batch_that_lost_the_race_writes_nothing(tmp_path: Path) -> None:
    """The compare-and-set itself: changes computed from a stale count are refused whole."""
    from tests.store.samples import brazil, kenya

    from communique.store.clustering import ClusterChanges, IndexEntry

    with Store.open(str(tmp_path / "race.db")) as store:
        a, b = kenya().id, brazil().id
        store.save_documents([kenya(), brazil()])
        first = ClusterChanges(clustered_before=0)
        first.index = [IndexEntry(article_id=a, data={"order": 0})]
        stale = ClusterChanges(clustered_before=0)
        stale.index = [IndexEntry(article_id=a, data={"order": 0}, terms={"w:quay"})]
        assert store.apply_cluster_changes(first)
        assert not store.apply_cluster_changes(stale)
        assert store.clustered_count() == 1
        assert store.term_df(["w:quay"]) == {}
        current = ClusterChanges(clustered_before=1)
        current.index = [IndexEntry(article_id=b, data={"order": 1}, terms={"w:quay"})]
        assert store.apply_cluster_changes(current)
        assert store.clustered_count() == 2
        assert store.term_df(["w:quay"]) == {"w:quay": 1}


def test_two_clustering_passes_that_read_the_same_store_both_finish(
    tmp_path: Path, analyse: Any
) -> None:
    """The race itself, made certain: two passes read the store before either writes.

    Each clusters a different half of the stored articles (as two runs that
    stored different inputs); the second pass's write is refused, and
    ``add_articles`` computes it again from the store the first left behind, so
    the stories equal those of one pass over everything.
    """
    from communique.cluster import cluster_documents
    from communique.cluster.features import ActorKeys
    from communique.cluster.incremental import Batch, add_articles

    documents = [analyse(text) for reports in EPISODES for text in reports]
    path = str(tmp_path / "race.db")
    with Store.open(path) as first, Store.open(path) as second:
        first.save_documents(documents)
        ids = first.added_order([d.id for d in documents])
        halves = (
            [d for d in documents if d.id in ids[::2]],
            [d for d in documents if d.id in ids[1::2]],
        )
        batches = []
        for store, half in zip((first, second), halves, strict=True):
            batch = Batch(store, half, ActorKeys(store.get_actor))
            reached, copies = batch.duplicates()
            batch.events(batch.stories(reached, copies))
            batches.append(batch)
        assert batches[0].commit()
        assert not batches[1].commit()  # it read a store that has changed since
        assert second.clustered_count() == len(halves[0])
        assert add_articles(second, ids, ActorKeys(second.get_actor)) == len(halves[1])
        expected = cluster_documents(documents, first.get_actor)
        assert sorted(sorted(c.members) for c in second.clusters("story")) == sorted(
            sorted(c.members) for c in expected if c.level == "story"
        )
        assert second.clustered_count() == len(documents) == len(second.article_ids())


def test_a_writer_that_clusters_between_the_check_and_the_batch_is_noticed(
    tmp_path: Path, analyse: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window between finding articles unclustered and reading the clustered count.

    Another writer clusters every article right after this pass found them
    unclustered. The pass's count must be the one read before that check, so
    that its compare-and-set is refused; with the count read after it, the
    batch passed and indexed the articles a second time (``UNIQUE constraint
    failed: cluster_features.article_id``, seen with three real runs).
    """
    from communique.cluster.features import ActorKeys
    from communique.cluster.incremental import add_articles

    documents = [analyse(text) for reports in EPISODES for text in reports]
    path = str(tmp_path / "window.db")
    with Store.open(path) as first, Store.open(path) as second:
        first.save_documents(documents)
        ids = first.added_order([d.id for d in documents])
        check = first.clustered
        raced: list[int] = []

        def clustered_then_another_writer(articles: list[str]) -> Any:
            done = check(articles)
            if not raced:
                raced.append(add_articles(second, ids, ActorKeys(second.get_actor)))
            return done

        monkeypatch.setattr(first, "clustered", clustered_then_another_writer)
        assert add_articles(first, ids, ActorKeys(first.get_actor)) == 0
        assert raced == [len(ids)]
        state = clustering_state(path)
        assert state["clustered"] == state["indexed"] == state["stored"] == len(ids)
