"""Validation of the curated officeholder files (scripts/kb_sources/officeholders/*.yaml).

These YAML files are source data for the actor knowledge base: the KB build
(``scripts/build_kb.py``) reads them after PETRARCH2's dictionaries and turns
each item into a ``communique.model.Actor``. The tests here need only YAML and
pydantic (no spaCy): every item must validate as an ``Actor``, dates must be
real ISO dates in order, a single-holder title must never have two holders at
once, names must be unique and aliases must point to one actor.

Run this file directly (``python tests/actors/test_officeholders_data.py``) to
print the coverage counts and the alias collisions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from communique.model import Actor, Role

SOURCES = Path(__file__).resolve().parents[2] / "scripts" / "kb_sources"
FILES = sorted((SOURCES / "officeholders").glob("*.v1.yaml"))
# The curator's "today": no role may start after it.
CURATED_ON = date(2026, 11, 23)
SECTORS = {"GOV", "MIL", "LEG", "JUD", "REB", "OPP", "ELI", "IGO", "NGO", "MED", "BUS", "CVL"}
# Keys a role may carry in the source files beyond ``communique.model.Role``:
# ``approx`` marks a start/end day (or month) that is not known exactly.
SOURCE_ONLY_ROLE_KEYS = {"approx"}
# A handover on the same day is written as end == next start; that one shared
# day is not an overlap.
HANDOVER_DAYS = 1


def actor_id(name: str) -> str:
    """The id the tests give an item: ``kb:`` + ASCII slug of its name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "kb:" + re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def load_items() -> list[tuple[str, dict[str, Any]]]:
    items: list[tuple[str, dict[str, Any]]] = []
    for path in FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, list), f"{path.name}: top level must be a YAML list"
        items.extend((path.name, item) for item in data)
    return items


def to_actor(item: dict[str, Any]) -> Actor:
    """An item as ``Actor``, with the source-only role keys dropped."""
    fields = dict(item)
    fields["roles"] = [
        {k: v for k, v in role.items() if k not in SOURCE_ONLY_ROLE_KEYS}
        for role in item.get("roles") or []
    ]
    return Actor(id=actor_id(item["name"]), **fields)


ITEMS = load_items()
ACTORS = [to_actor(item) for _, item in ITEMS]


def alias_collisions() -> dict[str, list[str]]:
    """Aliases (case-folded) that more than one actor claims, with the actors."""
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in ACTORS:
        for alias in actor.aliases:
            owners[alias.casefold()].add(actor.name)
    return {alias: sorted(names) for alias, names in owners.items() if len(names) > 1}


def counts() -> dict[str, int]:
    roles = [role for actor in ACTORS for role in actor.roles]
    countries = {c for actor in ACTORS for c in [actor.country] if c and c != "IGO"}
    countries |= {r.country for r in roles if r.country and r.country != "IGO"}
    return {
        "files": len(FILES),
        "actors": len(ACTORS),
        "role periods": len(roles),
        "role periods starting 2015-01-01 or later": sum(
            1 for r in roles if r.start and r.start >= "2015-01-01"
        ),
        "open role periods (end: null)": sum(1 for r in roles if r.end is None),
        "approximate role periods": sum(
            1 for _, item in ITEMS for r in item.get("roles") or [] if r.get("approx")
        ),
        "distinct titles": len({r.title for r in roles}),
        "countries covered": len(countries),
    }


def test_files_exist_and_are_not_empty() -> None:
    assert FILES, f"no officeholder files under {SOURCES / 'officeholders'}"
    assert len(ACTORS) > 1000


def test_items_validate_as_actors() -> None:
    # ``ACTORS`` is built at import; re-validate here so a failure names the item.
    for source, item in ITEMS:
        try:
            to_actor(item)
        except Exception as exc:  # pragma: no cover - only on bad data
            pytest.fail(f"{source}: {item.get('name')!r} is not a valid Actor: {exc}")


def test_source_only_role_keys() -> None:
    for source, item in ITEMS:
        for role in item.get("roles") or []:
            extra = set(role) - set(Role.model_fields)
            assert extra <= SOURCE_ONLY_ROLE_KEYS, f"{source}: {item['name']}: {extra}"
            if "approx" in role:
                assert role["approx"] is True, f"{source}: {item['name']}: approx must be true"


def test_dates_are_iso_and_ordered() -> None:
    for actor in ACTORS:
        for role in actor.roles:
            start = date.fromisoformat(role.start) if role.start else None
            end = date.fromisoformat(role.end) if role.end else None
            assert role.start is None or len(role.start) == 10, (actor.name, role.start)
            assert role.end is None or len(role.end) == 10, (actor.name, role.end)
            if start and end:
                assert start <= end, f"{actor.name}: {role.title} starts after it ends"
            if start:
                assert start <= CURATED_ON, f"{actor.name}: {role.title} starts in the future"


def test_codes_are_valid() -> None:
    for actor in ACTORS:
        codes = [actor.country] + [r.country for r in actor.roles]
        for code in codes:
            assert code is not None, f"{actor.name}: missing country"
            assert code == "IGO" or pycountry.countries.get(alpha_3=code), (actor.name, code)
        sectors = [actor.sector] + [r.sector for r in actor.roles]
        for sector in sectors:
            assert sector in SECTORS, (actor.name, sector)


def test_persons_have_roles_or_notes() -> None:
    for actor in ACTORS:
        if actor.type == "person":
            assert actor.roles or actor.notes, f"{actor.name}: a person needs roles or notes"


def test_single_holder_titles_do_not_overlap() -> None:
    periods: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for actor in ACTORS:
        for role in actor.roles:
            start = date.fromisoformat(role.start) if role.start else date.min
            end = date.fromisoformat(role.end) if role.end else date.max
            periods[role.title].append((start, end, actor.name))
    clashes = []
    for title, spans in periods.items():
        spans.sort()
        for i, (start, end, name) in enumerate(spans):
            for other_start, _other_end, other in spans[i + 1 :]:
                if other_start > end:
                    break
                shared = (min(end, _other_end) - other_start).days + 1
                if shared > HANDOVER_DAYS:
                    clashes.append(
                        f"{title}: {name} ({start}..{end}) and {other} ({other_start}..)"
                    )
    assert not clashes, "\n".join(clashes)


def test_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for source, item in ITEMS:
        key = item["name"].casefold()
        assert key not in seen, f"{item['name']!r} in {source} and {seen[key]}"
        seen[key] = source
    ids = [actor.id for actor in ACTORS]
    assert len(ids) == len(set(ids)), "two names give the same id"


def test_aliases_do_not_name_another_actor() -> None:
    names = {actor.name.casefold(): actor.name for actor in ACTORS}
    for actor in ACTORS:
        for alias in actor.aliases:
            other = names.get(alias.casefold())
            assert other in (None, actor.name), f"{actor.name}: alias {alias!r} is {other}"


def test_alias_collisions_are_only_bare_surnames() -> None:
    # A shared alias is tolerated only when it is a single word (a surname or
    # a nickname that news uses for both people); the resolver must use
    # context for those. Multi-word aliases must identify one actor.
    bad = {a: n for a, n in alias_collisions().items() if " " in a.strip()}
    assert not bad, bad


if __name__ == "__main__":
    for label, value in counts().items():
        print(f"{label}: {value}")
    collisions = alias_collisions()
    print(f"alias collisions: {len(collisions)}")
    for alias, owners in sorted(collisions.items()):
        print(f"  {alias}: {', '.join(owners)}")
