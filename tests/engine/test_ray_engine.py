"""The Ray engine writes the same rows as the local engine, and loses no document.

One local Ray cluster (two CPUs) serves the module. The same small corpus (our
own sentences, one non-English text among them, batches of two so that order
across batches matters) is run with ``engine="local"`` and ``engine="ray"``
into two SQLite stores, which are then compared table by table, row by row.
"""

from __future__ import annotations

from collections.abc import Iterator
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


def test_ray_stores_the_same_rows_as_local(
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
