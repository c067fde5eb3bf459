"""Fixtures for the events stage: documents whose mentions and timexes come from a small stand-in.

The events stage reads ``document.mentions`` (actors stage) and
``document.timexes`` (dates stage). To test trigger and argument logic on its
own, ``make_document`` fills them from spaCy's entities: each PERSON is keyed
by its last name, ORG/GPE by their text, demonyms by their state, and he/she/
his/her by the last person named. ``analyse`` (tests/conftest.py) runs the
real stages once they exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from communique.dates import timexes
from communique.events import extract_events
from communique.model import Document, Event, Mention, Quote
from communique.nlp import sentences

DEMONYMS = {
    "iranian": "Iran", "israeli": "Israel", "american": "United States", "us": "United States",
    "u.s.": "United States", "russian": "Russia", "ukrainian": "Ukraine", "chinese": "China",
    "french": "France", "german": "Germany", "turkish": "Turkey", "egyptian": "Egypt",
    "syrian": "Syria", "iraqi": "Iraq", "saudi": "Saudi Arabia", "indian": "India",
    "pakistani": "Pakistan", "british": "United Kingdom", "japanese": "Japan", "kenyan": "Kenya",
    "brazilian": "Brazil", "nigerian": "Nigeria", "palestinian": "Palestine", "lebanese": "Lebanon",
    "swedish": "Sweden", "polish": "Poland", "serbian": "Serbia", "syrians": "Syria",
}  # fmt: skip
STATES = {"the united states": "United States", "us": "United States", "u.s.": "United States"}


def _actor_id(label: str, text: str) -> str | None:
    clean = text.removeprefix("the ").removeprefix("The ")
    if label == "PERSON":
        return clean.split()[-1].removesuffix("'s").removesuffix("’s")
    if label == "NORP" or text.lower() in DEMONYMS:
        return DEMONYMS.get(text.lower())
    if label in ("ORG", "GPE"):
        return STATES.get(text.lower(), clean.removesuffix("'s").removesuffix("’s"))
    return None


def build(
    nlp: Any, text: str, published: str | None = None, quotes: list[tuple[str, str]] = ()
) -> tuple[Any, Document]:  # type: ignore[assignment]
    doc = nlp(text)
    document = Document(id="t1", text=text, original=text, published=published)
    document.sentences = sentences(doc)
    mentions: list[Mention] = []
    last_person: str | None = None
    ents = {e.start: e for e in doc.ents}
    i = 0
    while i < len(doc):
        ent = ents.get(i)
        if ent is not None:
            actor = _actor_id(ent.label_, ent.text)
            if ent.label_ == "PERSON":
                last_person = actor
            if actor:
                mentions.append(
                    Mention(start=ent.start_char, end=ent.end_char, text=ent.text, actor_id=actor)
                )
            i = ent.end
            continue
        token = doc[i]
        if token.lower_ in ("he", "she", "his", "her") and last_person:
            mentions.append(
                Mention(
                    start=token.idx,
                    end=token.idx + len(token),
                    text=token.text,
                    actor_id=last_person,
                    kind="pronoun",
                )
            )
        elif token.lower_ in DEMONYMS and token.pos_ in ("ADJ", "PROPN"):
            mentions.append(
                Mention(
                    start=token.idx,
                    end=token.idx + len(token),
                    text=token.text,
                    actor_id=DEMONYMS[token.lower_],
                    kind="demonym",
                )
            )
        i += 1
    document.mentions = mentions
    document.timexes = timexes(doc, published)  # the real dates stage
    document.quotes = []
    for n, (speaker, content) in enumerate(quotes):
        start = text.index(content)
        document.quotes.append(
            Quote(
                id=f"q{n + 1}",
                kind="direct",
                start=start,
                end=start + len(content),
                text=content,
                speaker_id=speaker,
            )
        )
    return doc, document


@pytest.fixture(scope="session")
def make_document(nlp: Any) -> Callable[..., tuple[Any, Document]]:
    """``make_document(text, published, quotes)`` → (spaCy doc, Document with stand-in mentions)."""

    def run(
        text: str, published: str | None = None, quotes: list[tuple[str, str]] = ()
    ) -> tuple[Any, Document]:  # type: ignore[assignment]
        return build(nlp, text, published, quotes)

    return run


@pytest.fixture(scope="session")
def events_of(nlp: Any, context: Any) -> Callable[..., list[Event]]:
    """Events of a text with stand-in mentions/timexes: ``events_of(text, published=...)``."""

    def run(
        text: str, published: str | None = None, quotes: list[tuple[str, str]] = ()
    ) -> list[Event]:  # type: ignore[assignment]
        doc, document = build(nlp, text, published, quotes)
        extract_events(doc, document, context)
        return document.events

    return run


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source_id, e.target_id) for e in events}
