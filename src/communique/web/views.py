"""The explorer's overview pages: the map, the dyad over time and a story's reports side by side.

Mounted by ``communique.web.pages.mount`` beside the list and detail pages,
with its helpers (``read`` runs a query on a store connection, ``render`` a
template, ``chips`` the filters in force). The map and the dyad take the same
event filters as the events page (``EventQuery``), so that they count the rows
the table shows; the map's shapes (Natural Earth countries from the
``world-atlas`` npm package) and its drawing code (d3-geo, topojson-client) are
vendored under ``static/vendor`` and fetched from this server only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from communique.rest import geo, listings, queries
from communique.rest.facets import facets as facet_counts
from communique.rest.params import EventQuery
from communique.store import Store
from communique.web.marks import event_marks, segments, shift
from communique.web.periods import Summary, chart_period

Reader = Callable[[Callable[[Connection], Any]], Any]
Renderer = Callable[..., HTMLResponse]
Chips = Callable[..., list[dict[str, str]]]
Id = Annotated[str | None, Query(max_length=500)]
Country = Annotated[str | None, Query(max_length=3, pattern="^[A-Za-z]{3}$")]
# Reports of a story compared side by side at most.
STORY_COLUMNS = 8
# Events listed under the dyad's charts (the rest one click away in the events table).
DYAD_LIST = 100


@cache
def _country_codes() -> dict[str, tuple[str, str]]:
    """ISO 3166 alpha-3 → (numeric code, name): the world-atlas shapes are keyed by the
    numeric code, the stored places by alpha-3."""
    import pycountry

    return {c.alpha_3: (c.numeric, c.name) for c in pycountry.countries}


def map_data(found: dict[str, Any], link: Callable[..., str]) -> dict[str, Any]:
    """What ``static/app.js`` draws: counts by numeric country code, and the points."""
    codes = _country_codes()
    countries = {}
    for row in found["countries"]:
        numeric, name = codes.get(row["country"], ("", row["country"]))
        row["name"] = name
        row["href"] = link(place_country=row["country"])
        if numeric:
            countries[numeric] = {"count": row["count"], "name": name, "href": row["href"]}
    for point in found["places"]:
        point["href"] = link(place=point["name"])
    return {"countries": countries, "points": found["places"]}


def count_background(
    connection: Connection, filters: queries.EventFilters, summaries: list[Summary]
) -> None:
    """Set each summary's ``background``: how many of its events the reports recall as
    background (salience), so that the note under a chart says what the left-out are."""
    E, A = queries.E, queries.A
    for summary in summaries:
        query = (
            select(func.count())
            .select_from(E.join(A, A.c.id == E.c.article_id))
            .where(*filters.where(connection.dialect.name))
            .where(E.c.salience == "background")
            .where(func.substr(E.c.date, 1, 7) >= summary.first)
            .where(func.substr(E.c.date, 1, 7) <= summary.last)
        )
        summary.background = int(connection.execute(query).scalar_one())


def _story_events(connection: Connection, articles: list[str]) -> list[dict[str, Any]]:
    E, A = queries.E, queries.A
    query = (
        select(*E.c, A.c.published, A.c.outlet, A.c.title)
        .select_from(E.join(A, A.c.id == E.c.article_id))
        .where(E.c.article_id.in_(articles))
        .order_by(E.c.article_id, E.c.id)
    )
    rows = [dict(r) for r in connection.execute(query).mappings()]
    return queries.event_records(connection, rows)


def _facts(event: dict[str, Any]) -> dict[str, str]:
    """The facts compared across reports of one event."""
    return {
        "date": event["date"] or "undated",
        "place": event["location"]["name"] if event["location"] else "no place",
        "source": event["source"]["name"] if event["source"] else "—",
        "target": event["target"]["name"] if event["target"] else "—",
    }


def story_comparison(connection: Connection, store: Store, story_id: str) -> dict[str, Any] | None:
    """The story's articles, its events shared by two or more of them (each report's
    sentences, facts, and the facts that differ from what most reports say) and the
    events only one article has."""
    members = queries.cluster_members(connection, "story", story_id)
    if not members:
        return None
    every = queries.article_summaries(connection, members)
    # The earliest reports side by side; the others are listed (a wire story can have
    # hundreds of copies, and eight columns are already narrow).
    every.sort(key=lambda a: (a["published"] or "9999", a["id"]))
    articles, others = every[:STORY_COLUMNS], every[STORY_COLUMNS:]
    ids = [a["id"] for a in articles]
    documents = {a: store.load_document(a) for a in ids}
    groups: dict[str, list[dict[str, Any]]] = {}
    for event in _story_events(connection, ids):
        groups.setdefault(event["cluster"] or event["id"], []).append(event)
    shared, single = [], []
    disagreements = {
        c.id: c.disagreements for c in store.clusters_by_id("event", list(groups)) if c
    }
    for key, events in groups.items():
        if len({e["article"] for e in events}) < 2:
            single.extend(events)
            continue
        facts = [_facts(e) for e in events]
        usual = {name: Counter(f[name] for f in facts).most_common(1)[0][0] for name in facts[0]}
        cells: dict[str, list[dict[str, Any]]] = {a: [] for a in ids}
        for event, fact in zip(events, facts, strict=True):
            document = documents[event["article"]]
            start, end = event["evidence"]["start"], event["evidence"]["end"]
            parties = {
                party["id"]: role
                for role, party in (("target", event["target"]), ("source", event["source"]))
                if party
            }
            # The cell is the evidence sentence: only its trigger and parties are marked.
            marks = [
                m
                for m in event_marks(document, (start, end), event["trigger"], parties)
                if m.kind != "evidence"
            ]
            cells[event["article"]].append(
                {
                    "event": event,
                    "sentence": segments(
                        document.text[start:end], [shift(m, -start) for m in marks]
                    ),
                    "facts": fact,
                    "differs": sorted(name for name in fact if fact[name] != usual[name]),
                }
            )
        first = events[0]
        shared.append(
            {
                "id": key,
                "type": first["type"],
                "canonical": first,
                "cells": [cells[a] for a in ids],
                "articles": len({e["article"] for e in events}),
                "disagreements": disagreements.get(key, {}),
            }
        )
    shared.sort(key=lambda s: (-s["articles"], s["canonical"]["date"] or ""))
    return {
        "id": story_id,
        "articles": articles,
        "others": others,
        "shared": shared,
        "single": single,
    }


def mount_views(app: FastAPI, store: Store, read: Reader, render: Renderer, chips: Chips) -> None:
    """Add the map (``/browse/map``), dyad (``/browse/dyad``) and story (``/story/{id}``) pages."""

    @app.get("/browse/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, filters: Annotated[EventQuery, Depends()]) -> HTMLResponse:
        wanted = filters.to_filters()
        found = read(lambda c: geo.event_places(c, wanted))
        kept = [
            (k, v)
            for k, v in request.query_params.multi_items()
            if k not in ("place", "place_country")
        ]

        def link(**changes: str) -> str:
            return "/?" + urlencode([*kept, *changes.items()])

        return render(
            request,
            "map.html",
            geo=found,
            map=map_data(found, link),
            filters=wanted,
            chips=chips(request, path="/browse/map"),
        )

    @app.get("/browse/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request,
        actor: Id = None,
        partner: Id = None,
        country: Country = None,
        partner_country: Country = None,
        reports: Literal["distinct", "all"] = "distinct",
    ) -> HTMLResponse:
        if actor and partner:
            kind, a, b = "actor", actor, partner
            a, b = read(lambda c: (_actor_id(c, actor), _actor_id(c, partner)))
            names = read(lambda c: queries.actor_objects(c, [a, b]))
            label = {x: names[x]["name"] for x in (a, b)}
        elif country and partner_country:
            kind, a, b = "country", country.upper(), partner_country.upper()
            codes = _country_codes()
            label = {x: codes[x][1] if x in codes else x for x in (a, b)}
        else:
            return render(request, "dyad.html", dyad=None, reports=reports)

        def direction(source: str, target: str) -> queries.EventFilters:
            if kind == "actor":
                return queries.EventFilters(source=source, target=target, reports=reports)
            return queries.EventFilters(
                source_country=source, target_country=target, reports=reports
            )

        sides = [direction(a, b), direction(b, a)]

        def go(connection: Connection) -> dict[str, Any]:
            counts = [facet_counts(connection, side) for side in sides]
            events = []
            for side in sides:
                events += queries.list_events(connection, side, "-date", None, DYAD_LIST)[0]
            return {"counts": counts, "events": events}

        found = read(go)
        charts, left_out = _dyad_charts(found["counts"], label[a], label[b])

        def background(connection: Connection) -> None:
            """Of the events left out, those recalled as background, in either direction."""
            for summary in left_out:
                parts = [replace(summary) for _ in sides]
                for side, part in zip(sides, parts, strict=True):
                    count_background(connection, side, [part])
                summary.background = sum(part.background or 0 for part in parts)

        read(background)
        for chart, (source, target) in zip(charts, ((a, b), (b, a)), strict=True):
            side = (
                {"source": source, "target": target}
                if kind == "actor"
                else {
                    "source_country": source,
                    "target_country": target,
                }
            )
            chart["href"] = "/?" + urlencode({**side, "reports": reports})
        events = sorted(found["events"], key=lambda e: e["date"] or "", reverse=True)
        return render(
            request,
            "dyad.html",
            dyad={"kind": kind, "a": a, "b": b, "label": label},
            both="/?" + urlencode({"actor": a, "partner": b, "reports": reports})
            if kind == "actor"
            else None,
            charts=charts,
            left_out=left_out,
            events=events[:DYAD_LIST],
            total=sum(c["total"] for c in found["counts"]),
            reports=reports,
        )

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        found = read(lambda c: story_comparison(c, store, story_id))
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return render(request, "story.html", story=found)


def _actor_id(connection: Connection, given: str) -> str:
    """The actor id ``given`` is, or the one actor whose name or alias contains it (a
    person types "Varga", not "local:ines-varga"); else a 404 naming the candidates."""
    if queries.actor_objects(connection, [given]):
        return given
    found, _ = listings.list_actors(connection, listings.ActorFilters(q=given), None, 6)
    if len(found) == 1:
        return str(found[0]["id"])
    if not found:
        raise HTTPException(404, f"no actor {given!r}: give an actor id or part of a name")
    names = ", ".join(f"{r['name']} ({r['id']})" for r in found[:5])
    raise HTTPException(404, f"{given!r} names several actors: {names}; give one id")


def _dyad_charts(
    counts: list[dict[str, Any]], a: str, b: str
) -> tuple[list[dict[str, Any]], list[Summary]]:
    """One chart per direction over the same months, the bulk of them (``chart_period``),
    and summaries of the months left out."""
    months = sorted({r["month"] for side in counts for r in side["timeline"]})
    left_out: list[Summary] = []
    if months:
        by_month = [{r["month"]: r for r in side["timeline"]} for side in counts]
        every = _every_month(months[0], months[-1])
        total = [
            {"month": m, **{f"{i}": _sum(side.get(m)) for i, side in enumerate(by_month)}}
            for m in every
        ]
        shown, left_out = chart_period(total)
        keep = {r["month"] for r in shown}
        merged = [[side.get(m, {"month": m}) for m in every if m in keep] for side in by_month]
    else:
        merged = [[], []]
    charts = []
    for index, (side, title) in enumerate(zip(counts, (f"{a} → {b}", f"{b} → {a}"), strict=True)):
        rows = merged[index]
        charted = sum(_sum(r) for r in rows)
        dated = sum(_sum(r) for r in side["timeline"])
        charts.append(
            {
                "id": f"dyad-{index}",
                "title": title,
                "rows": rows,
                "types": [t["key"] for t in side["types"]],
                "total": side["total"],
                "undated": side["undated"],
                "year_only": side["year_only"],
                "outside": dated - charted,
            }
        )
    return charts, left_out


def _sum(row: dict[str, Any] | None) -> int:
    return sum(v for k, v in (row or {}).items() if k != "month")


def _every_month(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        found.append(key)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found
