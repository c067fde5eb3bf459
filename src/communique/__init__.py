"""communique: political news reports in, verifiable event data out.

The Python API mirrors the ``communique`` command:

- ``process(text, published=..., outlet=...)`` analyses one text without a store;
- ``ingest(paths)`` reads and cleans inputs (``communique ingest``);
- ``run(paths, db=...)`` reads, analyses, stores and clusters (``communique run``);
- ``open_store(db)`` opens a store; ``export(store, kind, fmt, out)`` writes
  records in the export contract (``communique export``);
- ``evaluate(directory)`` scores a run against gold annotations (``communique eval``).
"""

from __future__ import annotations

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
from communique.store import Store

__version__ = "0.1.0"

# The CLI's verbs, bound after their packages are imported so that the names
# below are the functions (``communique.ingest(...)``) as the STYLE guide asks.
ingest = _ingest_package.read
export = _export_module.export
evaluate = _evaluate_package.evaluate
open_store = Store.open

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
