"""Build ``src/communique/data/agents.v1.csv`` from PETRARCH2's ``Phoenix.agents.txt``.

Usage: ``.venv/bin/python scripts/build_agents.py [PATH/TO/Phoenix.agents.txt]``
(default: ``../shared/data/petrarch2/Phoenix.agents.txt``), then
``.venv/bin/python scripts/update_manifest.py``.

Phoenix.agents.txt (openeventdata/petrarch2 @676801cd, MIT, Copyright (c) 2014 Open
Event Data Alliance) maps generic role nouns to CAMEO sector codes ("POLICE [~COP]",
"REBEL [~REB]"). Cleaning: substitution sets (``!PERSON!``) expanded, irregular plurals
(``{GUNMEN}``) kept as their own rows, underscores → spaces, lower case; the sector is
the first CAMEO code (``GOVMED`` → ``GOV``, the full code kept in ``notes``), folded
into the 17 sectors of the gold annotation guide (``SCHEMA_SECTORS``). Curation:
``EXCLUDE`` drops collectives that the actors stage resolves to the state itself
("officials", "government": the demonym mechanism of ``communique.actors.roles``) and
things that are not agents ("police post", "security check"); ``ADD`` fills gaps of
news usage the 2014 list lacks ("protestor", "security forces", "riot police").
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "petrarch2" / "Phoenix.agents.txt"
OUT = ROOT / "src" / "communique" / "data" / "agents.v1.csv"

HEADER = """\
# agents.v1: generic agent nouns -> CAMEO sector codes (communique.actors.agents).
# Derived from Phoenix.agents.txt of PETRARCH2 (openeventdata/petrarch2 commit
# 676801cd9cb2924bbbad09f86d15c9323e7097bf), MIT License, Copyright (c) 2014 Open
# Event Data Alliance; cleaned and curated by scripts/build_agents.py (rows with
# notes "communique" are the project's own additions, MIT).
# Columns: lemma (singular noun or phrase, lower case), sector (CAMEO, 3 letters, folded
# into the 17 sectors of the gold annotation guide; the Phoenix code is in notes), notes.
"""

# Resolved elsewhere, or not agents in news usage.
EXCLUDE = {
    # the state itself ("Iranian officials", "the Turkish government"): roles.demonyms
    "official", "government", "authority", "leader", "leadership", "diplomat", "regime",
    "administration", "cabinet", "parliament", "delegation", "negotiator", "ministry",
    "embassy", "state", "side", "people", "nation", "spokesman", "spokeswoman",
    "spokesperson", "source", "member", "representative", "envoy",
    # places, things and abstractions that the 2014 list codes as agents
    "police post", "police district", "security check", "rebellion", "army unit",
    "rebel base", "rebel source", "official source", "prisoner of war",
}  # fmt: skip
ADD = [
    ("security force", "COP"),
    ("riot police", "COP"),
    ("police", "COP"),
    ("policeman", "COP"),
    ("policewoman", "COP"),
    ("police officer", "COP"),
    ("officer", "COP"),
    ("force", "MIL"),
    ("armed force", "MIL"),
    ("military", "MIL"),
    ("navy", "MIL"),
    ("air force", "MIL"),
    ("paratrooper", "MIL"),
    ("marine", "MIL"),
    ("militiaman", "UAF"),
    ("militia", "UAF"),
    ("jihadist", "UAF"),
    ("insurgent", "REB"),
    ("separatist", "REB"),
    # The annotation guide of our gold sets codes protesters and crowds as civilians
    # (CVL) and unnamed attackers as unidentified armed forces (UAF); Phoenix's 2014
    # list codes protesters as opposition and assailants and perpetrators as criminals. Activists and
    # dissidents stay OPP in both.
    ("demonstrator", "CVL"),
    ("protester", "CVL"),
    ("protestor", "CVL"),
    ("rioter", "CVL"),
    ("marcher", "CVL"),
    ("assailant", "UAF"),
    ("attacker", "UAF"),
    # the unnamed authors of a political attack ("the perpetrators of the bombing")
    ("perpetrator", "UAF"),
    ("culprit", "UAF"),
    ("activist", "OPP"),
    ("dissident", "OPP"),
    ("opposition supporter", "OPP"),
    ("striker", "LAB"),
    ("trade unionist", "LAB"),
    ("migrant", "REF"),
    ("asylum seeker", "REF"),
    ("displaced person", "REF"),
    ("civilian", "CVL"),
    # private people acting together, as the gold guide's civilians ("the parents tried
    # to have him released", "his supporters threw petals", "a crowd gathered")
    ("parent", "CVL"),
    ("relative", "CVL"),
    ("family member", "CVL"),
    ("supporter", "CVL"),
    ("crowd", "CVL"),
    ("resident", "CVL"),
    ("villager", "CVL"),
    ("local", "CVL"),
    ("pupil", "EDU"),
    ("academic", "EDU"),
    ("lecturer", "EDU"),
    ("reporter", "MED"),
    ("journalist", "MED"),
    ("judiciary", "JUD"),
    ("prosecutor", "JUD"),
    ("investigator", "COP"),
    ("lawyer", "JUD"),
    ("medic", "HLH"),
    ("nurse", "HLH"),
]
# The annotation guide of our gold sets (``../shared/eval-news/README.md``) allows 17
# sectors: GOV MIL COP JUD LEG OPP PTY REB CVL MED BUS REL REF CRM UAF NGO IGO. Phoenix's
# finer CAMEO sectors outside that list are folded into the one the guide's definitions
# put them in (farmers, fishermen, workers, students, doctors are civilians; human
# rights, environmental and development groups NGOs; faith communities religious;
# intelligence services government; extremists and international militarised groups
# unidentified armed forces). The Phoenix code stays in ``notes``. ELI is left alone:
# only its plurals are agents, and the KB's office holders use it.
SCHEMA_SECTORS = {
    "AGR": "CVL", "LAB": "CVL", "EDU": "CVL", "HLH": "CVL", "PPL": "CVL",
    "HRI": "NGO", "ENV": "NGO", "DEV": "NGO",
    "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL",
    "SPY": "GOV", "RAD": "UAF", "IMG": "UAF",
}  # fmt: skip
# The !SET! names of the file's header.
SUBSTITUTIONS = {"!PERSON!": ["man", "men", "woman", "women"]}
_LINE = re.compile(r"^([A-Z0-9!'.,_&-]+(?:\s+[A-Z0-9!'.,_&-]+)*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]")


def _forms(raw: str) -> list[str]:
    forms = [raw]
    for name, values in SUBSTITUTIONS.items():
        forms = (
            [f.replace(name, v.upper()) for f in forms for v in values] if name in raw else forms
        )
    return forms


def _clean(form: str) -> str | None:
    text = form.replace("_", " ").strip(" ,.").lower()
    text = re.sub(r"\s+", " ", text)
    if not text or "!" in text or re.search(r"\d", text):
        return None
    return text


def parse(path: Path) -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or "[~" not in line:
            continue
        match = _LINE.match(line.strip())
        if match is None:
            continue
        raw, plural, code = match.groups()
        names = _forms(raw)
        if plural and plural.strip("{} "):
            names += _forms(plural.strip("{} "))
        for name in names:
            lemma = _clean(name)
            if lemma is None or lemma in EXCLUDE or lemma in rows:
                continue
            sector = SCHEMA_SECTORS.get(code[:3], code[:3])
            rows[lemma] = (sector, "Phoenix ~" + code)
    return rows


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = parse(source)
    for lemma, sector in ADD:
        sector = SCHEMA_SECTORS.get(sector, sector)
        if lemma not in rows or rows[lemma][0] != sector:
            rows[lemma] = (sector, "communique")
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["lemma", "sector", "notes"])
        for lemma in sorted(rows):
            writer.writerow([lemma, *rows[lemma]])
    print(f"{len(rows)} agents → {OUT}")


if __name__ == "__main__":
    main()
