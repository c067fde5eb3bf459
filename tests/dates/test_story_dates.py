"""Time expressions read in their story: "until", "earlier in the month", a day continuing a dated story."""

from __future__ import annotations

from typing import Any

import pytest

from communique.dates import timexes

PUB = "2024-03-14"  # a Thursday


def values(nlp: Any, text: str, published: str | None = PUB) -> dict[str, str | None]:
    return {t.text: t.value for t in timexes(nlp(text), published)}


CASES: list[tuple[str, str, str | None]] = [
    # the end of a period still running lies ahead
    ("Parliament stays suspended until April 2.", "April 2", "2024-04-02"),
    ("The curfew is in force until May 1.", "May 1", "2024-05-01"),
    # ... but a period that ended is past
    ("The ban lasted until February 20.", "February 20", "2024-02-20"),
    # whatever the verb's tense, the nearer reading of an end date
    (
        "The judges issued a ruling on the suspension of parliament until April 2.",
        "April 2",
        "2024-04-02",
    ),
    # "earlier/later in the month/year" is this month/year
    ("The union sanctioned Iran earlier in the month.", "earlier in the month", "2024-03"),
    ("The envoy visited Oslo earlier in the year.", "earlier in the year", "2024"),
    ("The vote is expected later in the year.", "later in the year", "2024"),
    # a day without a year continues the story of a full date just before it
    (
        "Soldiers seized the palace on November 15, 2017, and the president resigned on "
        "November 21.",
        "November 21",
        "2017-11-21",
    ),
    (
        "The rebels took the city on July 3, 2012. The government fled on July 9.",
        "July 9",
        "2012-07-09",
    ),
    # a full date after the report is a deadline, not the story's timeline
    (
        "The deadline stands at June 30, 2024. On March 9 the minister resigned.",
        "March 9",
        "2024-03-09",
    ),
    (
        "Talks must end by April 30, 2024, and on March 2 the envoy left.",
        "March 2",
        "2024-03-02",
    ),
    # across a paragraph break the report's own year is back
    (
        "The rebels took the city on July 3, 2012.\n\nThe minister resigned on March 9.",
        "March 9",
        "2024-03-09",
    ),
    # without a full date before it, a day is the latest such day up to publication
    ("The minister resigned on March 9.", "March 9", "2024-03-09"),
    ("The minister resigned on December 9.", "December 9", "2023-12-09"),
]


@pytest.mark.parametrize(("text", "expression", "value"), CASES)
def test_value_in_story(nlp: Any, text: str, expression: str, value: str | None) -> None:
    assert values(nlp, text)[expression] == value


def test_date_line_span_stops_before_the_blank_line(nlp: Any) -> None:
    found = timexes(nlp("Thursday, March 14, 2024\n\nThe minister resigned."), PUB)
    assert [t.text for t in found] == ["Thursday, March 14, 2024"]
