"""Incremental clustering on PostgreSQL: the upserts, row lookups and decisions of
``communique.store.clustering`` on the other backend give the same clusters as SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.cluster.test_incremental import SETTINGS, everything, levels, lookup
from tests.pg.server import PostgresServer

from communique.cluster import cluster_documents, update_clusters
from communique.store import Store


@pytest.fixture
def store(postgres: PostgresServer) -> Iterator[Store]:
    with Store.open(postgres.create_database("clusters")) as opened:
        yield opened


def test_incremental_clustering_on_postgresql(store: Store) -> None:
    docs = everything()
    store.save_documents(docs[:5])
    # what is stored and not clustered yet (the anti-join of ``unclustered``) on PostgreSQL
    assert sorted(store.unclustered()) == sorted(d.id for d in docs[:5])
    assert update_clusters(store, settings=SETTINGS) == 5
    assert store.unclustered() == []
    for doc in docs[5:]:
        store.save_documents([doc])
        update_clusters(store, [doc.id], settings=SETTINGS)
    assert levels(store.clusters()) == levels(cluster_documents(docs, lookup))
    assert store.clustered_count() == len(docs)
    split = store.split_member("event", "second#e1")
    assert split.members == ["second#e1"]
    assert {d.verdict for d in store.decisions("event", ["second#e1"], "user")} == {"split"}
    assert store.distinct_events() > 0
