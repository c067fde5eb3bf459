"""The United States Congress and executive as ``Term`` rows, and its committees.

Part of the KB build (``scripts/build_kb.py``). In: the CC0 files of the
unitedstates/congress-legislators project in ``../shared/data/us-congress/``:
``legislators-current.yaml`` (members with every term: chamber, state, party, dates; and
leadership roles), ``executive.yaml`` (presidents and vice presidents). Out: ``Term`` rows
(``scripts/kb/tables.py``): one per term of a senator ("United States Senator from
Vermont", two seats), representative ("United States Representative from Iowa", one
seat per district), congressional leadership post and executive term; and from
``committees-current.yaml`` the committees as organisations ("United States Senate
Committee on Foreign Relations", also "Senate Foreign Relations Committee").

Names are the members' English Wikipedia titles (``id.wikipedia``), which is how the
rest of the KB and the gold name people; a member without one is named
"<nickname or first name> <last name>".
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import yaml

from kb.tables import Term

# Executive terms before this date are history the news rarely calls by title.
EXECUTIVE_SINCE = "1945-01-01"
_PARTIES = {"Democrat": "Democratic Party", "Republican": "Republican Party"}
_CHAMBERS = {
    "sen": ("United States Senator from {}", "senator", "United States Senate"),
    "rep": (
        "United States Representative from {}",
        "representative",
        "United States House of Representatives",
    ),
}
# Leadership posts in the source that the KB already has under its Wikipedia title.
_LEADERSHIP_NAMES = {
    "Speaker of the House": "Speaker of the United States House of Representatives",
    "President Pro Tempore of the Senate": "President pro tempore of the United States Senate",
}
_EXECUTIVE = {
    "prez": ("President of the United States", "president"),
    "viceprez": ("Vice President of the United States", "vice_president"),
}


def read_states(path: Path) -> dict[str, dict[str, str]]:
    """Postal code → {name, ap} from ``kb_sources/us-states.csv``."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = csv.DictReader(ln for ln in lines if not ln.startswith("#"))
    return {row["code"]: {"name": row["name"], "ap": row["ap"]} for row in rows}


def person_name(record: dict[str, Any]) -> str:
    """The Wikipedia title without its disambiguation ("John Kennedy (Louisiana
    politician)" → "John Kennedy"; ``aliases`` keeps the full title)."""
    title = (record["id"].get("wikipedia") or "").split(" (")[0].strip()
    if title:
        return title
    name = record["name"]
    return f"{name.get('nickname') or name['first']} {name['last']}"


def aliases(record: dict[str, Any], name: str) -> list[str]:
    """Full-name variants ("Bernard Sanders", "Charles E. Schumer"); never the bare
    surname, which the resolver handles with the document's context."""
    parts = record["name"]
    first, last = parts["first"], parts["last"]
    out = [record["id"].get("wikipedia") or "", parts.get("official_full") or ""]
    out.append(f"{first} {last}")
    if parts.get("nickname"):
        out.append(f"{parts['nickname']} {last}")
    if parts.get("middle"):
        initials = " ".join(w[0] + "." for w in parts["middle"].split() if w[:1].isalpha())
        out.append(f"{first} {initials} {last}")
    return [a for a in dict.fromkeys(out) if a and a != name and "," not in a]


def _gender(record: dict[str, Any]) -> str | None:
    value = str(record.get("bio", {}).get("gender") or "").lower()
    return value if value in ("f", "m") else None


def _party(value: str | None) -> str | None:
    return _PARTIES.get(value or "", value or None)


def legislators(path: Path, states: dict[str, dict[str, str]]) -> list[Term]:
    records: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # Seats per state in the House: the districts of the latest terms (at-large = 1).
    districts: dict[str, set[int]] = {}
    for record in records:
        for term in record["terms"]:
            if term["type"] == "rep":
                districts.setdefault(term["state"], set()).add(int(term.get("district") or 0))
    terms: list[Term] = []
    for record in records:
        name = person_name(record)
        common = {"aliases": aliases(record, name), "gender": _gender(record)}
        for term in record["terms"]:
            office, kind, organisation = _CHAMBERS[term["type"]]
            state = states[term["state"]]["name"]
            seats = 2 if term["type"] == "sen" else max(1, len(districts.get(term["state"], ())))
            terms.append(
                Term(
                    name=name,
                    office=office.format(state),
                    country="USA",
                    sector="LEG",
                    start=term.get("start"),
                    end=term.get("end"),
                    kind=kind,
                    organisation=organisation,
                    region=f"US-{term['state']}",
                    party=_party(term.get("party")),
                    seats=seats,
                    **common,  # type: ignore[arg-type]
                )
            )
        party = _party(record["terms"][-1].get("party"))
        for post in record.get("leadership_roles", []):
            chamber = post.get("chamber", "")
            organisation = _CHAMBERS["sen" if chamber == "senate" else "rep"][2]
            terms.append(
                Term(
                    name=name,
                    office=_LEADERSHIP_NAMES.get(post["title"], post["title"]),
                    country="USA",
                    sector="LEG",
                    start=post.get("start"),
                    end=post.get("end"),
                    organisation=organisation,
                    party=party,
                    **common,  # type: ignore[arg-type]
                )
            )
    return terms


def executive(path: Path, titles_path: Path) -> list[Term]:
    """Presidents and vice presidents since ``EXECUTIVE_SINCE``; names from the
    record's Wikipedia id, else from ``kb_sources/us-executive-titles.csv``."""
    records: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines = [ln for ln in titles_path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    titles = {
        int(row["govtrack"]): row["title"]
        for row in csv.DictReader(ln for ln in lines if not ln.startswith("#"))
    }
    terms: list[Term] = []
    for record in records:
        recent = [t for t in record["terms"] if (t.get("end") or "9999") >= EXECUTIVE_SINCE]
        if not recent:
            continue
        name = titles.get(record["id"].get("govtrack", 0)) or person_name(record)
        for term in recent:
            office, kind = _EXECUTIVE[term["type"]]
            terms.append(
                Term(
                    name=name,
                    office=office,
                    country="USA",
                    sector="GOV",
                    start=term.get("start"),
                    end=term.get("end"),
                    kind=kind,
                    organisation="Government of the United States",
                    party=_party(term.get("party")),
                    aliases=aliases(record, name),
                    gender=_gender(record),
                )
            )
    return terms


_COMMITTEE = re.compile(
    r"^(House|Senate)(?: Permanent)?(?: Select| Special)? Committee on (?:the )?(?P<topic>.+)$"
)


def committees(path: Path) -> list[dict[str, Any]]:
    """Committees of Congress in the shape of ``kb_sources/organisations.yaml`` items,
    named by their Wikipedia titles ("United States House Committee on the Judiciary")
    with the names news uses ("House Judiciary Committee", "House Oversight
    Committee")."""
    records: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = []
    for record in records:
        source = record["name"]
        name = source if source.startswith("United States") else f"United States {source}"
        aliases = [source]
        if m := _COMMITTEE.match(source):
            chamber, topic = m.group(1), m.group("topic")
            if "," not in topic:
                aliases.append(f"{chamber} {topic} Committee")
            if "," in topic or " and " in topic:
                aliases.append(f"{chamber} {re.split(r',| and ', topic)[0]} Committee")
        out.append(
            {
                "id": "us-" + re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-"),
                "name": name,
                "country": "USA",
                "sector": "LEG",
                "aliases": list(dict.fromkeys(a for a in aliases if a != name)),
            }
        )
    return out
