"""Re-analysis: run the current code and data again on articles already stored.

``run`` skips every article it has stored before, so improving a lexicon,
the knowledge base or the code changes nothing for the articles a store
already holds. ``reanalyse`` takes stored articles (all, or those matching
an outlet, a published-date range, or only those whose analysis version
differs from the current one: ``communique.store.provenance``), rebuilds
each as ingest left it (its stored text, offsets and metadata; the analysis
lists emptied), runs the analysis engine on them and replaces their
sentences, mentions, actors, time expressions, quotes and events in one
transaction per batch (``Store.replace_analyses``). Article ids, sources and
users' merge and split decisions are kept; the store is then clustered again
from scratch (``communique.cluster.recluster``), which obeys those decisions.

A document whose analysis fails keeps its previous analysis and version, and
becomes a ``failures`` row as in ``run``; the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from communique.config import Settings, load_settings
from communique.model import Document, Failure
from communique.pipeline import Progress

# The fields of a Document that analysis fills; emptied before analysing again.
ANALYSIS_FIELDS = ("sentences", "mentions", "actors", "timexes", "quotes", "events")


@dataclass
class ReanalysisSummary:
    """What a re-analysis did; ``--json`` prints this."""

    db: str
    version: str
    selected: int = 0
    reanalysed: int = 0
    failed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    clustered: int = 0
    stale: int = 0  # analyses still older than ``version`` afterwards
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def as_ingested(document: Document) -> Document:
    """The document as ingest made it: text and metadata, no analysis."""
    return document.model_copy(update={name: [] for name in ANALYSIS_FIELDS})


def reanalyse(
    *,
    db: str | None = None,
    settings: Settings | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    older: bool = False,
    progress: Progress | None = None,
) -> ReanalysisSummary:
    """Analyse stored articles again with the current code, data and settings.

    ``outlet``, ``since``/``until`` (ISO day, month or year prefixes of the
    published date, both included) and ``older`` (only analyses of another
    version than the current one) narrow the articles; none given: every one.
    """
    from communique.cluster import recluster
    from communique.pipeline import make_engine
    from communique.store import Store
    from communique.store.provenance import current_provenance

    started = time.perf_counter()
    settings = (settings or load_settings()).model_copy(update={"db": db} if db is not None else {})
    provenance = current_provenance(settings)
    summary = ReanalysisSummary(db=settings.db, version=provenance.version)
    store = Store.open(settings.db)
    store.use_provenance(provenance)
    try:
        ids = store.select_articles(
            outlet=outlet,
            since=since,
            until=until,
            other_than=provenance.version if older else None,
        )
        summary.selected = len(ids)
        batch: list[Document] = []
        with make_engine(settings) if ids else _Nothing() as engine:
            for result in engine.analyse(_stored(store.iter_documents(ids))):
                if progress:
                    progress(1)
                if isinstance(result, Failure):
                    store.record_failure(result)
                    summary.failed += 1
                    summary.failures.append(result.model_dump())
                    continue
                batch.append(result)
                if len(batch) >= settings.batch_size:
                    store.replace_analyses(batch)
                    summary.reanalysed += len(batch)
                    batch.clear()
        if batch:
            store.replace_analyses(batch)
            summary.reanalysed += len(batch)
        if settings.cluster and summary.reanalysed:
            summary.clustered = recluster(store, settings=settings)
        summary.stale = store.stale_count(provenance.version)
    finally:
        store.close()
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _stored(documents: Iterable[Document]) -> Iterator[Document]:
    for document in documents:
        yield as_ingested(document)


class _Nothing:
    """The engine of an empty selection: nothing to analyse, so nothing loaded (no spaCy)."""

    def analyse(self, documents: Iterable[Document]) -> Iterator[Document | Failure]:
        return iter(())

    def __enter__(self) -> _Nothing:
        return self

    def __exit__(self, *exc: object) -> None:
        pass
