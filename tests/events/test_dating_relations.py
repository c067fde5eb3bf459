"""Event dates (``events.dating``, ``events.anchor``; issue 11) read from how a clause
relates to another: a "where" clause on the place a journey went to takes the journey's
day, an act told as following a dated act takes that act's time, and the report's
meeting dates only what is told after it (or in the headline).

Each case runs the real spaCy parse and the real sentences, dates, actors and quotes
stages on a text of our own writing and anchors the named triggers together.
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


def _date(items: list[Anchored], at: int = 0) -> str | None:
    return items[at].dates[0][0]


# ------------------------------------ a "where" clause on the place a journey went to

DESTINATION: list[tuple[str, str, str, str | None]] = [
    (
        "On Tuesday, the two envoys flew to Geneva, where they signed the truce.",
        "signed",
        "AGREE",
        "2024-05-14",
    ),
    (
        "On Wednesday, the farmers went to the police station where they accused the mayor "
        "of fraud.",
        "accused",
        "ACCUSE",
        "2024-05-15",
    ),
    # a past perfect tells an earlier act at that place
    (
        "On Tuesday, the minister travelled to the village where rebels had attacked a convoy.",
        "attacked",
        "ASSAULT",
        None,
    ),
    # a place the act was at, not a journey's end, dates nothing this way
    (
        "On Tuesday, the minister spoke at the school where the rebels attacked a convoy.",
        "attacked",
        "ASSAULT",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), DESTINATION)
def test_where_clause_takes_the_journey_day(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    items = anchor(text, (trigger, kind))
    assert [t.value for t in items[0].timexes][:1] == ([date] if date else [])


# -------------------------------------------- an act told as following a dated act

AFTER_DATED: list[tuple[str, str, str, str]] = [
    ("The bill was withdrawn after last month's strikes.", "withdrawn", "CONCEDE", "2024-04"),
    ("The cabinet resigned following Monday's vote.", "resigned", "CONCEDE", "2024-05-13"),
    ("The cabinet resigned after the vote on Monday.", "resigned", "CONCEDE", "2024-05-13"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), AFTER_DATED)
def test_act_after_a_dated_act_takes_its_time(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str
) -> None:
    assert [t.value for t in anchor(text, (trigger, kind))[0].timexes][:1] == [date]


def test_act_after_an_undated_act_has_no_own_date(anchor: Anchor) -> None:
    items = anchor("The cabinet resigned after the vote.", ("resigned", "CONCEDE"))
    assert items[0].timexes == []


# ------------------------------------ the report's meeting dates what is told after it

MEETING = "The rebels met on Tuesday with the envoy in Doha."
STATEMENT = "The governor accused the rebels of hiding the toll."


def test_statement_told_after_the_meeting_takes_its_day(anchor: Anchor) -> None:
    items = anchor(f"{MEETING} {STATEMENT}", ("met", "CONSULT"), ("accused", "ACCUSE"))
    assert _date(items, 1) == "2024-05-14"


def test_statement_told_before_the_meeting_keeps_the_report_date(anchor: Anchor) -> None:
    items = anchor(f"{STATEMENT}\n\n{MEETING}", ("met", "CONSULT"), ("accused", "ACCUSE"))
    assert _date(items, 1) == PUB


def test_act_after_an_earlier_period_is_not_background_by_it(anchor: Anchor) -> None:
    """What followed last month's strikes may be this month's news: the borrowed
    expression dates the act but does not make it background."""
    text = "The bill was withdrawn after last month's protests."
    items = anchor(text, ("withdrawn", "CONCEDE"), ("protests", "PROTEST"))
    assert (items[0].salience, items[0].dates) == ("main", [("2024-04", False)])
