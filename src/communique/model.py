"""The records that flow through the pipeline.

Every stage reads and writes these pydantic models and nothing else crosses a
stage boundary: ingest makes a ``Document`` with its cleaned ``text``; the
analysis stages (``actors``, ``dates``, ``quotes``, ``events``, ``places``)
fill its lists; ``cluster`` makes ``Cluster`` records over stored documents;
``store`` persists them and ``export`` writes them out in the record contract
of ``../shared/eval/README.md``. spaCy objects never appear here, so the store,
the exporters and the CLI never import spaCy.

Offsets (``start``/``end``) are always character offsets into
``Document.text``, the one cleaned text stored per article.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorType = Literal["person", "organisation", "state", "place", "group"]
Salience = Literal["main", "background"]
QuoteKind = Literal["direct", "indirect"]
Precision = Literal["day", "month", "year"]
ClusterLevel = Literal["event", "story", "duplicate"]
DocumentStatus = Literal["analysed", "not-english", "empty", "failed"]


class Record(BaseModel):
    """Base for all records: strict field names, no silent extras."""

    model_config = ConfigDict(extra="forbid")


class Role(Record):
    """A dated role an actor held ("Speaker of the Parliament of Iran", 2020-05-28 to None)."""

    title: str
    organisation: str | None = None
    country: str | None = None
    sector: str | None = None
    start: str | None = None  # ISO date, inclusive; None = unknown / open
    end: str | None = None  # ISO date, inclusive; None = still in office / unknown


class Actor(Record):
    """A canonical actor: from the knowledge base, or local to the store.

    Local actors (``origin == "local"``) are people and organisations the KB does
    not know; they keep what the text says about them in ``descriptions``.
    """

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    type: ActorType = "person"
    country: str | None = None  # ISO 3166 alpha-3 or "IGO"
    sector: str | None = None  # CAMEO-style sector: GOV, MIL, REB, ...
    roles: list[Role] = Field(default_factory=list)
    descriptions: list[str] = Field(default_factory=list)
    origin: Literal["kb", "local", "user"] = "kb"
    notes: str | None = None


class Span(Record):
    """A piece of the document text."""

    start: int
    end: int
    text: str


class Sentence(Span):
    index: int


class Mention(Span):
    """A stretch of text that refers to an actor."""

    actor_id: str
    kind: Literal["name", "alias", "role", "description", "pronoun", "demonym", "abbreviation"] = (
        "name"
    )
    confidence: float = 1.0


class TimeRef(Span):
    """A time expression and its resolved value (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""

    value: str | None
    precision: Precision | None = None
    anchor: Literal["absolute", "publication", "inferred"] = "absolute"


class Place(Record):
    name: str
    country: str | None = None  # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class Quote(Span):
    """A direct quotation or a reported statement; ``text`` is the quoted content only."""

    id: str
    kind: QuoteKind
    speaker_id: str | None = None
    cue: str | None = None  # the reporting verb or "according to"
    sentence: int | None = None  # index of the sentence holding the cue


class Evidence(Span):
    """The exact sentence that supports a fact, with the article it comes from."""

    article: str


class Event(Record):
    id: str
    type: str  # PLOVER event type, e.g. CONSULT
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    source_id: str | None = None
    target_id: str | None = None
    trigger: str | None = None
    date: str | None = None
    date_precision: Precision | None = None
    date_inferred: bool = False
    location: Place | None = None
    salience: Salience = "main"
    negated: bool = False
    modality: str | None = None  # "intend", "threaten", "future", ... ; None = asserted
    quote_id: str | None = None
    evidence: Evidence
    confidence: float = 1.0


class Document(Record):
    """One article: metadata, the cleaned text and everything found in it."""

    id: str
    file: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: Literal["metadata", "text", "html", "none"] = "none"
    title: str | None = None
    language: str | None = None
    status: DocumentStatus = "analysed"
    text: str
    original: str
    # Pairs (clean_offset, original_offset) at the start of each aligned run:
    # see ``communique.ingest.clean.OffsetMap``.
    offset_map: list[tuple[int, int]] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)  # local actors found in this document
    timexes: list[TimeRef] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


class Cluster(Record):
    level: ClusterLevel
    id: str
    members: list[str]
    scores: dict[str, float] = Field(default_factory=dict)
    # Event clusters: the evidence sentence of every member (in member order), and
    # the values on which the sources disagree ({"date": ["2024-02-12", "2024-02-13"]}).
    evidence: list[Evidence] = Field(default_factory=list)
    disagreements: dict[str, list[str]] = Field(default_factory=dict)


DecisionVerdict = Literal["merge", "split"]


class Decision(Record):
    """Why two members of one cluster level are together or apart.

    ``auto`` decisions are the links the clusterer made, with their score and
    the evidence behind it (``features``); ``user`` decisions are merges and
    splits made by hand, which later clustering obeys. ``a``/``b`` are article
    ids (duplicate, story) or global event ids (event).
    """

    level: ClusterLevel
    a: str
    b: str
    score: float | None = None
    features: dict[str, float | str] = Field(default_factory=dict)
    decided_by: Literal["auto", "user"] = "auto"
    verdict: DecisionVerdict = "merge"
    at: str | None = None  # ISO timestamp, set by the store


class Failure(Record):
    """A document that could not be read or analysed, with the input it came from."""

    source: str
    code: str
    message: str
    document_id: str | None = None


def content_id(text: str) -> str:
    """Article id: a short hash of the cleaned text, so that re-running the same input adds nothing."""
    return "a" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:15]
