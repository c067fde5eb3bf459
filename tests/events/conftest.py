"""Fixtures for the events stage: documents whose mentions and timexes come from a small stand-in.

The events stage reads ``document.mentions`` (actors stage) and
``document.timexes`` (dates stage). To test trigger and argument logic on its
own, ``make_document`` fills them from spaCy's entities: each PERSON is keyed
by its last name, ORG/GPE by their text, demonyms by their state, and he/she/
his/her by the last person named. ``analyse`` (tests/conftest.py) runs the
real stages once they exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from communique.dates import timexes
from communique.events import clause, extract_events
from communique.events.anchor import Anchored, anchor_candidates
from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.events.speech import SPEECH_CONTEXT
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
    nlp: Any, text: str, published: str | None = None, quotes: Sequence[tuple[str, str]] = ()
) -> tuple[Any, Document]:
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
        text: str, published: str | None = None, quotes: Sequence[tuple[str, str]] = ()
    ) -> tuple[Any, Document]:
        return build(nlp, text, published, quotes)

    return run


@pytest.fixture(scope="session")
def events_of(nlp: Any, context: Any) -> Callable[..., list[Event]]:
    """Events of a text with stand-in mentions/timexes: ``events_of(text, published=...)``."""

    def run(
        text: str, published: str | None = None, quotes: Sequence[tuple[str, str]] = ()
    ) -> list[Event]:
        doc, document = build(nlp, text, published, quotes)
        extract_events(doc, document, context)
        return document.events

    return run


Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


def triples(events: list[Event]) -> set[Triple]:
    return {(e.type, e.source_id, e.target_id) for e in events}


# The readers below are fixtures rather than functions because a test module cannot
# import from another one (pytest runs with --import-mode=importlib), so this is the
# one place the test files can share them from.


@pytest.fixture(scope="session")
def asserted() -> TriplesOf:
    """``asserted(document)`` → (type, source, target) of the events the text states as
    fact (not negated)."""

    def read(document: Document) -> set[Triple]:
        return triples([e for e in document.events if not e.negated])

    return read


@pytest.fixture(scope="session")
def negated() -> TriplesOf:
    """``negated(document)`` → (type, source, target) of the events the text denies."""

    def read(document: Document) -> set[Triple]:
        return triples([e for e in document.events if e.negated])

    return read


@pytest.fixture(scope="session")
def speech_acts() -> TriplesOf:
    """``speech_acts(document)`` → (type, source, target) of the asserted events read from
    what attributed speech says (``context == "speech"``)."""

    def read(document: Document) -> set[Triple]:
        return triples(
            [e for e in document.events if e.context == SPEECH_CONTEXT and not e.negated]
        )

    return read


@pytest.fixture(scope="session")
def real_stage_anchor(nlp: Any, context: Any) -> Callable[[str], Callable[..., list[Anchored]]]:
    """``real_stage_anchor(published)`` → ``run(text, (word, type), ..., published=, title=)``:
    the article's sentences, dates, actors and quotes stages run for real, then the named
    triggers (first token with each text) are anchored together, as the events stage
    anchors an article's candidates."""

    def with_default(default_published: str) -> Callable[..., list[Anchored]]:
        from communique.ingest import from_text
        from communique.pipeline import apply_stages
        from communique.stages import default_stages

        stages = [s for s in default_stages() if s.name != "events"]

        def run(
            text: str,
            *triggers: tuple[str, str],
            published: str | None = default_published,
            title: str | None = None,
        ) -> list[Anchored]:
            document: Document = from_text(text, source="<test>", published=published, title=title)
            doc = nlp(document.text)
            apply_stages(doc, document, stages, context)
            candidates = []
            for word, kind in triggers:
                token = next(t for t in doc if t.text == word)
                pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
                trigger = Trigger(token.lemma_.lower(), pos, kind, None)
                candidates.append(
                    Candidate(
                        trigger=trigger,
                        token=token,
                        source_id="a",
                        target_id="b",
                        type=kind,
                        modality=clause.modality(token, trigger),
                    )
                )
            return anchor_candidates(doc, document, candidates, context)

        return run

    return with_default
