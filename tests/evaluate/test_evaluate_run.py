"""``evaluate`` end to end: the real pipeline over a small evaluation folder of our own writing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console

from communique.evaluate import SCORE_KEYS, evaluate
from communique.store import Store

ARTICLES = {
    "one.txt": (
        "Kenyan President Daniel Mwangi met Ethiopian Prime Minister Selam Bekele in Nairobi on "
        "Monday. Mwangi said that the two countries would build a railway link by 2027."
    ),
    "two.txt": (
        "Ethiopia's prime minister held talks in the Kenyan capital on Monday. Bekele told "
        'reporters: "The railway will bind our economies together."'
    ),
}


def write_eval_dir(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    for name, text in ARTICLES.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    gold: dict[str, list[dict[str, Any]]] = {
        "articles": [
            {"id": "t-1", "file": "articles/one.txt", "outlet": "Wire", "published": "2024-02-13"},
            {"id": "t-2", "file": "articles/two.txt", "outlet": None, "published": None},
        ],
        "quotes": [
            {
                "article": "t-2",
                "speaker": "Selam Bekele",
                "kind": "direct",
                "text": "The railway will bind our economies together.",
            }
        ],
        "clusters": [{"level": "story", "id": "visit", "members": ["t-1", "t-2"]}],
    }
    for name, rows in gold.items():
        lines = "".join(json.dumps(row) + "\n" for row in rows)
        (root / "gold" / f"{name}.jsonl").write_text(lines, encoding="utf-8")
    return root


def test_evaluate_runs_the_pipeline_and_scores(tmp_path: Path) -> None:
    folder = write_eval_dir(tmp_path / "eval")
    db = tmp_path / "kept.db"
    report = evaluate(folder, errors=True, db=db)
    assert report.articles == 2
    assert set(SCORE_KEYS) <= set(report.scores)
    # absent gold files are not measured; present ones are
    assert report.scores["timexes.found"] is None
    assert report.scores["events.f1"] is None
    assert report.scores["quotes.recall"] is not None
    assert report.scores["clusters.story.recall"] is not None
    assert all({"kind", "error", "article", "text"} <= set(e) for e in report.errors)
    console = Console(record=True, width=120)
    console.print(report.to_table())
    console.print(report.errors_table())
    assert "clusters.story.f1" in console.export_text()
    # the gold's printed date reached the store as metadata
    store = Store.open(str(db))
    try:
        published = {d.file: d.published for d in store.iter_documents()}
    finally:
        store.close()
    assert published["one.txt"] == "2024-02-13"


def test_evaluate_without_errors_keeps_the_list_empty(tmp_path: Path) -> None:
    report = evaluate(write_eval_dir(tmp_path / "eval"))
    assert report.errors == []
    assert report.to_dict()["scores"] == report.scores
