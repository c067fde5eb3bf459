"""The web explorer's pages: server-rendered Jinja2 over the REST API's queries.

Mounted by ``communique.rest.create_app`` on the same FastAPI application
(``communique.web.mount``). Every page reads the store through
``communique.rest.queries`` (the same filters and cursors as the JSON API) and
renders ``templates/*.html`` with autoescaping on, so text that comes from
articles is always shown as text. Charts and the actor network are drawn by
``static/app.js`` from JSON embedded with Jinja's ``tojson`` (which escapes
``<``, ``>`` and ``&``) in ``<script type="application/json">`` blocks; the
script builds DOM nodes with ``textContent`` only. Vendored libraries
(uPlot, cytoscape, and Swagger UI and ReDoc for ``/docs`` and ``/redoc``) are
served from ``static/vendor`` (see its NOTICE.md), never from a CDN. Errors of
these pages are HTML pages too (``communique.web.errors``).

Downloads write the current selection with ``communique.export``'s writers,
so a downloaded file has exactly the columns of ``communique export``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Connection

# The exporters' writers, so that a download has exactly `communique export`'s columns.
from communique.events.lexicon import PLOVER_TYPES
from communique.export import FIELDS, writer
from communique.rest import listings, queries
from communique.rest.facets import facets as facet_counts
from communique.rest.params import Cursor, EventQuery, QuoteQuery, Str
from communique.store import Store
from communique.web import errors
from communique.web.marks import document_marks, event_marks, passage, segments, shift
from communique.web.periods import chart_period
from communique.web.views import count_background, mount_views

HERE = Path(str(files("communique.web")))
PAGE = 50
# Downloads stream at most this many records: a browser download of a
# selection, not a dump of the store (``communique export`` is for that).
DOWNLOAD_LIMIT = 100_000
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


def _query_string(request: Request, **changes: Any) -> str:
    """The current query string with ``changes`` (None removes a parameter).

    Going back to the first page (``cursor=None``) also forgets the pages' trail.
    """
    if changes.get("cursor", "") is None:
        changes.setdefault("trail", None)
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    for key, value in changes.items():
        if isinstance(value, list):
            items.extend((key, v) for v in value)
        elif value is not None:
            items.append((key, str(value)))
    return urlencode(items)


# Labels of the event filters shown as chips (web-only parameters are not filters).
FILTER_LABELS = {
    "actor": "actor",
    "partner": "with",
    "actor_name": "actor name",
    "country": "country",
    "sector": "sector",
    "source": "source",
    "target": "target",
    "source_country": "source country",
    "target_country": "target country",
    "source_sector": "source sector",
    "target_sector": "target sector",
    "type": "type",
    "cameo": "CAMEO",
    "date_from": "from",
    "date_to": "to",
    "published_from": "published from",
    "published_to": "published to",
    "place": "place",
    "place_country": "place's country",
    "outlet": "outlet",
    "salience": "salience",
    "negated": "negated",
    "q": "text",
    "article": "article",
    "reports": "rows",
}


QUOTE_FILTER_LABELS = {
    "q": "words",
    "speaker": "speaker",
    "speaker_name": "speaker name",
    "country": "country",
    "kind": "kind",
    "article": "article",
    "outlet": "outlet",
    "published_from": "published from",
    "published_to": "published to",
}
Trail = Annotated[
    list[str] | None, Query(max_length=2000, description="Cursors of the earlier pages.")
]


def _paging(cursor: str | None, trail: list[str] | None) -> dict[str, Any]:
    """Keyset pages only go forward: the link back is the cursor of the page before,
    kept in the URL with every earlier one ("" for the first page)."""
    earlier = list(trail or [])
    return {
        "first_row": len(earlier) * PAGE + 1,
        "next_trail": [*earlier, cursor or ""],
        "previous": (earlier[-1] or None, earlier[:-1]) if earlier else None,
    }


def _chips(
    request: Request, labels: dict[str, str] = FILTER_LABELS, path: str = "/"
) -> list[dict[str, str]]:
    """One removable chip per filter in force: its label, value and the URL without it."""
    found = []
    for name, value in request.query_params.multi_items():
        if name not in labels or not value or (name, value) == ("reports", "distinct"):
            continue
        # Removing one value of a repeated parameter keeps the others.
        kept = [
            (k, v)
            for k, v in request.query_params.multi_items()
            if (k, v) != (name, value) and k not in ("cursor", "trail")
        ]
        shown = "every report" if name == "reports" else value
        found.append(
            {
                "name": name,
                "label": labels[name],
                "value": shown,
                "href": f"{path}?{urlencode(kept)}",
            }
        )
    return found


def _roles_timeline(roles: list[Any]) -> list[dict[str, Any]]:
    """Bars for the roles timeline: left offset and width in percent of the span covered."""
    dated = [r for r in roles if r.start]
    if not dated:
        return []
    today = date.today().isoformat()
    first = min(r.start for r in dated)[:4]
    last = max((r.end or today) for r in dated)[:4]
    lo, hi = int(first), int(last) + 1
    span = max(hi - lo, 1)

    def year(value: str) -> float:
        parts = [int(p) for p in value.split("-") if p.isdigit()]
        month = parts[1] if len(parts) > 1 else 1
        return parts[0] + (month - 1) / 12

    bars = []
    for r in dated:
        begin, end = year(r.start), year(r.end or today)
        bars.append(
            {
                "role": r,
                "left": round((begin - lo) / span * 100, 2),
                "width": max(round((end - begin) / span * 100, 2), 0.5),
            }
        )
    return [{"from": lo, "to": hi, "bars": bars}]


def mount(app: FastAPI, store: Store) -> None:
    """Add the explorer's pages, downloads and static files to ``app``."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["query"] = _query_string
    templates.env.globals["plover_types"] = PLOVER_TYPES
    errors.install(app, templates)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def read(fn: Callable[[Connection], Any]) -> Any:
        with store.engine.connect() as connection:
            return fn(connection)

    schema = app.openapi_url or "/openapi.json"

    def render(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def swagger_page(request: Request) -> HTMLResponse:
        """Swagger UI (vendored, ``static/vendor/swagger-ui``) over this API's schema."""
        return render(request, "docs.html", viewer="swagger", title="Swagger UI", schema=schema)

    @app.get("/redoc", response_class=HTMLResponse, include_in_schema=False)
    def redoc_page(request: Request) -> HTMLResponse:
        """ReDoc (vendored, ``static/vendor/redoc``) over this API's schema."""
        return render(request, "docs.html", viewer="redoc", title="ReDoc", schema=schema)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request,
        filters: Annotated[EventQuery, Depends()],
        sort: Literal["date", "-date", "published", "-published"] = "-date",
        cursor: Cursor = None,
        trail: Trail = None,
    ) -> HTMLResponse:
        wanted = filters.to_filters()

        def go(connection: Connection) -> tuple[Any, ...]:
            items, following = queries.list_events(connection, wanted, sort, cursor, PAGE)
            return items, following, facet_counts(connection, wanted)

        items, following, facets = read(go)
        # The chart shows the bulk of the dated months; older (or later) ones are summarised.
        charted, left_out = chart_period(facets["timeline"])
        read(lambda c: count_background(c, wanted, left_out))
        return render(
            request,
            "events.html",
            charted=charted,
            left_out=left_out,
            events=items,
            next=following,
            facets=facets,
            filters=wanted,
            sort=sort,
            chips=_chips(request),
            **_paging(cursor, trail),
        )

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        found = read(lambda c: queries.event_detail(c, event_id))
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        documents = {s["id"]: store.load_document(s["id"]) for s in found["sources"]}
        members = []
        for m in found["members"]:
            document = documents[m["article"]]
            evidence = (m["evidence"]["start"], m["evidence"]["end"])
            parties = {
                party["id"]: role
                for role, party in (("target", m["target"]), ("source", m["source"]))
                if party
            }
            marks = event_marks(document, evidence, m["trigger"], parties)
            start, end = passage(document, *evidence)
            members.append(
                {
                    "event": m,
                    "passage": segments(
                        document.text[start:end], [shift(mark, -start) for mark in marks]
                    ),
                    "before": start > 0,
                    "after": end < len(document.text),
                    "segments": segments(document.text, marks),
                    "source": next(s for s in found["sources"] if s["id"] == m["article"]),
                }
            )
        cluster = None
        if found["cluster"]:
            clusters, _ = read(
                lambda c: listings.list_clusters(c, "event", found["event"]["id"], None, 5)
            )
            cluster = next((c for c in clusters if c["id"] == found["cluster"]), None)
        article = found["event"]["article"]
        story = read(lambda c: queries.memberships(c, "story", [article])).get(article)
        return render(
            request, "event.html", detail=found, members=members, cluster=cluster, story=story
        )

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        if not store.has_article(article_id):
            raise HTTPException(404, f"no article {article_id!r}")
        document = store.load_document(article_id)
        sources = read(lambda c: listings.article_sources(c, article_id))
        story = read(lambda c: queries.memberships(c, "story", [article_id])).get(article_id)
        return render(
            request,
            "article.html",
            doc=document,
            sources=sources,
            story=story,
            segments=segments(document.text, document_marks(document)),
            names={a.id: a.name for a in document.actors},
        )

    @app.get("/actor/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        found = read(lambda c: listings.actor_detail(c, actor_id))
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r}")
        actor = found["actor"]
        network = {
            "center": {"id": actor.id, "name": actor.name},
            "others": [
                {"id": c["actor"]["id"], "name": c["actor"]["name"], "count": c["count"]}
                for c in found["co_actors"]
            ],
        }
        return render(
            request,
            "actor.html",
            detail=found,
            actor=actor,
            network=network,
            timeline=_roles_timeline(actor.roles),
        )

    @app.get("/browse/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(
        request: Request, q: Str = None, country: Str = None, cursor: Cursor = None
    ) -> HTMLResponse:
        filters = listings.ActorFilters(q=q, country=country)
        items, following = read(lambda c: listings.list_actors(c, filters, cursor, PAGE))
        return render(request, "actors.html", actors=items, next=following, q=q or "")

    @app.get("/browse/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, cursor: Cursor = None, trail: Trail = None) -> HTMLResponse:
        def go(connection: Connection) -> tuple[Any, ...]:
            stories, following = listings.list_clusters(connection, "story", None, cursor, PAGE)
            return listings.story_summaries(connection, stories), following

        stories, following = read(go)
        return render(
            request, "stories.html", stories=stories, next=following, **_paging(cursor, trail)
        )

    @app.get("/browse/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(
        request: Request,
        filters: Annotated[QuoteQuery, Depends()],
        cursor: Cursor = None,
        trail: Trail = None,
    ) -> HTMLResponse:
        wanted = filters.to_filters()
        items, following = read(
            lambda c: queries.list_quotes(c, wanted, "-published", cursor, PAGE)
        )
        return render(
            request,
            "quotes.html",
            quotes=items,
            next=following,
            filters=wanted,
            chips=_chips(request, QUOTE_FILTER_LABELS, "/browse/quotes"),
            **_paging(cursor, trail),
        )

    mount_views(app, store, read, render, _chips)

    @app.get("/download/events.{fmt}", include_in_schema=False)
    def download_events(
        filters: Annotated[EventQuery, Depends()], fmt: Literal["csv", "jsonl", "parquet"]
    ) -> Response:
        wanted = filters.to_filters()
        return _download(
            read,
            "events",
            fmt,
            lambda c, cur: queries.list_events(c, wanted, "-date", cur, queries.MAX_LIMIT),
        )

    @app.get("/download/quotes.{fmt}", include_in_schema=False)
    def download_quotes(
        filters: Annotated[QuoteQuery, Depends()], fmt: Literal["csv", "jsonl", "parquet"]
    ) -> Response:
        wanted = filters.to_filters()
        return _download(
            read,
            "quotes",
            fmt,
            lambda c, cur: queries.list_quotes(c, wanted, "-published", cur, queries.MAX_LIMIT),
        )


def _download(
    read: Callable[[Callable[[Connection], Any]], Any],
    kind: str,
    fmt: str,
    fetch: Callable[[Connection, str | None], tuple[list[dict[str, Any]], str | None]],
) -> Response:
    spec = FIELDS[kind]

    def selection() -> Iterator[dict[str, Any]]:
        cursor: str | None = None
        sent = 0
        while sent < DOWNLOAD_LIMIT:
            after = cursor

            def one_page(c: Connection, after: str | None = after) -> Any:
                return fetch(c, after)

            items, cursor = read(one_page)
            for item in items:
                # Exactly the columns of `communique export` (the API's extras dropped).
                yield {name: item[name] for name in spec}
            sent += len(items)
            if cursor is None:
                return

    buffer = io.BytesIO()
    writer(fmt)(selection(), spec, buffer)
    return Response(
        buffer.getvalue(),
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'},
    )
