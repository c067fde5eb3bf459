"""The store: where analysed documents are kept between analysis and clustering/serving.

Comes after the analysis stages (``communique.pipeline.analyse`` hands it
finished ``Document`` records) and before ``communique.cluster`` (which reads
documents back and writes ``Cluster`` records here) and the readers of the
results: ``communique.export``, the REST API and the web UI. What goes in is
``communique.model`` records; what comes out is the same records.

SQLite by default (a plain path), any SQLAlchemy URL otherwise
(``postgresql+psycopg://...``): the tables (``communique.store.schema``) use
portable types only and are created and upgraded by the alembic migrations
shipped in ``store/migrations``. As in datasette, every write goes through
one method (``Store.write``): one transaction per call, under one lock, and a
failed write raises ``StoreError`` (C303) naming the store and leaves what was
stored before untouched.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine, Insert, Table, create_engine, delete, event, insert, select, update
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError

from communique.errors import Messages, StoreError
from communique.model import Actor, Cluster, Document, Failure
from communique.store import rows, schema
from communique.store.analyses import AnalysisTables
from communique.store.clustering import ClusterChanges, ClusterTables, IndexEntry
from communique.store.decisions import insert_clusters
from communique.store.engines import (
    MIGRATIONS,
    error_detail,
    migrate,
    migrate_under_lock,
    sqlite_pragmas,
    sqlite_write_engine,
    start_new_file,
    url_and_options,
)
from communique.store.reading import RecordReads
from communique.store.schema import metadata

__all__ = [
    "MIGRATIONS",
    "ClusterChanges",
    "IndexEntry",
    "Store",
    "StoreError",
    "metadata",
    "migrate",
]

T = TypeVar("T")


def _now() -> datetime:
    return datetime.now(UTC)


class Store(RecordReads, ClusterTables, AnalysisTables):
    """Analysed documents, actors, clusters and failures in one database.

    This class opens and closes the store and holds the one write path and
    the writes of analysed documents. Reading records back (documents,
    actors, articles, clusters, failures, counts) comes from
    ``communique.store.reading.RecordReads``; the methods that
    ``communique.cluster`` uses for incremental clustering (features,
    blocking keys, LSH bands, pairwise decisions) from
    ``communique.store.clustering.ClusterTables``; the analysis versions and
    re-analysis (``communique reanalyse``) from ``communique.store.analyses``.
    Opening the database (URLs, SQLite settings, migrations) is
    ``communique.store.engines``.
    """

    def __init__(self, engine: Engine, url: str, writer: Engine | None = None) -> None:
        self.engine = engine  # reads
        self._writer = writer or engine  # writes (SQLite files: BEGIN IMMEDIATE)
        self.url = url  # for messages: password hidden
        self._lock = threading.RLock()
        self._wrote = False  # refresh planner statistics on close (SQLite)
        # Sources of articles seen in this run but not saved yet (still being analysed).
        self._pending_sources: dict[str, list[dict[str, Any]]] = defaultdict(list)

    # ------------------------------------------------------------------ open/close

    @classmethod
    def open(cls, url_or_path: str) -> Store:
        """Open (creating or upgrading) the store at a path, ``:memory:`` or a SQLAlchemy URL."""
        url, options = url_and_options(str(url_or_path))
        try:
            shown = make_url(url).render_as_string(hide_password=True)
        except Exception as exc:  # SQLAlchemy raises ArgumentError, ValueError, ...
            raise StoreError(
                Messages.C301, source=url_or_path, url=url_or_path, detail=exc
            ) from exc
        try:
            if url.startswith("sqlite:///") and "://" not in url_or_path:
                start_new_file(Path(url.removeprefix("sqlite:///")))
            engine = create_engine(url, **options)
            writer = engine
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", sqlite_pragmas)
                if url != "sqlite://":
                    writer = sqlite_write_engine(url, options)
            migrate_under_lock(writer)
        except Exception as exc:  # driver missing, unreachable server, unreadable file, ...
            raise StoreError(
                Messages.C301, source=shown, url=shown, detail=error_detail(exc)
            ) from exc
        return cls(engine, shown, writer)

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load; ``close`` does it after writes).

        SQLite has no automatic ANALYZE, and without statistics it sorts a
        whole table for listings in publication order instead of walking
        ``ix_articles_published_order`` (2.4 s against 3 ms at 1,000,000 events,
        ``benchmarks/bench_serve.py``). ``analysis_limit`` samples 1,000 rows
        per index, which keeps this to milliseconds at that size. PostgreSQL's
        autovacuum analyses by itself; an explicit ANALYZE only makes it immediate.
        """
        statements = ["ANALYZE"]
        if self.engine.dialect.name == "sqlite":
            statements.insert(0, "PRAGMA analysis_limit=1000")
        self._write(lambda c: [c.exec_driver_sql(s) for s in statements])

    def close(self) -> None:
        if self._wrote and self.engine.dialect.name == "sqlite":
            # Statistics are an optimisation: never fail a close on them.
            with suppress(StoreError):
                self.analyze()
        self.engine.dispose()
        self._writer.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # ------------------------------------------------------------------ the one write path

    def _write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one transaction; any failure rolls it back and raises C303."""
        with self._lock:
            self._wrote = True
            try:
                with self._writer.begin() as connection:
                    return fn(connection)
            except SQLAlchemyError as exc:
                raise StoreError(
                    Messages.C303, source=self.url, url=self.url, detail=error_detail(exc)
                ) from exc

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(connection)`` as one write transaction of this store (the one write path).

        For writers outside this class (the REST API's merge decisions): the
        same lock, transaction and C303 error as the store's own writes.
        """
        return self._write(fn)

    # ------------------------------------------------------------------ writes

    def save_documents(self, documents: Sequence[Document]) -> None:
        """Save analysed documents and every actor they reference, in one transaction.

        Idempotent on the article id: a document whose id is already stored
        (or repeated in the batch) only adds its input as another source.
        """
        documents = list(documents)
        if not documents:
            return
        self._write(lambda connection: self._save(connection, documents))
        for document in documents:  # only once committed: a failed batch keeps them
            self._pending_sources.pop(document.id, None)

    def _save(self, connection: Connection, documents: list[Document]) -> None:
        """Insert the articles not stored yet; record the other inputs as sources.

        Written for concurrent writers (issue 15): the articles go in first
        with ``INSERT ... ON CONFLICT DO NOTHING``, in id order, and only the
        ones this transaction inserted get their rows and actors; an article
        another writer stored first (or is storing: PostgreSQL waits for its
        transaction) becomes a source of that article. Everything happens
        inside the one write transaction, lookups included.
        """
        now = _now()
        first: dict[str, Document] = {}
        again: list[rows.Row] = []  # inputs of articles stored already or earlier in the batch
        for document in documents:
            if document.id in first:
                again.append(rows.source_row(document, now))
            else:
                first[document.id] = document
        ordered = [first[i] for i in sorted(first)]
        version = self._record_version(connection)  # provenance of every article saved here
        inserted = _insert_new(
            connection,
            schema.articles,
            [{**rows.article_row(d, now), "analysis_version": version} for d in ordered],
        )
        new = [d for d in ordered if d.id in inserted]
        again[:0] = [rows.source_row(d, now) for d in ordered if d.id not in inserted]
        self._save_new(connection, new, now)
        for row in again:
            self._insert_source(connection, row)

    def _insert_analyses(self, connection: Connection, documents: Sequence[Document]) -> None:
        """The actors and every per-article row (sentences, mentions, quotes, events, ...)
        of ``documents``, whose article rows exist and hold no analysis rows yet."""
        merged: dict[str, Actor] = {}
        for document in documents:
            for actor in document.actors:
                old = merged.get(actor.id)
                merged[actor.id] = rows.merge_actor(old, actor) if old else actor
        self._upsert_actors(connection, [merged[i] for i in sorted(merged)])
        tables: dict[str, list[rows.Row]] = defaultdict(list)
        for document in documents:
            for name, found in rows.child_rows(document).items():
                tables[name].extend(found)
        for table in schema.ARTICLE_CHILDREN:
            if tables[table.name]:
                connection.execute(insert(table), tables[table.name])

    def _save_new(self, connection: Connection, new: list[Document], now: datetime) -> None:
        """Actors and every per-article row of articles this transaction has just inserted."""
        if not new:
            return
        self._insert_analyses(connection, new)
        for document in new:
            self._insert_source(connection, rows.source_row(document, now))
            for pending in self._pending_sources.get(document.id, []):
                self._insert_source(connection, pending)

    def _upsert_actors(self, connection: Connection, actors: list[Actor]) -> None:
        """Insert new actors, merge changes into stored ones (see ``rows.merge_actor``).

        ``INSERT ... ON CONFLICT DO NOTHING`` first (in id order, so that two
        PostgreSQL writers lock rows in the same order and cannot deadlock);
        the actors that were there already are then read ``FOR UPDATE`` in
        the same transaction, merged and rewritten, so no writer's aliases or
        roles are lost to another's.
        """
        if not actors:
            return
        inserted = _insert_new(connection, schema.actors, [rows.actor_rows(a)[0] for a in actors])
        fresh = [a for a in actors if a.id in inserted]
        stored = [a for a in actors if a.id not in inserted]
        old = {a.id: a for a in self._load_actors(connection, [a.id for a in stored], lock=True)}
        changed: list[Actor] = []
        for actor in stored:
            merged = rows.merge_actor(old[actor.id], actor)
            if merged != old[actor.id]:
                changed.append(merged)
        alias_rows, role_rows = [], []
        changed_ids = {a.id for a in changed}
        for actor in [*fresh, *changed]:
            row, aliases, roles = rows.actor_rows(actor)
            if actor.id in changed_ids:
                # An UPDATE, not delete-and-insert: another writer waiting on this
                # row (FOR UPDATE) then reads its new version instead of losing it.
                connection.execute(
                    update(schema.actors).where(schema.actors.c.id == actor.id).values(row)
                )
                for table in (schema.actor_aliases, schema.actor_roles):
                    connection.execute(delete(table).where(table.c.actor_id == actor.id))
            alias_rows.extend(aliases)
            role_rows.extend(roles)
        if alias_rows:
            connection.execute(insert(schema.actor_aliases), alias_rows)
        if role_rows:
            connection.execute(insert(schema.actor_roles), role_rows)

    def _insert_source(self, connection: Connection, row: dict[str, Any]) -> bool:
        """Record an input for a stored article unless the same input is already recorded.

        The article's row is locked first (PostgreSQL; SQLite's write lock
        covers it), so two writers cannot both find the input missing.
        """
        t, a = schema.article_sources, schema.articles
        connection.execute(select(a.c.id).where(a.c.id == row["article_id"]).with_for_update())
        same = select(t.c.id).where(
            t.c.article_id == row["article_id"],
            t.c.file.is_not_distinct_from(row["file"]),
            t.c.url.is_not_distinct_from(row["url"]),
            t.c.outlet.is_not_distinct_from(row["outlet"]),
        )
        if connection.execute(same.limit(1)).first() is not None:
            return False
        connection.execute(insert(t), [row])
        return True

    def add_source(self, document: Document) -> None:
        """Record one more input that produced an article's content (idempotent).

        An article that is not stored yet (seen earlier in the same run, still
        being analysed) gets the source when ``save_documents`` saves it.
        """
        row = rows.source_row(document, _now())

        def write(connection: Connection) -> None:
            if self._has(connection, document.id):
                self._insert_source(connection, row)
            elif row not in self._pending_sources[document.id]:
                self._pending_sources[document.id].append(row)

        self._write(write)

    def record_failure(self, failure: Failure) -> None:
        """Record a failed input once: a rerun that fails the same way adds no second row."""
        row = {**failure.model_dump(), "at": _now()}
        t = schema.failures

        def write(connection: Connection) -> None:
            same = select(t.c.id).where(
                *(t.c[name].is_not_distinct_from(row[name]) for name in Failure.model_fields)
            )
            if connection.execute(same.limit(1)).first() is None:
                connection.execute(insert(t), [row])

        self._write(write)

    def replace_clusters(self, levels: Sequence[str], clusters: Iterable[Cluster]) -> None:
        """Delete every cluster of ``levels`` and store ``clusters`` instead, in one transaction."""
        levels = list(levels)
        items = list(clusters)

        def write(connection: Connection) -> None:
            connection.execute(
                delete(schema.cluster_members).where(schema.cluster_members.c.level.in_(levels))
            )
            connection.execute(delete(schema.clusters).where(schema.clusters.c.level.in_(levels)))
            insert_clusters(connection, items)

        self._write(write)

    def update_actor(self, actor: Actor) -> None:
        """Replace a stored actor as it is (e.g. a user's correction, ``origin="user"``)."""

        def write(connection: Connection) -> None:
            for table in (schema.actor_aliases, schema.actor_roles):
                connection.execute(delete(table).where(table.c.actor_id == actor.id))
            row, aliases, roles = rows.actor_rows(actor)
            done = connection.execute(
                update(schema.actors).where(schema.actors.c.id == actor.id).values(row)
            )
            if done.rowcount == 0:
                connection.execute(insert(schema.actors), [row])
            for table, found in ((schema.actor_aliases, aliases), (schema.actor_roles, roles)):
                if found:
                    connection.execute(insert(table), found)

        self._write(write)


def _insert_new(connection: Connection, table: Table, new_rows: list[rows.Row]) -> set[str]:
    """Insert rows whose ``id`` is not in ``table`` yet; the ids this statement inserted.

    ``INSERT ... ON CONFLICT (id) DO NOTHING RETURNING id`` on both engines:
    an id another transaction holds is skipped (PostgreSQL waits for that
    transaction first), never an integrity error.
    """
    if not new_rows:
        return set()
    statement: Insert
    # only the dialect in use is imported: PostgreSQL's costs a SQLite run 0.1 s
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(table).on_conflict_do_nothing(index_elements=["id"])
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(table).on_conflict_do_nothing(index_elements=["id"])
    return set(connection.execute(statement.returning(table.c.id), new_rows).scalars())
