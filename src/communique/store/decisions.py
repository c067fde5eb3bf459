"""The store's side of cluster decisions: pairwise decisions, and users' merges and splits.

``communique.cluster`` records why it linked two members (``auto``
decisions, with score and evidence); the REST API records users' merges and
splits (``user`` decisions) through ``merge_clusters``/``split_member``, and
clustering obeys them afterwards (``communique.cluster.union``). Also the
row helpers for cluster records that ``store`` and ``store.clustering``
share. ``Store`` inherits these methods through ``ClusterTables``; writes go
through ``Store._write`` (one transaction, one lock).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Connection

from communique.model import Cluster, Decision, Evidence
from communique.store import schema

T = TypeVar("T")
# Ids per IN (...) list: far below SQLite's bound-parameter limit, and PostgreSQL's.
CHUNK = 500


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterable[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def cluster_row(cluster: Cluster) -> dict[str, Any]:
    details = None
    if cluster.evidence or cluster.disagreements:
        details = {
            "evidence": [e.model_dump() for e in cluster.evidence],
            "disagreements": cluster.disagreements,
        }
    return {
        "level": cluster.level,
        "id": cluster.id,
        "scores": dict(cluster.scores),
        "details": details,
    }


def cluster_from_row(row: Any, members: list[str]) -> Cluster:
    details = row["details"] or {}
    return Cluster(
        level=row["level"],
        id=row["id"],
        members=members,
        scores=dict(row["scores"] or {}),
        evidence=[Evidence.model_validate(e) for e in details.get("evidence", [])],
        disagreements=details.get("disagreements", {}),
    )


def insert_clusters(connection: Connection, clusters: Sequence[Cluster]) -> None:
    if not clusters:
        return
    connection.execute(insert(schema.clusters), [cluster_row(c) for c in clusters])
    members = [
        {"level": c.level, "cluster_id": c.id, "seq": i, "member": m}
        for c in clusters
        for i, m in enumerate(c.members)
    ]
    if members:
        connection.execute(insert(schema.cluster_members), members)


def now() -> datetime:
    return datetime.now(UTC)


class DecisionTables:
    """Methods of ``Store`` for pairwise decisions (see the module docstring)."""

    _write: Callable[[Callable[[Connection], Any]], Any]
    _read: Callable[[Callable[[Connection], Any]], Any]

    def decisions(
        self, level: str, members: Iterable[str], decided_by: str | None = None
    ) -> list[Decision]:
        """Decisions of ``level`` that involve any of ``members`` (oldest first)."""
        t = schema.cluster_decisions

        def read(connection: Connection) -> list[Decision]:
            rows: dict[int, Any] = {}
            # one query per side: each walks its own index (an OR of two IN lists may scan)
            for chunk in chunks(sorted(set(members))):
                for side in (t.c.a, t.c.b):
                    query = select(t).where(t.c.level == level, side.in_(chunk))
                    if decided_by is not None:
                        query = query.where(t.c.decided_by == decided_by)
                    rows.update({r["id"]: r for r in connection.execute(query).mappings()})
            return [_decision(rows[i]) for i in sorted(rows)]

        result: list[Decision] = self._read(read)
        return result

    def record_decisions(self, decisions: Sequence[Decision]) -> None:
        """Store decisions; a user decision replaces an earlier user decision on the same pair."""
        self._write(lambda connection: record(connection, decisions))

    def merge_clusters(self, level: str, cluster_ids: Sequence[str]) -> Cluster:
        """A user's merge of stored clusters into one, kept as ``user`` decisions.

        The new cluster (id ``manual-…``, deterministic) lists the members of
        ``cluster_ids`` in that order; each member of the later clusters gets a
        ``merge`` decision with the first member, which later clustering obeys.
        Raises ``LookupError`` naming the first id that is not a stored cluster.
        """
        wanted = list(dict.fromkeys(cluster_ids))

        def write(connection: Connection) -> Cluster:
            found = {c.id: c for c in clusters_at(connection, level, wanted)}
            missing = [c for c in wanted if c not in found]
            if missing:
                raise LookupError(missing[0])
            members = list(dict.fromkeys(m for c in wanted for m in found[c].members))
            head = members[0]
            record(
                connection,
                [
                    Decision(level=level, a=head, b=m, decided_by="user", verdict="merge")
                    for m in members[1:]
                ],
            )
            merged = Cluster(
                level=level, id=manual_id(members), members=members, scores={"manual": 1.0}
            )
            delete_clusters(connection, level, wanted)
            insert_clusters(connection, [merged])
            return merged

        result: Cluster = self._write(write)
        return result

    def split_member(self, level: str, member: str) -> Cluster:
        """A user's split of ``member`` from its cluster, kept as ``user`` decisions.

        ``member`` gets a ``split`` decision with every other member and a
        cluster of its own (``manual-…``); the rest stays one cluster (a user
        merge that went through ``member`` is re-anchored on the first one left).
        """

        def write(connection: Connection) -> Cluster:
            m = schema.cluster_members
            owner = connection.scalar(
                select(m.c.cluster_id).where(m.c.level == level, m.c.member == member).limit(1)
            )
            alone = Cluster(
                level=level, id=manual_id([member]), members=[member], scores={"manual": 1.0}
            )
            rest: list[str] = []
            old: list[Cluster] = []
            if owner is not None:
                old = clusters_at(connection, level, [owner])
                rest = [x for x in old[0].members if x != member]
            made = [
                Decision(level=level, a=member, b=x, decided_by="user", verdict="split")
                for x in rest
            ]
            if rest:
                d = schema.cluster_decisions
                partners = connection.execute(
                    select(d.c.a, d.c.b).where(
                        d.c.level == level,
                        d.c.decided_by == "user",
                        d.c.verdict == "merge",
                        or_(d.c.a == member, d.c.b == member),
                    )
                )
                linked = {a if b == member else b for a, b in partners} & set(rest)
                made.extend(
                    Decision(level=level, a=rest[0], b=x, decided_by="user", verdict="merge")
                    for x in sorted(linked - {rest[0]})
                )
            record(connection, made)
            delete_clusters(connection, level, [owner, alone.id] if owner else [alone.id])
            kept = [Cluster(**{**old[0].model_dump(), "members": rest})] if rest else []
            insert_clusters(connection, [*kept, alone])
            return alone

        result: Cluster = self._write(write)
        return result


def _decision(row: Any) -> Decision:
    at = row["at"]
    return Decision(
        level=row["level"],
        a=row["a"],
        b=row["b"],
        score=row["score"],
        features=dict(row["features"] or {}),
        decided_by=row["decided_by"],
        verdict=row["verdict"],
        at=at.isoformat() if at is not None else None,
    )


def record(connection: Connection, decisions: Sequence[Decision]) -> None:
    if not decisions:
        return
    d = schema.cluster_decisions
    at = now()
    for decision in decisions:
        if decision.decided_by == "user":
            pair = [decision.a, decision.b]
            connection.execute(
                delete(d).where(
                    d.c.level == decision.level,
                    d.c.decided_by == "user",
                    d.c.a.in_(pair),
                    d.c.b.in_(pair),
                )
            )
    connection.execute(
        insert(d),
        [{**x.model_dump(exclude={"at"}), "at": at} for x in decisions],
    )


def manual_id(members: Sequence[str]) -> str:
    """Deterministic: the same manual grouping always gets the same id."""
    return "manual-" + hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:12]


def clusters_at(connection: Connection, level: str, ids: Sequence[str]) -> list[Cluster]:
    c, m = schema.clusters, schema.cluster_members
    members: dict[str, list[str]] = defaultdict(list)
    query = (
        select(m.c.cluster_id, m.c.member)
        .where(m.c.level == level, m.c.cluster_id.in_(list(ids)))
        .order_by(m.c.cluster_id, m.c.seq)
    )
    for cluster_id, member in connection.execute(query):
        members[cluster_id].append(member)
    rows = connection.execute(select(c).where(c.c.level == level, c.c.id.in_(list(ids))))
    return [cluster_from_row(row, members[row["id"]]) for row in rows.mappings()]


def delete_clusters(connection: Connection, level: str, ids: Sequence[str]) -> None:
    c, m = schema.clusters, schema.cluster_members
    for chunk in chunks(sorted(set(ids))):
        connection.execute(delete(m).where(m.c.level == level, m.c.cluster_id.in_(chunk)))
        connection.execute(delete(c).where(c.c.level == level, c.c.id.in_(chunk)))
