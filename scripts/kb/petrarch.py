"""PETRARCH2 actor dictionaries: reading entries, dated CAMEO codes and name casing.

Part of the KB build (``scripts/build_kb.py``), which reads these entries after the curated
sources. In: ``Phoenix.*.actors.txt`` (MIT, Copyright (c) 2014 Open Event Data Alliance; see
``../shared/data/README.md`` for the format and its known problems). Out: ``Entry`` records
with proper-cased names, aliases and (code, start, end) triples whose malformed dates are
repaired (``parse_date``), plus the word lists the builder uses to tell people from
organisations and places.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from communique.actors.names import key

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
