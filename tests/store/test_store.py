"""Store round trips, idempotence, failures, clusters and a batch killed halfway (real SQLite)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from communique.errors import StoreError
from communique.model import Cluster, Document, Failure
from communique.store import Store, schema

from . import samples


def count(store: Store, table: str) -> int:
    with store.engine.connect() as connection:
        query = select(func.count()).select_from(schema.metadata.tables[table])
        return int(connection.scalar(query) or 0)


def test_round_trip_every_field(store: Store) -> None:
    docs = samples.documents()
    store.save_documents(docs)
    for doc in docs:
        assert store.has_article(doc.id)
        assert store.load_document(doc.id) == doc
    assert store.get_actor(samples.RUTO.id) == samples.RUTO
    assert store.get_actor("nobody") is None
    assert not store.has_article("a000")


def test_iter_documents_streams_all_or_given(store: Store) -> None:
    docs = samples.documents()
    store.save_documents(docs)
    assert sorted(d.id for d in store.iter_documents()) == sorted(d.id for d in docs)
    wanted = [docs[2].id, docs[0].id]
    assert [d.id for d in store.iter_documents(iter(wanted))] == wanted
    assert set(store.article_ids()) == {d.id for d in docs}
    with pytest.raises(StoreError) as info:
        list(store.iter_documents(["a-missing"]))
    assert info.value.code == "C302"


def test_stats_count_rows(store: Store) -> None:
    docs = samples.documents()
    store.save_documents(docs)
    store.replace_clusters(["story", "event", "duplicate"], samples.clusters(docs))
    assert store.stats() == {
        "articles": 3,
        "events": 4,
        "quotes": 3,
        "actors": 5,
        "mentions": 7,
        "timexes": 3,
        "clusters": 3,
        "failures": 0,
    }


def test_saving_twice_adds_nothing(store: Store) -> None:
    docs = samples.documents()
    store.save_documents(docs)
    before = (store.stats(), count(store, "article_sources"), count(store, "actor_aliases"))
    store.save_documents(docs)
    store.save_documents([docs[0], docs[0]])
    for doc in docs:
        store.add_source(doc)
    assert (store.stats(), count(store, "article_sources"), count(store, "actor_aliases")) == before


def test_same_content_from_another_input_keeps_provenance(store: Store) -> None:
    doc = samples.kenya()
    copy = doc.model_copy(update={"file": "mirror/copy.txt", "url": None, "outlet": "Mirror"})
    store.save_documents([doc, copy])  # duplicate inside one batch
    store.add_source(copy.model_copy(update={"file": "third.txt"}))
    assert store.stats()["articles"] == 1
    rows = list(store.iter_articles())
    assert [s["file"] for s in rows[0]["sources"]] == [doc.file, "mirror/copy.txt", "third.txt"]
    assert store.load_document(doc.id) == doc  # the first input stays the article's own


def test_source_of_an_article_still_being_analysed(store: Store) -> None:
    doc = samples.brazil()
    store.add_source(doc.model_copy(update={"file": "early-copy.txt"}))
    assert count(store, "article_sources") == 0
    store.save_documents([doc])
    files = [s["file"] for s in next(store.iter_articles())["sources"]]
    assert files == ["brazil.txt", "early-copy.txt"]


def test_actors_merge_across_documents(store: Store) -> None:
    store.save_documents([samples.kenya()])
    other = samples.WANJIKU.model_copy(
        update={"aliases": ["Ms Wanjiku"], "descriptions": ["a Nairobi trader"], "country": None}
    )
    doc = samples.brazil()
    store.save_documents([doc.model_copy(update={"actors": [*doc.actors, other]})])
    merged = store.get_actor(samples.WANJIKU.id)
    assert merged is not None
    assert merged.aliases == ["Wanjiku", "Ms Wanjiku"]
    assert merged.descriptions == ["a trader at the Marikiti market", "a Nairobi trader"]
    assert merged.country == "KEN"  # unknown in the newer record: the stored value stays


def test_user_corrections_survive_pipeline_saves(store: Store) -> None:
    corrected = samples.AU.model_copy(update={"name": "African Union Commission", "origin": "user"})
    store.update_actor(corrected)
    store.save_documents([samples.brazil()])
    assert store.get_actor(samples.AU.id) == corrected


def test_failures_are_recorded(store: Store) -> None:
    failure = Failure(source="in/bad.html", code="C103", message="C103: in/bad.html is not text")
    store.record_failure(failure)
    store.record_failure(Failure(source="x.txt", code="C201", message="m", document_id="a1"))
    assert store.failures()[0] == failure
    assert [f.document_id for f in store.failures()] == [None, "a1"]
    assert store.stats()["failures"] == 2


def test_a_failure_recorded_again_is_kept_once(store: Store) -> None:
    """Issue 15: failure rows were duplicated on every rerun of the same inputs."""
    failure = Failure(source="in/bad.html", code="C103", message="C103: in/bad.html is not text")
    other = Failure(source="x.txt", code="C201", message="m", document_id="a1")
    for _ in range(3):  # three runs over the same inputs
        store.record_failure(failure)
        store.record_failure(other)
    assert store.failures() == [failure, other]
    changed = failure.model_copy(update={"message": "C103: in/bad.html is not text: binary"})
    store.record_failure(changed)  # a different failure of the same input is news
    assert store.failures() == [failure, other, changed]


def test_replace_clusters(store: Store) -> None:
    docs = samples.documents()
    store.save_documents(docs)
    store.replace_clusters(["story", "event", "duplicate"], samples.clusters(docs))
    assert [c.level for c in store.clusters()] == ["duplicate", "event", "story"]
    story = store.clusters("story")
    assert story == [samples.clusters(docs)[0]]
    store.replace_clusters(["story"], [Cluster(level="story", id="s9", members=[docs[2].id])])
    assert [c.id for c in store.clusters("story")] == ["s9"]
    assert [c.id for c in store.clusters("event")] == ["v1"]  # other levels untouched
    assert count(store, "cluster_members") == 3
    store.replace_clusters(["story", "event"], [])
    assert [c.level for c in store.clusters()] == ["duplicate"]


def test_failed_batch_rolls_back_and_names_store(store: Store) -> None:
    first, second, third = samples.documents()
    store.save_documents([first])
    event = second.events[0]
    broken = second.model_copy(update={"events": [event, event]})  # duplicate event id
    with pytest.raises(StoreError) as info:
        store.save_documents([third, broken])
    assert info.value.code == "C303"
    assert store.url in str(info.value)
    assert store.article_ids() == [first.id]  # nothing of the failed batch, first intact
    assert store.load_document(first.id) == first
    store.save_documents([third, second])
    assert store.stats()["articles"] == 3


def test_run_killed_between_batches_resumes(tmp_path: Path) -> None:
    path = str(tmp_path / "c.db")
    docs = samples.documents()
    batches = [docs[:2], docs[2:]]

    def killed_run(store: Store) -> None:
        for number, batch in enumerate(batches):
            if number == 1:
                raise KeyboardInterrupt  # the process dies before the second batch
            store.save_documents(batch)

    with pytest.raises(KeyboardInterrupt), Store.open(path) as store:
        killed_run(store)
    with Store.open(path) as store:
        assert sorted(store.article_ids()) == sorted(d.id for d in docs[:2])
        assert store.load_document(docs[0].id) == docs[0]
        # resuming: saves everything again; what was stored is skipped, the rest added
        for batch in batches:
            store.save_documents([d for d in batch if not store.has_article(d.id)])
            store.save_documents(batch)
        assert sorted(store.article_ids()) == sorted(d.id for d in docs)
        assert store.stats()["events"] == 4


def test_memory_store_is_shared_between_threads() -> None:
    with Store.open(":memory:") as store:
        worker = threading.Thread(target=store.save_documents, args=([samples.brazil()],))
        worker.start()
        worker.join()
        assert store.article_ids() == [samples.brazil().id]


def test_empty_document_lists_round_trip(store: Store) -> None:
    bare = Document(id="a-bare", text="Short.", original="Short.")
    store.save_documents([bare])
    assert store.load_document("a-bare") == bare
