"""Build ``data/plover-triggers-cameo.v1.yaml`` from PETRARCH2's CAMEO verb dictionary.

In: ``CAMEO.2.0.txt`` (openeventdata/petrarch2, MIT, verb groups with a default
CAMEO code and object/preposition patterns) and ``CAMEO2PLOVER-2021.txt`` (the
PLOVER project's CAMEO → PLOVER table). Out: a trigger file in the shape of
``plover-triggers.v1.yaml`` that ``communique.events.lexicon`` loads *before* the
hand-curated file, so every hand-made entry overrides it (and user files override
both).

What is kept, and why (reviewed by reading the output against news sentences):

- a verb group's default code, for each member verb, when the code maps to a PLOVER
  type and the group is in ``KEEP_GROUPS`` (groups whose default is the verb's usual
  news sense; "consider" → CONSULT is not);
- patterns apply to the member verb named in their trailing comment (``# RUSH``), or
  to the whole group when none is named;
- ``- * WORD [code]`` and ``- * &SYNSET [code]`` patterns (the verb's direct object
  decides the sense: "lift sanctions" → CONCEDE) as ``with_object`` entries;
- ``- * (PREP) [code]`` and ``- * (PREP WORD) [code]`` patterns as ``with_prep`` /
  ``with_prep_object`` entries.

Patterns with words before the verb, multi-word phrases and source/target markers
are left out: the extractor reads participants from the dependency parse, not from
word order. Lemmas in ``DROP_LEMMAS`` are too general to be triggers on their own
(light and reporting verbs); they still count through their object patterns.

Usage: ``python scripts/build_cameo_triggers.py ../shared/data`` (then
``python scripts/update_manifest.py``).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/communique/data/plover-triggers-cameo.v1.yaml"

# Verb groups whose default code is kept for their member verbs (reviewed: the default
# is the verb's usual news sense). Other groups count only through their patterns.
KEEP_GROUPS = {
    "CALL", "ACCLAIM", "LAUD", "FORGIVE", "RESCUE", "PARDON", "RELEASE", "YIELD", "ACQUIT",
    "LEGALISE", "ALLEGE", "DISAPPROVE", "REBUFF", "DENIGRATE", "DENOUNCE",
    "DEPLORE", "JEER", "SAVAGE", "MARCH", "RIOT", "MOBILIZE", "PATROL", "BLACKLIST",
    "EXCLUDE", "PUNISH", "SUPPRESS", "VANDALISE", "APPREHEND", "PROHIBIT", "PROSECUTE",
    "RE_ARREST", "SUE", "DEPORT", "ABUSE", "RAMPAGE", "SCUFFLE", "SLAP", "TERRORIZE", "RAPE",
    "TORTURE", "STAB", "ASSASSINATE", "AMBUSH", "EXPLOSIVE_DESTRUCTION", "GUNFIRE", "KILL",
    "PHYSICAL_CONFLICT", "RAID", "BESIEGE", "RECAPTURE", "MASSACRE", "TAKE_PROPERTY",
}  # fmt: skip
# (INVESTIGATE is left to the curated file: an investigation of "the case" accuses no
# one, so its entry there needs a recipient, and a generated fallback would not.)
# Verbs too general to trigger an event by themselves (their object patterns still do).
DROP_LEMMAS = {
    "be", "have", "do", "make", "take", "give", "get", "go", "come", "put", "set", "keep",
    "hold", "say", "tell", "see", "look", "find", "leave", "move", "run", "turn", "bring",
    "use", "work", "play", "show", "carry", "pass", "open", "close", "start", "begin",
    "end", "stop", "continue", "remain", "stay", "become", "seem", "appear", "let",
    "help", "need", "want", "like", "know", "think", "believe", "feel", "hope", "expect",
    "plan", "try", "seek", "call", "ask", "report", "note", "add", "state",
    "express", "voice", "raise", "reach", "meet", "join", "follow", "lead", "face",
    "receive", "accept", "allow", "consider", "include", "involve", "return", "send",
    "provide", "offer", "win", "lose", "fall", "rise", "hit", "strike", "fire", "touch",
    "visit", "talk", "speak", "discuss", "agree", "support", "back", "sign", "pledge",
    "promise", "vow", "threaten", "warn", "urge", "demand", "request", "reject", "refuse",
    "deny", "accuse", "blame", "condemn", "criticize", "criticise", "praise", "thank",
    "kill", "attack", "arrest", "detain", "release", "free", "withdraw", "resign",
    "protest", "ban", "sanction", "expel", "deploy", "invade", "bomb", "shell", "shoot",
    "cut", "break", "block", "charge", "sentence", "convict", "order", "rule",
    "decide", "announce", "declare", "claim", "suggest", "propose", "prepare", "cause",
    "change", "form", "build", "create", "produce", "pay", "spend", "buy", "sell",
    "drop", "push", "pull", "press", "place", "stand", "sit", "live", "die", "lie",
    "launch", "host", "invite", "welcome", "question", "hear", "watch", "check", "test",
    "mark", "target", "capture", "seize", "storm", "kidnap", "abduct", "lift",
    "ease", "suspend", "recall", "impose", "apologise", "apologize", "concede",
    # members of kept groups whose usual news sense is another one
    "respect", "greet", "recognise", "recognize", "celebrate", "commemorate", "toast",
    "clap", "reward", "admire", "dishonor", "dishonour", "forgave", "forgiven", "hang",
    "match", "pit", "struggle", "conflict", "stone", "remove", "appropriate", "exclude",
    "shun", "segregate", "bar", "moderate", "constrain", "catch", "grab", "pluck",
    "tax", "fine", "rally", "garner", "marshal", "muster", "emancipate", "unloose",
    "abide", "bow", "fill", "slight", "quarrel", "duel", "pelt", "blow", "combat",
}  # fmt: skip
# Words after "(" that are prepositions (the rest of a parenthesised pattern is its object).
PREPOSITIONS = {
    "to", "from", "with", "against", "for", "on", "in", "into", "at", "over", "about",
    "of", "by", "upon", "toward", "towards", "through", "across", "off", "out", "down",
    "up", "under", "behind", "among", "between", "within", "without", "around",
}  # fmt: skip
# PLOVER types whose events stand without a recipient (PLOVER manual, "Requires recipient").
NO_RECIPIENT = {"PROTEST", "MOBILIZE"}
# Pattern codes left out: statements of intent (03x: "hold elections" is not an
# agreement; intent is modality, read from the clause) and investigations (09x: the
# synsets of their patterns are weapons and vehicles, misfiled in the dictionary).
SKIPPED_PATTERN_CODES = ("03", "09")
# Verbs whose patterns are procedure, not events between actors ("voted against the
# bill" is no accusation).
DROP_PATTERN_LEMMAS = {"vote", "be", "have"}
# (verb, object) patterns whose CAMEO code is not what the verb does in news: a state or
# region that "declared independence" proclaims its own status (a unilateral act, coded
# by no PLOVER type here), it demands nothing of anyone (CAMEO 1044 files it as a demand
# for a change of regime). Other verbs of the pattern ("seek independence") keep it.
DROP_PATTERNS = {("declare", "independence")}
# Codes whose PLOVER type the project's annotation guide (../shared/eval-news/README.md)
# sets otherwise than CAMEO2PLOVER: signing a formal agreement (057, SUPPORT there) is
# an agreement, coded as AGREE 030.
CODE_OVERRIDES = {"057": ("AGREE", "030")}
TARGETS = "[obj, prep:against, prep:with, prep:on, dative]"


def read_plover(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER type."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = defaultdict(list)
    name = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            name = line.split()[0][1:]
        elif line.startswith("+") and name:
            word = line[1:].split("#")[0].strip()
            if word and " " not in word and "_" not in word:
                synsets[name].append(word.lower())
    return synsets


def code_of(bracket: str) -> str | None:
    """The actor-perspective code of ``[042:043]`` / ``[190]``; None for ``[---]``."""
    code = bracket.strip("[]").split(":")[0]
    return code if code.isdigit() else None


def build(cameo: Path, plover_table: Path) -> list[str]:
    plover = read_plover(plover_table)
    lines = cameo.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    plain: dict[tuple[str, str], set[str]] = defaultdict(set)  # (type, code) -> lemmas
    objects: dict[tuple[str, str, tuple[str, ...]], set[str]] = defaultdict(set)
    preps: dict[tuple[str, str, str, tuple[str, ...]], set[str]] = defaultdict(set)
    group: str | None = None
    default: str | None = None
    members: list[str] = []
    for line in lines[start + 1 :]:
        header = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])\s+---", line)
        if header:
            group, default, members = header.group(1), code_of(header.group(2)), []
            continue
        if group is None or not line.strip() or line.startswith(("+", "&", "#")):
            continue
        if not line.startswith("-"):
            word = line.split("#")[0].split("{")[0].strip()
            if word and re.fullmatch(r"[A-Z]+", word):
                lemma = word.lower()
                members.append(lemma)
                kind = plover.get(default or "")
                if kind and group in KEEP_GROUPS and lemma not in DROP_LEMMAS:
                    plain[(kind, default or "")].add(lemma)
            continue
        pattern = re.match(r"^-\s+\*\s+(.*?)\s*\[([^\]]*)\](.*)$", line)
        if not pattern:
            continue
        body, code = pattern.group(1).strip(), code_of(f"[{pattern.group(2)}]")
        kind = plover.get(code or "")
        if code in CODE_OVERRIDES:
            kind, code = CODE_OVERRIDES[code]
        if not kind or not code or code.startswith(SKIPPED_PATTERN_CODES):
            continue
        named = re.search(r"#\s*([A-Z]+)", pattern.group(3))
        verbs = [named.group(1).lower()] if named else members
        verbs = [v for v in verbs if v not in DROP_PATTERN_LEMMAS]
        if re.fullmatch(r"&?[A-Z]+", body):
            words = synsets.get(body[1:], []) if body.startswith("&") else [body.lower()]
            for lemma in verbs:
                if not any((lemma, w) in DROP_PATTERNS for w in words):
                    objects[(kind, code, tuple(sorted(words)))].add(lemma)
            continue
        paren = re.fullmatch(r"\(([A-Z]+)(?:\s+(&?[A-Z]+))?\)", body)
        if paren and paren.group(1).lower() in PREPOSITIONS:
            prep = paren.group(1).lower()
            obj = paren.group(2) or ""
            words = (
                synsets.get(obj[1:], []) if obj.startswith("&") else ([obj.lower()] if obj else [])
            )
            for lemma in verbs:
                preps[(kind, code, prep, tuple(sorted(words)))].add(lemma)
    out: list[str] = []
    for (kind, code), lemmas in sorted(plain.items()):
        null = ", needs_target: false" if kind in NO_RECIPIENT else ""
        out.append(
            f'  - {{lemmas: [{", ".join(sorted(lemmas))}], type: {kind}, cameo: "{code}",'
            f" target: {TARGETS}{null}}}"
        )
    for (kind, code, words), lemmas in sorted(objects.items()):
        if not words:
            continue
        null = ", needs_target: false" if kind in NO_RECIPIENT else ""
        out.append(
            f'  - {{lemmas: [{", ".join(sorted(lemmas))}], type: {kind}, cameo: "{code}",'
            f" target: [prep:to, prep:against, prep:with, prep:on, prep:for, dative, obj],"
            f" with_object: [{', '.join(words)}]{null}}}"
        )
    for (kind, code, prep, words), lemmas in sorted(preps.items()):
        constraint = f", with_prep_object: [{', '.join(words)}]" if words else ""
        target = f"[prep:{prep}, obj]" if not words else "[obj, dative]"
        null = ", needs_target: false" if kind in NO_RECIPIENT else ""
        out.append(
            f'  - {{lemmas: [{", ".join(sorted(lemmas))}], type: {kind}, cameo: "{code}",'
            f' target: {target}, with_prep: ["{prep}"]{constraint}{null}}}'
        )
    return out


HEADER = """\
# plover-triggers-cameo.v1 — GENERATED by scripts/build_cameo_triggers.py; do not edit.
#
# Verb triggers of PETRARCH2's CAMEO verb dictionary CAMEO.2.0.txt
# (openeventdata/petrarch2 commit 676801c, MIT License, Copyright (c) 2014 Open Event
# Data Alliance), their CAMEO codes mapped to PLOVER types through CAMEO2PLOVER-2021.txt
# (PLOVER project, P. Schrodt, 17 September 2021). Reviewed: loose verb groups and
# general verbs are left out (see the script). Loaded before plover-triggers.v1.yaml,
# whose hand-curated entries override these; user files override both.
version: plover-triggers-cameo.v1
entries:
"""


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else Path("../shared/data")
    lines = build(shared / "petrarch2/CAMEO.2.0.txt", shared / "plover/CAMEO2PLOVER-2021.txt")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(lines)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
