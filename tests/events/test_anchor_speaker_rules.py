"""Event dates read from the speaker (issue 11): an evaluation stated in a speaker's own
words is made when the speaker speaks, not on the day of the act it evaluates; and a
speaker's undated statements take the day the report gave an earlier statement of the
same speaker, rather than the report's own date.

Each case runs the real spaCy parse and the real sentences, dates, actors and quotes
stages on a text of our own writing, then anchors the named triggers together (as the
events stage anchors an article's candidates), each with its own source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from communique.events import clause
from communique.events.anchor import Anchored, anchor_candidates
from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.model import Document

PUB = "2024-05-17"  # a Friday

# (word, PLOVER type, source id): the trigger is the first token with that text
Named = tuple[str, str, str]
Anchor = Callable[..., list[Anchored]]


@pytest.fixture(scope="module")
def anchor(nlp: Any, context: Any) -> Anchor:
    from communique.ingest import from_text
    from communique.pipeline import apply_stages
    from communique.stages import default_stages

    stages = [s for s in default_stages() if s.name != "events"]

    def run(text: str, *named: Named) -> list[Anchored]:
        document: Document = from_text(text, source="<test>", published=PUB)
        doc = nlp(document.text)
        apply_stages(doc, document, stages, context)
        candidates = []
        for word, kind, source in named:
            token = next(t for t in doc if t.text == word)
            pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
            trigger = Trigger(token.lemma_.lower(), pos, kind, None)
            candidates.append(
                Candidate(
                    trigger=trigger,
                    token=token,
                    source_id=source,
                    target_id="target",
                    type=kind,
                    modality=clause.modality(token, trigger),
                )
            )
        return anchor_candidates(doc, document, candidates, context)

    return run


# ------------------------- an evaluation in a speaker's words is made when the speaker speaks

QUOTED_EVALUATIONS: list[tuple[str, str, str, str | None]] = [
    # the day inside the quote is the raid's, not the accusation's
    (
        '"The border guards made another reckless incursion on Wednesday night," the '
        "ministry said in a statement.",
        "incursion",
        "ACCUSE",
        PUB,
    ),
    (
        '"The governor did great work for this city in 2019," the mayor told reporters.',
        "work",
        "SUPPORT",
        PUB,
    ),
    # the speaker's own day inside the quote still dates the evaluation
    (
        '"Today we condemn the shelling of the market," the envoy said.',
        "condemn",
        "ACCUSE",
        PUB,
    ),
    # a dated statement dates the evaluation made in it
    (
        '"The guards made another reckless incursion," the ministry said on Tuesday.',
        "incursion",
        "ACCUSE",
        "2024-05-14",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), QUOTED_EVALUATIONS)
def test_quoted_evaluation_is_dated_by_the_speech(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert anchor(text, (trigger, kind, "speaker"))[0].dates[0][0] == date


def test_quoted_act_keeps_its_own_day(anchor: Anchor) -> None:
    """Negative case: the act stated in the quote is still dated by it."""
    text = '"The border guards fired on our patrol on Wednesday," the ministry said in a statement.'
    assert anchor(text, ("fired", "ASSAULT", "guards"))[0].dates[0][0] == "2024-05-15"


# ----------------------- a speaker's undated statements take the day of the speaker's earlier one

SPEAKER_DAYS: list[tuple[str, tuple[Named, ...], str | None]] = [
    (
        "On Tuesday, the widow addressed reporters in Geneva, calling for an inquiry.\n\n"
        "The widow called the minister's apology a stunt.",
        (("calling", "REQUEST", "widow"), ("called", "ACCUSE", "widow")),
        "2024-05-14",
    ),
    # another speaker's undated statement keeps the report's date
    (
        "On Tuesday, the widow addressed reporters in Geneva, calling for an inquiry.\n\n"
        "The senator called the minister's apology a stunt.",
        (("calling", "REQUEST", "widow"), ("called", "ACCUSE", "senator")),
        PUB,
    ),
    # a speaker dated only after the statement does not date it
    (
        "The widow called the minister's apology a stunt.\n\n"
        "On Tuesday, the widow addressed reporters in Geneva, calling for an inquiry.",
        (("called", "ACCUSE", "widow"), ("calling", "REQUEST", "widow")),
        PUB,
    ),
    # a speaker's statement dated before the report's week is no day of the report
    (
        "On March 3, the widow addressed reporters in Geneva, calling for an inquiry.\n\n"
        "The widow called the minister's apology a stunt.",
        (("calling", "REQUEST", "widow"), ("called", "ACCUSE", "widow")),
        PUB,
    ),
]


@pytest.mark.parametrize(("text", "named", "date"), SPEAKER_DAYS)
def test_statement_takes_its_speakers_day(
    anchor: Anchor, text: str, named: tuple[Named, ...], date: str | None
) -> None:
    # the statement under test is the one triggered by "called"
    item = next(i for i in anchor(text, *named) if i.candidate.token.text == "called")
    assert item.dates[0][0] == date


# ------------------------------ an evaluation in someone's quote is no recounted past act

RECOUNTED: list[tuple[str, str, str, str, str]] = [
    # the speaker praises in speaking, even when the parse gives the praise another source
    (
        '"He was a brave and honest leader," Emmanuel Macron said of the late minister.',
        "was",
        "SUPPORT",
        "minister",
        "main",
    ),
    (
        '"He was a cruel tyrant," Emmanuel Macron said of the late general.',
        "was",
        "ACCUSE",
        "general",
        "main",
    ),
    # negative case: a past act of others told in a speaker's words is recounted
    (
        '"The rebels shelled the town for a week," Emmanuel Macron said.',
        "shelled",
        "ASSAULT",
        "rebels",
        "background",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "source", "expected"), RECOUNTED)
def test_quoted_evaluation_is_not_recounted(
    anchor: Anchor, text: str, trigger: str, kind: str, source: str, expected: str
) -> None:
    assert anchor(text, (trigger, kind, source))[0].salience == expected
