"""The REST API's writes: ingest one text, merge and split event clusters.

Called by ``communique.rest.app`` after the bearer token was checked. Ingest
runs ``communique.pipeline.process`` (ingest → analysis stages) and saves the
``Document`` with ``Store.save_documents``. Cluster edits go through
``Store.merge_clusters`` and ``Store.split_member`` (one transaction each
through the store's single write path: one lock, roll back on failure),
which also keep them as ``user`` decisions that later clustering obeys (a
split pair is never merged again, a merged pair stays merged). A text
ingested here is not clustered until the next ``communique run`` (or
``communique.cluster.update_clusters``) adds it to the clusters.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from communique.errors import CommuniqueError
from communique.export import event_id
from communique.rest import models, queries
from communique.store import Store


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


def merge(store: Store, cluster_ids: list[str]) -> dict[str, Any]:
    wanted = list(dict.fromkeys(cluster_ids))
    if len(wanted) < 2:
        raise HTTPException(422, "give at least two different event clusters")
    try:
        merged = store.merge_clusters("event", wanted)
    except LookupError as exc:
        raise HTTPException(404, f"no event cluster {exc.args[0]!r}") from None
    return {"level": "event", "id": merged.id, "members": merged.members}


def unmerge(store: Store, global_id: str) -> dict[str, Any]:
    try:
        article, local = queries.split_event_id(global_id)
    except KeyError:
        raise HTTPException(404, f"no event {global_id!r}") from None
    if not store.has_event(article, local):
        raise HTTPException(404, f"no event {global_id!r}")
    alone = store.split_member("event", event_id(article, local))
    return {"level": "event", "id": alone.id, "members": alone.members}
