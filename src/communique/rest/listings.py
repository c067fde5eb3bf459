"""Listings and details of articles, actors and clusters for the REST API and the web pages.

The companion of ``communique.rest.queries`` (events, quotes, facets): the
same SQLAlchemy Core over ``communique.store.schema``, the same keyset pages
(``communique.rest.paging``), records in the export shapes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from communique.rest.paging import Keyset, Row, nulls_low, page
from communique.rest.queries import (
    A,
    E,
    QuoteFilters,
    actor_ids_matching,
    cluster_members,
    list_quotes,
)
from communique.store import schema
from communique.store.decisions import cluster_from_row
from communique.store.records import actor_objects, contains, memberships

# ---------------------------------------------------------------------------
# articles, actors, clusters


@dataclass
class ArticleFilters:
    q: str | None = None  # part of the title
    outlet: str | None = None
    status: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def where(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.q:
            found.append(contains(A.c.title, self.q))
        if self.outlet:
            found.append(A.c.outlet == self.outlet)
        if self.status:
            found.append(A.c.status == self.status)
        if self.published_from:
            found.append(A.c.published >= self.published_from)
        if self.published_to:
            found.append(A.c.published <= self.published_to + "\uffff")
        return found


def list_articles(
    connection: Connection,
    filters: ArticleFilters,
    sort: str = "-published",
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[Row], str | None]:
    columns = [
        A.c.id,
        A.c.file,
        A.c.url,
        A.c.outlet,
        A.c.published,
        A.c.title,
        A.c.language,
        A.c.status,
        A.c.published_source,
    ]
    query = select(*columns).where(*filters.where())
    # Articles have one id column: it serves as both tie-breakers' worth of order.
    keyset = Keyset(A.c.published, [A.c.id], sort.startswith("-"), nulls_low(connection))
    rows, following = page(
        connection, query, keyset, sort, cursor, limit, lambda r: [r["published"], r["id"]]
    )
    story = memberships(connection, "story", [r["id"] for r in rows])
    records = [{**r, "story": story.get(r["id"]), "primary": True} for r in rows]
    return records, following


@dataclass
class ActorFilters:
    q: str | None = None
    country: str | None = None
    type: str | None = None
    sector: str | None = None
    origin: str | None = None

    def where(self) -> list[ColumnElement[bool]]:
        t = schema.actors
        found: list[ColumnElement[bool]] = []
        if self.q:
            found.append(t.c.id.in_(actor_ids_matching(self.q)))
        if self.country:
            found.append(t.c.country == self.country.upper())
        if self.type:
            found.append(t.c.type == self.type)
        if self.sector:
            found.append(t.c.sector == self.sector.upper())
        if self.origin:
            found.append(t.c.origin == self.origin)
        return found


def actor_records(connection: Connection, ids: Sequence[str]) -> list[Row]:
    """Export-shaped ``actors`` records (with roles, descriptions, notes)."""
    t, ro = schema.actors, schema.actor_roles
    objects = actor_objects(connection, ids)
    extra = {
        r["id"]: dict(r)
        for r in connection.execute(
            select(t.c.id, t.c.origin, t.c.descriptions, t.c.notes).where(t.c.id.in_(list(ids)))
        ).mappings()
    }
    roles: dict[str, list[Row]] = defaultdict(list)
    query = select(ro).where(ro.c.actor_id.in_(list(ids))).order_by(ro.c.actor_id, ro.c.seq)
    for r in connection.execute(query).mappings():
        roles[r["actor_id"]].append(
            {
                "title": r["title"],
                "organisation": r["organisation"],
                "start": r["start"],
                "end": r["end"],
            }
        )
    return [
        {
            **objects[i],
            "roles": roles[i],
            "origin": extra[i]["origin"],
            "descriptions": list(extra[i]["descriptions"] or []),
            "notes": extra[i]["notes"],
        }
        for i in ids
        if i in objects
    ]


def list_actors(
    connection: Connection,
    filters: ActorFilters,
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[Row], str | None]:
    t = schema.actors
    keyset = Keyset(t.c.name, [t.c.id], False, nulls_low(connection))
    rows, following = page(
        connection,
        select(t.c.id, t.c.name).where(*filters.where()),
        keyset,
        "name",
        cursor,
        limit,
        lambda r: [r["name"], r["id"]],
    )
    return actor_records(connection, [r["id"] for r in rows]), following


def actor_activity(connection: Connection, actor_id: str) -> list[Row]:
    month = func.substr(E.c.date, 1, 7)
    found: dict[str, Row] = {}
    for role, column in (("source", E.c.source_id), ("target", E.c.target_id)):
        query = (
            select(month.label("month"), func.count().label("n"))
            .where(column == actor_id, E.c.date.is_not(None))
            .group_by(month)
        )
        for r in connection.execute(query):
            found.setdefault(r.month, {"month": r.month, "source": 0, "target": 0})[role] = int(r.n)
    return [found[k] for k in sorted(found)]


def co_actors(connection: Connection, actor_id: str, top: int = 25) -> list[Row]:
    """Actors that share events with ``actor_id`` (as the other party), most frequent first."""
    other = func.coalesce(
        func.nullif(E.c.target_id, actor_id), func.nullif(E.c.source_id, actor_id)
    )
    n = func.count().label("n")
    query = (
        select(other.label("other"), n)
        .where(or_(E.c.source_id == actor_id, E.c.target_id == actor_id), other.is_not(None))
        .group_by(other)
        .order_by(n.desc(), other)
        .limit(top)
    )
    counted = [(r.other, int(r.n)) for r in connection.execute(query)]
    records = {r["id"]: r for r in actor_records(connection, [i for i, _ in counted])}
    return [{"actor": records[i], "count": c} for i, c in counted if i in records]


def actor_detail(connection: Connection, actor_id: str) -> Row | None:
    from communique.model import Actor
    from communique.store import rows as store_rows

    t, al, ro = schema.actors, schema.actor_aliases, schema.actor_roles
    row = connection.execute(select(t).where(t.c.id == actor_id)).mappings().first()
    if row is None:
        return None
    aliases = list(
        connection.scalars(select(al.c.alias).where(al.c.actor_id == actor_id).order_by(al.c.seq))
    )
    roles = [
        dict(r)
        for r in connection.execute(
            select(ro).where(ro.c.actor_id == actor_id).order_by(ro.c.seq)
        ).mappings()
    ]
    actor: Actor = store_rows.actor_from_rows(dict(row), aliases, roles)
    events = connection.scalar(
        select(func.count()).where(or_(E.c.source_id == actor_id, E.c.target_id == actor_id))
    )
    quotes, _ = list_quotes(connection, QuoteFilters(speaker=actor_id), limit=100)
    return {
        "actor": actor,
        "activity": actor_activity(connection, actor_id),
        "co_actors": co_actors(connection, actor_id),
        "quotes": quotes,
        "events": int(events or 0),
    }


def list_clusters(
    connection: Connection,
    level: str | None = None,
    member: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[Row], str | None]:
    c, m = schema.clusters, schema.cluster_members
    query = select(c.c.level, c.c.id, c.c.scores, c.c.details)
    if level:
        query = query.where(c.c.level == level)
    if member:
        owners = select(m.c.level, m.c.cluster_id).where(m.c.member == member)
        query = query.where(tuple_(c.c.level, c.c.id).in_(owners))
    keyset = Keyset(c.c.level, [c.c.id], False, nulls_low(connection))
    rows, following = page(
        connection, query, keyset, "level", cursor, limit, lambda r: [r["level"], r["id"]]
    )
    records = []
    for r in rows:
        found = cluster_from_row(r, cluster_members(connection, r["level"], r["id"]))
        records.append(
            {
                **found.model_dump(exclude={"disagreements"}),
                "disagreements": [
                    {"field": k, "values": v} for k, v in found.disagreements.items()
                ],
            }
        )
    return records, following


def article_sources(connection: Connection, article_id: str) -> list[Row]:
    s = schema.article_sources
    query = (
        select(s.c.file, s.c.url, s.c.outlet).where(s.c.article_id == article_id).order_by(s.c.id)
    )
    return [dict(r) for r in connection.execute(query).mappings()]


def story_summaries(connection: Connection, stories: list[Row]) -> list[Row]:
    """Each story cluster with its articles (title, outlet, date), outlets, date span and
    the types of its main events, each real-world event counted once."""
    from communique.rest.queries import article_summaries
    from communique.rest.reports import canonical

    wanted = sorted({a for story in stories for a in story["members"]})
    articles = {a["id"]: a for a in article_summaries(connection, wanted)}
    types: dict[str, dict[str, int]] = defaultdict(dict)
    for start in range(0, len(wanted), 500):
        query = (
            select(E.c.article_id, E.c.type, func.count().label("n"))
            .where(E.c.article_id.in_(wanted[start : start + 500]), E.c.salience == "main")
            .where(canonical())
            .group_by(E.c.article_id, E.c.type)
        )
        for r in connection.execute(query):
            types[r.article_id][r.type] = int(r.n)
    found = []
    for story in stories:
        members = [articles[a] for a in story["members"] if a in articles]
        dates = sorted(a["published"] for a in members if a["published"])
        counts: dict[str, int] = defaultdict(int)
        for a in members:
            for kind, n in types[a["id"]].items():
                counts[kind] += n
        found.append(
            {
                "id": story["id"],
                "articles": members,
                "outlets": list(dict.fromkeys(a["outlet"] for a in members if a["outlet"])),
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
                "events": sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])),
            }
        )
    return found
