"""Reading records back out of the store: documents, actors, article metadata, clusters.

The read side of ``Store`` (``communique.store``), which inherits these
methods through ``RecordReads``. In: the tables that ``Store``'s writes fill.
Out: ``communique.model`` records again (``Document``, ``Actor``,
``Cluster``, ``Failure``), built from rows by ``communique.store.rows``, for
``communique.cluster``, ``communique.export``, the REST API, the web UI and
the read-only commands (``communique stats``, ``show``). Every read goes
through one read connection (``read``/``reading``); a database error raises
``StoreError`` (C304) naming the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Engine, Select, Table, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from communique.errors import Messages, StoreError
from communique.model import Actor, Cluster, Document, Failure
from communique.store import rows, schema
from communique.store.decisions import cluster_from_row
from communique.store.engines import error_detail

T = TypeVar("T")

# Documents loaded per round of queries when streaming: small enough for
# SQLite's bound-parameter limit and a modest memory footprint, large enough
# that one query per table amortises over many articles.
CHUNK = 200


def _chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class RecordReads:
    """Methods of ``Store`` that read records back (see the module docstring)."""

    engine: Engine  # reads
    url: str  # for messages: password hidden

    # ------------------------------------------------------------------ the one read path

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
                Messages.C304, source=self.url, url=self.url, detail=error_detail(exc)
            ) from exc

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
                cluster_from_row(row, members[(row["level"], row["id"])])
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
