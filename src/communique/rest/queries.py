"""Queries behind the REST API and the web explorer: SQLAlchemy Core over the store's tables.

Reads ``communique.store.schema`` directly (filters, keyset pages, facet
counts) and hands back plain dicts in the shape of the export records
(``communique.rest.models``), which ``communique.rest.app`` and
``communique.web`` serve. The same SQL runs on SQLite and PostgreSQL; the one
dialect split is text search: quotes through ``communique.store.search`` (the
function behind ``communique quotes search``: FTS5 on SQLite, ``to_tsvector``
on PostgreSQL), evidence sentences through PostgreSQL's engine or, on SQLite,
the text as a case-insensitive substring.

Pages are keyset ("cursor") pages (``communique.rest.paging``); articles,
actors and clusters are listed by ``communique.rest.listings``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    or_,
    select,
)
from sqlalchemy.engine import Connection

from communique.model import Actor
from communique.rest.paging import Keyset, Row, nulls_low, page
from communique.rest.reports import canonical, outlets_of, reporting_articles
from communique.store import schema, search
from communique.store.clustering import originals
from communique.store.records import actor_objects as actor_objects  # (re-exported)
from communique.store.records import contains, dated_actor, event_id, event_record, quote_record
from communique.store.records import memberships as memberships  # (re-exported: web pages)
from communique.store.records import split_event_id as split_event_id  # (re-exported)
from communique.store.rows import actor_from_rows

MAX_LIMIT = 500
E, A, Q = schema.events, schema.articles, schema.quotes
# The two sides of an event.
SIDES = (E.c.source_id, E.c.target_id)
# Articles as probed from an event (EXISTS), apart from the joined ``A``.
A_PROBE = A.alias("article_probe")


# ---------------------------------------------------------------------------
# actor objects (the nested source/target/speaker of the records)


def actor_models(connection: Connection, ids: Iterable[str]) -> dict[str, Actor]:
    """Actors with their dated roles (enough for ``actors.tenure``), by id."""
    t, ro = schema.actors, schema.actor_roles
    wanted = sorted(set(ids))
    found: dict[str, Actor] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        roles: dict[str, list[Row]] = {}
        query = select(ro).where(ro.c.actor_id.in_(chunk)).order_by(ro.c.actor_id, ro.c.seq)
        for row in connection.execute(query).mappings():
            roles.setdefault(row["actor_id"], []).append(dict(row))
        for row in connection.execute(select(t).where(t.c.id.in_(chunk))).mappings():
            found[row["id"]] = actor_from_rows(dict(row), [], roles.get(row["id"], []))
    return found


class DatedActors:
    """Export-shaped actor objects, each as of a date (``communique.export``'s ``_Actors``):
    the contract fields plus ``as_of``, ``role_on_date`` and ``sector_on_date``."""

    def __init__(self, connection: Connection, ids: Iterable[str | None]) -> None:
        self.objects = actor_objects(connection, ids)
        self.models = actor_models(connection, self.objects)

    def __call__(self, actor_id: str | None, on_date: str | None) -> Row | None:
        if actor_id is None:
            return None
        return dated_actor(actor_id, self.objects.get(actor_id), self.models.get(actor_id), on_date)


def actor_ids_matching(name: str) -> Select[Any]:
    """Ids of actors whose name or an alias contains ``name`` (case-insensitive)."""
    t, al = schema.actors, schema.actor_aliases
    by_name = select(t.c.id).where(contains(t.c.name, name))
    by_alias = select(al.c.actor_id).where(contains(al.c.alias, name))
    return by_name.union(by_alias)  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# events


@dataclass
class EventFilters:
    """Filters of ``/events`` (all optional; given ones are combined with AND)."""

    actor: str | None = None  # actor id, as source or target
    partner: str | None = None  # a second actor id on either side: with ``actor``, a dyad
    actor_name: str | None = None  # part of a name or alias, as source or target
    country: str | None = None  # source's or target's country
    sector: str | None = None  # source's or target's sector (GOV, MIL, ...)
    # One side only: actor id, country and sector of the source, and of the target.
    source: str | None = None
    target: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    type: list[str] = field(default_factory=list)  # PLOVER types
    cameo: str | None = None  # CAMEO root (first two digits) or a longer prefix
    date_from: str | None = None  # event date, inclusive, ISO prefix comparison
    date_to: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    place: str | None = None  # location name (part) or country code
    place_country: str | None = None  # country of the event's place (ISO alpha-3, exact)
    outlet: str | None = None
    salience: str | None = None
    negated: bool | None = None
    q: str | None = None  # text of the evidence sentence
    article: str | None = None
    # "distinct": one row per real-world event (see ``canonical``); "all": every report.
    reports: str = "distinct"

    def where(self, dialect: str, by_article: bool = False) -> list[ColumnElement[bool]]:
        """The filters as predicates on events ⋈ articles.

        ``by_article``: the listing walks articles (publication order), so
        article filters apply to the joined articles rather than as a probe.
        """
        found: list[ColumnElement[bool]] = []
        if self.actor:
            found.append(or_(E.c.source_id == self.actor, E.c.target_id == self.actor))
        if self.partner:
            found.append(or_(E.c.source_id == self.partner, E.c.target_id == self.partner))
        if self.actor_name:
            ids = actor_ids_matching(self.actor_name)
            found.append(or_(E.c.source_id.in_(ids), E.c.target_id.in_(ids)))
        if self.country:
            # Correlated EXISTS (a primary-key probe of actors per event), not
            # ``source_id IN (...)``: SQLite drives an IN list through the actor
            # indexes and sorts every match (160 ms for the ~4% of 1M events of
            # one country); EXISTS leaves the walk of ix_events_date_order, which
            # meets a page after ~limit/selectivity rows (migration 0005).
            found.append(or_(*(_actor_with(c, "country", self.country) for c in SIDES)))
        if self.sector:
            found.append(or_(*(_actor_with(c, "sector", self.sector) for c in SIDES)))
        for column, actor_id, side_country, side_sector in (
            (E.c.source_id, self.source, self.source_country, self.source_sector),
            (E.c.target_id, self.target, self.target_country, self.target_sector),
        ):
            if actor_id:
                found.append(column == actor_id)
            if side_country:
                found.append(_actor_with(column, "country", side_country))
            if side_sector:
                found.append(_actor_with(column, "sector", side_sector))
        if self.type:
            found.append(E.c.type.in_([x.upper() for x in self.type]))
        if self.cameo:
            found.append(_cameo_prefix(self.cameo))
        if self.date_from:
            found.append(E.c.date >= self.date_from)
        if self.date_to:
            # "2024-03" includes every day of March: compare with the prefix's end.
            found.append(E.c.date <= self.date_to + "\uffff")
        if by_article:
            found.extend(self.article_where(A))  # the listing walks articles
        elif on_article := self.article_where(A_PROBE):
            # In event order an article filter is a primary-key probe per event
            # (EXISTS), so that the walk of ix_events_date_order drives the page;
            # on the joined columns SQLite starts from ix_articles_outlet and sorts
            # every event of the outlet (70 ms at 1M events).
            probe = select(A_PROBE.c.id).where(A_PROBE.c.id == E.c.article_id, *on_article)
            found.append(probe.exists())
        if self.place:
            found.append(
                or_(contains(E.c.location_name, self.place), E.c.location_country == self.place)
            )
        if self.place_country:
            found.append(E.c.location_country == self.place_country.upper())
        if self.salience:
            found.append(E.c.salience == self.salience)
        if self.negated is not None:
            found.append(E.c.negated == self.negated)
        if self.q:
            found.append(search.text_match(dialect, E.c.evidence_text, self.q))
        if self.article:
            found.append(E.c.article_id == self.article)
        if self.reports == "distinct":
            found.append(canonical())
        return found

    def article_where(self, articles: Any) -> list[ColumnElement[bool]]:
        """The filters on the event's article, as predicates on ``articles`` (or an alias)."""
        found: list[ColumnElement[bool]] = []
        if self.published_from:
            found.append(articles.c.published >= self.published_from)
        if self.published_to:
            found.append(articles.c.published <= self.published_to + "\uffff")
        if self.outlet:
            found.append(articles.c.outlet == self.outlet)
        return found


def _actor_with(column: Any, attribute: str, value: str) -> ColumnElement[bool]:
    """The actor of ``column`` has ``value`` (any case) as its country or sector (a key probe)."""
    t = schema.actors
    return select(t.c.id).where(t.c.id == column, t.c[attribute] == value.upper()).exists()


def _cameo_prefix(prefix: str) -> ColumnElement[bool]:
    """Events whose CAMEO code starts with ``prefix``, in a shape each planner pages well.

    A root (two digits) holds ~1/20 of all events spread over ten or more codes,
    so ix_events_cameo_order cannot give them in date order (a sort of every
    match: 90-140 ms at 1M events); ``substr(...) = root`` is not indexable, which
    leaves the walk of ix_events_date_order (~20 x limit rows for a page). A
    longer code is rarer: its range on ix_events_cameo_order, then a sort of the
    few matches, beats scanning dates for them.
    """
    if len(prefix) <= 2 or not prefix.isascii() or prefix[-1] == "\x7f":
        return func.substr(E.c.cameo, 1, len(prefix)) == prefix
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(
        E.c.cameo.startswith(prefix, autoescape=True), E.c.cameo >= prefix, E.c.cameo < upper
    )


EVENT_SORTS = ("date", "-date", "published", "-published")


def _event_query(filters: EventFilters, dialect: str, sort: str) -> Select[Any]:
    columns = [*E.c, A.c.published, A.c.outlet, A.c.title]
    joined = E.join(A, A.c.id == E.c.article_id)
    by_article = sort.lstrip("-") == "published"
    return select(*columns).select_from(joined).where(*filters.where(dialect, by_article))


def _event_keyset(connection: Connection, sort: str) -> Keyset:
    desc, low = sort.startswith("-"), nulls_low(connection)
    if sort.lstrip("-") == "published":
        # Ties on the article's own id (equal to events.article_id) so that the
        # planner walks ix_articles_published_order and then each article's events
        # by primary key, instead of sorting every event by its article's date.
        return Keyset(A.c.published, [A.c.id, E.c.id], desc, low)
    return Keyset(E.c.date, [E.c.article_id, E.c.id], desc, low)


def event_records(connection: Connection, rows: list[Row]) -> list[Row]:
    """Export-shaped event records (plus the API's extras) for rows of events ⋈ articles."""
    actor = DatedActors(connection, [i for r in rows for i in (r["source_id"], r["target_id"])])
    ids = [event_id(r["article_id"], r["id"]) for r in rows]
    cluster = memberships(connection, "event", ids)
    copies = originals(connection, [r["article_id"] for r in rows])
    reports = reporting_articles(
        connection,
        {gid: (cluster.get(gid), r["article_id"]) for gid, r in zip(ids, rows, strict=True)},
    )
    outlets = outlets_of(connection, {a for found in reports.values() for a in found})
    return [
        {
            **event_record(r, r["published"], actor, cluster.get(gid)),
            "duplicate_of": copies.get(r["article_id"]),
            "published": r["published"],
            "outlet": r["outlet"],
            "title": r["title"],
            "reports": len(reports[gid]),
            "outlets": list(dict.fromkeys(o for a in reports[gid] if (o := outlets.get(a)))),
        }
        for gid, r in zip(ids, rows, strict=True)
    ]


def list_events(
    connection: Connection,
    filters: EventFilters,
    sort: str = "-date",
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[Row], str | None]:
    keyset = _event_keyset(connection, sort)
    key = "published" if sort.lstrip("-") == "published" else "date"
    rows, following = page(
        connection,
        _event_query(filters, connection.dialect.name, sort),
        keyset,
        sort,
        cursor,
        limit,
        lambda r: [r[key], r["article_id"], r["id"]],
    )
    return event_records(connection, rows), following


def _event_rows(connection: Connection, global_ids: Sequence[str]) -> list[Row]:
    wanted: list[ColumnElement[bool]] = []
    for gid in global_ids:
        try:
            article, local = split_event_id(gid)
        except KeyError:
            continue
        wanted.append(and_(E.c.article_id == article, E.c.id.in_([local, gid])))
    if not wanted:
        return []
    query = select(*E.c, A.c.published, A.c.outlet, A.c.title).select_from(
        E.join(A, A.c.id == E.c.article_id)
    )
    found = {
        event_id(r["article_id"], r["id"]): dict(r)
        for r in connection.execute(query.where(or_(*wanted))).mappings()
    }
    return [found[g] for g in global_ids if g in found]


def cluster_members(connection: Connection, level: str, cluster_id: str) -> list[str]:
    m = schema.cluster_members
    query = (
        select(m.c.member).where(m.c.level == level, m.c.cluster_id == cluster_id).order_by(m.c.seq)
    )
    return list(connection.scalars(query))


def event_detail(connection: Connection, global_id: str) -> Row | None:
    """The event, its cluster, every member event (with evidence) and their source articles."""
    rows = _event_rows(connection, [global_id])
    if not rows:
        return None
    event = event_records(connection, rows)[0]
    cluster = event["cluster"]
    member_ids = cluster_members(connection, "event", cluster) if cluster else [event["id"]]
    if event["id"] not in member_ids:
        member_ids.append(event["id"])
    members = event_records(connection, _event_rows(connection, member_ids))
    articles = list(dict.fromkeys(m["article"] for m in members))
    return {
        "event": event,
        "cluster": cluster,
        "members": members,
        "sources": article_summaries(connection, articles),
    }


def article_summaries(connection: Connection, ids: Sequence[str]) -> list[Row]:
    query = select(A.c.id, A.c.title, A.c.outlet, A.c.published, A.c.url, A.c.file).where(
        A.c.id.in_(list(ids))
    )
    found = {r["id"]: dict(r) for r in connection.execute(query).mappings()}
    return [found[i] for i in ids if i in found]


# ---------------------------------------------------------------------------
# quotes


@dataclass
class QuoteFilters:
    q: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    country: str | None = None
    kind: str | None = None
    article: str | None = None
    outlet: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def where(
        self, dialect: str, connection: Connection | None = None
    ) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.q:
            found.append(search.quote_match(dialect, self.q, connection))
        if self.speaker:
            found.append(Q.c.speaker_id == self.speaker)
        if self.speaker_name:
            found.append(Q.c.speaker_id.in_(actor_ids_matching(self.speaker_name)))
        if self.country:
            t = schema.actors
            found.append(
                Q.c.speaker_id.in_(select(t.c.id).where(t.c.country == self.country.upper()))
            )
        if self.kind:
            found.append(Q.c.kind == self.kind)
        if self.article:
            found.append(Q.c.article_id == self.article)
        if self.outlet:
            found.append(A.c.outlet == self.outlet)
        if self.published_from:
            found.append(A.c.published >= self.published_from)
        if self.published_to:
            found.append(A.c.published <= self.published_to + "\uffff")
        return found


QUOTE_SORTS = ("published", "-published")


def quote_records(connection: Connection, rows: list[Row]) -> list[Row]:
    actor = DatedActors(connection, [r["speaker_id"] for r in rows])
    return [
        {
            **quote_record(r, r["published"], actor),
            "published": r["published"],
            "outlet": r["outlet"],
            "title": r["title"],
        }
        for r in rows
    ]


def list_quotes(
    connection: Connection,
    filters: QuoteFilters,
    sort: str = "-published",
    cursor: str | None = None,
    limit: int = 50,
) -> tuple[list[Row], str | None]:
    query = (
        select(*Q.c, A.c.published, A.c.outlet, A.c.title)
        .select_from(Q.join(A, A.c.id == Q.c.article_id))
        .where(*filters.where(connection.dialect.name, connection))
    )
    # Ties on articles.id: publication order from ix_articles_published_order (as events).
    keyset = Keyset(A.c.published, [A.c.id, Q.c.id], sort.startswith("-"), nulls_low(connection))
    rows, following = page(
        connection,
        query,
        keyset,
        sort,
        cursor,
        limit,
        lambda r: [r["published"], r["article_id"], r["id"]],
    )
    return quote_records(connection, rows), following
