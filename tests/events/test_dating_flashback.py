"""Event dates (``events.dating``, issue 11): an undated statement told right after a day
earlier than the story's own first day continues that earlier sequence, on a day the
text does not fix, so it has no date; a day opening its paragraph frames it, a later day
or a distant paragraph does not start a flashback, and physical acts keep the day.

Each case runs the real spaCy parse and the real sentences, dates, actors and quotes
stages on a text of our own writing and anchors the named trigger.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.anchor import Anchored

PUB = "2024-05-17"  # a Friday: Monday is 05-13, Saturday 05-11

Anchor = Callable[..., list[Anchored]]

LEAD = "On Monday, the premier joined the calls for the envoy to be recalled."
EARLIER = "The envoy had already left the country, police said on Saturday."


@pytest.fixture(scope="module")
def anchor(real_stage_anchor: Callable[[str], Anchor]) -> Anchor:
    return real_stage_anchor(PUB)


def _date(items: list[Anchored]) -> str | None:
    return items[0].dates[0][0]


FLASHBACK: list[tuple[str, str, str, str | None]] = [
    # told in the paragraph of the earlier day, or in the next: no day fixes it
    (
        f"{LEAD} {EARLIER} The mayor urged the embassy to send her back.",
        "urged",
        "REQUEST",
        None,
    ),
    (
        f"{LEAD}\n\n{EARLIER} The embassy rejected the request of the mayor.",
        "rejected",
        "REJECT",
        None,
    ),
    (
        f"{LEAD}\n\n{EARLIER}\n\nThe foreign minister urged the embassy to reconsider.",
        "urged",
        "REQUEST",
        None,
    ),
    # two paragraphs on, the report is back at its own time
    (
        f"{LEAD}\n\n{EARLIER}\n\nThe bishop prayed for the family.\n\n"
        "The foreign minister urged the embassy to reconsider.",
        "urged",
        "REQUEST",
        PUB,
    ),
    # a day opening its paragraph frames what the paragraph tells
    (
        f"{LEAD}\n\nOn Saturday, the army began an offensive in the north. "
        "The general praised the troops for their courage.",
        "praised",
        "SUPPORT",
        "2024-05-11",
    ),
    # a day after the story's first day is no flashback: its paragraph's statements are its
    (
        "Rockets hit the airfield on Monday. The toll rose, officials said on Wednesday. "
        "The defence minister condemned the strike.",
        "condemned",
        "ACCUSE",
        "2024-05-15",
    ),
    # a physical act told there still happened on the day named before it
    (
        f"{LEAD} {EARLIER} Gunmen attacked the convoy of the mayor.",
        "attacked",
        "ASSAULT",
        "2024-05-11",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "date"), FLASHBACK)
def test_statement_after_an_earlier_day_has_no_date(
    anchor: Anchor, text: str, trigger: str, kind: str, date: str | None
) -> None:
    assert _date(anchor(text, (trigger, kind))) == date
