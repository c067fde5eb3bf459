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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
    Engine,
    Insert,
    Select,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from communique.errors import Messages, StoreError
from communique.model import Actor, Cluster, Document, Failure
from communique.store import rows, schema
from communique.store.analyses import AnalysisTables
from communique.store.clustering import ClusterChanges, ClusterTables, IndexEntry
from communique.store.decisions import cluster_from_row as _cluster_from_row
from communique.store.decisions import insert_clusters
from communique.store.schema import metadata

__all__ = ["ClusterChanges", "IndexEntry", "Store", "StoreError", "metadata"]

T = TypeVar("T")

# Documents loaded per round of queries when streaming: small enough for
# SQLite's bound-parameter limit and a modest memory footprint, large enough
# that one query per table amortises over many articles.
CHUNK = 200
# How long a SQLite writer waits for another process's lock before failing
# (a second `communique run` or a datasette reading the same file).
BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = "communique.store:migrations"


def _url(url_or_path: str) -> tuple[str, dict[str, Any]]:
    """SQLAlchemy URL and engine options for a path, ``:memory:`` or a URL."""
    if url_or_path in (":memory:", "sqlite://", "sqlite:///:memory:"):
        # One shared connection: the default per-thread pool would give every
        # thread its own empty in-memory database.
        return "sqlite://", {
            "poolclass": StaticPool,
            "connect_args": {"check_same_thread": False},
        }
    if "://" in url_or_path:
        return url_or_path, {}
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}", {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL: readers (datasette, the REST API) never block the writer.
    # In-memory databases answer "memory" and stay as they are.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(connection: Connection) -> None:
    """Bring the schema of the database behind ``connection`` to the latest revision."""
    from communique.store.migration_head import at_head

    if at_head(connection):  # nothing to run: spare the read-only commands alembic's import
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


# Any fixed number: the PostgreSQL advisory lock that serialises communique's migrations.
MIGRATION_LOCK = 0x636F6D6D  # "comm"


def _sqlite_write_engine(url: str, options: dict[str, Any]) -> Engine:
    """The engine of a SQLite file store's writes: each transaction is ``BEGIN IMMEDIATE``.

    Issue 15: pysqlite opens its own transactions lazily, at the first
    INSERT, and commits before every DDL statement. So a store killed during
    creation kept half its tables ("table actors already exists" forever
    after), two processes creating one store raced on the same CREATE TABLEs,
    and two writers read (actor and article lookups) before taking the write
    lock, then collided on ``UNIQUE constraint failed: actors.id``. With the
    driver's transactions off and ``BEGIN IMMEDIATE`` sent by SQLAlchemy,
    every write transaction (the migration included) takes the write lock
    before its first read, waits up to ``BUSY_TIMEOUT_MS`` for another
    writer, and commits or rolls back as a whole. Reads keep the shared
    engine: in WAL mode they never wait for a writer.
    """
    writer = create_engine(url, **options)
    event.listen(writer, "connect", _sqlite_pragmas)
    event.listen(writer, "connect", _driver_autocommit)
    event.listen(writer, "begin", _begin_immediate)
    return writer


def _driver_autocommit(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy then sends BEGIN itself (``_begin_immediate``), so DDL stays inside it.
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


# Any fixed number: the PostgreSQL advisory lock that serialises communique's migrations.
MIGRATION_LOCK = 0x636F6D6D  # "comm"


def _migrate(writer: Engine) -> None:
    """Create or upgrade the schema in one transaction that holds the write lock throughout.

    SQLite: the write engine's ``BEGIN IMMEDIATE`` (``_sqlite_write_engine``),
    so a kill rolls the whole migration back and a second opener waits, then
    finds the schema at head. PostgreSQL has transactional DDL; a
    transaction-scoped advisory lock serialises the openers the same way.
    """
    with writer.begin() as connection:
        if writer.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        migrate(connection)


def _start_new_file(path: Path) -> None:
    """A SQLite file store that does not exist yet starts as a copy of an empty store at the
    newest migration (``template``: alembic's import and run spared, issue 14)."""
    if path.exists():
        return
    from communique.store.template import new_store

    def create(file: Path) -> None:
        writer = _sqlite_write_engine(f"sqlite:///{file}", {})
        try:
            _migrate(writer)
        finally:
            writer.dispose()

    new_store(path, create)


def _chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _now() -> datetime:
    return datetime.now(UTC)


class Store(ClusterTables, AnalysisTables):
    """Analysed documents, actors, clusters and failures in one database.

    The methods that ``communique.cluster`` uses for incremental clustering
    (features, blocking keys, LSH bands, pairwise decisions) come from
    ``communique.store.clustering.ClusterTables``; the analysis versions and
    re-analysis (``communique reanalyse``) from ``communique.store.analyses``.
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
        url, options = _url(str(url_or_path))
        try:
            shown = make_url(url).render_as_string(hide_password=True)
        except Exception as exc:  # SQLAlchemy raises ArgumentError, ValueError, ...
            raise StoreError(
                Messages.C301, source=url_or_path, url=url_or_path, detail=exc
            ) from exc
        try:
            if url.startswith("sqlite:///") and "://" not in url_or_path:
                _start_new_file(Path(url.removeprefix("sqlite:///")))
            engine = create_engine(url, **options)
            writer = engine
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
                if url != "sqlite://":
                    writer = _sqlite_write_engine(url, options)
            _migrate(writer)
        except Exception as exc:  # driver missing, unreachable server, unreadable file, ...
            raise StoreError(Messages.C301, source=shown, url=shown, detail=_detail(exc)) from exc
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
                    Messages.C303, source=self.url, url=self.url, detail=_detail(exc)
                ) from exc

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(connection)`` as one write transaction of this store (the one write path).

        For writers outside this class (the REST API's merge decisions): the
        same lock, transaction and C303 error as the store's own writes.
        """
        return self._write(fn)

    def read(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn(connection)`` on a read connection; a database error raises C304."""
        return self._read(fn)

    def _read(self, fn: Callable[[Connection], T]) -> T:
        with self.reading() as connection:
            return fn(connection)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read connection for a block of reads (the REST API's requests); a database
        error inside the block raises C304, as ``read`` does."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(
                Messages.C304, source=self.url, url=self.url, detail=_detail(exc)
            ) from exc

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

    # ------------------------------------------------------------------ reads

    @staticmethod
    def _has(connection: Connection, article_id: str) -> bool:
        query = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
        return connection.execute(query).first() is not None

    def has_article(self, article_id: str) -> bool:
        return self._read(lambda connection: self._has(connection, article_id))

    def article_ids(self) -> list[str]:
        """Every article id, in the order the articles were added."""
        t = schema.articles
        query = select(t.c.id).order_by(t.c.added_at, t.c.id)
        return self._read(lambda connection: list(connection.scalars(query)))

    def load_document(self, article_id: str) -> Document:
        found = self._read(lambda connection: self._load_documents(connection, [article_id]))
        if not found:
            raise StoreError(Messages.C302, source=self.url, url=self.url, article=article_id)
        return found[0]

    def iter_documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stream documents (all, or ``ids`` in that order), ``CHUNK`` at a time.

        Each chunk is read with its own short connection, so a slow consumer
        holds no lock and may write to the store between documents.
        """
        chunks = _chunks(ids) if ids is not None else self._id_pages()
        for chunk in chunks:
            loaded = self._read(partial(self._load_documents, ids=chunk))
            by_id = {d.id: d for d in loaded}
            for article_id in chunk:
                if article_id not in by_id:
                    raise StoreError(
                        Messages.C302, source=self.url, url=self.url, article=article_id
                    )
                yield by_id[article_id]

    def _id_pages(self, table: Table = schema.articles) -> Iterator[list[str]]:
        """All ids of ``table`` in id order, one page at a time (keyset paging)."""
        last: str | None = None
        while True:
            query = select(table.c.id).order_by(table.c.id).limit(CHUNK)
            if last is not None:
                query = query.where(table.c.id > last)

            def read(connection: Connection, query: Select[tuple[str]] = query) -> list[str]:
                return list(connection.scalars(query))

            page = self._read(read)
            if not page:
                return
            yield page
            last = page[-1]

    def _load_documents(self, connection: Connection, ids: list[str]) -> list[Document]:
        articles = connection.execute(
            select(schema.articles).where(schema.articles.c.id.in_(ids))
        ).mappings()
        article_rows = {row["id"]: dict(row) for row in articles}
        if not article_rows:
            return []
        children: dict[str, dict[str, list[rows.Row]]] = defaultdict(lambda: defaultdict(list))
        for table in schema.ARTICLE_CHILDREN:
            order = table.c.idx if table is schema.sentences else table.c.seq
            query = select(table).where(table.c.article_id.in_(ids)).order_by(order)
            for row in connection.execute(query).mappings():
                children[row["article_id"]][table.name].append(dict(row))
        actor_ids = {r["actor_id"] for c in children.values() for r in c.get("article_actors", [])}
        actors = {a.id: a for a in self._load_actors(connection, sorted(actor_ids))}
        return [
            rows.document_from_rows(article_rows[i], children[i], actors)
            for i in ids
            if i in article_rows
        ]

    def _load_actors(
        self, connection: Connection, ids: Sequence[str], lock: bool = False
    ) -> list[Actor]:
        """Actors by id; ``lock``: their rows locked until the transaction ends (PostgreSQL)."""
        found: list[Actor] = []
        for chunk in _chunks(ids, 500):
            query = select(schema.actors).where(schema.actors.c.id.in_(chunk))
            if lock:
                query = query.order_by(schema.actors.c.id).with_for_update()
            actor_rows = connection.execute(query).mappings()
            by_id = {row["id"]: dict(row) for row in actor_rows}
            aliases: dict[str, list[str]] = defaultdict(list)
            query = (
                select(schema.actor_aliases)
                .where(schema.actor_aliases.c.actor_id.in_(chunk))
                .order_by(schema.actor_aliases.c.seq)
            )
            for row in connection.execute(query).mappings():
                aliases[row["actor_id"]].append(row["alias"])
            roles: dict[str, list[rows.Row]] = defaultdict(list)
            query = (
                select(schema.actor_roles)
                .where(schema.actor_roles.c.actor_id.in_(chunk))
                .order_by(schema.actor_roles.c.seq)
            )
            for row in connection.execute(query).mappings():
                roles[row["actor_id"]].append(dict(row))
            found.extend(
                rows.actor_from_rows(by_id[i], aliases[i], roles[i]) for i in chunk if i in by_id
            )
        return found

    def get_actor(self, actor_id: str) -> Actor | None:
        found = self._read(lambda connection: self._load_actors(connection, [actor_id]))
        return found[0] if found else None

    def iter_actors(self) -> Iterator[Actor]:
        """Every stored actor, in id order, streamed a page at a time."""
        for page in self._id_pages(schema.actors):
            yield from self._read(partial(self._load_actors, ids=page))

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Article metadata without texts or analysis, with every input as ``sources``.

        For listings and the ``articles`` export, which need no sentences or events.
        """
        a, s = schema.articles, schema.article_sources
        columns = [c for c in a.c if c.name not in ("text", "original", "offset_map")]
        for page in self._id_pages():

            def read(connection: Connection, page: list[str] = page) -> list[dict[str, Any]]:
                found = {
                    row["id"]: {**row, "sources": []}
                    for row in connection.execute(
                        select(*columns).where(a.c.id.in_(page))
                    ).mappings()
                }
                query = (
                    select(s.c.article_id, s.c.file, s.c.url, s.c.outlet)
                    .where(s.c.article_id.in_(page))
                    .order_by(s.c.id)
                )
                for row in connection.execute(query).mappings():
                    found[row["article_id"]]["sources"].append(
                        {k: row[k] for k in ("file", "url", "outlet")}
                    )
                return [found[i] for i in page if i in found]

            yield from self._read(read)

    def clusters(self, level: str | None = None) -> list[Cluster]:
        c, m = schema.clusters, schema.cluster_members

        def read(connection: Connection) -> list[Cluster]:
            query = select(c).order_by(c.c.level, c.c.id)
            members_query = select(m).order_by(m.c.level, m.c.cluster_id, m.c.seq)
            if level is not None:
                query = query.where(c.c.level == level)
                members_query = members_query.where(m.c.level == level)
            members: dict[tuple[str, str], list[str]] = defaultdict(list)
            for row in connection.execute(members_query).mappings():
                members[(row["level"], row["cluster_id"])].append(row["member"])
            return [
                _cluster_from_row(row, members[(row["level"], row["id"])])
                for row in connection.execute(query).mappings()
            ]

        return self._read(read)

    def failures(self) -> list[Failure]:
        t = schema.failures
        query = select(t.c.source, t.c.code, t.c.message, t.c.document_id).order_by(t.c.id)
        return self._read(
            lambda connection: [
                Failure.model_validate(dict(row)) for row in connection.execute(query).mappings()
            ]
        )

    def stats(self) -> dict[str, int]:
        """Row counts: articles, events, quotes, actors, mentions, timexes, clusters, failures."""
        tables = {
            "articles": schema.articles,
            "events": schema.events,
            "quotes": schema.quotes,
            "actors": schema.actors,
            "mentions": schema.mentions,
            "timexes": schema.timexes,
            "clusters": schema.clusters,
            "failures": schema.failures,
        }

        def read(connection: Connection) -> dict[str, int]:
            return {
                name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in tables.items()
            }

        return self._read(read)


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


def _detail(exc: BaseException) -> str:
    """The driver's own message without SQLAlchemy's statement dump and help link."""
    original = getattr(exc, "orig", None)
    return f"{type(original or exc).__name__}: {original or exc}".splitlines()[0]
