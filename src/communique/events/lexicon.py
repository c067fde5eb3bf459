"""The trigger lexicon of the events stage, loaded from versioned data files.

In: ``data/plover-triggers-cameo.v1.yaml`` (generated from PETRARCH2's CAMEO verb
dictionary by ``scripts/build_cameo_triggers.py``), then
``data/plover-triggers.v1.yaml`` (hand-curated trigger lemmas → PLOVER type, CAMEO
code, mode, argument roles; its entries override the generated ones) and ``data/cameo-plover.v1.tsv`` (the CAMEO ↔ PLOVER
table derived from the PLOVER project), plus optional user files of the same
shape. Out: a ``Lexicon`` indexed by ``(lemma, pos)`` so that the extractor
(``communique.events.extract``) looks up each token once instead of looping
over the lexicon.
"""

from __future__ import annotations

import csv
import pickle
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from communique.config import default_cache_dir
from communique.data_cache import cached, fingerprint, source_files
from communique.errors import DataError, Messages

# The C loader reads the 1,900-entry generated file about ten times faster when present.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TRIGGERS = "plover-triggers.v1.yaml"
# Generated from CAMEO.2.0.txt; loaded first so that TRIGGERS and user files override it.
GENERATED_TRIGGERS = "plover-triggers-cameo.v1.yaml"
CAMEO_TABLE = "cameo-plover.v1.tsv"

#: The 16 event types of the PLOVER codebook.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

_ROLE_NAMES = {
    "subj",
    "obj",
    "poss",
    "poss_of",
    "poss_bare",
    "place",
    "mod",
    "governor",
    "host",
    "instrument",
    "dative",
    "speaker",
    "custodian",
    "clause_subj",
    "relcl_obj",
    "verb_obj",
    "crime",
    "copula_subj",
    "object_acl",
    "complier",
    "addressee",
    "forum",
    "protagonist",
    "content_party",
    "deal_party",
}
_POS = {"VERB", "NOUN", "ADJ"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry, for one lemma and part of speech."""

    lemma: str
    pos: str
    type: str
    cameo: str | None
    mode: str | None = None
    context: str | None = None
    source: tuple[str, ...] = ("subj",)
    target: tuple[str, ...] = ("obj",)
    with_object: frozenset[str] = frozenset()
    with_as: frozenset[str] = frozenset()
    with_prep: frozenset[str] = frozenset()
    with_governor: frozenset[str] = frozenset()
    with_prep_object: frozenset[str] = frozenset()
    with_clause: frozenset[str] = frozenset()
    reciprocal: bool = False
    needs_target: bool = True
    # "strict": even a type that may stand without a recipient needs one here ("turned
    # back the boats" is a refusal of people; "turned back the clock" is none)
    strict_target: bool = False
    when_negated: bool = False
    # Sense and frame constraints (plover-triggers.v1.yaml header): an unnamed agent's
    # sector when the text names no source ("was arrested" -> police); dependency labels
    # or "prt:WORD" particles and "prep:WORD" prepositions that rule the entry out ("agreed that ..." is an opinion);
    # the type the trigger has when its source is a person or the media (a verbal act:
    # "the senator attacked the bill" is ACCUSE, not ASSAULT).
    implicit_source: str | None = None
    without: frozenset[str] = frozenset()
    speech_type: str | None = None

    @property
    def constrained(self) -> bool:
        return bool(
            self.with_object
            or self.with_as
            or self.with_prep
            or self.with_governor
            or self.with_prep_object
            or self.with_clause
            or self.when_negated
            or bool(self.without)
        )


@dataclass
class Lexicon:
    """Triggers indexed by (lemma, pos); constrained entries come first for each key."""

    version: str
    index: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    discard_prefixes: tuple[str, ...] = ()
    cameo: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)

    def lookup(self, lemma: str, pos: str) -> list[Trigger]:
        return self.index.get((lemma, pos), [])

    @property
    def verbs(self) -> frozenset[str]:
        """Lemmas with an unconstrained verb entry (verbs that are events by themselves).

        Built once and kept until ``add`` changes the index: the extractor asks for it
        for every document, and a scan of every entry each time was a tenth of a second
        per hundred articles (issue 14)."""
        if self._verbs is None:
            self._verbs = frozenset(
                lemma
                for (lemma, pos), entries in self.index.items()
                if pos == "VERB" and any(not t.constrained for t in entries)
            )
        return self._verbs

    layers: dict[int, int] = field(default_factory=dict)  # id(trigger) -> file layer
    _verbs: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, trigger: Trigger, layer: int = 0) -> None:
        """Index an entry; entries of a later file (a higher ``layer``) are tried before
        every entry of an earlier one, and within a file constrained entries come first."""
        entries = self.index.setdefault((trigger.lemma, trigger.pos), [])
        self._verbs = None  # the entry may add or constrain a verb: built again when asked
        self.layers[id(trigger)] = layer
        entries.insert(0, trigger)  # later entries override earlier ones
        entries.sort(key=lambda t: (-self.layers.get(id(t), 0), not t.constrained))


def _words(value: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (value or []))


def _roles(value: Any, default: tuple[str, ...], source: str) -> tuple[str, ...]:
    if value is None:
        return default
    roles = tuple(str(v) for v in value)
    for role in roles:
        if role not in _ROLE_NAMES and not role.startswith("prep:"):
            raise DataError(Messages.C501, source=source, detail=f"unknown role {role!r}")
    return roles


def _sector(value: Any, source: str) -> str | None:
    if value is None:
        return None
    sector = str(value).upper()
    if len(sector) != 3 or not sector.isalpha():
        raise DataError(Messages.C501, source=source, detail=f"bad sector {value!r}")
    return sector


def _kind(value: Any, source: str) -> str | None:
    if value is None:
        return None
    kind = str(value).upper()
    if kind not in PLOVER_TYPES:
        raise DataError(Messages.C501, source=source, detail=f"unknown type {kind}")
    return kind


def _parse_entries(data: Any, source: str) -> list[Trigger]:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DataError(Messages.C501, source=source, detail="expected a mapping with 'entries'")
    out: list[Trigger] = []
    for number, entry in enumerate(data["entries"], 1):
        if not isinstance(entry, dict) or "lemmas" not in entry or "type" not in entry:
            raise DataError(
                Messages.C501, source=source, detail=f"entry {number}: needs lemmas and type"
            )
        kind = str(entry["type"]).upper()
        if kind not in PLOVER_TYPES:
            raise DataError(
                Messages.C501, source=source, detail=f"entry {number}: unknown type {kind}"
            )
        pos = str(entry.get("pos", "VERB")).upper()
        if pos not in _POS:
            raise DataError(
                Messages.C501, source=source, detail=f"entry {number}: unknown pos {pos}"
            )
        for lemma in entry["lemmas"]:
            out.append(
                Trigger(
                    lemma=str(lemma).lower(),
                    pos=pos,
                    type=kind,
                    cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
                    mode=entry.get("mode"),
                    context=entry.get("context"),
                    source=_roles(entry.get("source"), ("subj",), source),
                    target=_roles(entry.get("target"), ("obj",), source),
                    with_object=_words(entry.get("with_object")),
                    with_as=_words(entry.get("with_as")),
                    with_prep=_words(entry.get("with_prep")),
                    with_governor=_words(entry.get("with_governor")),
                    with_prep_object=_words(entry.get("with_prep_object")),
                    with_clause=_words(entry.get("with_clause")),
                    reciprocal=bool(entry.get("reciprocal", False)),
                    needs_target=bool(entry.get("needs_target", True)),
                    strict_target=entry.get("needs_target") == "strict",
                    when_negated=bool(entry.get("when_negated", False)),
                    implicit_source=_sector(entry.get("implicit_source"), source),
                    without=_words(entry.get("without")),
                    speech_type=_kind(entry.get("speech_type"), source),
                )
            )
    return out


def read_cameo_table(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """CAMEO code → (PLOVER type, mode, context) from the shipped TSV."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, tuple[str, str | None, str | None]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table.setdefault(row["cameo"], (row["plover"], row["mode"] or None, row["context"] or None))
    return table


def load_lexicon(extra_files: tuple[str, ...] = (), cache_dir: str | None = None) -> Lexicon:
    """The shipped lexicon plus user files (their entries are tried first).

    The shipped part is read from its compiled form in ``cache_dir`` (setting
    ``cache_dir``, ``communique.data_cache``): parsing the 1,900 generated entries
    took half a second of every process's start (issue 14)."""
    return _load(tuple(extra_files), cache_dir or default_cache_dir())


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...], cache_dir: str) -> Lexicon:
    data_dir = resources.files("communique.data")
    sources = [data_dir / name for name in (TRIGGERS, GENERATED_TRIGGERS, CAMEO_TABLE)]
    key = fingerprint([*sources, *source_files(__name__)])
    lexicon = cached("event-lexicon", key, _shipped, cache_dir, _dump, _undump)
    for layer, extra in enumerate(extra_files, start=2):
        path = Path(extra)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise DataError(Messages.C501, source=str(path), detail=str(exc)) from exc
        for trigger in _parse_entries(data, str(path)):
            lexicon.add(trigger, layer=layer)
    return lexicon


def _dump(lexicon: Lexicon) -> bytes:
    # ``layers`` is keyed by id(), which a pickled trigger does not keep: the layers go
    # as a list in index order and are keyed by the new objects' ids in ``_undump``.
    layers = [lexicon.layers.get(id(t), 0) for t in _in_order(lexicon)]
    return pickle.dumps((replace(lexicon, layers={}), layers), protocol=pickle.HIGHEST_PROTOCOL)


def _undump(data: bytes) -> Lexicon:
    lexicon: Lexicon
    layers: list[int]
    lexicon, layers = pickle.loads(data)  # our own file, written by _dump
    lexicon.layers = {id(t): layer for t, layer in zip(_in_order(lexicon), layers, strict=True)}
    return lexicon


def _in_order(lexicon: Lexicon) -> list[Trigger]:
    return [trigger for entries in lexicon.index.values() for trigger in entries]


def _shipped() -> Lexicon:
    data_dir = resources.files("communique.data")
    base = yaml.safe_load(data_dir.joinpath(TRIGGERS).read_text(encoding="utf-8"))
    lexicon = Lexicon(
        version=str(base.get("version", TRIGGERS)),
        discard_prefixes=tuple(str(p).lower() for p in base.get("discard_prefixes", [])),
        cameo=read_cameo_table(data_dir.joinpath(CAMEO_TABLE).read_text(encoding="utf-8")),
    )
    generated = yaml.load(
        data_dir.joinpath(GENERATED_TRIGGERS).read_text(encoding="utf-8"), Loader=_LOADER
    )
    for trigger in _parse_entries(generated, GENERATED_TRIGGERS):
        lexicon.add(trigger)
    for trigger in _parse_entries(base, TRIGGERS):
        lexicon.add(trigger, layer=1)
    return lexicon
