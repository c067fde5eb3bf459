"""The read model's shared pieces: what every reader of the store builds the same way.

The export (``communique.export``), the REST listings (``communique.rest``),
the web downloads and quote search (``communique.store.search``) each turn
stored rows into records of the export contract. What they have in common
is defined once here, so that it cannot diverge:

- the id grammar of events and quotes (``<article>#<local id>``);
- the actor projection: the contract's actor object, and the same object as
  of a date (role and sector then), with the object of an actor a stage
  named but did not store;
- a case-insensitive substring filter with the user's text escaped
  (``%``, ``_`` and ``\\`` match themselves);
- the one cursor codec of keyset pages: the sort order's name and the last
  row's key values, as JSON in unpadded URL-safe base64, refused with
  ``BadCursor`` when malformed or made for another order;
- the event and quote records of the contract, from stored rows (the
  export turns its documents into the same rows, ``communique.store.rows``);
- the cluster memberships of members at one level.

Nothing here imports the analysis packages at module level (``communique
export`` and the REST app start without them, issue 14).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select

from communique.store import schema

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from communique.model import Actor

Row = dict[str, Any]
# The contract's fields of an actor object, and those of the same object as of a date.
ACTOR_FIELDS = ("id", "name", "aliases", "country", "sector", "type")
DATED_FIELDS = ("as_of", "role_on_date", "sector_on_date")
CHUNK = 500
# An actor object as of a date, by id: ``dated_actor`` over the actors a reader loaded.
DatedActor = Callable[[str | None, str | None], Row | None]


# ---------------------------------------------------------------------------
# ids


def event_id(article: str, local: str) -> str:
    """The global id of an event or quote: ``<article>#<id>`` (kept if already global)."""
    return local if local.startswith(f"{article}#") else f"{article}#{local}"


def split_event_id(global_id: str) -> tuple[str, str]:
    """``(article, local id)`` of a global id; ``KeyError`` when it is not one."""
    article, sep, local = global_id.partition("#")
    if not sep or not article or not local:
        raise KeyError(global_id)
    return article, local


# ---------------------------------------------------------------------------
# actors


def actor_object(actor: Actor) -> Row:
    """The contract's actor object ``{id, name, aliases, country, sector, type}``."""
    return {
        "id": actor.id,
        "name": actor.name,
        "aliases": list(actor.aliases),
        "country": actor.country,
        "sector": actor.sector,
        "type": actor.type,
    }


def unknown_actor(actor_id: str) -> Row:
    """The object of an actor a stage referenced but did not store: named by its id."""
    return {"id": actor_id, "name": actor_id, "aliases": [], **dict.fromkeys(ACTOR_FIELDS[3:])}


def dated_actor(actor_id: str, known: Row | None, model: Actor | None, on_date: str | None) -> Row:
    """The actor object ``known`` (or ``unknown_actor``) as of ``on_date``: ``as_of`` (the
    day), the title of the role ``model`` held then and its sector then."""
    from communique.actors.tenure import role_on, sector_on

    day = on_date[:10] if on_date else None
    if known is None or model is None:
        return {
            **unknown_actor(actor_id),
            "as_of": day,
            "role_on_date": None,
            "sector_on_date": None,
        }
    role = role_on(model, day)
    return {
        **{field: known[field] for field in ACTOR_FIELDS},
        "as_of": day,
        "role_on_date": role.title if role is not None else None,
        "sector_on_date": sector_on(model, day),
    }


def actor_objects(connection: Connection, ids: Iterable[str | None]) -> dict[str, Row]:
    """Stored actors' objects (``actor_object``'s fields) by id, read in chunks."""
    wanted = sorted({i for i in ids if i})
    t, al = schema.actors, schema.actor_aliases
    found: dict[str, Row] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        query = select(t.c.id, t.c.name, t.c.country, t.c.sector, t.c.type).where(t.c.id.in_(chunk))
        for row in connection.execute(query).mappings():
            found[row["id"]] = {**row, "aliases": []}
        aliases = (
            select(al.c.actor_id, al.c.alias)
            .where(al.c.actor_id.in_(chunk))
            .order_by(al.c.actor_id, al.c.seq)
        )
        for row in connection.execute(aliases).mappings():
            found[row["actor_id"]]["aliases"].append(row["alias"])
    return found


# ---------------------------------------------------------------------------
# records


def event_record(row: Row, published: str | None, actor: DatedActor, cluster: str | None) -> Row:
    """The contract's event record of an ``events`` row of an article published on
    ``published``; its actors as of the event's date (else the publication's)."""
    article = row["article_id"]
    location = None
    if row["location_name"] is not None:
        location = {
            "name": row["location_name"],
            "country": row["location_country"],
            "lat": row["location_lat"],
            "lon": row["location_lon"],
        }
    on = row["date"] or published
    return {
        "id": event_id(article, row["id"]),
        "article": article,
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "source": actor(row["source_id"], on),
        "target": actor(row["target_id"], on),
        "date": row["date"],
        "location": location,
        "salience": row["salience"],
        "negated": row["negated"],
        "evidence": {
            "text": row["evidence_text"],
            "start": row["evidence_start"],
            "end": row["evidence_end"],
        },
        "cluster": cluster,
        "context": row["context"],
        "trigger": row["trigger"],
        "date_precision": row["date_precision"],
        "date_inferred": row["date_inferred"],
        "modality": row["modality"],
        "quote": event_id(article, row["quote_id"]) if row["quote_id"] else None,
        "confidence": row["confidence"],
    }


def quote_record(row: Row, published: str | None, actor: DatedActor) -> Row:
    """The contract's quote record of a ``quotes`` row; the speaker as of ``published``."""
    return {
        "id": event_id(row["article_id"], row["id"]),
        "article": row["article_id"],
        "kind": row["kind"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "speaker": actor(row["speaker_id"], published),
        "cue": row["cue"],
        "sentence": row["sentence"],
    }


# ---------------------------------------------------------------------------
# text filters


def contains(column: Any, user_text: str) -> ColumnElement[bool]:
    """``column`` holds ``user_text`` as a substring, in any case; the user's ``%``, ``_``
    and ``\\`` are characters to find, not LIKE syntax."""
    escaped = user_text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------
# cursors


class BadCursor(ValueError):
    """A cursor that this store's readers did not hand out (or for another sort order)."""


def encode_cursor(sort: str, values: Sequence[Any]) -> str:
    raw = json.dumps([sort, *values], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str, width: int) -> list[Any]:
    """The ``width`` key values of a cursor made by ``encode_cursor(sort, ...)``."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, RecursionError) as exc:
        raise BadCursor("malformed cursor") from exc
    if not isinstance(values, list) or len(values) != width + 1 or values[0] != sort:
        raise BadCursor("cursor does not belong to this listing or sort order")
    return values[1:]


# ---------------------------------------------------------------------------
# clusters


def memberships(
    connection: Connection, level: str, members: Sequence[str] | None = None
) -> dict[str, str]:
    """Cluster id of each member at ``level``: of the given ``members``, or of all."""
    m = schema.cluster_members
    query = select(m.c.member, m.c.cluster_id).where(m.c.level == level)
    if members is None:
        return {r.member: r.cluster_id for r in connection.execute(query)}
    found: dict[str, str] = {}
    for start in range(0, len(members), CHUNK):
        chunk = list(members[start : start + CHUNK])
        found.update(
            {r.member: r.cluster_id for r in connection.execute(query.where(m.c.member.in_(chunk)))}
        )
    return found
