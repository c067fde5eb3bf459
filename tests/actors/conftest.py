"""Helpers for the actors tests: run the stage and ask what a piece of text resolved to."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from communique.actors.kb import lookup_key
from communique.model import Document


def resolved(document: Document, fragment: str, occurrence: int = 0) -> set[str]:
    """Names of the actors of every mention overlapping the given occurrence of ``fragment``."""
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(fragment, start + 1)
    end = start + len(fragment)
    actors = {a.id: a for a in document.actors}
    return {
        actors[m.actor_id].name
        for m in document.mentions
        if m.start < end and start < m.end and m.actor_id in actors
    }


def agent_of(document: Document, fragment: str, occurrence: int = 0) -> str | None:
    """The agent actor id of the mention overlapping an occurrence of ``fragment``; a
    national institution that took the group over ("police" in Kenya is the National
    Police Service) counts as the agent of its country and sector, as the scorer takes it."""
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(fragment, start + 1)
    end = start + len(fragment)
    actors = {a.id: a for a in document.actors}
    for m in document.mentions:
        if m.start < end and start < m.end and m.actor_id.startswith("agent:"):
            return m.actor_id
    for m in document.mentions:
        actor = actors.get(m.actor_id)
        if m.start < end and start < m.end and actor is not None and actor.id in _institutions():
            return f"agent:{actor.country}:{actor.sector}"
    return None


@cache
def _institutions() -> frozenset[str]:
    from communique.actors.kb import KnowledgeBase

    return frozenset(KnowledgeBase.load().institutions.values())


def same_name(a: str, b: str) -> bool:
    return lookup_key(a) == lookup_key(b)


@pytest.fixture(scope="session")
def run(nlp: Any, context: Any) -> Callable[..., Document]:
    """Run the actors stage alone (the full pipeline flags one-line texts as not English)."""
    from communique.actors import resolve_actors
    from communique.nlp import sentences

    cache: dict[tuple[str, Any], Document] = {}

    def go(text: str, published: str | None = None) -> Document:
        if (text, published) not in cache:
            document = Document(id="t", text=text, original=text, published=published)
            doc = nlp(text)
            document.sentences = sentences(doc)
            resolve_actors(doc, document, context)
            cache[(text, published)] = document
        return cache[(text, published)]

    return go
