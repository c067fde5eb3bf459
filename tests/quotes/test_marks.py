"""Quotation marks found from the characters alone (communique.quotes.marks)."""

from __future__ import annotations

import pytest

from communique.quotes.marks import find_marked


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every mark style
        ('He said, "We will not retreat."', ["We will not retreat."]),
        ("He said, “We will not retreat.”", ["We will not retreat."]),
        ("Il a dit: «Nous resterons ici.»", ["Nous resterons ici."]),
        ("He said, « We stay. »", [" We stay. "]),
        ("Sie sagte „Wir bleiben hier.“ und ging", ["Wir bleiben hier."]),
        ("She said, 'We will stay in Kyiv.'", ["We will stay in Kyiv."]),
        ("She said, ‘We will stay in Kyiv.’", ["We will stay in Kyiv."]),
        ("‹Nous restons› dit-il", ["Nous restons"]),
        # closing comma stays inside the marks
        ("“Talks will resume in May,” the minister said.", ["Talks will resume in May,"]),
        # apostrophes are not marks
        ("Iran's foreign minister met Egypt's envoy at 10 o'clock.", []),
        ("The group’s leader and the army’s chief met.", []),
        ("Hamas’ spirit and the Kurds’ rights were discussed.", []),
        ("It was the worst flood since the '90s in Dhaka.", []),
        ("The talks in Baku's old town ended.", []),
        ("He called the talks 'useful' but 'incomplete'.", ["useful", "incomplete"]),
        ("the Palestinians' rights 'will be defended,' he said", ["will be defended,"]),
        # quote within a quote: only the outer one
        (
            "He said, “They called it a ‘victory’ for peace.”",
            ["They called it a ‘victory’ for peace."],
        ),
        (
            "He said, \"They called it a 'victory' for peace.\"",
            ["They called it a 'victory' for peace."],
        ),
        # several quotes, adjacent marks
        ("“We agree.”“We disagree,” he said.", ["We agree.", "We disagree,"]),
        ("“One.” Then “Two.”", ["One.", "Two."]),
        # mixed curly opening and straight closing
        ('He added, “I think the plan failed." Then he left.', ["I think the plan failed."]),
        # unclosed quote ends at the paragraph end
        (
            "He said, “We will rebuild the bridge.\nThe next paragraph.",
            ["We will rebuild the bridge."],
        ),
        ("He said, “We will rebuild", ["We will rebuild"]),
        # unclosed quote followed by a new opening: the reporting clause is cut off
        (
            "Okafor said, “We need roads. We need schools.He added, “Funding is late.”",
            ["We need roads. We need schools.", "Funding is late."],
        ),
        (
            "Okafor said, “We need roads.The minister, speaking in Abuja, "
            "added: “Funding is late.”",
            ["We need roads.", "Funding is late."],
        ),
        # a long stretch before the next mark is not a reporting clause: kept whole
        (
            "She said, “Prices rose. They rose again because the central bank kept "
            "rates on hold for a very long time and the currency fell “sharply” in the spring.",
            [
                "Prices rose. They rose again because the central bank kept rates "
                "on hold for a very long time and the currency fell",
                "sharply",
            ],
        ),
        # a paragraph that reopens the quote gives one span per paragraph
        (
            "He said: “The first point is security.\n“The second point is trade.”",
            ["The first point is security.", "The second point is trade."],
        ),
        # stray closing mark with nothing open
        ("This is odd” he said.", []),
        # empty marks
        ('He said "" and left.', []),
        # straight marks decided by their neighbours
        ('"Yes," she said, "we will."', ["Yes,", "we will."]),
        ('The "peace plan" was "dead on arrival", he said.', ["peace plan", "dead on arrival"]),
        ('A 12" screen and "a deal" were mentioned.', ["a deal"]),
    ],
)
def test_marked_spans(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_offsets_exclude_marks_and_know_the_paragraph() -> None:
    text = "Intro.\nHe said, “Fine.”"
    [span] = find_marked(text)
    assert (
        text[span.open_mark] == "“" and span.close_mark is not None and text[span.close_mark] == "”"
    )
    assert span.paragraph == 1 and span.family == "double"


def test_unclosed_span_has_no_closing_mark() -> None:
    [span] = find_marked("He said, “We will go")
    assert span.close_mark is None
