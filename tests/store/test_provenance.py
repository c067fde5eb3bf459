"""Provenance and re-analysis on real runs (real spaCy, real pipeline, reports of our own writing).

The "older" store is made by a run with a user trigger file that maps one
trigger to another event type (``event_lexicon_file``: what a lexicon change
between two releases looks like to a store); the "fresh" store by a run with
the current lexicon. ``reanalyse`` must turn the older store into the fresh
one, row for row, keeping article ids and users' cluster decisions.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from communique import __version__, pipeline
from communique.config import Settings
from communique.errors import AnalysisError, Messages
from communique.pipeline import run
from communique.reanalyse import reanalyse
from communique.store import Store, schema
from communique.store.provenance import current_provenance, shipped_hashes

# Two reports of one episode (one story), a quote, and an unrelated protest.
REPORTS = {
    "boat-1.txt": (
        "The Norwegian foreign minister condemned the Russian navy on Tuesday for seizing a "
        "fishing boat in the Barents Sea.",
        "2025-03-04",
        "North Wire",
    ),
    "boat-2.txt": (
        "Norway condemned Russia on Tuesday after its navy seized a Norwegian fishing boat near "
        "Svalbard, the foreign ministry in Oslo said.",
        "2025-03-04",
        "Fjord Daily",
    ),
    "boat-3.txt": (
        "\u201cThis seizure breaks international law,\u201d the Norwegian prime minister told "
        "reporters in Oslo on Wednesday.",
        "2025-03-05",
        "North Wire",
    ),
    "farmers.txt": (
        "Farmers in Madrid protested on Monday against water cuts, and the Spanish agriculture "
        "minister promised new talks.",
        "2025-04-07",
        "Meseta News",
    ),
}
# The older lexicon: "condemn" was a show of support (SUPPORT 051) before it became ACCUSE.
OLD_LEXICON = """\
version: old-test-lexicon
entries:
  - {lemmas: [condemn], type: SUPPORT, cameo: "051", target: [obj]}
"""
# Rows that depend on when a run happened, not on what it found.
TIMESTAMPS = {"added_at", "at", "recorded_at"}


def write_reports(folder: Path) -> tuple[Path, dict[str, dict[str, Any]]]:
    folder.mkdir(parents=True, exist_ok=True)
    metadata = {}
    for name, (text, published, outlet) in REPORTS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
        metadata[name] = {"published": published, "outlet": outlet}
    return folder, metadata


def analysis_rows(db: str) -> dict[str, list[str]]:
    """Every row a run's analysis and clustering wrote, without timestamps or the version."""
    tables = [schema.articles, schema.sentences, schema.article_actors, schema.mentions]
    tables += [schema.timexes, schema.quotes, schema.events, schema.clusters]
    tables += [schema.cluster_members, schema.cluster_decisions, schema.cluster_features]
    tables += [schema.actors, schema.actor_aliases, schema.actor_roles]
    skip = TIMESTAMPS | {"analysis_version"}

    def read(connection: Any) -> dict[str, list[str]]:
        found = {}
        for table in tables:
            columns = [c for c in table.c if c.name not in skip]
            if table is schema.cluster_decisions:
                columns = [c for c in columns if c.name != "id"]  # autoincrement
            found[table.name] = sorted(
                json.dumps(dict(row), sort_keys=True, default=str)
                for row in connection.execute(select(*columns)).mappings()
            )
        return found

    with Store.open(db) as store:
        result: dict[str, list[str]] = store.read(read)
        return result


def copy_store(source: str, target: Path) -> str:
    shutil.copy(source, target)
    return str(target)


@pytest.fixture(scope="module")
def runs(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An older store (older lexicon) and a fresh one (current lexicon) of the same reports."""
    folder = tmp_path_factory.mktemp("provenance")
    reports, metadata = write_reports(folder / "reports")
    lexicon = folder / "old-triggers.yaml"
    lexicon.write_text(OLD_LEXICON, encoding="utf-8")
    old = settings.model_copy(
        update={"db": str(folder / "old.db"), "event_lexicon_file": [str(lexicon)]}
    )
    fresh = settings.model_copy(update={"db": str(folder / "fresh.db")})
    # Taken when the runs start: the versions the runs record (other work on the data files
    # may change the current one later).
    versions = {"old": current_provenance(old), "fresh": current_provenance(fresh)}
    manifest = shipped_hashes()
    run([reports], settings=old, metadata=metadata)
    run([reports], settings=fresh, metadata=metadata)
    return {
        **versions,
        "settings": {"old": old, "fresh": fresh},
        "manifest": manifest,
        "lexicon": lexicon,
    }


def test_each_article_records_the_version_of_the_code_and_data_that_analysed_it(
    runs: dict[str, Any],
) -> None:
    old, fresh = runs["settings"]["old"], runs["settings"]["fresh"]
    old_version, new_version = runs["old"].version, runs["fresh"].version
    assert old_version != new_version  # a user lexicon is an input of the analysis
    assert new_version.startswith(f"{__version__}+")
    with Store.open(old.db) as store:
        assert store.analysis_versions() == {old_version: len(REPORTS)}
        assert store.stale_count(new_version) == len(REPORTS)
        assert store.stale_count(old_version) == 0
        inputs = store.version_inputs(old_version)
    assert inputs == runs["old"].inputs
    for name, digest in runs["manifest"].items():
        assert inputs[f"data/{name}"] == digest
    lexicon_hash = hashlib.sha256(runs["lexicon"].read_bytes()).hexdigest()
    assert inputs["event_lexicon_file/0"] == lexicon_hash
    with Store.open(fresh.db) as store:
        assert store.analysis_versions() == {new_version: len(REPORTS)}
        assert "event_lexicon_file/0" not in (store.version_inputs(new_version) or {})


def test_articles_are_selected_by_outlet_published_date_and_version(
    runs: dict[str, Any],
) -> None:
    with Store.open(runs["settings"]["old"].db) as store:
        by_id = {a["id"]: a for a in store.iter_articles()}

        def names(ids: list[str]) -> set[str]:
            return {Path(by_id[i]["file"]).name for i in ids}

        assert names(store.select_articles(outlet="North Wire")) == {"boat-1.txt", "boat-3.txt"}
        assert names(store.select_articles(since="2025-03-05")) == {"boat-3.txt", "farmers.txt"}
        assert names(store.select_articles(until="2025-03")) == {
            "boat-1.txt",
            "boat-2.txt",
            "boat-3.txt",
        }
        assert names(store.select_articles(since="2025-03-05", until="2025-03-05")) == {
            "boat-3.txt"
        }
        assert store.select_articles(other_than=runs["old"].version) == []
        assert len(store.select_articles(other_than="0.0.0+other")) == len(REPORTS)


def test_reanalysing_an_older_store_gives_the_rows_of_a_fresh_run(
    runs: dict[str, Any], tmp_path: Path
) -> None:
    """Issue 15 acceptance: same events, quotes, mentions, clusters as a run with the new lexicon."""
    older = copy_store(runs["settings"]["old"].db, tmp_path / "older.db")
    before = analysis_rows(older)
    fresh = analysis_rows(runs["settings"]["fresh"].db)
    assert before["events"] != fresh["events"]  # the lexicon change shows in the rows
    assert before["articles"] == fresh["articles"]

    current = runs["settings"]["fresh"].model_copy(update={"db": older})
    summary = reanalyse(settings=current, older=True)

    assert (summary.selected, summary.reanalysed, summary.failed) == (len(REPORTS),) * 2 + (0,)
    assert summary.stale == 0
    assert analysis_rows(older) == fresh
    # Nothing is left to do: a second pass with --older selects no article.
    again = reanalyse(settings=current, older=True)
    assert (again.selected, again.reanalysed) == (0, 0)


def test_a_users_split_survives_reanalysis(runs: dict[str, Any], tmp_path: Path) -> None:
    older = copy_store(runs["settings"]["old"].db, tmp_path / "split.db")
    with Store.open(runs["settings"]["fresh"].db) as store:
        by_name = {Path(a["file"]).name: a["id"] for a in store.iter_articles()}
        story_of = store.memberships("story", by_name.values())
    first, second = by_name["boat-1.txt"], by_name["boat-2.txt"]
    # Without a decision the two reports of the seizure are one story.
    assert story_of[first] == story_of[second]

    with Store.open(older) as store:
        assert len(store.memberships("story", [first, second]).values()) == 2
        assert len(set(store.memberships("story", [first, second]).values())) == 1
        store.split_member("story", second)
    summary = reanalyse(settings=runs["settings"]["fresh"].model_copy(update={"db": older}))
    assert summary.reanalysed == len(REPORTS)

    with Store.open(older) as store:
        after = store.memberships("story", [first, second])
        decisions = store.decisions("story", [second], decided_by="user")
        assert sorted(store.article_ids()) == sorted(by_name.values())
    assert after[first] != after[second]
    assert [(d.verdict, {d.a, d.b}) for d in decisions] == [("split", {first, second})]


def test_a_failing_document_keeps_its_analysis_and_the_batch_goes_on(
    runs: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    older = copy_store(runs["settings"]["old"].db, tmp_path / "failing.db")
    real = pipeline.apply_stages

    def failing_on_madrid(doc: Any, document: Any, stages: Any, context: Any) -> None:
        if "Madrid" in document.text:
            raise AnalysisError(Messages.C201, source=document.id, stage="events", detail="boom")
        real(doc, document, stages, context)

    monkeypatch.setattr(pipeline, "apply_stages", failing_on_madrid)
    before = analysis_rows(older)
    current = runs["settings"]["fresh"].model_copy(update={"db": older})
    summary = reanalyse(settings=current, older=True)

    assert (summary.reanalysed, summary.failed, summary.stale) == (len(REPORTS) - 1, 1, 1)
    with Store.open(older) as store:
        failures = store.failures()
        farmers = next(a for a in store.iter_articles() if a["file"].endswith("farmers.txt"))
        kept = store.load_document(farmers["id"])
    assert [f.code for f in failures] == ["C201"] and failures[0].document_id == farmers["id"]
    assert farmers["analysis_version"] == runs["old"].version
    assert kept.events and kept.sentences  # its previous analysis is still there
    after = analysis_rows(older)
    assert after["events"] != before["events"]  # the other three were re-analysed
