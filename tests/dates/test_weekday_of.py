"""A weekday followed by "of": a date ("convicted on Monday of fraud") unless it names a
calendar rule ("the last Friday of Ramadan", "the first Monday of the month")."""

from __future__ import annotations

from typing import Any

import pytest

from communique.dates import timexes as find

PUB = "2024-03-14"  # a Thursday

DATES = [
    ("Two officers were convicted on Monday of assaulting a protester.", "2024-03-11"),
    ("The general was cleared on Tuesday of ordering the raid.", "2024-03-12"),
    ("A jury found him guilty on Wednesday of bribing two judges.", "2024-03-13"),
]


@pytest.mark.parametrize(("text", "value"), DATES)
def test_weekday_before_of_clause_is_a_date(nlp: Any, text: str, value: str) -> None:
    assert [t.value for t in find(nlp(text), PUB)] == [value]


CALENDAR_RULES = [
    "Markets close on the last Friday of Ramadan.",
    "The council sits on the first Monday of the month.",
    "Pensions are paid on the second Tuesday of each month.",
]


@pytest.mark.parametrize("text", CALENDAR_RULES)
def test_weekday_of_a_period_is_no_date(nlp: Any, text: str) -> None:
    assert find(nlp(text), PUB) == []
