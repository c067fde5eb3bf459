"""Events stage: PLOVER/CAMEO events stated in a report, each tied to its evidence sentence.

The last extraction stage: it runs after ``sentences``, ``dates``
(``document.timexes``), ``actors`` (``document.mentions``/``actors``) and
``quotes`` (``document.quotes``) and assigns ``document.events``; ``store``
comes after it. Triggers and arguments come from the dependency parse
(``communique.events.extract`` with the lexicon of ``lexicon``, and the
pronoun references of ``reference``); this module
gives each candidate its date, place, salience, quote and evidence
(``communique.events.anchor``), and merges repeated statements of one event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.anchor import build_events
from communique.events.extract import Candidate, find_candidates
from communique.events.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from communique.events.reference import extra_mentions
from communique.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.stages import Context

__all__ = [
    "PLOVER_TYPES",
    "Candidate",
    "Lexicon",
    "extract_events",
    "find_candidates",
    "load_lexicon",
]


def extract_events(doc: Doc, document: Document, context: Context) -> None:
    """Stage function: fill ``document.events`` from the parse, mentions, timexes and quotes."""
    lexicon = context.cache.get("events.lexicon")
    if lexicon is None:
        # User trigger files (``Settings.event_lexicon_file``) are tried before the shipped ones.
        lexicon = load_lexicon(tuple(context.settings.event_lexicon_file))
        context.cache["events.lexicon"] = lexicon
    # First-person pronouns in quotes and "it" of announcements (events.reference)
    # take part in argument finding only; document.mentions stays the actors stage's.
    mentions = document.mentions + extra_mentions(doc, document, context.kb)
    speakers = [(q.start, q.end, q.speaker_id) for q in document.quotes if q.speaker_id]
    candidates = find_candidates(doc, mentions, lexicon, speakers)
    document.events = build_events(doc, document, candidates, context)
