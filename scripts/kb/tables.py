"""Tabular officeholder sources: one dated term per row, whatever the source.

Part of the KB build (``scripts/build_kb.py``). In: adapters that turn a source into
``Term`` rows (``scripts/kb/us_congress.py`` for the CC0 congress-legislators files, and
``read_csv`` for the hand-written tables in ``scripts/kb_sources/tables/*.csv``:
governors, party leaders, heads of international agencies...). Out: the same rows, which
``Builder.terms`` merges into people (by name), their ``Role``s, and offices with dated
holders. A new population plugs in by writing rows in this shape; nothing else in the
build changes.

An office may have several seats held at once (two senators per state): ``seats`` says
how many, and the KB checks that no date has more holders than seats. Single-seat
offices keep the no-overlap check of the curated offices.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The columns of a table file, in order; ``aliases`` are separated by "|".
COLUMNS = (
    "name",
    "aliases",
    "gender",
    "country",
    "office",
    "kind",
    "organisation",
    "context",
    "sector",
    "region",
    "party",
    "start",
    "end",
    "seats",
)


@dataclass
class Term:
    """One person holding one office from ``start`` to ``end`` (ISO dates, inclusive)."""

    name: str  # English Wikipedia title, without diacritics
    office: str  # "United States Senator from Vermont"
    country: str  # ISO alpha-3 of the state the office belongs to, or "IGO"
    sector: str  # CAMEO sector of the office: GOV, LEG, JUD, MIL, PTY, IGO...
    start: str | None
    end: str | None
    kind: str = ""  # a titles.yaml kind ("senator", "governor"); "" = from the title
    organisation: str | None = None  # "United States Senate"
    context: str | None = None  # organisation id the office belongs to; None = country
    region: str | None = None  # ISO 3166-2 of a subdivision ("US-VT")
    party: str | None = None  # party of the holder during this term
    seats: int = 1  # holders at the same time
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # "f" / "m"


def read_csv(path: Path) -> list[Term]:
    """Terms from a table file (header = ``COLUMNS``; lines starting with "#" are notes)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = csv.DictReader(ln for ln in lines if not ln.startswith("#"))
    missing = set(COLUMNS) - set(rows.fieldnames or ())
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    terms: list[Term] = []
    for number, row in enumerate(rows, 2):
        cell = {k: (v or "").strip() for k, v in row.items() if k}
        if not (cell["name"] and cell["office"] and cell["country"] and cell["sector"]):
            raise ValueError(f"{path}:{number}: name, office, country and sector are required")
        terms.append(
            Term(
                name=cell["name"],
                office=cell["office"],
                country=cell["country"],
                sector=cell["sector"],
                start=cell["start"] or None,
                end=cell["end"] or None,
                kind=cell["kind"],
                organisation=cell["organisation"] or None,
                context=cell["context"] or None,
                region=cell["region"] or None,
                party=cell["party"] or None,
                seats=int(cell["seats"] or 1),
                aliases=[a.strip() for a in cell["aliases"].split("|") if a.strip()],
                gender=cell["gender"] or None,
            )
        )
    return terms


def merged(terms: Iterable[Term]) -> Iterator[Term]:
    """Consecutive terms of one person in one office and party become one period
    (a senator re-elected every six years held one seat without a break)."""
    ordered = sorted(terms, key=lambda t: (t.name, t.office, t.start or ""))
    current: Term | None = None
    for term in ordered:
        if (
            current is not None
            and (current.name, current.office, current.party)
            == (term.name, term.office, term.party)
            and current.end is not None
            and term.start is not None
            and term.start <= _days_after(current.end, _RECESS_DAYS)
        ):
            current.end = term.end if term.end is None or term.end > current.end else current.end
            continue
        if current is not None:
            yield current
        current = Term(**{**term.__dict__, "aliases": list(term.aliases)})
    if current is not None:
        yield current


# A new Congress convenes between the 3rd and the 7th of January: a member re-elected
# has a few days between terms in the source but held the seat throughout.
_RECESS_DAYS = 10


def _days_after(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two holdings share a day (a one-day handover is no overlap)."""
    return (a["end"] is None or (b["start"] or "") < a["end"]) and (
        b["end"] is None or (a["start"] or "") < b["end"]
    )


def clashes(office: dict[str, Any], new: dict[str, Any]) -> bool:
    """The holding would overlap one of the same person, or give the office more holders
    on some day than it has seats."""
    seats = office.get("seats", 1)
    during = {h["actor"] for h in office["holders"] if overlap(h, new)}
    return new["actor"] in during or len(during) >= seats
