"""Facet and timeline counts of the events matching a filter, for ``/stats`` and the explorer.

The same filters as ``communique.rest.queries.list_events`` (``EventFilters``,
including ``reports``), so that every count here is a count of rows the table
would show: the total, the undated and year-only events, by type, country of
either side, outlet, and by month and type (every month from the first to the
last, so that charts show gaps).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.engine import Connection

from communique.rest.paging import Row
from communique.rest.queries import A, E, EventFilters
from communique.store import schema


def facets(connection: Connection, filters: EventFilters, top: int = 30) -> Row:
    """Counts of the matching events (the rows the listing would show): in total, undated,
    dated to a year only, by type, country (either side), outlet, and by month and type."""
    base = select(
        E.c.article_id, E.c.id, E.c.type, E.c.source_id, E.c.target_id, E.c.date, A.c.outlet
    ).select_from(E.join(A, A.c.id == E.c.article_id))
    matching = base.where(*filters.where(connection.dialect.name)).subquery()

    def counts(column: Any) -> list[Row]:
        n = func.count().label("n")
        query = select(column.label("key"), n).group_by(column).order_by(n.desc(), column)
        return [{"key": r.key, "count": int(r.n)} for r in connection.execute(query.limit(top))]

    # Countries of either side, each event counted once per country: what the `country`
    # filter selects (an event of KEN acting on ETH is under both).
    t = schema.actors
    sides = union_all(
        *(
            select(matching.c.article_id, matching.c.id, t.c.country).select_from(
                matching.join(t, t.c.id == side)
            )
            for side in (matching.c.source_id, matching.c.target_id)
        )
    ).subquery()
    n_events = func.count(func.distinct(sides.c.article_id + "#" + sides.c.id))
    country_query = (
        select(sides.c.country.label("key"), n_events.label("n"))
        .where(sides.c.country.is_not(None))
        .group_by(sides.c.country)
        .order_by(n_events.desc(), sides.c.country)
        .limit(top)
    )
    # By month: dates of day or month precision; a year-only date has no month to plot
    # (it would show as January) and is counted apart, as undated events are.
    month = func.substr(matching.c.date, 1, 7)
    timeline_query = (
        select(month.label("month"), matching.c.type, func.count().label("n"))
        .where(func.length(matching.c.date) >= 7)
        .group_by(month, matching.c.type)
        .order_by(month)
    )
    by_month: dict[str, Row] = {}
    for r in connection.execute(timeline_query):
        by_month.setdefault(r.month, {"month": r.month})[r.type] = int(r.n)
    total, undated, year_only = connection.execute(
        select(
            func.count(),
            func.count().filter(matching.c.date.is_(None)),
            func.count().filter(func.length(matching.c.date) < 7),
        ).select_from(matching)
    ).one()
    return {
        "total": int(total),
        "undated": int(undated or 0),
        "year_only": int(year_only or 0),
        "types": counts(matching.c.type),
        "outlets": counts(matching.c.outlet),
        "countries": [{"key": r.key, "count": int(r.n)} for r in connection.execute(country_query)],
        "timeline": _every_month(by_month),
    }


def _every_month(by_month: dict[str, Row]) -> list[Row]:
    """The months from the first to the last with events, empty ones as rows of zero
    counts, so that a chart shows the gaps instead of drawing across them."""
    if not by_month:
        return []
    first, last = min(by_month), max(by_month)
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        found.append(by_month.get(key, {"month": key}))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found
