"""The store's side of provenance without spaCy: versions, migration 0006, replacing analyses.

Hand-built documents of ``tests.store.samples``; ``test_provenance`` runs the
real pipeline.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import select, update
from tests.store import samples

from communique.store import MIGRATIONS, Store, schema
from communique.store.provenance import Provenance, analysis_version

V1 = Provenance(version="9.9.9+1111", package="9.9.9", inputs={"data/x.yaml": "aa"})
V2 = Provenance(version="9.9.9+2222", package="9.9.9", inputs={"data/x.yaml": "bb"})


def test_the_version_changes_with_any_input_and_with_the_package() -> None:
    base = analysis_version("1.0.0", {"data/a.csv": "11", "data/b.yaml": "22"})
    assert base == analysis_version("1.0.0", {"data/b.yaml": "22", "data/a.csv": "11"})
    assert base.startswith("1.0.0+")
    assert base != analysis_version("1.0.0", {"data/a.csv": "11", "data/b.yaml": "23"})
    assert base != analysis_version("1.0.1", {"data/a.csv": "11", "data/b.yaml": "22"})
    assert base != analysis_version("1.0.0", {"data/a.csv": "11"})


def test_saved_articles_carry_the_version_and_its_inputs(store: Store) -> None:
    documents = samples.documents()
    store.use_provenance(V1)
    store.save_documents(documents[:2])
    store.use_provenance(V2)
    store.save_documents(documents[2:])
    assert store.analysis_versions() == {V1.version: 2, V2.version: len(documents) - 2}
    assert store.version_inputs(V1.version) == V1.inputs
    assert store.version_inputs(V2.version) == V2.inputs
    assert store.stale_count(V2.version) == 2
    assert store.select_articles(other_than=V2.version) == [d.id for d in documents[:2]]


def test_articles_stored_before_migration_0006_count_as_older(tmp_path: Path) -> None:
    """Downgrade a filled store to 0005 and upgrade again: its articles have no version."""
    db = str(tmp_path / "before.db")
    documents = samples.documents()
    with Store.open(db) as store:
        store.use_provenance(V1)
        store.save_documents(documents)
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    with Store.open(db) as store:
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
        with store.engine.connect() as connection:
            columns = {c.name for c in schema.articles.c} - {"analysis_version"}
            rows = connection.exec_driver_sql("SELECT * FROM articles").mappings().all()
            assert {*rows[0].keys()} == columns
    with Store.open(db) as store:  # upgrades to head again
        assert store.analysis_versions() == {None: len(documents)}
        assert store.stale_count(V1.version) == len(documents)
        assert sorted(store.select_articles(other_than=V1.version)) == sorted(
            d.id for d in documents
        )
        assert [d.id for d in store.iter_documents(d.id for d in documents)] == [
            d.id for d in documents
        ]


def test_replacing_an_analysis_keeps_the_article_and_replaces_its_rows(store: Store) -> None:
    kenya, brazil, spanish = samples.kenya(), samples.brazil(), samples.spanish()
    store.use_provenance(V1)
    store.save_documents([kenya, brazil, spanish])
    before = store.read(
        lambda c: {r.id: r for r in c.execute(select(schema.articles)).mappings().all()}
    )
    sources = list(store.iter_articles())

    store.use_provenance(V2)
    shorter = kenya.model_copy(update={"events": kenya.events[:1], "quotes": []})
    missing = spanish.model_copy(update={"id": "not-stored-0000"})
    store.replace_analyses([shorter, missing])

    assert store.load_document(kenya.id) == shorter
    assert store.load_document(brazil.id) == brazil  # untouched
    assert not store.has_article(missing.id)
    assert store.analysis_versions() == {V1.version: 2, V2.version: 1}
    after = store.read(
        lambda c: {r.id: r for r in c.execute(select(schema.articles)).mappings().all()}
    )
    for column in ("added_at", "text", "file", "url", "outlet", "published"):
        assert after[kenya.id][column] == before[kenya.id][column]
    assert [a["sources"] for a in store.iter_articles()] == [a["sources"] for a in sources]
    counts = store.stats()
    assert counts["events"] == 1 + len(brazil.events) + len(spanish.events)
    assert counts["quotes"] == len(brazil.quotes) + len(spanish.quotes)


def test_a_null_version_is_older_than_every_version(store: Store) -> None:
    store.use_provenance(V1)
    store.save_documents(samples.documents())
    first = samples.documents()[0].id
    store.write(
        lambda c: c.execute(
            update(schema.articles)
            .where(schema.articles.c.id == first)
            .values(analysis_version=None)
        )
    )
    assert store.select_articles(other_than=V1.version) == [first]
    assert store.stale_count(V1.version) == 1
