"""Where the matching events happened: counts by place and by country, for the explorer's map.

The same filters as ``communique.rest.queries.list_events`` (``EventFilters``,
including ``reports``), so that the map counts the rows the table shows. Places
are the stored event locations (name, country and the gazetteer's coordinates);
countries are the ISO 3166 alpha-3 codes of those locations. Events without a
place, and places without coordinates, are counted apart so that the map can say
what it leaves out.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from communique.rest.paging import Row
from communique.rest.queries import A, E, EventFilters

# Points drawn at most (the most frequent places): a few hundred stay readable on a
# world map; the rest are still in the country counts.
MAX_PLACES = 500


def event_places(connection: Connection, filters: EventFilters, top: int = MAX_PLACES) -> Row:
    """Counts of the matching events by place (with coordinates) and by country, and the
    numbers of events without a place and of placed events without coordinates."""
    matching = (
        select(E.c.location_name, E.c.location_country, E.c.location_lat, E.c.location_lon)
        .select_from(E.join(A, A.c.id == E.c.article_id))
        .where(*filters.where(connection.dialect.name))
        .subquery()
    )
    n = func.count().label("n")
    placed = matching.c.location_lat.is_not(None) & matching.c.location_lon.is_not(None)
    keys = (
        matching.c.location_name,
        matching.c.location_country,
        matching.c.location_lat,
        matching.c.location_lon,
    )
    places_query = (
        select(*keys, n)
        .where(placed)
        .group_by(*keys)
        .order_by(n.desc(), matching.c.location_name)
        .limit(top)
    )
    countries_query = (
        select(matching.c.location_country, n)
        .where(matching.c.location_country.is_not(None))
        .group_by(matching.c.location_country)
        .order_by(n.desc(), matching.c.location_country)
    )
    total, unplaced, no_point = connection.execute(
        select(
            func.count(),
            func.count().filter(matching.c.location_name.is_(None)),
            func.count().filter(matching.c.location_name.is_not(None) & ~placed),
        ).select_from(matching)
    ).one()
    return {
        "total": int(total),
        "unplaced": int(unplaced or 0),
        "without_coordinates": int(no_point or 0),
        "places": [
            {
                "name": r.location_name,
                "country": r.location_country,
                "lat": r.location_lat,
                "lon": r.location_lon,
                "count": int(r.n),
            }
            for r in connection.execute(places_query)
        ],
        "countries": [
            {"country": r.location_country, "count": int(r.n)}
            for r in connection.execute(countries_query)
        ],
    }
