"""Exports: the stored results as records of the contract in ``shared/eval/README.md``.

Comes last: reads a ``communique.store.Store`` filled by ``run`` (analysis,
then clustering) and writes one record per article, event, quote, mention,
time expression, actor or cluster, as JSON Lines, CSV or Parquet.
``communique export KIND --db PATH --format FMT`` is a thin wrapper around
``export``; ``communique eval`` reads what ``records`` yields.

Every kind has one field specification (``FIELDS``): the contract fields with
their contract names and shapes, then a few extra fields. All three formats
follow it, so a column is never present in one format and missing in another:

- JSON Lines: nested objects stay nested (``"source": {"id", "name", ...}``).
- CSV: nested objects are flattened with ``_`` (``source.name`` becomes
  ``source_name``, ``evidence.start`` becomes ``evidence_start``); lists
  (``aliases``, ``roles``, ``members``) and maps (``scores``) are JSON-encoded
  in one cell; booleans are ``true``/``false``; null is the empty cell; a
  text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
  ``@`` first) starts with an apostrophe (``neutralise_cell``).
- Parquet: nested objects are structs, lists are lists, ``scores`` is a map.

Ids are the same in every kind. Event and quote ids are global:
``"<article id>#<event id>"``; ``cluster_members`` of level ``event`` use that
same form, so ``events.cluster`` and ``clusters.members`` join. An article
whose exact content came from several inputs is one stored article; it is
exported once per distinct input (same ``id``, that input's ``file``/``url``/
``outlet``; ``primary`` is true for the first), so every input file appears.

Counting events once: an event reported by several articles is one event
cluster (``events.cluster``, ``clusters.members``), and the events of a
near-duplicate copy (a syndicated or re-posted article) carry
``duplicate_of``: the id of the original article. To count real-world events,
count distinct ``cluster`` values plus the events with neither a cluster nor
``duplicate_of`` (``communique stats`` reports this as ``distinct_events``,
``Store.distinct_events``). Copies are kept, not dropped: they are sources.
Event clusters also carry every member's ``evidence`` sentence and the
``disagreements`` between their sources (``[{"field": "date", "values":
[...]}]``), which are recorded, not resolved.

Actor objects (``source``, ``target``, ``speaker``, a mention's ``actor``) carry, beside
the contract fields, the actor as of the date the record refers to (the event's date,
else the article's publication date): ``as_of``, ``role_on_date`` (the title of the
office held then) and ``sector_on_date`` (the sector of that office; none for a person
whose dated offices all lie at other times, the static sector for actors without dated
roles). A minister exported in an event of their term is coded by that office, a
candidate before taking office by none.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from communique.errors import ConfigError, Messages

if TYPE_CHECKING:  # a Store is passed in; importing it here would load SQLAlchemy
    from communique.store import Store

__all__ = ["FIELDS", "FORMATS", "KINDS", "Writer", "export", "records", "writer"]

KINDS = ("articles", "events", "quotes", "mentions", "timexes", "actors", "clusters")
FORMATS = ("jsonl", "csv", "parquet")

# Field specifications: "str" | "int" | "float" | "bool" | "map" (str → float),
# a dict for a nested object, a one-element list for a list of that type.
Spec = Any
ACTOR: dict[str, Spec] = {
    "id": "str",
    "name": "str",
    "aliases": ["str"],
    "country": "str",
    "sector": "str",
    "type": "str",
    # As of the event date (events) or the publication date (quotes, mentions): the
    # office the actor held then and the sector that office gives (a candidate or a
    # retired minister has none), from ``actors.tenure.role_on``/``sector_on``.
    "as_of": "str",
    "role_on_date": "str",
    "sector_on_date": "str",
}
FIELDS: dict[str, dict[str, Spec]] = {
    "articles": {
        "id": "str",
        "file": "str",
        "url": "str",
        "outlet": "str",
        "published": "str",
        "title": "str",
        "story": "str",
        "language": "str",
        "status": "str",
        "published_source": "str",
        "primary": "bool",
    },
    "events": {
        "id": "str",
        "article": "str",
        "type": "str",
        "mode": "str",
        "cameo": "str",
        "source": ACTOR,
        "target": ACTOR,
        "date": "str",
        "location": {"name": "str", "country": "str", "lat": "float", "lon": "float"},
        "salience": "str",
        "negated": "bool",
        "evidence": {"text": "str", "start": "int", "end": "int"},
        "cluster": "str",
        "context": "str",
        "trigger": "str",
        "date_precision": "str",
        "date_inferred": "bool",
        "modality": "str",
        "quote": "str",
        "confidence": "float",
        "duplicate_of": "str",
    },
    "quotes": {
        "id": "str",
        "article": "str",
        "kind": "str",
        "text": "str",
        "start": "int",
        "end": "int",
        "speaker": ACTOR,
        "cue": "str",
        "sentence": "int",
    },
    "mentions": {
        "article": "str",
        "text": "str",
        "start": "int",
        "end": "int",
        "actor": ACTOR,
        "kind": "str",
        "confidence": "float",
    },
    "timexes": {
        "article": "str",
        "text": "str",
        "start": "int",
        "end": "int",
        "value": "str",
        "precision": "str",
        "anchor": "str",
    },
    "actors": {
        "id": "str",
        "name": "str",
        "aliases": ["str"],
        "type": "str",
        "country": "str",
        "sector": "str",
        "roles": [{"title": "str", "organisation": "str", "start": "str", "end": "str"}],
        "origin": "str",
        "descriptions": ["str"],
        "notes": "str",
    },
    "clusters": {
        "level": "str",
        "id": "str",
        "members": ["str"],
        "scores": "map",
        "evidence": [{"article": "str", "text": "str", "start": "int", "end": "int"}],
        "disagreements": [{"field": "str", "values": ["str"]}],
    },
}

# Rows per Parquet record batch: bounds memory while streaming large stores.
PARQUET_BATCH = 1000


class _Actors:
    """Actor objects by id, for the nested ``source``/``target``/``speaker``/``actor``,
    each as of the date the record refers to (``communique.store.records.dated_actor``)."""

    def __init__(self, store: Store) -> None:
        # Imported here, not at the top: ``communique.store`` loads SQLAlchemy, and every
        # command imports this module (issue 14); an export has a store open anyway.
        from communique.store.records import actor_object, dated_actor

        self.dated_actor = dated_actor
        self.models = {a.id: a for a in store.iter_actors()}
        self.known = {actor_id: actor_object(a) for actor_id, a in self.models.items()}

    def __call__(self, actor_id: str | None, on_date: str | None = None) -> dict[str, Any] | None:
        if actor_id is None:
            return None
        return self.dated_actor(
            actor_id, self.known.get(actor_id), self.models.get(actor_id), on_date
        )


def _memberships(store: Store, level: str) -> dict[str, str]:
    from communique.store.records import memberships

    return store.read(lambda connection: memberships(connection, level))


def _articles(store: Store) -> Iterator[dict[str, Any]]:
    story = _memberships(store, "story")
    for row in store.iter_articles():
        base = {
            "id": row["id"],
            "title": row["title"],
            "published": row["published"],
            "story": story.get(row["id"]),
            "language": row["language"],
            "status": row["status"],
            "published_source": row["published_source"],
        }
        yield {
            **base,
            "file": row["file"],
            "url": row["url"],
            "outlet": row["outlet"],
            "primary": True,
        }
        seen = {(row["file"], row["url"])}
        for source in row["sources"]:
            key = (source["file"], source["url"])
            if key not in seen:
                seen.add(key)
                yield {**base, **source, "primary": False}


def _events(store: Store) -> Iterator[dict[str, Any]]:
    from communique.store.records import event_id, event_record
    from communique.store.rows import event_row

    actor = _Actors(store)
    cluster = _memberships(store, "event")
    original = {m: c.members[0] for c in store.clusters("duplicate") for m in c.members[1:]}
    for document in store.iter_documents():
        for seq, e in enumerate(document.events):
            row = event_row(document.id, seq, e)
            eid = event_id(document.id, e.id)
            yield {
                **event_record(row, document.published, actor, cluster.get(eid)),
                "duplicate_of": original.get(document.id),
            }


def _quotes(store: Store) -> Iterator[dict[str, Any]]:
    from communique.store.records import quote_record

    actor = _Actors(store)
    for document in store.iter_documents():
        for q in document.quotes:
            yield quote_record(
                {"article_id": document.id, **q.model_dump()}, document.published, actor
            )


def _mentions(store: Store) -> Iterator[dict[str, Any]]:
    actor = _Actors(store)
    for document in store.iter_documents():
        for m in document.mentions:
            yield {
                "article": document.id,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "actor": actor(m.actor_id, document.published),
                "kind": m.kind,
                "confidence": m.confidence,
            }


def _timexes(store: Store) -> Iterator[dict[str, Any]]:
    for document in store.iter_documents():
        for t in document.timexes:
            yield {"article": document.id, **t.model_dump()}


def _actors(store: Store) -> Iterator[dict[str, Any]]:
    for a in store.iter_actors():
        yield {
            **a.model_dump(exclude={"roles"}),
            "roles": [
                {"title": r.title, "organisation": r.organisation, "start": r.start, "end": r.end}
                for r in a.roles
            ],
        }


def _clusters(store: Store) -> Iterator[dict[str, Any]]:
    for c in store.clusters():
        yield {
            **c.model_dump(exclude={"disagreements"}),
            "disagreements": [{"field": k, "values": v} for k, v in c.disagreements.items()],
        }


_PRODUCERS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": _articles,
    "events": _events,
    "quotes": _quotes,
    "mentions": _mentions,
    "timexes": _timexes,
    "actors": _actors,
    "clusters": _clusters,
}


def _check(kind: str, fmt: str | None = None) -> None:
    if kind not in KINDS:
        raise ConfigError(Messages.C401, source=kind, kind=kind, choices=", ".join(KINDS))
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(Messages.C402, source=fmt, fmt=fmt, choices=", ".join(FORMATS))


def records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Stream the records of one kind, each with exactly the fields of ``FIELDS[kind]``."""
    _check(kind)
    spec = FIELDS[kind]
    for record in _PRODUCERS[kind](store):
        yield _project(record, spec)


def _project(value: Any, spec: Spec) -> Any:
    if value is None:
        return None
    if isinstance(spec, dict):
        return {name: _project(value.get(name), sub) for name, sub in spec.items()}
    if isinstance(spec, list):
        return [_project(item, spec[0]) for item in value]
    return value


# ---------------------------------------------------------------------------
# writers


def export(store: Store, kind: str, fmt: str, out: IO[bytes] | Path | None = None) -> int:
    """Write every record of ``kind`` to ``out`` (a path, a binary stream, stdout); return how many.

    ``out=None`` writes to standard output.
    """
    _check(kind, fmt)
    if isinstance(out, Path):
        with out.open("wb") as handle:
            return _WRITERS[fmt](records(store, kind), FIELDS[kind], handle)
    stream = out if out is not None else sys.stdout.buffer
    return _WRITERS[fmt](records(store, kind), FIELDS[kind], stream)


def _jsonl(items: Iterator[dict[str, Any]], spec: dict[str, Spec], out: IO[bytes]) -> int:
    count = 0
    for record in items:
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    out.flush()
    return count


def csv_columns(spec: dict[str, Spec], prefix: str = "") -> list[str]:
    """CSV header for a field specification: nested objects flattened with ``_``."""
    columns: list[str] = []
    for name, sub in spec.items():
        if isinstance(sub, dict):
            columns.extend(csv_columns(sub, f"{prefix}{name}_"))
        else:
            columns.append(prefix + name)
    return columns


def _flatten(
    record: dict[str, Any] | None, spec: dict[str, Spec], prefix: str = ""
) -> dict[str, str]:
    cells: dict[str, str] = {}
    for name, sub in spec.items():
        value = record.get(name) if record is not None else None
        if isinstance(sub, dict):
            cells.update(_flatten(value, sub, f"{prefix}{name}_"))
        elif value is None:
            cells[prefix + name] = ""
        elif isinstance(sub, list) or sub == "map":
            cells[prefix + name] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            cells[prefix + name] = "true" if value else "false"
        elif isinstance(value, str):
            cells[prefix + name] = neutralise_cell(value)
        else:
            cells[prefix + name] = str(value)
    return cells


# A spreadsheet reads a cell that starts with one of these as a formula
# (=HYPERLINK(...), @SUM(...), +cmd|...); tab and carriage return can hide one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A text cell that a spreadsheet will show as text, not run as a formula.

    Article texts, titles, outlets and names come from the web (issue 15:
    CSV downloads kept cells starting with ``=``/``@``). Such a cell gets a
    leading apostrophe, which spreadsheets hide and which OWASP recommends;
    numbers are not text cells, so "-1.28" stays a number. JSON Lines and
    Parquet keep every value as it is.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv(items: Iterator[dict[str, Any]], spec: dict[str, Spec], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=csv_columns(spec))
        writer.writeheader()
        count = 0
        for record in items:
            writer.writerow(_flatten(record, spec))
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller's stream stays open
    return count


def arrow_schema(spec: dict[str, Spec]) -> Any:
    """The pyarrow schema of a field specification (structs, lists, a str→float map)."""
    import pyarrow as pa

    scalars = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "map": pa.map_(pa.string(), pa.float64()),
    }

    def convert(sub: Spec) -> Any:
        if isinstance(sub, dict):
            return pa.struct([pa.field(n, convert(s)) for n, s in sub.items()])
        if isinstance(sub, list):
            return pa.list_(convert(sub[0]))
        return scalars[sub]

    return pa.schema([pa.field(n, convert(s)) for n, s in spec.items()])


def _parquet(items: Iterator[dict[str, Any]], spec: dict[str, Spec], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(spec)
    seekable = getattr(out, "seekable", lambda: False)()
    # Parquet writes its footer last; a pipe (stdout) gets the finished bytes in one go.
    sink: IO[bytes] = out if seekable else io.BytesIO()
    count = 0
    with pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in items:
            batch.append(record)
            count += 1
            if len(batch) >= PARQUET_BATCH:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                batch.clear()
        if batch or count == 0:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
    if sink is not out:
        out.write(sink.getvalue())  # type: ignore[attr-defined]
    out.flush()
    return count


Writer = Callable[[Iterator[dict[str, Any]], dict[str, Spec], IO[bytes]], int]

_WRITERS: dict[str, Writer] = {
    "jsonl": _jsonl,
    "csv": _csv,
    "parquet": _parquet,
}


def writer(fmt: str) -> Writer:
    """The writer of one format: ``writer(fmt)(records, FIELDS[kind], out)`` returns the count.

    What ``export`` uses, for callers that select their own records (the web
    explorer's downloads); an unknown format raises ``ConfigError`` (C402).
    """
    if fmt not in _WRITERS:
        raise ConfigError(Messages.C402, source=fmt, fmt=fmt, choices=", ".join(FORMATS))
    return _WRITERS[fmt]
