"""Conversion between ``communique.model`` records and rows of ``communique.store.schema``.

The store (``communique.store``) calls these on the way in (a ``Document`` from
the analysis stages becomes rows of ``articles``, ``sentences``, ``mentions``,
...) and on the way out (rows become the same ``Document`` again). Nothing
here touches a database, so the mapping can be tested on its own and stays the
single place that knows both shapes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from communique.model import (
    Actor,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Role,
    Sentence,
    TimeRef,
)

Row = dict[str, Any]


def article_row(document: Document, added_at: datetime) -> Row:
    return {
        "id": document.id,
        "file": document.file,
        "url": document.url,
        "outlet": document.outlet,
        "published": document.published,
        "published_source": document.published_source,
        "title": document.title,
        "language": document.language,
        "status": document.status,
        "text": document.text,
        "original": document.original,
        "offset_map": [list(pair) for pair in document.offset_map],
        "added_at": added_at,
    }


def source_row(document: Document, added_at: datetime) -> Row:
    return {
        "article_id": document.id,
        "file": document.file,
        "url": document.url,
        "outlet": document.outlet,
        "added_at": added_at,
    }


def child_rows(document: Document) -> dict[str, list[Row]]:
    """Rows of every per-article table, keyed by table name."""
    aid = document.id
    return {
        "article_actors": [
            {"article_id": aid, "seq": i, "actor_id": a.id} for i, a in enumerate(document.actors)
        ],
        "sentences": [
            {"article_id": aid, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in document.sentences
        ],
        "mentions": [
            {"article_id": aid, "seq": i, **m.model_dump()} for i, m in enumerate(document.mentions)
        ],
        "timexes": [
            {"article_id": aid, "seq": i, **t.model_dump()} for i, t in enumerate(document.timexes)
        ],
        "quotes": [
            {"article_id": aid, "seq": i, **q.model_dump()} for i, q in enumerate(document.quotes)
        ],
        "events": [event_row(aid, i, e) for i, e in enumerate(document.events)],
    }


def event_row(article_id: str, seq: int, event: Event) -> Row:
    row = event.model_dump(exclude={"location", "evidence"})
    place = event.location
    row.update(
        article_id=article_id,
        seq=seq,
        location_name=place.name if place else None,
        location_country=place.country if place else None,
        location_lat=place.lat if place else None,
        location_lon=place.lon if place else None,
        location_geonameid=place.geonameid if place else None,
        evidence_start=event.evidence.start,
        evidence_end=event.evidence.end,
        evidence_text=event.evidence.text,
    )
    return row


def actor_rows(actor: Actor) -> tuple[Row, list[Row], list[Row]]:
    """The ``actors`` row and the actor's ``actor_aliases`` and ``actor_roles`` rows."""
    row = {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "origin": actor.origin,
        "notes": actor.notes,
        "descriptions": list(actor.descriptions),
    }
    aliases = [{"actor_id": actor.id, "seq": i, "alias": a} for i, a in enumerate(actor.aliases)]
    roles = [
        {"actor_id": actor.id, "seq": i, **role.model_dump()} for i, role in enumerate(actor.roles)
    ]
    return row, aliases, roles


def merge_actor(old: Actor, new: Actor) -> Actor:
    """What the store keeps when an actor it already has is saved again.

    A user-edited actor (``origin == "user"``) is never overwritten by the
    pipeline. Otherwise the newer record wins for what it states, unknown
    (None) fields keep the stored value, and aliases and descriptions
    accumulate (a local actor is described differently by each article).
    """
    if old.origin == "user" and new.origin != "user":
        return old

    def union(a: Sequence[str], b: Sequence[str]) -> list[str]:
        return list(dict.fromkeys([*a, *b]))

    return new.model_copy(
        update={
            "aliases": union(old.aliases, new.aliases),
            "descriptions": union(old.descriptions, new.descriptions),
            "country": new.country if new.country is not None else old.country,
            "sector": new.sector if new.sector is not None else old.sector,
            "notes": new.notes if new.notes is not None else old.notes,
            "roles": new.roles or old.roles,
        }
    )


def actor_from_rows(row: Mapping[str, Any], aliases: list[str], roles: list[Row]) -> Actor:
    return Actor(
        id=row["id"],
        name=row["name"],
        aliases=aliases,
        type=row["type"],
        country=row["country"],
        sector=row["sector"],
        roles=[Role.model_validate(_without(r, "actor_id", "seq")) for r in roles],
        descriptions=list(row["descriptions"] or []),
        origin=row["origin"],
        notes=row["notes"],
    )


def document_from_rows(
    article: Mapping[str, Any],
    children: Mapping[str, list[Row]],
    actors: Mapping[str, Actor],
) -> Document:
    """Build a Document from its article row, its child rows (in seq order) and its actors."""
    aid = article["id"]
    return Document(
        id=aid,
        file=article["file"],
        url=article["url"],
        outlet=article["outlet"],
        published=article["published"],
        published_source=article["published_source"],
        title=article["title"],
        language=article["language"],
        status=article["status"],
        text=article["text"],
        original=article["original"],
        offset_map=[(int(a), int(b)) for a, b in article["offset_map"] or []],
        sentences=[
            Sentence(index=r["idx"], start=r["start"], end=r["end"], text=r["text"])
            for r in children.get("sentences", [])
        ],
        mentions=[Mention.model_validate(_row(r)) for r in children.get("mentions", [])],
        actors=[
            actors[r["actor_id"]]
            for r in children.get("article_actors", [])
            if r["actor_id"] in actors
        ],
        timexes=[TimeRef.model_validate(_row(r)) for r in children.get("timexes", [])],
        quotes=[Quote.model_validate(_row(r)) for r in children.get("quotes", [])],
        events=[event_from_row(r) for r in children.get("events", [])],
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    location = None
    if row["location_name"] is not None:
        location = Place(
            name=row["location_name"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
            geonameid=row["location_geonameid"],
        )
    fields = {k: v for k, v in _row(row).items() if not k.startswith(("location_", "evidence_"))}
    return Event(
        **fields,
        location=location,
        evidence=Evidence(
            article=row["article_id"],
            start=row["evidence_start"],
            end=row["evidence_end"],
            text=row["evidence_text"],
        ),
    )


def _row(row: Mapping[str, Any]) -> Row:
    return _without(row, "article_id", "seq")


def _without(row: Mapping[str, Any], *keys: str) -> Row:
    return {k: v for k, v in row.items() if k not in keys}
