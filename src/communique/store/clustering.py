"""The store's side of incremental clustering: features, blocking keys, LSH bands, changes.

``communique.cluster`` (the last stage of a run) reads and writes these
tables through the public methods below, which ``Store`` inherits; nothing
else does. What goes in: per article its compact features (JSON), blocking
keys ``(key, date bucket)``, MinHash LSH bands and story terms; per cluster
level the clusters a batch of new articles touched and the pairwise decisions
behind them. What comes out: candidate article ids for a new article (by
shared keys or bands), stored features and memberships. The decisions and
users' merges and splits are in ``store.decisions`` (``DecisionTables``).

Every lookup is by indexed key (primary keys of ``cluster_blocks``,
``minhash_bands``, ``cluster_terms``; ``cluster_members.member``; the
``(level, a)``/``(level, b)`` indexes of ``cluster_decisions``), so the cost
of adding an article follows the size of its blocks, not of the store. Writes
go through ``Store._write`` like every other write (one transaction, one lock).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from communique.model import Cluster, Decision, Evidence
from communique.store import schema
from communique.store.decisions import (
    DecisionTables,
    chunks,
    cluster_from_row,
    delete_clusters,
    insert_clusters,
    record,
)

# A blocking key shared by more articles than this in one lookup says nothing
# about an episode (a word or actor every report of the week carries); it is
# skipped, as blocking schemes drop oversized blocks, so that one new article
# never compares with an unbounded number of stored ones.
MAX_BLOCK = 400
# The term of ``cluster_terms`` that counts the clustered articles (no real term has a "#").
ARTICLES = "#articles"


@dataclass
class IndexEntry:
    """What ``cluster`` stores for one newly clustered article."""

    article_id: str
    data: dict[str, Any]  # ArticleFeatures as JSON
    blocks: set[tuple[str, int]] = field(default_factory=set)
    bands: set[tuple[int, int]] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)


@dataclass
class ClusterChanges:
    """One batch's changes to the clusters, written in one transaction.

    ``remove``: level → ids of stored clusters to delete (the ones the batch
    touched); ``add``: their replacements. ``forget``: level → members whose
    ``auto`` decisions are replaced by ``decisions`` (user decisions stay).
    """

    remove: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    add: list[Cluster] = field(default_factory=list)
    forget: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    decisions: list[Decision] = field(default_factory=list)
    index: list[IndexEntry] = field(default_factory=list)  # the new articles' index rows
    # how many articles were clustered when the batch began reading the store: the
    # write goes ahead only if that is still so (no other writer clustered since)
    clustered_before: int | None = None


class ClusterTables(DecisionTables):
    """Methods of ``Store`` for ``communique.cluster`` (see the module docstring)."""

    _write: Callable[[Callable[[Connection], Any]], Any]
    _read: Callable[[Callable[[Connection], Any]], Any]

    # ------------------------------------------------------------ articles to cluster

    def added_order(self, ids: Sequence[str]) -> list[str]:
        """``ids`` that are stored, in the order they were added (as ``article_ids``)."""
        a = schema.articles

        def read(connection: Connection) -> list[str]:
            found: list[tuple[Any, str]] = []
            for chunk in chunks(dict.fromkeys(ids)):
                query = select(a.c.added_at, a.c.id).where(a.c.id.in_(chunk))
                found.extend((r.added_at, r.id) for r in connection.execute(query))
            return [i for _, i in sorted(found)]

        result: list[str] = self._read(read)
        return result

    def unclustered(self) -> list[str]:
        """Stored articles without clustering features, in the order they were added.

        What the next clustering pass owes: clustering is driven by what is
        stored, so articles saved by a run that was killed before (or during)
        clustering are found here by the next run. One anti-join on primary
        keys, once per run.
        """
        a, f = schema.articles, schema.cluster_features
        query = (
            select(a.c.id)
            .where(~select(f.c.article_id).where(f.c.article_id == a.c.id).exists())
            .order_by(a.c.added_at, a.c.id)
        )
        result: list[str] = self._read(lambda connection: list(connection.scalars(query)))
        return result

    def clustered(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` already have clustering features."""
        t = schema.cluster_features

        def read(connection: Connection) -> set[str]:
            found: set[str] = set()
            for chunk in chunks(ids):
                found.update(
                    connection.scalars(select(t.c.article_id).where(t.c.article_id.in_(chunk)))
                )
            return found

        result: set[str] = self._read(read)
        return result

    def clustered_count(self) -> int:
        """How many articles are clustered: kept as the term ``ARTICLES`` of ``cluster_terms``
        (a COUNT(*) would read the whole index on every new article)."""
        return self.term_df([ARTICLES]).get(ARTICLES, 0)

    def has_clusters(self) -> bool:
        query = select(schema.clusters.c.id).limit(1)
        return self._read(lambda connection: connection.execute(query).first()) is not None

    def texts(self, ids: Sequence[str]) -> dict[str, str]:
        """Cleaned texts of articles (for the exact near-duplicate check)."""
        a = schema.articles

        def read(connection: Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for chunk in chunks(ids):
                query = select(a.c.id, a.c.text).where(a.c.id.in_(chunk))
                found.update({r.id: r.text for r in connection.execute(query)})
            return found

        result: dict[str, str] = self._read(read)
        return result

    # ------------------------------------------------------------ the index

    def save_cluster_index(self, entries: Sequence[IndexEntry]) -> None:
        """Store features, blocking keys, bands of new articles and count their terms."""

        def write(connection: Connection) -> None:
            _claim(connection, None, len(entries))
            _write_index(connection, entries)

        if entries:
            self._write(write)

    def term_df(self, terms: Iterable[str]) -> dict[str, int]:
        t = schema.cluster_terms

        def read(connection: Connection) -> dict[str, int]:
            found: dict[str, int] = {}
            for chunk in chunks(sorted(set(terms))):
                query = select(t.c.term, t.c.df).where(t.c.term.in_(chunk))
                found.update({r.term: int(r.df) for r in connection.execute(query)})
            return found

        result: dict[str, int] = self._read(read)
        return result

    def cluster_features(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        t = schema.cluster_features

        def read(connection: Connection) -> dict[str, dict[str, Any]]:
            found: dict[str, dict[str, Any]] = {}
            for chunk in chunks(sorted(set(ids))):
                query = select(t.c.article_id, t.c.data).where(t.c.article_id.in_(chunk))
                found.update({r.article_id: r.data for r in connection.execute(query)})
            return found

        result: dict[str, dict[str, Any]] = self._read(read)
        return result

    def block_candidates(
        self, blocks: Iterable[tuple[str, int | None]]
    ) -> dict[tuple[str, int | None], set[str]]:
        """Articles stored under each ``(key, bucket)``; bucket None: under the key in any bucket.

        Oversized keys come back as they are: the caller drops them
        (``cluster.incremental``, ``MAX_BLOCK``).
        """
        t = schema.cluster_blocks
        wanted = set(blocks)
        dated = sorted((k, b) for k, b in wanted if b is not None)
        anywhen = sorted({k for k, b in wanted if b is None})

        def read(connection: Connection) -> dict[tuple[str, int | None], set[str]]:
            found: dict[tuple[str, int | None], set[str]] = defaultdict(set)
            # key IN (...) AND bucket IN (...) walks the primary key (SQLite does not
            # use an index for a row-value IN), then the pairs not asked for are dropped
            asked = set(dated)
            for chunk in chunks(dated):
                query = select(t.c.key, t.c.bucket, t.c.article_id).where(
                    t.c.key.in_(sorted({k for k, _ in chunk})),
                    t.c.bucket.in_(sorted({b for _, b in chunk})),
                )
                for row in connection.execute(query):
                    if (row.key, row.bucket) in asked:
                        found[(row.key, row.bucket)].add(row.article_id)
            for keys in chunks(anywhen):
                query2 = select(t.c.key, t.c.article_id).where(t.c.key.in_(keys))
                for key, article_id in connection.execute(query2):
                    found[(key, None)].add(article_id)
            return found

        result: dict[tuple[str, int | None], set[str]] = self._read(read)
        return result

    def band_candidates(self, bands: Iterable[tuple[int, int]]) -> dict[tuple[int, int], set[str]]:
        """Articles under each MinHash LSH band ``(band, hash)``."""
        t = schema.minhash_bands

        def read(connection: Connection) -> dict[tuple[int, int], set[str]]:
            found: dict[tuple[int, int], set[str]] = defaultdict(set)
            asked = set(bands)
            for chunk in chunks(sorted(asked)):
                query = select(t.c.band, t.c.hash, t.c.article_id).where(
                    t.c.band.in_(sorted({b for b, _ in chunk})),
                    t.c.hash.in_(sorted({h for _, h in chunk})),
                )
                for row in connection.execute(query):
                    if (row.band, row.hash) in asked:
                        found[(row.band, row.hash)].add(row.article_id)
            return found

        result: dict[tuple[int, int], set[str]] = self._read(read)
        return result

    # ------------------------------------------------------------ clusters and decisions

    def memberships(self, level: str, members: Iterable[str]) -> dict[str, str]:
        """member → id of its cluster of ``level``, for the members that have one."""
        m = schema.cluster_members

        def read(connection: Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for chunk in chunks(sorted(set(members))):
                # by member only, the level checked here: with "level = ?" in the query
                # SQLite may walk the primary key (level, ...) instead of the member index
                query = select(m.c.level, m.c.member, m.c.cluster_id).where(m.c.member.in_(chunk))
                found.update(
                    {r.member: r.cluster_id for r in connection.execute(query) if r.level == level}
                )
            return found

        result: dict[str, str] = self._read(read)
        return result

    def clusters_by_id(self, level: str, ids: Iterable[str]) -> list[Cluster]:
        c, m = schema.clusters, schema.cluster_members

        def read(connection: Connection) -> list[Cluster]:
            found: list[Cluster] = []
            for chunk in chunks(sorted(set(ids))):
                members: dict[str, list[str]] = defaultdict(list)
                query = (
                    select(m.c.cluster_id, m.c.member)
                    .where(m.c.level == level, m.c.cluster_id.in_(chunk))
                    .order_by(m.c.cluster_id, m.c.seq)
                )
                for row in connection.execute(query):
                    members[row.cluster_id].append(row.member)
                query2 = select(c).where(c.c.level == level, c.c.id.in_(chunk)).order_by(c.c.id)
                found.extend(
                    cluster_from_row(row, members[row["id"]])
                    for row in connection.execute(query2).mappings()
                )
            return found

        result: list[Cluster] = self._read(read)
        return result

    def apply_cluster_changes(self, changes: ClusterChanges) -> bool:
        """Replace the touched clusters and their auto decisions, in one transaction.

        Optimistic concurrency: two ``communique run`` processes on one store
        both cluster the articles that are not clustered yet, each from what
        it read before writing. The write first claims the clustered-articles
        counter (``_claim``); when another writer clustered articles since
        ``changes.clustered_before`` was read, nothing is written and the
        result is False, so that the caller reads the store again and
        recomputes (its articles may be clustered already, and the clusters it
        replaces may have changed).
        """

        def write(connection: Connection) -> bool:
            if not _claim(connection, changes.clustered_before, len(changes.index)):
                return False
            d = schema.cluster_decisions
            for level, ids in changes.remove.items():
                delete_clusters(connection, level, sorted(ids))
            _write_index(connection, changes.index)
            insert_clusters(connection, changes.add)
            for level, members in changes.forget.items():
                for chunk in chunks(sorted(members)):
                    for side in (d.c.a, d.c.b):
                        connection.execute(
                            delete(d).where(
                                d.c.level == level, d.c.decided_by == "auto", side.in_(chunk)
                            )
                        )
            record(connection, changes.decisions)
            return True

        return bool(self._write(write))

    def event_evidence(self, members: Iterable[str]) -> dict[str, Evidence]:
        """The evidence sentence of global event ids (``<article>#<event>``)."""
        e = schema.events
        wanted: dict[str, set[str]] = defaultdict(set)
        for member in members:
            article, _, local = member.partition("#")
            wanted[article].add(local)

        def read(connection: Connection) -> dict[str, Evidence]:
            found: dict[str, Evidence] = {}
            for chunk in chunks(sorted(wanted)):
                query = select(
                    e.c.article_id, e.c.id, e.c.evidence_start, e.c.evidence_end, e.c.evidence_text
                ).where(e.c.article_id.in_(chunk))
                for r in connection.execute(query):
                    local = r.id.partition("#")[2] if r.id.startswith(f"{r.article_id}#") else r.id
                    if local in wanted[r.article_id]:
                        found[f"{r.article_id}#{local}"] = Evidence(
                            article=r.article_id,
                            start=r.evidence_start,
                            end=r.evidence_end,
                            text=r.evidence_text,
                        )
            return found

        result: dict[str, Evidence] = self._read(read)
        return result

    def has_event(self, article: str, local: str) -> bool:
        """Whether the article holds the event (``local`` id, or already global)."""
        e = schema.events
        query = select(e.c.id).where(
            e.c.article_id == article, e.c.id.in_([local, f"{article}#{local}"])
        )
        return bool(self._read(lambda connection: connection.execute(query.limit(1)).first()))

    def reset_clustering(self) -> None:
        """Forget every cluster, the clustering index and the automatic decisions (users'
        decisions stay), so that the next ``update_clusters`` starts from scratch."""

        def write(connection: Connection) -> None:
            for table in (
                schema.cluster_members,
                schema.clusters,
                schema.cluster_blocks,
                schema.minhash_bands,
                schema.cluster_terms,
                schema.cluster_features,
            ):
                connection.execute(delete(table))
            d = schema.cluster_decisions
            connection.execute(delete(d).where(d.c.decided_by == "auto"))

        self._write(write)

    def distinct_events(self) -> int:
        """Events counted once per real-world event: each event cluster once, plus the
        events in no cluster, except those of near-duplicate copies (members of a
        duplicate cluster other than its original)."""
        e, m = schema.events, schema.cluster_members

        def read(connection: Connection) -> int:
            clusters = connection.scalar(
                select(func.count())
                .select_from(schema.clusters)
                .where(schema.clusters.c.level == "event")
            )
            copies = (
                select(m.c.member).where(m.c.level == "duplicate", m.c.seq > 0).scalar_subquery()
            )
            gid = e.c.article_id + "#" + e.c.id
            clustered = select(m.c.member).where(m.c.level == "event").scalar_subquery()
            lone = connection.scalar(
                select(func.count())
                .select_from(e)
                .where(
                    e.c.article_id.not_in(copies),
                    and_(gid.not_in(clustered), e.c.id.not_in(clustered)),
                )
            )
            return int(clusters or 0) + int(lone or 0)

        return int(self._read(read))


def _write_index(connection: Connection, entries: Sequence[IndexEntry]) -> None:
    """Features, blocking keys and bands of new articles; their terms counted in ``df``."""
    if not entries:
        return
    connection.execute(
        insert(schema.cluster_features),
        [{"article_id": e.article_id, "data": e.data} for e in entries],
    )
    blocks = [
        {"key": k, "bucket": b, "article_id": e.article_id} for e in entries for k, b in e.blocks
    ]
    for chunk in chunks(blocks, 5000):
        connection.execute(insert(schema.cluster_blocks), chunk)
    bands = [
        {"band": band, "hash": h, "article_id": e.article_id}
        for e in entries
        for band, h in e.bands
    ]
    for chunk in chunks(bands, 5000):
        connection.execute(insert(schema.minhash_bands), chunk)
    df: dict[str, int] = defaultdict(int)
    for entry in entries:
        for term in entry.terms:
            df[term] += 1
    _count_terms(connection, df)


def _claim(connection: Connection, expected: int | None, added: int) -> bool:
    """Add ``added`` to the clustered-articles counter if it still holds ``expected``
    (None: whatever it holds); whether it did.

    A compare-and-set on one row, the first statement of the writer's
    transaction: SQLite's ``BEGIN IMMEDIATE`` already serialises writers, and
    on PostgreSQL the row lock makes a second writer wait for the first and
    then re-check ``df`` against the committed value (READ COMMITTED), so of
    two writers that read the same count only the first goes ahead.
    """
    t = schema.cluster_terms
    if connection.dialect.name in ("sqlite", "postgresql"):
        upsert: Any = _upsert(connection.dialect.name)
        connection.execute(
            upsert(t).values(term=ARTICLES, df=0).on_conflict_do_nothing(index_elements=[t.c.term])
        )
    elif connection.scalar(select(t.c.df).where(t.c.term == ARTICLES)) is None:
        connection.execute(insert(t), [{"term": ARTICLES, "df": 0}])
    condition = t.c.term == ARTICLES
    if expected is not None:
        condition = and_(condition, t.c.df == expected)
    result = connection.execute(update(t).where(condition).values(df=t.c.df + added))
    return bool(result.rowcount == 1)


def _upsert(dialect: str) -> Any:
    """The ``insert`` with ``on_conflict_*`` of the dialect in use (only that one imported:
    PostgreSQL's costs a SQLite run 0.1 s)."""
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    return pg_insert


def _count_terms(connection: Connection, df: dict[str, int]) -> None:
    """Add to the stored document frequencies (an upsert where the dialect has one)."""
    t = schema.cluster_terms
    name = connection.dialect.name
    if name in ("sqlite", "postgresql"):
        upsert: Any = _upsert(name)
        statement = upsert(t)
        statement = statement.on_conflict_do_update(
            index_elements=[t.c.term], set_={"df": t.c.df + statement.excluded.df}
        )
        # one statement executed for many rows: compiled once (a VALUES list of a few
        # thousand rows cost more to compile than to write)
        for chunk in chunks(sorted(df.items()), 5000):
            connection.execute(statement, [{"term": k, "df": v} for k, v in chunk])
        return
    for chunk in chunks(sorted(df.items())):  # other dialects: select, then write
        known = dict(
            connection.execute(select(t.c.term, t.c.df).where(t.c.term.in_([k for k, _ in chunk])))
        )
        for term, count in chunk:
            if term in known:
                connection.execute(
                    t.update().where(t.c.term == term).values(df=known[term] + count)
                )
            else:
                connection.execute(insert(t), [{"term": term, "df": count}])


def originals(connection: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Copy → original article, for the articles that are near-duplicate copies (members of a
    duplicate cluster after its first); the ``duplicate_of`` of their events."""
    m = schema.cluster_members
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(article_ids))):
        query = select(m.c.level, m.c.seq, m.c.member, m.c.cluster_id).where(m.c.member.in_(chunk))
        copies = {
            r.member: r.cluster_id
            for r in connection.execute(query)
            if r.level == "duplicate" and r.seq > 0
        }
        if not copies:
            continue
        heads = dict(
            connection.execute(
                select(m.c.cluster_id, m.c.member).where(
                    m.c.level == "duplicate",
                    m.c.cluster_id.in_(sorted(set(copies.values()))),
                    m.c.seq == 0,
                )
            ).all()
        )
        found.update({copy: heads[c] for copy, c in copies.items() if c in heads})
    return found
