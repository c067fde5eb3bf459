"""The parsed development set shared by the event diagnostics (``diagnose_event_*.py``).

Parsing a set and running the stages the events stage reads (dates, actors,
quotes) takes most of a diagnostic's time; the result is cached per folder in
``$TMPDIR/communique-diagnose-cache`` so that changes to the events stage show
at once. ``fresh`` rebuilds it (after a change to those earlier stages).
"""

from __future__ import annotations

import pickle
import tempfile
from pathlib import Path
from typing import Any

from communique.evaluate import gold_metadata
from communique.evaluate.records import GoldSet
from communique.model import Document
from communique.stages import Context

CACHE = Path(tempfile.gettempdir()) / "communique-diagnose-cache"


def parsed(folder: Path, context: Context, fresh: bool) -> list[tuple[Any, Document]]:
    """(spaCy Doc, Document after the dates, actors and quotes stages) for every article."""
    from spacy.tokens import Doc

    from communique import nlp as analysis
    from communique.actors import resolve_actors
    from communique.dates import find_timexes
    from communique.ingest import read
    from communique.nlp import sentences
    from communique.quotes import extract_quotes

    nlp = analysis.load(context.settings.spacy_model)
    cache = CACHE / (folder.resolve().as_posix().replace("/", "_") + ".pickle")
    if cache.exists() and not fresh:
        stored = pickle.loads(cache.read_bytes())
        return [(Doc(nlp.vocab).from_bytes(b), Document.model_validate_json(j)) for b, j in stored]
    gold = GoldSet.load(folder / "gold")
    out: list[tuple[Any, Document]] = []
    for document in read(
        [folder / "articles"], settings=context.settings, metadata=gold_metadata(gold)
    ):
        if not isinstance(document, Document) or document.status != "analysed":
            continue
        doc = nlp(document.text)
        document.sentences = sentences(doc)
        find_timexes(doc, document, context)
        resolve_actors(doc, document, context)
        extract_quotes(doc, document, context)
        out.append((doc, document))
    CACHE.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps([(d.to_bytes(), m.model_dump_json()) for d, m in out]))
    return out
