"""The REST API's writes: ingest one text, merge and split event clusters.

Called by ``communique.rest.app`` after the bearer token was checked. Ingest
runs ``communique.pipeline.process`` (ingest → analysis stages) and saves the
``Document`` with ``Store.save_documents``; cluster edits are one transaction
through the store's single write path (``Store._write``: one lock, roll back
on failure). A text ingested here is not clustered until the next
``communique run`` reclusters the store (clustering reads the whole store).
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import HTTPException
from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from communique.errors import CommuniqueError
from communique.export import event_id
from communique.rest import models, queries
from communique.store import Store, schema

C, M = schema.clusters, schema.cluster_members


def ingest(store: Store, body: models.IngestRequest, state: Any) -> dict[str, Any]:
    from communique.pipeline import process

    if state.context is None:
        from communique.config import load_settings
        from communique.stages import Context

        state.context = Context.load(load_settings())
    try:
        document = process(
            body.text,
            published=body.published,
            outlet=body.outlet,
            title=body.title,
            url=body.url,
            html=body.html,
            context=state.context,
        )
    except CommuniqueError as exc:
        raise HTTPException(422, str(exc)) from exc
    store.save_documents([document])
    return {
        "id": document.id,
        "status": document.status,
        "events": len(document.events),
        "quotes": len(document.quotes),
        "mentions": len(document.mentions),
    }


def _members(connection: Connection, cluster_id: str) -> list[str]:
    return queries.cluster_members(connection, "event", cluster_id)


def _replace(connection: Connection, old: list[str], new_id: str, members: list[str]) -> None:
    if old:
        connection.execute(delete(M).where(M.c.level == "event", M.c.cluster_id.in_(old)))
        connection.execute(delete(C).where(C.c.level == "event", C.c.id.in_(old)))
    connection.execute(insert(C), [{"level": "event", "id": new_id, "scores": {"manual": 1.0}}])
    connection.execute(
        insert(M),
        [
            {"level": "event", "cluster_id": new_id, "seq": i, "member": m}
            for i, m in enumerate(members)
        ],
    )


def _new_id(members: list[str]) -> str:
    # Deterministic: the same manual grouping always gets the same id.
    return "manual-" + hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:12]


def merge(store: Store, cluster_ids: list[str]) -> dict[str, Any]:
    wanted = list(dict.fromkeys(cluster_ids))
    if len(wanted) < 2:
        raise HTTPException(422, "give at least two different event clusters")

    def write(connection: Connection) -> dict[str, Any]:
        found = set(
            connection.scalars(select(C.c.id).where(C.c.level == "event", C.c.id.in_(wanted)))
        )
        missing = [c for c in wanted if c not in found]
        if missing:
            raise HTTPException(404, f"no event cluster {missing[0]!r}")
        members = list(dict.fromkeys(m for c in wanted for m in _members(connection, c)))
        new_id = _new_id(members)
        _replace(connection, wanted, new_id, members)
        return {"level": "event", "id": new_id, "members": members}

    return store._write(write)


def unmerge(store: Store, global_id: str) -> dict[str, Any]:
    def write(connection: Connection) -> dict[str, Any]:
        try:
            article, local = queries.split_event_id(global_id)
        except KeyError:
            raise HTTPException(404, f"no event {global_id!r}") from None
        count = connection.scalar(
            select(func.count()).where(
                schema.events.c.article_id == article,
                schema.events.c.id.in_([local, global_id]),
            )
        )
        if not count:
            raise HTTPException(404, f"no event {global_id!r}")
        gid = event_id(article, local)
        owner = queries.memberships(connection, "event", [gid]).get(gid)
        if owner is not None:
            rest = [m for m in _members(connection, owner) if m != gid]
            connection.execute(
                delete(M).where(M.c.level == "event", M.c.cluster_id == owner, M.c.member == gid)
            )
            if not rest:
                connection.execute(delete(C).where(C.c.level == "event", C.c.id == owner))
            else:
                # Renumber the remaining members so that ``seq`` stays dense.
                connection.execute(delete(M).where(M.c.level == "event", M.c.cluster_id == owner))
                connection.execute(
                    insert(M),
                    [
                        {"level": "event", "cluster_id": owner, "seq": i, "member": m}
                        for i, m in enumerate(rest)
                    ],
                )
        new_id = _new_id([gid])
        _replace(connection, [new_id] if owner == new_id else [], new_id, [gid])
        return {"level": "event", "id": new_id, "members": [gid]}

    return store._write(write)
