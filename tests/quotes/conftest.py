"""Helpers for the quotes tests: run the stage on a text of our own writing.

``quotes(text, mentions)`` parses with the session ``nlp``, writes the
sentences, puts the given mentions (surface string → actor id, every
occurrence, pronoun strings as kind "pronoun") where the actors stage would,
and runs ``extract_quotes`` with the session ``context``. Constructing the
mentions keeps these tests about the quotes stage, independent of the actors
stage's coverage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from communique.model import Document, Mention, Quote
from communique.nlp import sentences
from communique.quotes import extract_quotes

PRONOUN_FORMS = {"he", "she", "they", "it", "we"}


def make_mentions(text: str, mentions: dict[str, str]) -> list[Mention]:
    out: list[Mention] = []
    for surface, actor in mentions.items():
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            kind = "pronoun" if surface.lower() in PRONOUN_FORMS else "name"
            out.append(
                Mention(
                    start=match.start(), end=match.end(), text=surface, actor_id=actor, kind=kind
                )
            )
    return out


@pytest.fixture(scope="session")
def quotes(nlp: Any, context: Any) -> Callable[..., list[Quote]]:
    def run(text: str, mentions: dict[str, str] | None = None, doc_id: str = "t") -> list[Quote]:
        doc = nlp(text)
        document = Document(id=doc_id, text=text, original=text)
        document.sentences = sentences(doc)
        document.mentions = make_mentions(text, mentions or {})
        extract_quotes(doc, document, context)
        return document.quotes

    return run
