"""The two sides the scorer compares: gold annotations and exported system records.

In: a ``gold/`` folder of JSON Lines files (schema in ``../shared/eval/README.md``)
and, for the system side, the export-contract dicts that
``communique.export.records`` yields for a store, plus the cleaned text of each
stored article (mentions and timexes are found by searching gold strings in it).
Out: ``GoldSet`` and ``SystemRecords``, plain containers that
``communique.evaluate.score`` reads. Nothing here runs the pipeline; that is
``communique.evaluate.evaluate``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.errors import DataError, Messages

Row = dict[str, Any]

GOLD_FILES = ("articles", "mentions", "quotes", "events", "clusters", "timexes")
# Export kinds the scorer reads; ``communique.export.records(store, kind)`` yields each.
SYSTEM_KINDS = ("articles", "events", "quotes", "mentions", "timexes", "actors", "clusters")


def read_jsonl(path: Path) -> list[Row]:
    """Read a JSON Lines file; blank lines are skipped, a bad line raises C501 with its number."""
    rows: list[Row] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(Messages.C501, source=f"{path}:{number}", detail=str(exc)) from exc
            if not isinstance(row, dict):
                raise DataError(Messages.C501, source=f"{path}:{number}", detail="not an object")
            rows.append(row)
    return rows


@dataclass
class GoldSet:
    """Gold annotations; a list is None when its file is absent (then its scores are None)."""

    articles: list[Row]
    mentions: list[Row] | None = None
    quotes: list[Row] | None = None
    events: list[Row] | None = None
    clusters: list[Row] | None = None
    timexes: list[Row] | None = None

    @classmethod
    def load(cls, gold_dir: str | Path) -> GoldSet:
        """Load ``gold_dir/*.jsonl``; ``articles.jsonl`` is required, the others optional."""
        folder = Path(gold_dir)
        found: dict[str, list[Row] | None] = {}
        for name in GOLD_FILES:
            path = folder / f"{name}.jsonl"
            found[name] = read_jsonl(path) if path.is_file() else None
        articles = found.pop("articles")
        if articles is None:
            raise DataError(
                Messages.C501, source=str(folder / "articles.jsonl"), detail="file is missing"
            )
        return cls(articles=articles, **found)


@dataclass
class SystemRecords:
    """What the system produced, as export-contract dicts, plus each article's cleaned text.

    ``texts`` maps a system article id to ``Document.text`` (the text all
    offsets point into).
    """

    articles: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    timexes: list[Row] = field(default_factory=list)
    actors: list[Row] = field(default_factory=list)
    clusters: list[Row] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Any) -> SystemRecords:
        """Read every export kind from an open store through ``communique.export.records``."""
        from communique.export import records

        system = cls()
        for kind in SYSTEM_KINDS:
            setattr(system, kind, list(records(store, kind)))
        for article in system.articles:
            system.texts[article["id"]] = store.load_document(article["id"]).text
        return system
