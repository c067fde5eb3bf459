"""A refusal with no named recipient is aimed at those who hold it against its maker
(issue 11): "many Kenyans resent Britain's refusal to apologise" is a refusal to Kenya.
A verb that holds no grievance ("remember", "discuss") names no recipient.

Sentences of our own writing, run through the whole pipeline (``analyse``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

PUB = "2024-05-20"

Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


FOUND: list[tuple[str, Triple]] = [
    (
        "Many Kenyans still resent the British occupation of Kenya and Britain's refusal "
        "to formally apologise.",
        ("REJECT", "united-kingdom", "kenya"),
    ),
    (
        "Many Indian people still resent the partition of India during the war and "
        "Britain's refusal to pay compensation.",
        ("REJECT", "united-kingdom", "india"),
    ),
    (
        "Uganda condemned Kenya's refusal to reopen the border on Monday.",
        ("REJECT", "kenya", "uganda"),
    ),
]


@pytest.mark.parametrize(("text", "event"), FOUND)
def test_refusal_aimed_at_the_aggrieved(
    analyse: Analyse, text: str, event: Triple, asserted: TriplesOf
) -> None:
    assert event in asserted(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "Many Kenyans still remember the occupation of Kenya and Britain's refusal to "
        "formally apologise.",
        "Kenyan historians discussed Britain's refusal to formally apologise.",
    ],
)
def test_no_grievance_no_recipient(analyse: Analyse, text: str, asserted: TriplesOf) -> None:
    refusals = [e for e in asserted(analyse(text, published=PUB)) if e[0] == "REJECT"]
    assert refusals and all(e[2] is None for e in refusals)
