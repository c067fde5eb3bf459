"""End to end: files in, stored and clustered records out, through ``communique.run``."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from communique.config import Settings
from communique.export import records
from communique.model import Document
from communique.pipeline import run
from communique.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_run_stores_every_article_with_metadata_applied(
    corpus: Path, tmp_path: Path, context: Any
) -> None:
    db = str(tmp_path / "c.db")
    summary = run([corpus], db=db)
    assert summary.read == 3 and summary.added == 3 and summary.failed == 0
    with Store.open(db) as store:
        articles = {a["file"]: a for a in records(store, "articles")}
        events = list(records(store, "events"))
    assert set(articles) == {"oslo-talks.txt", "oslo-talks-repost.txt", "ankara-protest.txt"}
    repost = articles["oslo-talks-repost.txt"]
    assert repost["outlet"] == "Fjord Post"
    assert repost["published"] == "2024-03-14"
    assert repost["url"] == "https://example.org/fjord/norway-qatar"
    # metadata.jsonl's null values do not mask what the text says
    assert articles["ankara-protest.txt"]["published"] == "2023-05-02"
    assert summary.events == len(events) > 0
    for event in events:
        assert event["article"] in {a["id"] for a in articles.values()}
        text = next(a for a in articles.values() if a["id"] == event["article"])
        assert event["evidence"]["text"]
        assert text is not None


def test_rerun_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    first = run([corpus], db=db)
    second = run([corpus], db=db)
    assert second.added == 0 and second.skipped == 3
    assert (second.articles, second.events, second.quotes) == (
        first.articles,
        first.events,
        first.quotes,
    )


def _bad_inputs(folder: Path) -> list[str]:
    """One file per kind of bad input; returns their names."""
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(
        "Le ministre a rencontré son homologue. The minister met his counterpart in Paris on Monday, "
        "officials said.\n".encode("cp1252")
        + b"\xff\xfe broken \x81 bytes follow.\n"
    )
    (folder / "truncated.html").write_text(
        "<html><head><title>Cut</title></head><body><p>The prime"
    )
    (folder / "records.jsonl").write_text(
        json.dumps(
            {"text": "The defence minister visited troops in the north on Friday, the army said."}
        )
        + "\n{not json at all\n"
    )
    (folder / "feed.rss").write_text("<?xml version='1.0'?><rss><channel><item><title>Broken")
    (folder / "crawl.warc.gz").write_bytes(
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le")
    )
    (folder / "huge.txt").write_text("The president spoke. " * 60_000)
    return [
        "empty.txt",
        "binary.txt",
        "truncated.html",
        "records.jsonl",
        "feed.rss",
        "crawl.warc.gz",
        "huge.txt",
    ]


def test_bad_inputs_fail_one_by_one_and_lose_nothing(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    before = run([corpus], db=db)
    bad = tmp_path / "bad"
    names = _bad_inputs(bad)
    settings = Settings(db=db, max_bytes=1_000_000)
    summary = run([bad], settings=settings)
    failed_sources = " ".join(f["source"] for f in summary.failures)
    for name in ("empty.txt", "binary.txt", "records.jsonl", "crawl.warc.gz", "huge.txt"):
        assert name in failed_sources, f"{name} should fail with its name in the error"
    assert all(f["code"].startswith("C") for f in summary.failures)
    assert "records.jsonl:2" in failed_sources  # the malformed line is named by number
    with Store.open(db) as store:
        stored = {a["file"] for a in records(store, "articles")}
        assert store.stats()["failures"] == summary.failed
    # the good line of the JSONL file and the cp1252 file still went through
    assert any(f and f.startswith("records.jsonl") for f in stored)
    assert "latin1.txt" in stored
    # nothing stored before was lost
    assert summary.articles >= before.articles + 2
    assert len(names) == 7


def test_killed_run_resumes(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    settings = Settings(db=db, batch_size=1, cluster=False)
    calls = {"n": 0}
    original = Store.save_documents

    def dies_after_first(self: Store, documents: list[Any]) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the operator pressed Ctrl-C mid-batch
        original(self, documents)

    monkeypatch.setattr(Store, "save_documents", dies_after_first)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], settings=settings)
    monkeypatch.setattr(Store, "save_documents", original)
    with Store.open(db) as store:
        assert store.stats()["articles"] == 1
    resumed = run([corpus], settings=settings)
    assert resumed.skipped == 1 and resumed.added == 2 and resumed.articles == 3


def test_two_workers_give_the_same_records(corpus: Path, tmp_path: Path) -> None:
    one = run([corpus], db=str(tmp_path / "one.db"), workers=1)
    two = run([corpus], db=str(tmp_path / "two.db"), workers=2)
    assert (two.articles, two.events, two.quotes, two.actors) == (
        one.articles,
        one.events,
        one.quotes,
        one.actors,
    )


def test_a_run_clusters_in_chunks_as_it_stores(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: a long run adds what it stored to the clusters every ``CLUSTER_EVERY``
    articles (memory flat in the corpus size), and ends with the clusters one pass gives."""
    import communique.cluster
    from communique import pipeline

    whole = tmp_path / "whole.db"
    run([corpus], settings=Settings(db=str(whole), batch_size=1))

    chunks: list[tuple[int, int]] = []  # (articles clustered in the call, articles stored)
    original = communique.cluster.update_clusters

    def counting(store: Store, article_ids: Any = None, *, settings: Settings) -> int:
        chunks.append((len(article_ids or store.unclustered()), store.stats()["articles"]))
        return original(store, article_ids, settings=settings)

    monkeypatch.setattr(communique.cluster, "update_clusters", counting)
    monkeypatch.setattr(pipeline, "CLUSTER_EVERY", 2)
    chunked = tmp_path / "chunked.db"
    run([corpus], settings=Settings(db=str(chunked), batch_size=1))
    # two articles clustered while the third was not stored yet, then the rest at the end
    assert chunks == [(2, 2), (1, 3)]

    def members(db: Path) -> dict[str, list[list[str]]]:
        with Store.open(str(db)) as store:
            assert store.unclustered() == []
            return {
                level: sorted(sorted(c.members) for c in store.clusters(level))
                for level in ("duplicate", "story")
            }

    assert members(chunked) == members(whole)
    assert members(chunked)["duplicate"]  # the repost found its original across the chunks


def test_analysis_keeps_no_word_of_the_texts_it_analysed(nlp: Any, context: Any) -> None:
    """Issue 14: the words a batch adds to spaCy's vocabulary are freed with the batch
    (``memory_zone``), so a long run does not grow with the corpus; the records are
    the ones ``process`` makes, which keeps them."""
    from communique import pipeline
    from communique.ingest import from_text

    texts = [
        "Norway's foreign minister met the Zorvathi envoy of Qatar in Doha on Tuesday.",
        "Police in Ankara arrested forty Brannoch protesters, Turkey's interior ministry said.",
    ]
    strings_before = len(nlp.vocab.strings)
    documents = [from_text(t, source=f"zone{i}.txt") for i, t in enumerate(texts)]
    results = list(pipeline.analyse(documents, context))
    assert "Zorvathi" not in nlp.vocab.strings and "Brannoch" not in nlp.vocab.strings
    assert len(nlp.vocab.strings) == strings_before
    for text, result in zip(texts, results, strict=True):
        assert isinstance(result, Document)
        alone = pipeline.process(text, context=context)
        assert result.mentions and result.events
        assert [m.model_dump() for m in result.mentions] == [m.model_dump() for m in alone.mentions]
        assert [e.model_dump() for e in result.events] == [e.model_dump() for e in alone.events]
    assert "Zorvathi" in nlp.vocab.strings  # ``process`` (one text, no zone) keeps its words


def test_a_run_sets_loaded_data_aside_from_collections_and_restores_the_thresholds(
    corpus: Path, tmp_path: Path
) -> None:
    """The collector's settings during a run (issue 14) are the run's own: a program
    that calls ``run`` gets its thresholds back, and what was loaded is frozen."""
    import gc

    from communique.pipeline import RUN_COLLECTION_THRESHOLDS

    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []

    def during(_count: int) -> None:
        seen.append(gc.get_threshold())

    summary = run([corpus], db=str(tmp_path / "c.db"), progress=during)
    assert summary.added == 3
    assert seen and set(seen) == {RUN_COLLECTION_THRESHOLDS}
    assert gc.get_threshold() == before != RUN_COLLECTION_THRESHOLDS
    assert gc.get_freeze_count() > 0
