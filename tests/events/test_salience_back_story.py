"""Event salience (``events.salience``, issue 11): a paragraph opened in the past perfect
tells a back story, and its undated simple-past acts that follow are background (so they
never take the report's date); a time expression or a sentence in the present ends it,
and a paragraph opened in the simple past is the report's own narrative.

Each case runs the real spaCy parse and the real sentences, dates, actors and quotes
stages on a text of our own writing and anchors the named trigger.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.anchor import Anchored

PUB = "2024-05-17"

Anchor = Callable[..., list[Anchored]]


@pytest.fixture(scope="module")
def anchor(real_stage_anchor: Callable[[str], Anchor]) -> Anchor:
    return real_stage_anchor(PUB)


LEAD = "The activist was arrested at the border on Tuesday.\n\n"

BACK_STORY: list[tuple[str, str, str, str]] = [
    (
        "The activist had read a report on the camps. She contacted two lawyers, who "
        "helped her leave the country. She travelled to Geneva to meet the rapporteur.",
        "meet",
        "CONSULT",
        "background",
    ),
    (
        "The rebels had seized the port. The governor fled to the capital. "
        "He accused the army of abandoning the city.",
        "accused",
        "ACCUSE",
        "background",
    ),
    # a sentence in the present ends the back story
    (
        "The rebels had seized the port. The army says it will retake it. "
        "The governor accused the army of abandoning the city.",
        "accused",
        "ACCUSE",
        "main",
    ),
    # a paragraph opened in the simple past is the report's narrative
    (
        "The activist read a report on the camps. She travelled to Geneva to meet the rapporteur.",
        "meet",
        "CONSULT",
        "main",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "salience"), BACK_STORY)
def test_back_story_opened_in_past_perfect(
    anchor: Anchor, text: str, trigger: str, kind: str, salience: str
) -> None:
    items = anchor(LEAD + text, (trigger, kind))
    assert items[0].salience == salience
    if salience == "background":
        assert items[0].dates == [(None, False)]
