"""The Ray engine writes the same rows as the local engine, and loses no document.

One local Ray cluster (two CPUs) serves the module. The same small corpus (our
own sentences, one non-English text among them, batches of two so that order
across batches matters) is run with ``engine="local"`` and ``engine="ray"``
into two SQLite stores, which are then compared table by table, row by row.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from communique.config import Settings
from communique.ingest import from_text
from communique.model import Document, Failure
from communique.pipeline import run

ray = pytest.importorskip("ray")

ARTICLES = {
    "harbour.txt": "Norway's fisheries minister met the mayor of Bergen on Tuesday to discuss "
    "the closure of the northern harbour.\n"
    '"We will not let the fleet move south," the minister told reporters after the meeting.',
    "border.txt": "Chilean President Gabriel Boric accused Argentina of delaying talks on the "
    "shared glacier border on Monday.\n"
    "Argentine officials rejected the accusation and said a delegation would travel to "
    "Santiago next week.",
    "protest.txt": "Thousands of teachers protested outside the parliament in Lisbon on "
    "Wednesday, demanding higher wages.\n"
    "Police arrested twelve demonstrators after clashes near the ministry of education.",
    "francais.txt": "Le gouvernement a annoncé mercredi une nouvelle réforme des retraites, "
    "et les syndicats ont appelé à une grève générale dans tout le pays.",
    "aid.txt": "Japan pledged 40 million dollars in humanitarian aid to Sudan on Thursday, "
    "the foreign ministry in Tokyo said.\n"
    "The United Nations welcomed the pledge and urged other donors to follow.",
    "summit.txt": "Kenyan President William Ruto hosted regional leaders in Nairobi on Friday "
    "for talks on the conflict in eastern Congo.\n"
    '"There is no military solution," Ruto said in his opening speech.',
}

# Every table the analysis fills; ``added_at`` is the wall-clock time of the write.
TABLES = (
    "articles",
    "sentences",
    "timexes",
    "mentions",
    "actors",
    "article_actors",
    "quotes",
    "events",
)
CLOCK_COLUMNS = {"added_at"}


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, body in ARTICLES.items():
        (folder / name).write_text(body + "\n", encoding="utf-8")
    (folder / "metadata.jsonl").write_text(
        "".join(f'{{"file": "{name}", "published": "2025-03-14"}}\n' for name in ARTICLES),
        encoding="utf-8",
    )
    return folder


def table_rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            result = connection.execute(text(f"SELECT * FROM {table}"))
            kept = [i for i, name in enumerate(result.keys()) if name not in CLOCK_COLUMNS]
            return sorted((tuple(row[i] for i in kept) for row in result), key=repr)
    finally:
        engine.dispose()


def test_ray_and_the_process_pool_store_the_same_rows_as_local(
    ray_cluster: None, corpus: Path, settings: Settings, tmp_path: Path
) -> None:
    common = settings.model_copy(update={"batch_size": 2, "cluster": False})
    local_db, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    local = run([corpus], settings=common.model_copy(update={"db": str(local_db)}))
    on_ray = run(
        [corpus],
        settings=common.model_copy(update={"db": str(ray_db), "engine": "ray", "workers": 2}),
    )
    assert local.failed == on_ray.failed == 0
    assert (on_ray.added, on_ray.not_english) == (local.added, local.not_english) == (6, 1)
    assert local.events > 0 and local.quotes > 0  # the comparison below compares something
    for table in TABLES:
        assert table_rows(ray_db, table) == table_rows(local_db, table), table

    pool_db = tmp_path / "pool.db"  # the process pool keeps the input order too
    pooled = run([corpus], settings=common.model_copy(update={"db": str(pool_db), "workers": 2}))
    assert (pooled.added, pooled.failed) == (local.added, 0)
    for table in TABLES:
        assert table_rows(pool_db, table) == table_rows(local_db, table), table


def test_a_document_spacy_refuses_is_a_failure_and_its_batch_completes(
    ray_cluster: None, settings: Settings
) -> None:
    from communique.ray_engine import RayEngine

    before = from_text(ARTICLES["aid.txt"], source="before.txt", published="2025-03-14")
    after = from_text(ARTICLES["summit.txt"], source="after.txt", published="2025-03-14")
    # Longer than spaCy's max_length: nlp.pipe raises for the whole batch it is in.
    refused = from_text("The talks went on. " * 60_000, source="endless.txt").model_copy(
        update={"text": "The talks went on. " * 60_000}
    )
    on_ray = settings.model_copy(update={"engine": "ray", "workers": 2, "batch_size": 3})
    with RayEngine(on_ray) as engine:
        results = list(engine.analyse([before, refused, after]))

    assert [type(r) for r in results] == [Document, Failure, Document]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.document_id == refused.id and failure.code == "C201"
    assert refused.id in failure.message and "stage spacy" in failure.message
    for document, source in zip((results[0], results[2]), (before, after), strict=True):
        assert isinstance(document, Document) and document.id == source.id
        assert document.sentences and document.mentions  # analysed, not passed through


def crashing_worker(marker: Path, times: int) -> Callable[[str, list[Document]], list[Any]]:
    """A Ray task body whose worker process dies on its first ``times`` runs, then analyses.

    A closure, so that Ray pickles it by value: the workers never import this test module.
    """
    from communique.ray_engine import analyse_batch

    def task(settings_json: str, documents: list[Document]) -> list[Any]:
        crashes = len(marker.read_text()) if marker.exists() else 0
        if crashes < times:
            marker.write_text("x" * (crashes + 1))
            os._exit(1)  # the worker process dies, as when it is killed or runs out of memory
        return analyse_batch(settings_json, documents)

    return task


def test_a_batch_whose_worker_dies_is_run_again(
    ray_cluster: None, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from communique import ray_engine

    marker = tmp_path / "crashes"
    monkeypatch.setattr(ray_engine, "analyse_batch", crashing_worker(marker, times=1))
    document = from_text(ARTICLES["harbour.txt"], source="harbour.txt", published="2025-03-14")
    on_ray = settings.model_copy(update={"engine": "ray", "workers": 2})
    with ray_engine.RayEngine(on_ray) as engine:
        results = list(engine.analyse([document]))

    assert marker.read_text() == "x"  # the first run died
    assert len(results) == 1 and isinstance(results[0], Document)
    assert results[0].id == document.id and results[0].quotes


def test_a_batch_that_keeps_dying_is_recorded_document_by_document(
    ray_cluster: None, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from communique import ray_engine

    marker = tmp_path / "crashes"
    monkeypatch.setattr(ray_engine, "analyse_batch", crashing_worker(marker, times=99))
    monkeypatch.setattr(ray_engine, "MAX_RETRIES", 1)
    analysed = from_text(ARTICLES["aid.txt"], source="aid.txt", published="2025-03-14")
    french = from_text(ARTICLES["francais.txt"], source="francais.txt")
    assert french.status == "not-english"
    on_ray = settings.model_copy(update={"engine": "ray", "workers": 2, "batch_size": 4})
    with ray_engine.RayEngine(on_ray) as engine:
        results = list(engine.analyse([analysed, french]))

    assert marker.read_text() == "xx"  # the first run and its one retry
    failure, passed = results
    assert isinstance(failure, Failure) and failure.document_id == analysed.id
    assert failure.code == "C201" and "stage ray worker" in failure.message
    assert passed == french  # needed no analysis: stored as ingest made it
