"""The FastAPI application: REST endpoints over a store, plus the web explorer at ``/``.

Comes after ``run``/``cluster`` have filled a store; ``communique serve`` runs
it under uvicorn. Reads go through ``communique.rest.queries`` (SQLAlchemy
Core, one short connection per request); the two kinds of write (ingesting a
text through ``communique.pipeline.process``; merging and splitting event
clusters) go through ``communique.rest.writes`` and the store's one write path.

Security defaults, as for a tool that runs on a journalist's laptop
(``communique.rest.access`` has the checks):

- reads are answered only for loopback clients unless ``allow_remote``, and
  only when the ``Host`` header names this server (against DNS rebinding);
- every write route is on the one router of ``communique.rest.writes``:
  ``Authorization: Bearer <token>`` required, with no token configured there
  are no writes at all, and cross-site requests and form posts are refused;
- no CORS headers (another site's scripts cannot read the API);
- every HTML page carries a Content-Security-Policy that allows scripts from
  this server only, on top of the escaping of every article-derived string.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractContextManager, asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Connection

from communique import __version__
from communique.errors import StoreError
from communique.model import ActorType, DocumentStatus
from communique.rest import access, geo, listings, models, queries, writes
from communique.rest.facets import facets as facet_counts
from communique.rest.paging import BadCursor
from communique.rest.params import (
    Cursor,
    EventQuery,
    IsoDate,
    Limit,
    QuoteQuery,
    Str,
    known_parameters,
)
from communique.store import Store

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def create_app(
    store_url: str,
    *,
    token: str | None = None,
    allow_remote: bool = False,
    allowed_hosts: Sequence[str] = (),
    context: Any | None = None,
) -> FastAPI:
    """The API and web explorer over the store at ``store_url`` (a path or SQLAlchemy URL).

    ``context`` (a ``communique.stages.Context``) is used to analyse texts sent
    to ``POST /articles``; by default one is loaded on the first such request.
    """
    store = Store.open(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="communique",
        version=__version__,
        description="Political news reports as verifiable event data: events, actors, quotes "
        "and articles, each linked to its evidence sentence.",
        # An unknown query parameter is a 422 naming it, not silently ignored.
        dependencies=[Depends(known_parameters)],
        # /docs and /redoc are served by communique.web from vendored files: FastAPI's
        # own pages load them from a CDN, which the CSP (and offline use) forbids.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.context = context

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Any:
        refused = access.refusal(request, allowed_hosts=allowed_hosts, allow_remote=allow_remote)
        if refused is not None:
            return JSONResponse({"detail": refused[1]}, status_code=refused[0])
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = CSP
        return response

    @app.exception_handler(BadCursor)
    async def bad_cursor(_request: Request, exc: BadCursor) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_failed(_request: Request, exc: StoreError) -> JSONResponse:
        # The store could not be read (C304): the request was fine, the service is not.
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def reading() -> AbstractContextManager[Connection]:
        # Through the store, so that a database error is its C304, not a bare 500.
        return store.reading()

    # ------------------------------------------------------------------ listings

    @app.get("/events", response_model=models.EventPage, tags=["events"])
    def events(
        filters: Annotated[EventQuery, Depends()],
        sort: Literal["date", "-date", "published", "-published"] = "-date",
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        """Events matching every given filter, in a stable order, one page at a time."""
        with reading() as connection:
            items, following = queries.list_events(
                connection, filters.to_filters(), sort, cursor, limit
            )
        return {"items": items, "next": following}

    @app.get("/events/{event_id}", response_model=models.EventDetail, tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        """One event (id ``<article>#<event>``), every member of its cluster and their sources."""
        with reading() as connection:
            found = queries.event_detail(connection, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return found

    @app.get("/quotes", response_model=models.QuotePage, tags=["quotes"])
    def quotes(
        filters: Annotated[QuoteQuery, Depends()],
        sort: Literal["published", "-published"] = "-published",
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        """Quotes; ``q`` is full-text search on PostgreSQL, substring search on SQLite."""
        with reading() as connection:
            items, following = queries.list_quotes(
                connection, filters.to_filters(), sort, cursor, limit
            )
        return {"items": items, "next": following}

    @app.get("/articles", response_model=models.ArticlePage, tags=["articles"])
    def articles(
        q: Str = None,
        outlet: Str = None,
        status: DocumentStatus | None = None,
        published_from: IsoDate = None,
        published_to: IsoDate = None,
        sort: Literal["published", "-published"] = "-published",
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        """Stored articles (metadata only; ``/articles/{id}`` has the text and marks)."""
        filters = listings.ArticleFilters(q, outlet, status, published_from, published_to)
        with reading() as connection:
            items, following = listings.list_articles(connection, filters, sort, cursor, limit)
        return {"items": items, "next": following}

    @app.get("/articles/{article_id}", response_model=models.ArticleDetail, tags=["articles"])
    def article(article_id: str) -> dict[str, Any]:
        """One article: text, sentences, mentions, time expressions, quotes and events."""
        if not store.has_article(article_id):
            raise HTTPException(404, f"no article {article_id!r}")
        document = store.load_document(article_id)
        with reading() as connection:
            sources = queries.article_summaries(connection, [article_id])
            extra = [{**sources[0], **s} for s in listings.article_sources(connection, article_id)]
            story = queries.memberships(connection, "story", [article_id]).get(article_id)
        return {"document": document, "sources": extra or sources, "story": story}

    @app.get("/actors", response_model=models.ActorPage, tags=["actors"])
    def actors(
        q: Str = None,
        country: Str = None,
        type: ActorType | None = None,
        sector: Str = None,
        origin: Literal["kb", "local", "user"] | None = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        """Actors by name or alias (``q``), country, type, sector and origin, by name."""
        filters = listings.ActorFilters(q, country, type, sector, origin)
        with reading() as connection:
            items, following = listings.list_actors(connection, filters, cursor, limit)
        return {"items": items, "next": following}

    @app.get("/actors/{actor_id}", response_model=models.ActorDetail, tags=["actors"])
    def actor(actor_id: str) -> dict[str, Any]:
        """One actor: dated roles, activity by month, co-actors and quotes."""
        with reading() as connection:
            found = listings.actor_detail(connection, actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r}")
        return found

    @app.get("/clusters", response_model=models.ClusterPage, tags=["clusters"])
    def clusters(
        level: Literal["event", "story", "duplicate"] | None = None,
        member: Str = None,
        cursor: Cursor = None,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        """Clusters, optionally of one level or containing one member (event or article id)."""
        with reading() as connection:
            items, following = listings.list_clusters(connection, level, member, cursor, limit)
        return {"items": items, "next": following}

    @app.get("/stats", response_model=models.Stats, tags=["stats"])
    def stats(filters: Annotated[EventQuery, Depends()]) -> dict[str, Any]:
        """Store row counts, and facet and timeline counts of the events matching the filters."""
        # The very counts of `communique stats` (which adds distinct_events the same way).
        counts = {**store.stats(), "distinct_events": store.distinct_events()}
        with reading() as connection:
            found = facet_counts(connection, filters.to_filters())
        return {"counts": counts, "distinct_events": counts["distinct_events"], **found}

    @app.get("/places", response_model=models.Places, tags=["stats"])
    def places(filters: Annotated[EventQuery, Depends()]) -> dict[str, Any]:
        """Counts of the events matching the filters by place and by country (the map's data)."""
        with reading() as connection:
            return geo.event_places(connection, filters.to_filters())

    # ------------------------------------------------------------------ writes

    app.include_router(writes.router(store, token, app.state))

    from communique.web import mount

    mount(app, store)

    return app
