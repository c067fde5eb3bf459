"""A quoted "today" is the day of speaking (``communique.dates._speech_days``), issue 11."""

from __future__ import annotations

from typing import Any

import pytest

from communique.dates import timexes

PUB = "2024-03-14"  # a Thursday


def value_of(nlp: Any, text: str, expression: str, occurrence: int = -1) -> str | None:
    found = [t for t in timexes(nlp(text), PUB) if t.text == expression]
    return found[occurrence].value


SPEECH_DAY: list[tuple[str, str, str | None]] = [
    # the story's day before the quotation is the day the words were spoken
    (
        'The mayor opened the bridge on Monday. She said, "Today our two towns are one."',
        "Today",
        "2024-03-11",
    ),
    (
        "The strike began on Tuesday.\n\n"
        "\u201cWe have closed every depot this afternoon,\u201d the union leader said.",
        "this afternoon",
        "2024-03-12",
    ),
    (
        'On Saturday the coach resigned. "I leave tonight with a heavy heart," he wrote.',
        "tonight",
        "2024-03-09",
    ),
    # outside a quotation "today" is the report's day
    ("The mayor opened the bridge on Monday. Today the first lorries crossed it.", "Today", PUB),
    # a quotation with no earlier day in the story keeps the report's day
    ('The mayor said, "Today our two towns are one."', "Today", PUB),
    # a day named before outside the report's week is not the speech's day
    (
        'The flood came on February 2. The mayor said, "Today we start again."',
        "Today",
        PUB,
    ),
    # a quotation closed before the expression does not reach it
    (
        'On Monday the mayor said, "We are one town." Today the council agreed.',
        "Today",
        PUB,
    ),
]


@pytest.mark.parametrize(("text", "expression", "value"), SPEECH_DAY)
def test_quoted_today_is_the_day_of_speaking(
    nlp: Any, text: str, expression: str, value: str | None
) -> None:
    assert value_of(nlp, text, expression) == value


ANAPHORIC: list[tuple[str, str, str | None]] = [
    (
        "The envoy landed on Tuesday. The previous day, rebels shelled the port.",
        "previous",
        "2024-03-11",
    ),
    ("The envoy landed on Tuesday. The next day he met the rebels.", "next", "2024-03-13"),
    ("Talks began on March 4 and the following day both sides left.", "following", "2024-03-05"),
    ("The envoy landed on Tuesday. That same day, rebels shelled the port.", "That", "2024-03-12"),
    ("The court ruled on March 4. Parliament met the same day.", "same", "2024-03-04"),
]


@pytest.mark.parametrize(("text", "word", "value"), ANAPHORIC)
def test_day_named_by_the_day_before_it(nlp: Any, text: str, word: str, value: str) -> None:
    found = [t for t in timexes(nlp(text), PUB) if word in t.text]
    assert [t.value for t in found] == [value]


NOT_ANAPHORIC: list[str] = [
    # no day named before it
    "The previous day was calm in the capital.",
    # the day of something else, not the story's last day
    "The court ruled on March 4. Parliament met on the same day as the senate.",
    "The envoy landed on Tuesday. Rebels marked the day of the founder's death.",
]


@pytest.mark.parametrize("text", NOT_ANAPHORIC)
def test_day_of_something_else_is_not_resolved(nlp: Any, text: str) -> None:
    assert not [t for t in timexes(nlp(text), PUB) if "day" in t.text and "Tuesday" not in t.text]
