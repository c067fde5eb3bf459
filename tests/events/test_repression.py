"""Crowd control and armed clashes: CAMEO 175 and 193, both ASSAULT in the CAMEO→PLOVER table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

CASES = [
    ("Kenyan police fired tear gas at protesters in Nairobi on Tuesday.", "175", "KEN"),
    ("Police in Lima used water cannon against protesters on Friday.", "175", "PER"),
    ("Riot police dispersed hundreds of students outside parliament in Dhaka.", "175", "BGD"),
    ("Soldiers opened fire on demonstrators in Khartoum on Monday.", "193", "SDN"),
    ("Rebels clashed with government troops near Goma on Sunday.", "193", "COD"),
]


@pytest.mark.parametrize(("text", "cameo", "country"), CASES)
def test_repression_and_clashes(
    analyse: Callable[..., Document], text: str, cameo: str, country: str
) -> None:
    doc = analyse(text, published="2024-06-26")
    events = [e for e in doc.events if e.type == "ASSAULT" and e.cameo == cameo]
    assert events, [(e.type, e.cameo) for e in doc.events]
    actors = {a.id: a for a in doc.actors}
    source = actors[events[0].source_id or ""]
    assert source.country == country


@pytest.mark.parametrize(
    "text",
    [
        "The minister used the opportunity to praise the army.",
        "Fans opened the season with a win at the stadium.",
        "The opposition used the debate to attack the budget plan in parliament.",
    ],
)
def test_lookalikes_are_not_repression(analyse: Callable[..., Document], text: str) -> None:
    doc = analyse(text, published="2024-06-26")
    assert not [e for e in doc.events if e.cameo in {"175", "193"}]
