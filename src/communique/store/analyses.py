"""The store's side of provenance and re-analysis.

Every article the store saves carries the analysis version of the code and
data that analysed it (``communique.store.provenance``), and each version's
inputs are kept once in ``analysis_versions``. This module holds the methods
of ``Store`` that read those versions (``stale_count`` for ``communique
stats``, ``select_articles`` for ``communique reanalyse``) and the one that
replaces stored analyses with new ones (``replace_analyses``), keeping the
article rows, their ids and sources, and every cluster decision.
``Store`` inherits them through ``AnalysisTables``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Insert, Select, delete, func, or_, select, update
from sqlalchemy.engine import Connection

from communique.model import Document
from communique.store import schema
from communique.store.decisions import chunks
from communique.store.provenance import Provenance, current_provenance

# Article columns an analysis may set; everything else of an article row (id,
# text, first source, when it was added) is kept as the first run stored it.
ANALYSED_COLUMNS = ("status", "language")


class AnalysisTables:
    """Methods of ``Store`` for provenance and re-analysis (see the module docstring)."""

    _write: Callable[[Callable[[Connection], Any]], Any]
    _read: Callable[[Callable[[Connection], Any]], Any]
    _insert_analyses: Callable[[Connection, Sequence[Document]], None]
    _provenance: Provenance | None = None

    # ------------------------------------------------------------ the current version

    def use_provenance(self, provenance: Provenance) -> None:
        """Record ``provenance`` on the articles this store saves from now on (a run's settings)."""
        self._provenance = provenance

    @property
    def provenance(self) -> Provenance:
        """What is recorded on saved articles: set by the run, else the default settings'."""
        if self._provenance is None:
            from communique.config import load_settings

            self._provenance = current_provenance(load_settings())
        return self._provenance

    def _record_version(self, connection: Connection) -> str:
        """Store the current version's inputs unless stored already; the version."""
        found = self.provenance
        t = schema.analysis_versions
        row = {
            "version": found.version,
            "package": found.package,
            "inputs": dict(found.inputs),
            "recorded_at": datetime.now(UTC),
        }
        statement: Insert
        if connection.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql

            statement = postgresql.insert(t).on_conflict_do_nothing(index_elements=["version"])
        else:
            from sqlalchemy.dialects import sqlite

            statement = sqlite.insert(t).on_conflict_do_nothing(index_elements=["version"])
        connection.execute(statement, [row])
        return found.version

    # ------------------------------------------------------------ reads

    def analysis_versions(self) -> dict[str | None, int]:
        """How many articles each analysis version produced (None: stored before versions)."""
        a = schema.articles
        query = select(a.c.analysis_version, func.count()).group_by(a.c.analysis_version)
        result: dict[str | None, int] = self._read(
            lambda connection: {v: int(n) for v, n in connection.execute(query)}
        )
        return result

    def version_inputs(self, version: str) -> dict[str, str] | None:
        """The inputs (name → sha256 or version) behind a recorded analysis version."""
        t = schema.analysis_versions
        query = select(t.c.inputs).where(t.c.version == version)
        found = self._read(lambda connection: connection.scalar(query))
        return dict(found) if found is not None else None

    def stale_count(self, version: str) -> int:
        """Articles whose analysis is not of ``version`` (older code or data, or unknown)."""
        return sum(n for v, n in self.analysis_versions().items() if v != version)

    def select_articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        other_than: str | None = None,
    ) -> list[str]:
        """Ids of stored articles, in the order they were added, matching every filter given.

        ``since``/``until``: ISO prefixes (a day, a month or a year) compared
        with the published date, both ends included (an article without a
        date matches neither). ``other_than``: only analyses of another version.
        """
        a = schema.articles
        query: Select[tuple[str]] = select(a.c.id).order_by(a.c.added_at, a.c.id)
        if outlet is not None:
            query = query.where(a.c.outlet == outlet)
        if since is not None:
            query = query.where(a.c.published >= since)
        if until is not None:
            query = query.where(func.substr(a.c.published, 1, len(until)) <= until)
        if other_than is not None:
            query = query.where(
                or_(a.c.analysis_version.is_(None), a.c.analysis_version != other_than)
            )
        result: list[str] = self._read(lambda connection: list(connection.scalars(query)))
        return result

    # ------------------------------------------------------------ writes

    def replace_analyses(self, documents: Sequence[Document]) -> None:
        """Replace the stored analysis of already stored articles, in one transaction.

        Sentences, mentions, time expressions, quotes, events and the
        article's actor list are deleted and written again from
        ``documents``; the article row keeps its id, text, sources and the
        time it was added, and takes the current analysis version. Cluster
        decisions are not touched: the caller clusters again afterwards
        (``communique.cluster.recluster``), which obeys users' decisions.
        An id that is not stored is skipped (deleted meanwhile).
        """
        documents = list({d.id: d for d in documents}.values())
        if not documents:
            return
        self._write(lambda connection: self._replace(connection, documents))

    def _replace(self, connection: Connection, documents: list[Document]) -> None:
        a = schema.articles
        ids = [d.id for d in documents]
        stored: set[str] = set()
        for chunk in chunks(sorted(ids)):
            # Locks the rows (PostgreSQL) against a concurrent reanalysis of the same ones.
            query = select(a.c.id).where(a.c.id.in_(chunk)).order_by(a.c.id).with_for_update()
            stored.update(connection.scalars(query))
        documents = [d for d in documents if d.id in stored]
        version = self._record_version(connection)
        for chunk in chunks(sorted(stored)):
            for table in schema.ARTICLE_CHILDREN:
                connection.execute(delete(table).where(table.c.article_id.in_(chunk)))
        for document in documents:
            values = {c: getattr(document, c) for c in ANALYSED_COLUMNS}
            connection.execute(
                update(a).where(a.c.id == document.id).values(**values, analysis_version=version)
            )
        self._insert_analyses(connection, documents)
