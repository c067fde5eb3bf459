"""communique: political news reports in, verifiable event data out.

The Python API mirrors the ``communique`` command:

- ``process(text, published=..., outlet=...)`` analyses one text without a store;
- ``ingest(paths)`` reads and cleans inputs (``communique ingest``);
- ``run(paths, db=...)`` reads, analyses, stores and clusters (``communique run``);
- ``open_store(db)`` opens a store; ``export(store, kind, fmt, out)`` writes
  records in the export contract (``communique export``);
- ``evaluate(directory)`` scores a run against gold annotations (``communique eval``).

Importing this package stays light (no spaCy, SQLAlchemy, FastAPI, datasketch):
``communique --help``, ``stats`` and ``show`` start in well under a second, and
each heavy library is imported by the function that needs it. ``ingest``,
``export`` and ``evaluate`` are imported here, not on first use, because
importing a subpackage later would rebind ``communique.ingest`` to the module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import communique.evaluate as _evaluate_package
import communique.export as _export_module
import communique.ingest as _ingest_package
from communique.config import Settings, load_settings
from communique.errors import (
    AnalysisError,
    CommuniqueError,
    ConfigError,
    DataError,
    InputError,
    StoreError,
)
from communique.model import (
    Actor,
    Cluster,
    Document,
    Event,
    Evidence,
    Failure,
    Mention,
    Place,
    Quote,
    Role,
    Sentence,
    TimeRef,
)
from communique.pipeline import RunSummary, process, run

if TYPE_CHECKING:
    from communique.store import Store

__version__ = "0.1.0"

# The CLI's verbs, bound after their packages are imported so that the names
# below are the functions (``communique.ingest(...)``) as the STYLE guide asks.
ingest = _ingest_package.read
export = _export_module.export
evaluate = _evaluate_package.evaluate


def open_store(url_or_path: str) -> Store:
    """Open (creating or upgrading) a store: a SQLite path, ``:memory:`` or a SQLAlchemy URL."""
    from communique.store import Store

    return Store.open(url_or_path)


def __getattr__(name: str) -> Any:
    # ``communique.Store`` imports SQLAlchemy (about a second) on first use only.
    # Only a name that is not a subpackage may be resolved here: ``store`` (the
    # subpackage) and ``Store`` (the class) differ in case.
    if name == "Store":
        from communique.store import Store

        return Store
    raise AttributeError(f"module 'communique' has no attribute {name!r}")


__all__ = [
    "Actor",
    "AnalysisError",
    "Cluster",
    "CommuniqueError",
    "ConfigError",
    "DataError",
    "Document",
    "Event",
    "Evidence",
    "Failure",
    "InputError",
    "Mention",
    "Place",
    "Quote",
    "Role",
    "RunSummary",
    "Sentence",
    "Settings",
    "Store",
    "StoreError",
    "TimeRef",
    "evaluate",
    "export",
    "ingest",
    "load_settings",
    "open_store",
    "process",
    "run",
]
