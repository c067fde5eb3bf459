"""Query parameters shared by the REST endpoints and the web pages.

FastAPI reads these classes as dependencies (``Depends()``), so ``/events``,
``/stats``, the explorer's pages and its downloads accept the very same filter
parameters and turn them into ``communique.rest.queries`` filter objects.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from communique.rest import queries

Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Cursor = Annotated[
    str | None, Query(max_length=2000, description="The `next` value of the previous page.")
]
Str = Annotated[str | None, Query(max_length=500)]


class EventQuery:
    """Query parameters of the event filters (``/events``, ``/stats``, the web pages)."""

    def __init__(
        self,
        actor: Str = None,
        actor_name: Str = None,
        country: Str = None,
        type: Annotated[list[str] | None, Query(description="PLOVER types (repeatable).")] = None,
        cameo: Annotated[
            str | None, Query(max_length=8, description="CAMEO root or prefix")
        ] = None,
        date_from: Str = None,
        date_to: Str = None,
        published_from: Str = None,
        published_to: Str = None,
        place: Str = None,
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
            actor_name=actor_name,
            country=country,
            type=[t.strip() for v in type or [] for t in v.split(",") if t.strip()],
            cameo=cameo,
            date_from=date_from,
            date_to=date_to,
            published_from=published_from,
            published_to=published_to,
            place=place,
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
        published_from: Str = None,
        published_to: Str = None,
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
