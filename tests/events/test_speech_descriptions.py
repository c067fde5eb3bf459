"""Judgements by a describing reporting verb (communique.events.speech_descriptions).

Sentences of our own writing through the whole pipeline: "X called/described THING
as JUDGEMENT" accuses or supports the thing's owner (its possessor, its "of" phrase,
or the owner of the same thing told earlier); no event when the judgement is neither
clearly damning nor clearly praising, when it is both, when the owner is the
speaker's own side, or when nobody owns the thing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.speech import load_cues
from communique.model import Document

PUB = "2024-03-12"
Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]


def judgements(document: Document) -> set[Triple]:
    return {
        (e.type, e.source_id, e.target_id)
        for e in document.events
        if e.type in ("ACCUSE", "SUPPORT") and not e.negated
    }


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Joe Biden described the decision of Iran as historic.",
            ("SUPPORT", "joe-biden", "iran"),
        ),
        (
            "Joe Biden described Iran's decision as historic.",
            ("SUPPORT", "joe-biden", "iran"),
        ),
        (
            "Narendra Modi described the plan of Rahul Gandhi as a reckless gamble.",
            ("ACCUSE", "narendra-modi", "rahul-gandhi"),
        ),
        # the owner of "the ruling" is told in the sentence before
        (
            "The Supreme Court of India issued its ruling on Monday. Rahul Gandhi described the"
            " ruling as shameful.",
            ("ACCUSE", "rahul-gandhi", "supreme-court-of-india"),
        ),
        (
            "The Supreme Court of India issued its ruling on Monday. Narendra Modi described the"
            " ruling as historic.",
            ("SUPPORT", "narendra-modi", "supreme-court-of-india"),
        ),
    ],
)
def test_a_described_thing_judges_its_owner(analyse: Analyse, text: str, event: Triple) -> None:
    assert event in judgements(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # no clear judgement, or a mixed one
        "Joe Biden described the decision of Iran as a mixed result.",
        "Joe Biden described the proposal of Iran as historic but reckless.",
        # the speaker's own side
        "Narendra Modi described his own government's plan as historic.",
        # nobody owns the ruling
        "Joe Biden described the ruling as shameful.",
    ],
)
def test_no_judgement_of_an_owner(analyse: Analyse, text: str) -> None:
    found = judgements(analyse(text, published=PUB))
    assert not {t for t in found if t[2] is not None}, found


def test_the_describing_verbs_are_data() -> None:
    cues = load_cues()
    assert {"describe", "call", "label"} <= cues.description_verbs
    assert "say" not in cues.description_verbs
