"""The REST API's writes: ingest one text, merge and split event clusters.

Every write route lives on the one router ``router`` builds, whose
dependency (``communique.rest.access.write_guard``) refuses cross-site
requests, form posts, and requests without the configured bearer token (no
token configured: no writes at all). ``communique.rest.app`` includes it;
``tests/rest/test_writes_and_access.py`` checks that no other route of the
application accepts a write method. Ingest
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

from fastapi import APIRouter, Depends, HTTPException

from communique.errors import CommuniqueError
from communique.rest import models, queries
from communique.rest.access import write_guard
from communique.store import Store
from communique.store.records import event_id

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def router(store: Store, token: str | None, state: Any) -> APIRouter:
    """The write routes, all behind ``write_guard(token)``."""
    writes = APIRouter(dependencies=[Depends(write_guard(token))])

    @writes.post(
        "/articles", response_model=models.IngestResult, status_code=201, tags=["articles"]
    )
    def post_article(body: models.IngestRequest) -> dict[str, Any]:
        """Analyse a text and store it (bearer token required)."""
        return ingest(store, body, state)

    @writes.post("/clusters/merge", response_model=models.ClusterResult, tags=["clusters"])
    def post_merge(body: models.MergeRequest) -> dict[str, Any]:
        """Merge event clusters into one (bearer token required)."""
        return merge(store, body.clusters)

    @writes.post(
        "/events/{event_id}/unmerge", response_model=models.ClusterResult, tags=["clusters"]
    )
    def post_unmerge(event_id: str) -> dict[str, Any]:
        """Take an event out of its cluster into a cluster of its own (bearer token required)."""
        return unmerge(store, event_id)

    return writes


def ingest(store: Store, body: models.IngestRequest, state: Any) -> dict[str, Any]:
    from communique.pipeline import process

    if state.context is None:
        from communique.config import load_settings
        from communique.context import Context

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
