"""Evaluation: run the whole pipeline on an evaluation folder and score it against its gold.

In: a folder laid out like ``../shared/eval`` (``articles/`` with the article
files, ``gold/*.jsonl`` with the annotations). ``evaluate`` runs
``communique.pipeline.run`` on ``articles/`` into a fresh SQLite store (giving
it the outlet and published date that ``gold/articles.jsonl`` states, as a
``metadata.jsonl`` would), reads the store back through the export contract
(``communique.export.records``) and hands both sides to
``communique.evaluate.score``. Out: an ``EvalReport`` with the flat scores and
the per-item errors; ``communique eval`` prints its ``to_table()``.

This is the last step of the chain: ingest → analyse → store → cluster →
export → **evaluate**.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.evaluate.match import align_articles, bcubed, normalise_name
from communique.evaluate.records import GoldSet, SystemRecords
from communique.evaluate.score import SCORE_KEYS, Scores, score, score_details

if TYPE_CHECKING:
    from rich.table import Table

    from communique.config import Settings

__all__ = [
    "SCORE_KEYS",
    "EvalReport",
    "GoldSet",
    "SystemRecords",
    "align_articles",
    "bcubed",
    "evaluate",
    "gold_metadata",
    "normalise_name",
    "score",
    "score_details",
]


@dataclass
class EvalReport:
    """What ``evaluate`` measured: flat scores (None = not measured) and per-item errors."""

    scores: Scores
    errors: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"scores": self.scores, "errors": self.errors, "articles": self.articles}

    def to_table(self, title: str = "communique eval") -> Table:
        """A rich table of every figure, grouped by what it measures."""
        from rich.table import Table

        table = Table(title=f"{title} ({self.articles} articles)")
        table.add_column("measure")
        table.add_column("score", justify="right")
        for key, value in self.scores.items():
            table.add_row(key, "–" if value is None else f"{value:.3f}")
        return table

    def errors_table(self) -> Table:
        """A rich table of the per-item errors (``communique eval --errors``)."""
        from rich.table import Table

        table = Table(title=f"{len(self.errors)} errors")
        for name in ("kind", "error", "article", "text"):
            table.add_column(name, overflow="fold")
        for row in self.errors:
            table.add_row(row["kind"], row["error"], row["article"], row["text"])
        return table


def gold_metadata(gold: GoldSet) -> dict[str, dict[str, Any]]:
    """Metadata for ``run``: file relative to ``articles/`` → its non-null outlet/published."""
    metadata: dict[str, dict[str, Any]] = {}
    for row in gold.articles:
        path = str(row.get("file") or "").replace("\\", "/")
        relative = path.split("/", 1)[1] if path.startswith("articles/") else path
        values = {k: row[k] for k in ("outlet", "published") if row.get(k) is not None}
        if relative and values:
            metadata[relative] = values
    return metadata


def evaluate(
    eval_dir: str | Path,
    *,
    settings: Settings | None = None,
    errors: bool = False,
    db: str | Path | None = None,
) -> EvalReport:
    """Run the pipeline over ``eval_dir/articles`` and score it against ``eval_dir/gold``.

    The store is a temporary SQLite file unless ``db`` names one to keep (for
    inspecting the run afterwards; an existing store is reused, and articles
    already in it are not analysed again). ``errors`` adds the per-item error
    list to the report.
    """
    from communique.config import load_settings
    from communique.pipeline import run
    from communique.store import Store

    folder = Path(eval_dir)
    gold = GoldSet.load(folder / "gold")
    settings = settings or load_settings()
    with tempfile.TemporaryDirectory(prefix="communique-eval-") as tmp:
        path = str(db) if db is not None else str(Path(tmp) / "eval.db")
        run([folder / "articles"], db=path, settings=settings, metadata=gold_metadata(gold))
        store = Store.open(path)
        try:
            system = SystemRecords.from_store(store)
        finally:
            store.close()
    scores, found = score_details(gold, system)
    return EvalReport(scores=scores, errors=found if errors else [], articles=len(gold.articles))
