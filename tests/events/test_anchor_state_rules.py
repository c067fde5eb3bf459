"""Salience of clauses that tell a standing state rather than an act of the report's
episode (issue 11): a present-simple verb of attitude outside a quote tells a state of
mind and is background (so it takes no report date); the same verbs told as acts, in the
past or inside a speaker's own words, and other present or perfect statements stay main.
An intention or promise stated in a past-perfect statement ("who had told her he would
defend her") was announced before the episode: background.

Each case runs the real spaCy parse and the real sentences, dates, actors and quotes
stages on a text of our own writing (``real_stage_anchor`` in ``conftest.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.anchor import Anchored

PUB = "2024-05-17"  # a Friday

Anchor = Callable[..., list[Anchored]]


@pytest.fixture(scope="module")
def anchor(real_stage_anchor: Callable[[str], Anchor]) -> Anchor:
    return real_stage_anchor(PUB)


STATES: list[tuple[str, str, str, str]] = [
    # a standing belief of an agency: no act of the report's episode
    (
        "The ferry sank on Wednesday. Several intelligence services reportedly believe "
        "the navy rammed the ship.",
        "believe",
        "ACCUSE",
        "background",
    ),
    (
        "The ferry sank on Wednesday. Many fishermen suspect the coast guard of "
        "ignoring the distress call.",
        "suspect",
        "ACCUSE",
        "background",
    ),
    # a nominal act governed by an attitude verb is the state's object, not the news
    (
        "The minister arrived in Seoul on Tuesday. Many Koreans still resent the "
        "occupation of the peninsula.",
        "occupation",
        "ASSAULT",
        "background",
    ),
    (
        "The ferry sank on Wednesday. The families think the owners cut corners on safety.",
        "think",
        "ACCUSE",
        "background",
    ),
    # a state kept up to the report
    (
        "The boat sank on Thursday. Both navies have maintained a blockade of the southern ports.",
        "blockade",
        "SANCTION",
        "background",
    ),
    # what a noun does as a rule: a present-simple relative clause
    (
        "The board, which sanctions clubs for doping, met on Thursday.",
        "sanctions",
        "SANCTION",
        "background",
    ),
    # negative cases: the same verbs told as acts stay main
    (
        "The ferry sank on Wednesday. The harbour master blamed the crew on Thursday.",
        "blamed",
        "ACCUSE",
        "main",
    ),
    (
        "The port was closed on Monday. The union urged dockers to refuse overtime.",
        "urged",
        "REQUEST",
        "main",
    ),
    # a present perfect progressive is no state of mind: the appeal may be the episode's
    (
        "The port was closed on Monday. The union has been urging dockers to refuse overtime.",
        "urging",
        "REQUEST",
        "main",
    ),
    # a reported belief is read as a state even when the quotes stage takes it for speech
    (
        "The ferry sank on Wednesday. Investigators believe that the navy rammed the "
        "ship, according to the newspaper.",
        "rammed",
        "ASSAULT",
        "background",
    ),
    # a present simple outside a relative clause (a headline's news) stays main, and so
    # does keeping a state told in the past tense
    (
        "Football board sanctions two clubs for doping",
        "sanctions",
        "SANCTION",
        "main",
    ),
    (
        "The boat sank on Thursday. Both navies maintained the blockade of the "
        "southern ports on Friday.",
        "blockade",
        "SANCTION",
        "main",
    ),
    # a speaker's own "we believe" is a statement made in the episode
    (
        'The ferry sank on Wednesday. "We believe the navy rammed the ship," the '
        "captain told reporters.",
        "believe",
        "ACCUSE",
        "main",
    ),
    # a belief in the past tense is the report's reaction, not a standing state
    (
        "The ferry sank on Wednesday. Officials considered the collision an act of sabotage.",
        "considered",
        "ACCUSE",
        "main",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "expected"), STATES)
def test_standing_state_is_background(
    anchor: Anchor, text: str, trigger: str, kind: str, expected: str
) -> None:
    item = anchor(text, (trigger, kind))[0]
    assert item.salience == expected
    if expected == "background":
        assert item.dates[0][0] is None  # a background event never takes the report's date


# ------------------------------ a statement told in the past perfect was made before the episode

EARLIER_STATEMENTS: list[tuple[str, str, str, str]] = [
    (
        "The activist flew to Madrid on Monday to see a lawyer, who had told her he would "
        "defend her in court.",
        "defend",
        "AGREE",
        "background",
    ),
    (
        "The strike began on Tuesday. The union had warned that it would shut the ports.",
        "shut",
        "THREATEN",
        "background",
    ),
    (
        "The summit opened on Sunday. Ghana previously announced it planned to join the "
        "customs union.",
        "join",
        "AGREE",
        "background",
    ),
    # negative cases: the statement itself is the report's news, or it is backshifted
    (
        "The summit opened on Sunday. Ghana announced it planned to join the customs union.",
        "join",
        "AGREE",
        "main",
    ),
    (
        "The strike began on Tuesday. The union warned that it would shut the ports.",
        "shut",
        "THREATEN",
        "main",
    ),
    (
        "The strike began on Tuesday. The minister said the union had agreed to meet "
        "the employers.",
        "agreed",
        "AGREE",
        "main",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "expected"), EARLIER_STATEMENTS)
def test_statement_in_past_perfect_is_background(
    anchor: Anchor, text: str, trigger: str, kind: str, expected: str
) -> None:
    item = anchor(text, (trigger, kind))[0]
    assert item.salience == expected
    if expected == "background":
        assert item.dates[0][0] is None
