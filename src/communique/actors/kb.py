"""The actor knowledge base: shipped data, user additions, and the indexes the resolver needs.

In: ``data/actors.v1.jsonl`` (built by ``scripts/build_kb.py`` from PETRARCH2 and curated
YAML), ``data/actor-offices.v1.jsonl`` (offices, title phrases, dated holders),
``data/demonyms.v1.csv``, ``data/actor-partisan.v1.csv``, ``data/actor-seats.v1.csv``
(seats of government and capitals), ``data/given-names.v1.csv`` (given names → gender,
for pronouns), ``data/actor-regions.v1.csv`` (US states and the forms party tags use),
and optional user YAML/CSV files
that add or override actors. Out: a ``KnowledgeBase`` held by ``Context`` and read by the
``actors`` stage (``communique.actors.resolve``), which runs after ``dates`` and before
``quotes``/``events``. Lookups go through dictionaries built once at load, so resolving a
mention never scans the ~28,000 actors. Who held an office on a date, and what an
actor was on a date, is ``communique.actors.tenure``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from communique.actors import names as names_module
from communique.actors.names import key, skeleton, slug
from communique.config import default_actors_dir, default_cache_dir
from communique.errors import DataError, Messages
from communique.model import Actor

ACTORS_FILE = "actors.v1.jsonl"
OFFICES_FILE = "actor-offices.v1.jsonl"
DEMONYMS_FILE = "demonyms.v1.csv"
PARTISAN_FILE = "actor-partisan.v1.csv"
SEATS_FILE = "actor-seats.v1.csv"
GIVEN_NAMES_FILE = "given-names.v1.csv"
REGIONS_FILE = "actor-regions.v1.csv"
INSTITUTIONS_FILE = "actor-institutions.v1.csv"
# The name indexes of the shipped actors, computed by the KB build: computing every
# key and transliteration skeleton at start-up was two thirds of the load time.
INDEX_FILE = "actor-index.v1.json"
_ACTOR_LIST = TypeAdapter(list[Actor])


def title_key(text: str) -> str:
    """``lookup_key`` without "of"/"the": "Head of the Political Bureau" → "head political
    bureau"."""
    return " ".join(w for w in lookup_key(text).split() if w not in ("of", "the"))


def lookup_key(text: str) -> str:
    """``names.key`` without a leading article: "the Zionist regime" = "Zionist regime"."""
    k = key(text)
    for article in ("the ", "a ", "an "):
        if k.startswith(article):
            return k[len(article) :]
    return k


@dataclass(frozen=True)
class Holding:
    actor_id: str
    start: str | None
    end: str | None
    party: str | None = None  # the holder's party during this holding ("Democratic Party")

    def covers(self, on_date: str) -> bool:
        return (self.start is None or self.start <= on_date) and (
            self.end is None or on_date <= self.end
        )


@dataclass
class Office:
    """An office with the phrases text uses for it and its dated holders."""

    id: str
    name: str
    context: str  # ISO alpha-3 of the state, or the id of the organisation
    country: str | None
    sector: str | None
    kind: str
    titles: list[str]
    holders: list[Holding] = field(default_factory=list)
    region: str | None = None  # ISO 3166-2 subdivision the office represents ("US-VT")
    seats: int = 1  # holders at the same time (two senators per state)

    def on(self, on_date: str | None) -> list[str]:
        """Holders on a date; without a date, the latest holder(s).

        Callers that must not guess (``roles.holder``) pass a date and treat an empty
        answer as "no holder known then", never as "the latest one"."""
        if on_date:
            return [h.actor_id for h in self.holders if h.covers(on_date[:10])]
        if not self.holders:
            return []
        latest = max(self.holders, key=lambda h: (h.end is None, h.end or "", h.start or ""))
        return [latest.actor_id]


class KnowledgeBase:
    """Actors by id, by normalised name/alias, by transliteration skeleton and by office."""

    def __init__(
        self,
        actors: Iterable[Actor],
        offices: Sequence[Office] = (),
        demonyms: dict[str, str] | None = None,
        partisan: dict[str, str] | None = None,
        seats: dict[str, str] | None = None,
        genders: dict[str, str] | None = None,
        index: dict[str, Any] | None = None,
    ) -> None:
        """``index``: the name indexes of exactly these actors (``name_index``); without
        it every name is normalised here."""
        # a dict, or the compiled KB's table that validates each actor on first use
        self.actors: MutableMapping[str, Actor] = {}
        self.names: dict[str, list[str]] = defaultdict(list)
        self.skeletons: dict[str, list[str]] = defaultdict(list)
        self.surnames: dict[str, list[str]] = defaultdict(list)
        self.first_words: set[str] = set()
        # How a key is written in the KB: "upper" (acronyms only: US, WHO), "lower"
        # (only lower-case phrases: "the occupiers"), else "mixed" (needs a capital).
        self.forms: dict[str, str] = {}
        self.max_words = 1
        self.offices: list[Office] = list(offices)
        self.titles: dict[str, list[Office]] = defaultdict(list)
        self.title_first_words: set[str] = set()
        self.max_title_words = 1
        self.demonyms: dict[str, str] = dict(demonyms or {})  # form key → ISO alpha-3
        self.partisan: dict[str, str] = dict(partisan or {})  # alias key → actor id
        # Seats of government and capitals ("kremlin", "manila") → ISO alpha-3; used as
        # the state only where the sentence makes them an actor (actors.metonymy).
        self.seats: dict[str, str] = dict(seats or {})
        # Given name key → "f"/"m", for pronoun agreement ("she" skips "Olaf Scholz").
        self.genders: dict[str, str] = dict(genders or {})
        self.by_country: dict[str, str] = {}  # ISO alpha-3 → state actor id
        self.curated: set[str] = set()  # actors holding a curated office
        # Subdivisions: "US-VT" → its name, and every form text uses ("Vermont", "Vt.",
        # "VT") → "US-VT", for party tags ("(I-Vt.)") and "senator from Vermont".
        self.region_names: dict[str, str] = {}
        self.region_forms: dict[str, str] = {}
        self.region_countries: dict[str, str] = {}  # "US-VT" → "USA"
        # A state's national institutions by kind: ("PHL", "navy") → actor id, for
        # "the Navy", "the Malaysian navy", "Taiwan's legislature" (actors.institutions).
        self.institutions: dict[tuple[str, str], str] = {}
        # actor id → the offices it held, with the holding (for roles.role_on and members).
        self.holdings: dict[str, list[tuple[Office, Holding]]] = defaultdict(list)
        if index is None:
            for actor in actors:
                self.add(actor)
        else:
            self._adopt(actors, index)
        for office in self.offices:
            for title in [office.name, *office.titles]:
                k = title_key(title)
                if k:
                    # by identity: comparing Office dataclasses field by field (holders
                    # and all) made this quadratic in the ~100 senator offices.
                    if all(o is not office for o in self.titles[k]):
                        self.titles[k].append(office)
                    self.title_first_words.add(k.split()[0])
                    self.max_title_words = max(self.max_title_words, len(k.split()))
            self.curated.update(h.actor_id for h in office.holders)
            for holding in office.holders:
                self.holdings[holding.actor_id].append((office, holding))

    # -- building ------------------------------------------------------------
    def add(self, actor: Actor) -> None:
        """Add or replace an actor (a replaced actor's old names stop resolving to it)."""
        if actor.id in self.actors:
            self._unindex(self.actors[actor.id])
        self.actors[actor.id] = actor
        if actor.type == "state" and actor.country and actor.country not in self.by_country:
            self.by_country[actor.country] = actor.id
        for text in (actor.name, *actor.aliases):
            k = lookup_key(text)
            if not k:
                continue
            letters = text.replace(".", "").replace(" ", "")
            form = (
                "upper"
                if letters.isupper() and len(letters) <= 5
                else ("lower" if text.islower() else "mixed")
            )
            old = self.forms.get(k)
            self.forms[k] = form if old in (None, form) else "mixed"
            ids = self.names[k]
            if actor.id not in ids:
                ids.append(actor.id)
            words = k.split()
            self.first_words.add(words[0])
            self.max_words = max(self.max_words, len(words))
            if actor.type == "person" and len(words) >= 2:
                sk = skeleton(text)
                if sk and actor.id not in self.skeletons[sk]:
                    self.skeletons[sk].append(actor.id)
        if actor.type == "person":
            words = key(actor.name).split()
            if len(words) >= 2 and actor.id not in self.surnames[words[-1]]:
                self.surnames[words[-1]].append(actor.id)

    def _adopt(self, actors: Iterable[Actor], index: dict[str, Any]) -> None:
        """Take the actors with their precomputed name indexes (what ``add`` would build)."""
        for actor in actors:
            self.actors[actor.id] = actor
            if actor.type == "state" and actor.country and actor.country not in self.by_country:
                self.by_country[actor.country] = actor.id
        self.names.update(index["names"])
        self.skeletons.update(index["skeletons"])
        self.surnames.update(index["surnames"])
        self.forms = {k: _FORMS[f] for k, f in index["forms"].items()}
        self.first_words = {k.split(" ", 1)[0] for k in self.names}
        self.max_words = index["max_words"]

    def name_index(self) -> dict[str, Any]:
        """The name indexes as plain data, for ``INDEX_FILE`` (forms as one letter)."""
        return {
            "names": self.names,
            "skeletons": {k: v for k, v in self.skeletons.items() if v},
            "surnames": {k: v for k, v in self.surnames.items() if v},
            "forms": {k: f[0] for k, f in self.forms.items()},
            "max_words": self.max_words,
        }

    def _unindex(self, actor: Actor) -> None:
        """Drop the index entries ``add`` made for this actor (only its own keys: a scan
        of every key cost ~6 ms per replaced actor)."""
        slots: list[list[str] | None] = []
        for text in (actor.name, *actor.aliases):
            slots.append(self.names.get(lookup_key(text)))
            if actor.type == "person":
                slots.append(self.skeletons.get(skeleton(text)))
        words = key(actor.name).split()
        if actor.type == "person" and words:
            slots.append(self.surnames.get(words[-1]))
        for ids in slots:
            if ids is not None and actor.id in ids:
                ids.remove(actor.id)

    def override(self, actor: Actor) -> None:
        """Add a user actor; for an id the KB has, only the fields the user file gave
        replace the KB's ("id: hamas, aliases: [...]" keeps Hamas's type, country, roles)."""
        old = self.actors.get(actor.id)
        if old is not None:
            given = actor.model_fields_set - {"id"}
            actor = old.model_copy(update={f: getattr(actor, f) for f in given})
        self.add(actor)

    @classmethod
    def load(
        cls,
        extra_files: Sequence[str] = (),
        actors_dir: str | None = None,
        cache_dir: str | None = None,
    ) -> KnowledgeBase:
        """The shipped knowledge base, then the actors saved by ``communique actors import``
        (every ``*.jsonl`` in ``actors_dir``, default ``config.default_actors_dir()``), then
        each user file in order; later sources override earlier ones.

        The shipped part is read from its compiled form in ``cache_dir`` (setting
        ``cache_dir``), built there from ``from_sources`` on first use
        (``communique.actors.kb_cache``); user actors are applied on top at every load."""
        from communique.actors.kb_cache import load_shipped

        kb = load_shipped(cls, cache_dir or default_cache_dir())
        folder = Path(actors_dir or default_actors_dir())
        saved = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
        for path in [*saved, *map(Path, extra_files)]:
            for actor in import_file(path):
                kb.override(actor)
        return kb

    @classmethod
    def from_sources(cls) -> KnowledgeBase:
        """The shipped knowledge base built from its data files: what the compiled form holds."""
        data = resources.files("communique") / "data"
        text = (data / ACTORS_FILE).read_text(encoding="utf-8")
        shipped = json.loads((data / INDEX_FILE).read_text(encoding="utf-8"))
        # The index holds only while the actors file and the name normalisation it was
        # computed with are unchanged; else every name is normalised again (slower).
        index = shipped if shipped.get("fingerprint") == index_fingerprint(text) else None
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith('{"_meta"')]
        try:
            # One validate_json over the whole file is ~3x faster than one call per line.
            actors = _ACTOR_LIST.validate_json("[" + ",".join(lines) + "]")
        except ValidationError as exc:
            raise DataError(Messages.C501, source=ACTORS_FILE, detail=exc) from exc
        offices = [_office(json.loads(line)) for line in _lines(data / OFFICES_FILE)]
        demonyms: dict[str, str] = {}
        for row in csv.DictReader(_lines(data / DEMONYMS_FILE)):
            for form in row["forms"].split("|"):
                demonyms[key(form)] = row["country"]
        partisan = {
            lookup_key(row["alias"]): row["actor"]
            for row in csv.DictReader(_lines(data / PARTISAN_FILE))
        }
        seats = {
            lookup_key(row["name"]): row["country"]
            for row in csv.DictReader(_lines(data / SEATS_FILE))
        }
        genders = {
            key(row["name"]): row["gender"]
            for row in csv.DictReader(
                ln for ln in _lines(data / GIVEN_NAMES_FILE) if not ln.startswith("#")
            )
        }
        kb = cls(actors, offices, demonyms, partisan, seats, genders, index)
        for row in csv.DictReader(_lines(data / REGIONS_FILE)):
            kb.add_region(row["region"], row["name"], row["forms"].split("|"), row["country"])
        for row in csv.DictReader(ln for ln in _lines(data / INSTITUTIONS_FILE) if ln[:1] != "#"):
            aliases = [a for a in row["aliases"].split("|") if a]
            kb.add_institution(row["country"], row["kind"], row["name"], row["sector"], aliases)
        return kb

    def add_institution(
        self, country: str, kind: str, name: str, sector: str, aliases: Sequence[str] = ()
    ) -> str:
        """Register a state's institution of a kind under its reference title.

        The KB's own actor of that name and state is kept (its id), renamed to the
        reference title with its dictionary spelling as an alias ("Peoples Liberation
        Army"); else a new organisation actor. A dictionary entry that lumps the
        institution's names in with another's ("PLA Navy" as an alias of the PLA) gives
        them up: the reference list says they are an institution of their own.
        """
        plain = _plain(name)
        same = [
            a
            for a in self.lookup(name)
            if a.type == "organisation" and a.country in (country, None) and _plain(a.name) == plain
        ]
        if same:
            old = same[0]
            forms = [old.name, *old.aliases, *aliases]
            actor = old.model_copy(
                update={
                    "name": name,
                    "aliases": [f for f in dict.fromkeys(forms) if f != name],
                    "country": old.country or country,
                    "sector": old.sector or sector,
                }
            )
        else:
            actor_id = slug(name)
            if actor_id in self.actors:
                actor_id = f"{actor_id}-{country.lower()}"
            actor = Actor(
                id=actor_id,
                name=name,
                aliases=list(aliases),
                type="organisation",
                country=country,
                sector=sector,
            )
        mine = {_plain(f) for f in (name, *aliases)}
        for form in (name, *aliases):
            for other in self.lookup(form):
                if (
                    other.id == actor.id
                    or other.type != "organisation"
                    or _plain(other.name) in mine
                ):
                    continue
                kept = [a for a in other.aliases if _plain(a) not in mine]
                if len(kept) < len(other.aliases):
                    self.add(other.model_copy(update={"aliases": kept}))
        self.add(actor)
        self.institutions.setdefault((country, kind), actor.id)
        return actor.id

    def add_region(self, code: str, name: str, forms: Iterable[str], country: str) -> None:
        self.region_names[code] = name
        self.region_countries[code] = country
        for form in (name, *forms):
            self.region_forms[form.lower().rstrip(".")] = code

    # -- lookups -------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def region(self, text: str) -> str | None:
        """The subdivision code for a name or abbreviation ("Vermont", "Vt.", "VT" →
        "US-VT"; "N.Y." → "US-NY"), else None."""
        return self.region_forms.get(text.strip().lower().rstrip("."))

    def members(
        self,
        name: str,
        on_date: str | None = None,
        *,
        region: str | None = None,
        party: str | None = None,
        sector: str | None = None,
    ) -> list[Actor]:
        """People called ``name`` (a full name or a bare surname) who held an office
        matching the filters on ``on_date`` (any date when None): "Sanders" with
        region "US-VT" → Bernie Sanders; "Graham", party "R", sector "LEG" → Lindsey
        Graham. ``party`` matches the party name or its initial ("D", "R", "I")."""
        k = lookup_key(name)
        ids = list(dict.fromkeys([*self.names.get(k, ()), *self.surnames.get(k, ())]))
        out: list[Actor] = []
        for actor_id in ids:
            for office, holding in self.holdings.get(actor_id, ()):
                if (
                    (on_date is None or holding.covers(on_date[:10]))
                    and (region is None or office.region == region)
                    and (sector is None or office.sector == sector)
                    and (party is None or _same_party(party, holding.party))
                ):
                    out.append(self.actors[actor_id])
                    break
        return out

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose name or an alias equals ``name`` (case, accents, hyphens, "al-" ignored)."""
        return [self.actors[i] for i in self.names.get(lookup_key(name), ())]

    def lookup_skeleton(self, name: str) -> list[Actor]:
        """People whose name matches up to transliteration (Qalibaf ~ Ghalibaf)."""
        sk = skeleton(name)
        return [self.actors[i] for i in self.skeletons.get(sk, ())] if sk else []

    def country_actor(self, iso: str | None) -> Actor | None:
        return self.actors.get(self.by_country.get(iso or "", ""))

    def demonym(self, word: str) -> str | None:
        """ISO alpha-3 for a demonym ("Iranian", "Israelis"), else None."""
        return self.demonyms.get(key(word))

    def offices_for(self, title: str, context: str | None = None) -> list[Office]:
        """Offices a title phrase names, restricted to a state (ISO) or organisation id."""
        found = self.titles.get(title_key(title), [])
        if context is None:
            return list(found)
        return [o for o in found if o.context == context]

    def holders(
        self, title_or_role_key: str, country: str | None, on_date: str | None
    ) -> list[Actor]:
        """Who held an office named by ``title_or_role_key`` in ``country`` on ``on_date``.

        ``country`` is an ISO alpha-3 code or an organisation id ("hamas"); the title may
        be a phrase from text ("parliament speaker") or an office name. Without a date the
        latest holder is returned.
        """
        offices = self.offices_for(title_or_role_key, country)
        out: list[Actor] = []
        for office in offices:
            for actor_id in office.on(on_date):
                actor = self.actors.get(actor_id)
                if actor is not None and actor not in out:
                    out.append(actor)
        return out


_FORMS = {"u": "upper", "l": "lower", "m": "mixed"}


def index_fingerprint(actors_text: str) -> str:
    """What the shipped name index depends on: the actors file and the code that turns
    names into keys and skeletons (``actors.names``)."""
    digest = hashlib.sha256(actors_text.encode("utf-8"))
    digest.update(Path(names_module.__file__ or "").read_bytes())
    return digest.hexdigest()


def _plain(name: str) -> str:
    """A name's key without apostrophes: "People's Army" and "Peoples Army" agree."""
    return key(name.replace("'", "").replace("’", ""))


def _same_party(wanted: str, party: str | None) -> bool:
    """ "D" / "Dem." / "Democratic Party" all name the Democratic Party."""
    if not party:
        return False
    w = wanted.strip().rstrip(".").lower()
    return party.lower() == w or party.lower().startswith(w)


def _lines(path: Any) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _office(record: dict[str, Any]) -> Office:
    return Office(
        id=record["id"],
        name=record["name"],
        context=record["in"],
        country=record.get("country"),
        sector=record.get("sector"),
        kind=record["kind"],
        titles=record["titles"],
        holders=[
            Holding(h["actor"], h.get("start"), h.get("end"), h.get("party"))
            for h in record["holders"]
        ],
        region=record.get("region"),
        seats=record.get("seats", 1),
    )


# ---------------------------------------------------------------------------
# helpers the CLI wraps


def search(kb: KnowledgeBase, name: str) -> list[Actor]:
    """Actors for a name: exact (normalised) matches, then transliteration variants, then
    actors whose name contains every word of the query (at most 50)."""
    found = kb.lookup(name)
    if found:
        return found
    found = kb.lookup_skeleton(name)
    if found:
        return found
    wanted = set(key(name).split())
    if not wanted:
        return []
    hits = [a for a in kb.actors.values() if wanted <= set(key(a.name).split())]
    return sorted(hits, key=lambda a: (a.id not in kb.curated, len(a.name)))[:50]


def import_file(path: str | Path) -> list[Actor]:
    """Read user actors from YAML (a list, or ``{actors: [...]}``), CSV or JSONL.

    CSV columns: ``id,name,aliases,type,country,sector`` and optionally one role as
    ``title,organisation,start,end``, with aliases separated by ``|``; only ``name`` is
    required. Missing ids become the slug of the name. Raises ``DataError`` (C501) naming
    the file and record on malformed input.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(Messages.C501, source=str(path), detail=exc) from exc
    records: list[dict[str, Any]]
    if path.suffix.lower() == ".jsonl":  # written by save_imported
        try:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise DataError(Messages.C501, source=str(path), detail=exc) from exc
    elif path.suffix.lower() == ".csv":
        records = []
        for row in csv.DictReader(text.splitlines()):
            record: dict[str, Any] = {k: v for k, v in row.items() if k and v}
            if "aliases" in record:
                record["aliases"] = [a.strip() for a in record["aliases"].split("|") if a.strip()]
            fields = ("title", "organisation", "start", "end")
            role: dict[str, Any] = {k: record.pop(k) for k in fields if k in record}
            if role:
                role.setdefault("country", record.get("country"))
                role.setdefault("sector", record.get("sector"))
                record["roles"] = [role]
            records.append(record)
    else:
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DataError(Messages.C501, source=str(path), detail=exc) from exc
        if isinstance(loaded, dict):
            loaded = loaded.get("actors", [])
        if not isinstance(loaded, list):
            raise DataError(Messages.C501, source=str(path), detail="expected a list of actors")
        records = loaded
    actors: list[Actor] = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict) or not record.get("name"):
            raise DataError(
                Messages.C501, source=f"{path}:{number}", detail="an actor needs a name"
            )
        record = {"origin": "user", **record}
        record.setdefault("id", slug(str(record["name"])))
        try:
            actors.append(Actor.model_validate(record))
        except ValidationError as exc:
            raise DataError(Messages.C501, source=f"{path}:{number}", detail=exc) from exc
    return actors


def save_imported(actors: Sequence[Actor], actors_dir: str | Path, source: str | Path) -> Path:
    """Persist imported actors where ``KnowledgeBase.load`` finds them on the next run:
    ``<actors_dir>/<source file stem>.jsonl``, replacing an earlier import of the same
    file. Only the fields the user gave are written, so an override stays partial."""
    folder = Path(actors_dir)
    target = folder / f"{slug(Path(source).stem) or 'actors'}.jsonl"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lines = [a.model_dump_json(exclude_unset=True) for a in actors]
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        raise DataError(Messages.C501, source=str(target), detail=exc) from exc
    return target
