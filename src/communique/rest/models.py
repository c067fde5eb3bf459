"""Response and request models of the REST API, derived from the one data model.

List endpoints return the export records of ``shared/eval/README.md``: their
pydantic models are built here from ``communique.export.FIELDS`` (the one field
specification of every export kind), so the API, the JSONL/CSV/Parquet exports
and the OpenAPI schema cannot drift apart. A few extras useful to a reader
(the article's outlet, title and publication date) follow the contract fields.
Detail endpoints embed ``communique.model`` records (``Document``, ``Actor``)
as they are. Nothing here touches the database: ``communique.rest.queries``
fills these models, ``communique.rest.app`` serves them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from communique.export import FIELDS, Spec
from communique.model import Actor, ClusterLevel, Document

_SCALARS: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "map": dict[str, float],
}

# Extra fields each kind carries in the API (after the contract ones).
EXTRAS: dict[str, dict[str, Spec]] = {
    # reports: the articles reporting the event (its cluster's and their copies); outlets: theirs.
    "events": {
        "published": "str",
        "outlet": "str",
        "title": "str",
        "reports": "int",
        "outlets": ["str"],
    },
    "quotes": {"published": "str", "outlet": "str", "title": "str"},
    "articles": {},
    "actors": {},
    "clusters": {},
}


def _model(name: str, spec: dict[str, Spec]) -> type[BaseModel]:
    """A pydantic model with one optional field per entry of an export field specification."""

    def annotation(sub: Spec, field: str) -> Any:
        if isinstance(sub, dict):
            return _model(f"{name}{field.title()}", sub)
        if isinstance(sub, list):
            return list[annotation(sub[0], field)]  # type: ignore[misc]
        return _SCALARS[sub]

    fields: dict[str, Any] = {
        field: (annotation(sub, field) | None, None) for field, sub in spec.items()
    }
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


def record_model(kind: str) -> type[BaseModel]:
    """The API model of one export kind: contract fields, then the API's extras."""
    return _model(f"{kind.title().rstrip('s')}Record", {**FIELDS[kind], **EXTRAS[kind]})


ArticleRecord = record_model("articles")
EventRecord = record_model("events")
QuoteRecord = record_model("quotes")
ActorRecord = record_model("actors")
ClusterRecord = record_model("clusters")

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a listing; pass ``next`` back as ``cursor`` for the following page."""

    items: list[T]
    next: str | None = Field(None, description="Opaque cursor of the next page; null on the last.")


# Pages of each listing (the record models are built at import, hence the ignores).
EventPage = Page[EventRecord]  # type: ignore[valid-type]
QuotePage = Page[QuoteRecord]  # type: ignore[valid-type]
ArticlePage = Page[ArticleRecord]  # type: ignore[valid-type]
ActorPage = Page[ActorRecord]  # type: ignore[valid-type]
ClusterPage = Page[ClusterRecord]  # type: ignore[valid-type]


class Source(BaseModel):
    """An article as a source of an event: enough to cite and open it."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    file: str | None = None


class EventDetail(BaseModel):
    """One event, its cluster, and every member event with its evidence sentence and source."""

    event: EventRecord  # type: ignore[valid-type]
    cluster: str | None
    members: list[EventRecord]  # type: ignore[valid-type]
    sources: list[Source]


class Count(BaseModel):
    key: str | None
    count: int


class CoActor(BaseModel):
    actor: ActorRecord  # type: ignore[valid-type]
    count: int = Field(description="Events in which both actors take part.")


class ActorActivity(BaseModel):
    """Events per month in which the actor is source or target: roles as observed in the news."""

    month: str
    source: int
    target: int


class ActorDetail(BaseModel):
    actor: Actor
    activity: list[ActorActivity]
    co_actors: list[CoActor]
    quotes: list[QuoteRecord]  # type: ignore[valid-type]
    events: int = Field(description="Events in which the actor is source or target.")


class ArticleDetail(BaseModel):
    """A stored article with every mark (mentions, time expressions, quotes, events)."""

    document: Document
    sources: list[Source]
    story: str | None


class Stats(BaseModel):
    """Row counts of the store, and facet counts of the events matching the filters."""

    counts: dict[str, int] = Field(
        description="Rows of each table, and `distinct_events` (as `communique stats`)."
    )
    distinct_events: int = Field(
        description="Events of the whole store counted once per real-world event: each event "
        "cluster once, plus the unclustered events of articles that are not near-duplicate copies."
    )
    total: int = Field(description="Events matching the filters (in the `reports` mode).")
    undated: int = Field(description="Of these, events without a date (not in `timeline`).")
    year_only: int = Field(description="Of these, events dated to a year only (not in `timeline`).")
    types: list[Count]
    countries: list[Count] = Field(
        description="Events by the country of either side (the `country` filter's meaning)."
    )
    outlets: list[Count]
    timeline: list[dict[str, Any]] = Field(
        description="Rows {month, TYPE: count, ...} of matching events by event month, every "
        "month from the first to the last (empty ones as {month})."
    )


# A string from a request body: no NUL bytes (no stored text has one, and
# PostgreSQL refuses them in any parameter; issue 15).
Text = Annotated[str, Field(pattern=r"^[^\x00]*$", max_length=2000)]


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=2_000_000, pattern=r"^[^\x00]*$")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    outlet: Text | None = None
    title: Text | None = None
    url: Text | None = None
    html: bool = False

    @field_validator("published")
    @classmethod
    def a_calendar_date(cls, value: str | None) -> str | None:
        """``2024-02-30`` has the shape of a date but is none (issue 15)."""
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"published {value!r} is not a calendar date") from None
        return value


class IngestResult(BaseModel):
    id: str
    status: str
    events: int
    quotes: int
    mentions: int


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clusters: list[Text] = Field(min_length=2, description="Event cluster ids to merge into one.")


class ClusterResult(BaseModel):
    level: ClusterLevel
    id: str
    members: list[str]


class PlaceCount(BaseModel):
    name: str
    country: str | None = Field(description="ISO 3166 alpha-3 of the place.")
    lat: float
    lon: float
    count: int


class CountryCount(BaseModel):
    country: str = Field(description="ISO 3166 alpha-3 (the `place_country` filter's value).")
    count: int


class Places(BaseModel):
    """Where the events matching the filters happened (what the explorer's map draws)."""

    total: int = Field(description="Events matching the filters (in the `reports` mode).")
    unplaced: int = Field(description="Of these, events without a place.")
    without_coordinates: int = Field(description="Of these, placed events without coordinates.")
    places: list[PlaceCount] = Field(description="By place with coordinates, most events first.")
    countries: list[CountryCount] = Field(description="By the country of the place.")
