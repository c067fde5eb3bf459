"""Which code and data produced a stored analysis: the analysis version.

An article's events, quotes and mentions depend on the product's code, the
shipped data files (lexicons, knowledge base, gazetteer), the files a user
adds through settings (``event_lexicon_file``, ``actors_file``, the
``actors_dir`` imports) and the spaCy model. ``current_provenance`` names all
of them: each input with its sha256 (the shipped files' come from
``data/manifest.json``, which ``tests/test_data_manifest.py`` keeps true, so no
file is read twice), and one short ``version`` string that changes when any
of them does: ``<package version>+<16 hex digits>``.

The store writes the version on every article it saves (``articles.analysis_version``)
and the inputs behind it once (table ``analysis_versions``), so that
``communique stats`` can tell how many stored analyses are older than the
code, and ``communique reanalyse --older`` can redo exactly those.

Light on purpose: ``communique stats`` computes it, and must not import spaCy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.config import Settings

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Provenance:
    """The analysis version and every input it fingerprints (name → sha256 or version)."""

    version: str
    package: str
    inputs: dict[str, str] = field(default_factory=dict)


def current_provenance(settings: Settings) -> Provenance:
    """The provenance of an analysis run now with ``settings``."""
    from communique import __version__

    inputs = {f"data/{name}": digest for name, digest in shipped_hashes().items()}
    for number, path in enumerate(settings.event_lexicon_file):
        inputs[f"event_lexicon_file/{number}"] = _file_hash(Path(path))
    for number, path in enumerate(settings.actors_file):
        inputs[f"actors_file/{number}"] = _file_hash(Path(path))
    actors_dir = Path(settings.actors_dir).expanduser()
    if actors_dir.is_dir():
        for imported in sorted(actors_dir.glob("*.jsonl")):
            inputs[f"actors_dir/{imported.name}"] = _file_hash(imported)
    inputs["spacy_model"] = f"{settings.spacy_model}=={_package_version(settings.spacy_model)}"
    return Provenance(
        version=analysis_version(__version__, inputs), package=__version__, inputs=inputs
    )


def analysis_version(package: str, inputs: dict[str, str]) -> str:
    """``<package>+<digest>``: the digest covers every input's name and hash, in name order."""
    canonical = json.dumps({"package": package, "inputs": sorted(inputs.items())})
    return f"{package}+{hashlib.sha256(canonical.encode()).hexdigest()[:16]}"


def shipped_hashes(data: Path = DATA) -> dict[str, str]:
    """The sha256 of every shipped data file, as listed in ``data/manifest.json``."""
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    return {name: str(entry["sha256"]) for name, entry in sorted(manifest["files"].items())}


def _file_hash(path: Path) -> str:
    # A missing file is an input too: its analysis differs from one with the file.
    try:
        return hashlib.sha256(path.expanduser().read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _package_version(name: str) -> str:
    try:
        return installed_version(name)
    except PackageNotFoundError:  # a model loaded from a path, or not installed
        return "unknown"
