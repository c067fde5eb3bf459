"""Query parameters shared by the REST endpoints and the web pages.

FastAPI reads these classes as dependencies (``Depends()``), so ``/events``,
``/stats``, the explorer's pages and its downloads accept the very same filter
parameters and turn them into ``communique.rest.queries`` filter objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import AfterValidator

from communique.events.lexicon import PLOVER_TYPES
from communique.rest import queries
from communique.rest.isodates import FORMS, iso_prefix

Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[
    str | None, Query(max_length=2000, description="The `next` value of the previous page.")
]
Str = Annotated[str | None, Query(max_length=500)]


def _date_or_none(value: str | None) -> str | None:
    """An ISO day, month or year; an empty form field is no filter."""
    return iso_prefix(value) if value else None


IsoDate = Annotated[
    str | None,
    Query(max_length=500, description=f"Inclusive bound: {FORMS}."),
    AfterValidator(_date_or_none),
]


def _cameo_or_none(value: str | None) -> str | None:
    if value and not (value.isascii() and value.isdigit() and len(value) <= 4):
        raise ValueError(f"{value!r} is not a CAMEO code or prefix: 1 to 4 digits (04, 042)")
    return value or None


Cameo = Annotated[
    str | None,
    Query(max_length=500, description="CAMEO code or prefix: 1 to 4 digits (`04`, `042`)."),
    AfterValidator(_cameo_or_none),
]


def refuse(parameter: str, value: Any, message: str) -> RequestValidationError:
    """A 422 naming the parameter, in FastAPI's own error shape."""
    return RequestValidationError(
        [{"type": "value_error", "loc": ("query", parameter), "msg": message, "input": value}]
    )


def one_of(parameter: str, values: Sequence[str], allowed: Sequence[str]) -> list[str]:
    """``values`` (upper-cased) if each is one of ``allowed``; else a 422 listing them."""
    found = [v.strip().upper() for value in values for v in value.split(",") if v.strip()]
    unknown = [v for v in found if v not in allowed]
    if unknown:
        raise refuse(
            parameter,
            unknown,
            f"unknown {parameter} {', '.join(unknown)}; one of {', '.join(allowed)}",
        )
    return found


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take (``actr=`` would be silently ignored).

    A dependency of the whole application: the route's own parameters,
    including those of its dependencies, are the accepted ones.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    accepted = _query_names(route.dependant)
    for name in request.query_params:
        if name not in accepted:
            raise refuse(
                name,
                request.query_params[name],
                f"unknown parameter {name!r}; {route.path} accepts "
                f"{', '.join(sorted(accepted)) or 'no parameters'}",
            )


class EventQuery:
    """Query parameters of the event filters (``/events``, ``/stats``, the web pages)."""

    def __init__(
        self,
        actor: Annotated[
            str | None, Query(max_length=500, description="Actor id, either side.")
        ] = None,
        partner: Annotated[
            str | None,
            Query(
                max_length=500,
                description="A second actor id, either side: with `actor`, the events between "
                "the two in both directions (a dyad).",
            ),
        ] = None,
        actor_name: Str = None,
        country: Annotated[
            str | None, Query(max_length=500, description="Country of either side (ISO 3).")
        ] = None,
        sector: Annotated[
            str | None, Query(max_length=500, description="Sector of either side (GOV, MIL, ...).")
        ] = None,
        source: Annotated[str | None, Query(max_length=500, description="Source actor id.")] = None,
        target: Annotated[str | None, Query(max_length=500, description="Target actor id.")] = None,
        source_country: Str = None,
        target_country: Str = None,
        source_sector: Str = None,
        target_sector: Str = None,
        type: Annotated[
            list[str] | None,
            Query(
                description="PLOVER types, repeatable or comma-separated: "
                + ", ".join(PLOVER_TYPES)
            ),
        ] = None,
        cameo: Cameo = None,
        date_from: IsoDate = None,
        date_to: IsoDate = None,
        published_from: IsoDate = None,
        published_to: IsoDate = None,
        place: Str = None,
        place_country: Annotated[
            str | None,
            Query(
                max_length=3,
                description="Country of the event's place (ISO 3166 alpha-3), exactly.",
            ),
        ] = None,
        outlet: Str = None,
        salience: Literal["main", "background", ""] | None = None,
        negated: bool | None = None,
        q: Str = None,
        article: Str = None,
        reports: Annotated[
            Literal["distinct", "all"],
            Query(
                description="`distinct`: one row per real-world event (the first report of its "
                "event cluster, near-duplicate copies left out); `all`: every report."
            ),
        ] = "distinct",
    ) -> None:
        self.filters = queries.EventFilters(
            actor=actor,
            partner=partner,
            actor_name=actor_name,
            country=country,
            sector=sector,
            source=source,
            target=target,
            source_country=source_country,
            target_country=target_country,
            source_sector=source_sector,
            target_sector=target_sector,
            type=one_of("type", type or [], PLOVER_TYPES),
            cameo=cameo,
            date_from=date_from,
            date_to=date_to,
            published_from=published_from,
            published_to=published_to,
            place=place,
            place_country=place_country,
            outlet=outlet,
            salience=salience or None,  # "" = any (an empty form field)
            negated=negated,
            q=q,
            article=article,
            reports=reports,
        )

    def to_filters(self) -> queries.EventFilters:
        return self.filters


class QuoteQuery:
    """Query parameters of ``/quotes``."""

    def __init__(
        self,
        q: Str = None,
        speaker: Str = None,
        speaker_name: Str = None,
        country: Str = None,
        kind: Literal["direct", "indirect", ""] | None = None,
        article: Str = None,
        outlet: Str = None,
        published_from: IsoDate = None,
        published_to: IsoDate = None,
    ) -> None:
        self.filters = queries.QuoteFilters(
            q,
            speaker,
            speaker_name,
            country,
            kind or None,
            article,
            outlet,
            published_from,
            published_to,
        )

    def to_filters(self) -> queries.QuoteFilters:
        return self.filters
