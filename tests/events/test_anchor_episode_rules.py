"""Event dates and salience read from the report's episode (issue 11): an event in a
speech dated by the speaker's own "today", and the other rules added with it below.

Each case runs the real spaCy parse and the real sentences, dates, actors and
quotes stages on a text of our own writing and anchors the events whose
triggers are the first tokens with the given texts (all of them together, as
the events stage does), then reads the first one.
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


# ------------------------------------------------- the speaker's own day dates the speech

SPEECH_DAY: list[tuple[str, str, str, str | None]] = [
    (
        "On Tuesday the prime minister visited a school in Leeds.\n\n"
        'She continued, "I urge the unions to return to talks. We wrote to them today."',
        "urge",
        "REQUEST",
        "2024-05-14",
    ),
    (
        "The ferry sank on Wednesday.\n\n"
        '"We condemn the owners, and this afternoon we have asked the police to act," '
        "the mayor told reporters.",
        "condemn",
        "ACCUSE",
        "2024-05-15",
    ),
    # no earlier day of the report's week: the report's own day
    (
        '"We condemn the owners, and today we have asked the police to act," '
        "the mayor told reporters.",
        "condemn",
        "ACCUSE",
        PUB,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), SPEECH_DAY)
def test_event_in_quote_takes_the_speech_day(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert anchor(text, (trigger, kind))[0].dates[0][0] == date


# ----------------------------- a nominal act placed before its sentence's act is background

EARLIER_OBJECT: list[tuple[str, str, str, str]] = [
    ("The embargo followed talks with the neighbouring states.", "talks", "CONSULT", "background"),
    (
        "The seat stays empty following the resignation of the deputy mayor.",
        "resignation",
        "CONCEDE",
        "background",
    ),
    ("Shops reopened after the attack on the market.", "attack", "ASSAULT", "background"),
    (
        "The navy fired on the ships in retaliation for the raid on its base.",
        "raid",
        "ASSAULT",
        "background",
    ),
    (
        "The council met in response to the protest outside the town hall.",
        "protest",
        "PROTEST",
        "background",
    ),
    ("Troops fired on the crowd on the orders of a general.", "orders", "REQUEST", "background"),
    (
        "The king dissolved the assembly at the request of his chancellor.",
        "request",
        "REQUEST",
        "background",
    ),
    # not an object of those words: the report's own act
    ("Shops closed during the attack on the market.", "attack", "ASSAULT", "main"),
    ("The minister condemned the attack on the market.", "attack", "ASSAULT", "main"),
    # a period of acts running up to the act stays in the episode
    (
        "The resignation followed two weeks of protests in the capital.",
        "protests",
        "PROTEST",
        "main",
    ),
    # the verb itself is not the object
    ("Riots followed the verdict.", "Riots", "PROTEST", "main"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "salience"), EARLIER_OBJECT)
def test_nominal_act_before_its_sentence_is_background(
    anchor: Anchor, text: str, trigger: str, kind: str, salience: str
) -> None:
    assert anchor(text, (trigger, kind))[0].salience == salience


# ------------------- a statement's "while" clause, and the occasion's relative clause, date it

STATEMENT_AND_OCCASION: list[tuple[str, str, str, str | None]] = [
    (
        "While touring the port on Tuesday, the governor said the unions must end the strike.",
        "end",
        "REQUEST",
        "2024-05-14",
    ),
    (
        "The governor told reporters, while touring the port on Tuesday, that the unions "
        "must end the strike.",
        "end",
        "REQUEST",
        "2024-05-14",
    ),
    # an infinitive under the clause the "while" clause hangs on
    (
        'The governor said, "The unions need to end the strike", while touring the port '
        "on Tuesday.",
        "end",
        "REQUEST",
        "2024-05-14",
    ),
    # "after" is not simultaneous: the statement's day is not the tour's
    (
        "After touring the port on Tuesday, the governor said the unions must end the strike.",
        "end",
        "REQUEST",
        PUB,
    ),
    (
        "Ministers met in Accra for a summit where on Wednesday two rivals signed a truce.",
        "met",
        "CONSULT",
        "2024-05-15",
    ),
    (
        "The envoys gathered at a conference where on Tuesday the talks collapsed.",
        "gathered",
        "CONSULT",
        "2024-05-14",
    ),
    # a relative clause on a noun that is not an occasion dates nothing else
    (
        "Ministers met in Accra in a hotel where on Wednesday a fire broke out.",
        "met",
        "CONSULT",
        PUB,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), STATEMENT_AND_OCCASION)
def test_statement_and_occasion_dates(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert anchor(text, (trigger, kind))[0].dates[0][0] == date


# ---------------------------------- a request the act was done on is not dated by the act

BEHIND_THE_ACT: list[tuple[str, str, str, str | None]] = [
    (
        "On May 2 the king dissolved the assembly at the behest of his chancellor.",
        "behest",
        "REQUEST",
        None,
    ),
    (
        "Soldiers opened fire on the orders of a colonel on Tuesday.",
        "orders",
        "REQUEST",
        None,
    ),
    # an occasion "of" someone is when the act happened
    (
        "The ministers signed the pact at the meeting of the council on Tuesday.",
        "meeting",
        "CONSULT",
        "2024-05-14",
    ),
    # a request that is the object of the verb is the verb's act
    ("The union made a request for talks on Tuesday.", "request", "REQUEST", "2024-05-14"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), BEHIND_THE_ACT)
def test_request_behind_the_act_takes_no_date_of_it(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert anchor(text, (trigger, kind))[0].dates[0][0] == date
