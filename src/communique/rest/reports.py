"""Counting real-world events once: which event rows stand for one event, and who reported it.

A store holds one event row per report: an event that three outlets reported
is three rows in one event cluster, and the events of a near-duplicate copy (a
syndicated article) repeat the original's. ``canonical`` picks one row per
real-world event, exactly what ``Store.distinct_events`` counts, so that the
listings, facets, totals and downloads of ``communique.rest.queries`` (with
``reports=distinct``, the default) all count the same thing as ``communique
stats``. ``reporting_articles`` gives each row the articles that report its
event, shown as "N reports" with their outlets.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.engine import Connection

from communique.store import schema

E, A = schema.events, schema.articles


def canonical() -> ColumnElement[bool]:
    """Events that stand for one real-world event each: the first member of each event
    cluster, and the events in no event cluster unless their article is a near-duplicate
    copy (their ``duplicate_of`` is set). What ``Store.distinct_events`` counts."""
    m = schema.cluster_members
    global_id = E.c.article_id + "#" + E.c.id
    in_cluster = select(m.c.member).where(m.c.level == "event", m.c.member == global_id)
    first = in_cluster.where(m.c.seq == 0).exists()
    copy = select(m.c.member).where(
        m.c.level == "duplicate", m.c.member == E.c.article_id, m.c.seq > 0
    )
    return or_(first, and_(~in_cluster.exists(), ~copy.exists()))


def reporting_articles(
    connection: Connection, events: dict[str, tuple[str | None, str]]
) -> dict[str, list[str]]:
    """The articles that report each event (global id → (event cluster, article)).

    The articles of its event cluster's members (or its own article), each
    followed by its near-duplicate copies: a syndicated copy in another outlet
    is one more report of the event, whether or not its events were clustered.
    """
    m = schema.cluster_members

    def members(level: str, clusters: Iterable[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        wanted = sorted(set(clusters))
        for start in range(0, len(wanted), 500):
            query = (
                select(m.c.cluster_id, m.c.member)
                .where(m.c.level == level, m.c.cluster_id.in_(wanted[start : start + 500]))
                .order_by(m.c.cluster_id, m.c.seq)
            )
            for r in connection.execute(query):
                found.setdefault(r.cluster_id, []).append(r.member)
        return found

    in_cluster = members("event", (c for c, _ in events.values() if c))
    articles = {
        gid: [x.partition("#")[0] for x in in_cluster.get(c or "", [])] or [article]
        for gid, (c, article) in events.items()
    }
    everyone = sorted({a for found in articles.values() for a in found})
    duplicate_of: dict[str, str] = {}
    for start in range(0, len(everyone), 500):
        query = select(m.c.member, m.c.cluster_id).where(
            m.c.level == "duplicate", m.c.member.in_(everyone[start : start + 500])
        )
        duplicate_of.update({r.member: r.cluster_id for r in connection.execute(query)})
    copies = members("duplicate", duplicate_of.values())
    return {
        gid: list(
            dict.fromkeys(x for a in found for x in copies.get(duplicate_of.get(a, ""), []) or [a])
        )
        for gid, found in articles.items()
    }


def outlets_of(connection: Connection, article_ids: Iterable[str]) -> dict[str, str | None]:
    wanted = sorted(article_ids)
    found: dict[str, str | None] = {}
    for start in range(0, len(wanted), 500):
        query = select(A.c.id, A.c.outlet).where(A.c.id.in_(wanted[start : start + 500]))
        found.update({r.id: r.outlet for r in connection.execute(query)})
    return found
