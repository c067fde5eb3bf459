"""Event dates (``events.dating.lasts_periods``, issue 11): a statement or stance held over
a stretch of time the clause measures ("for several days X denied it") has no single day;
the same statement without the measure takes its paragraph's day, and a physical act so
measured keeps the narrative's day.

Each case runs the real spaCy parse and the real sentences, dates, actors and quotes
stages on a text of our own writing and anchors the named trigger.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.anchor import Anchored

PUB = "2024-05-17"  # a Friday: Saturday is 05-11

Anchor = Callable[..., list[Anchored]]

LEAD = "On Saturday the ministry admitted that its gunners had hit the airliner."


@pytest.fixture(scope="module")
def anchor(real_stage_anchor: Callable[[str], Anchor]) -> Anchor:
    return real_stage_anchor(PUB)


DURATION: list[tuple[str, str, str, str | None]] = [
    (f"{LEAD} For several days the ministry denied the accusation.", "denied", "REJECT", None),
    (f"{LEAD} For weeks the ministry rejected the claim.", "rejected", "REJECT", None),
    # without the measure the statement takes its paragraph's day
    (f"{LEAD} The ministry denied the accusation.", "denied", "REJECT", "2024-05-11"),
    # a physical act measured by a period is dated by the narrative
    (f"{LEAD} Troops attacked the village for two days.", "attacked", "ASSAULT", "2024-05-11"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), DURATION)
def test_statement_over_a_period_has_no_day(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    items = anchor(text, (trigger, kind))
    assert items[0].dates[0][0] == date
