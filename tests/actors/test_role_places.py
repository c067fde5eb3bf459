"""Role descriptions and the place of their office (``communique.actors.roles``): "the
mayor of Lagos" is not the knowledge base's mayor of another city, and a bare title
whose only offices are of a state the report never names stays unresolved.
Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

from .conftest import resolved

# (text, fragment): the KB knows a holder of this title elsewhere, not of this place.
OTHER_PLACE = [
    ("Police arrested the mayor of Lagos on Tuesday.", "the mayor"),
    ("Protesters marched on the office of the mayor of Quito on Monday.", "the mayor"),
]
# The same titles of the place the KB knows still resolve.
SAME_PLACE = [
    ("Police arrested the mayor of Istanbul on Tuesday.", "the mayor", "Ekrem Imamoglu"),
    ("The president of France met the prime minister of Italy.", "The president",
     "Emmanuel Macron"),
    # "in PLACE" after a title says where its holder was, not which office it is
    ("The French president spoke to students in Dakar on Friday.", "The French president",
     "Emmanuel Macron"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment"), OTHER_PLACE)
def test_title_of_another_place_is_nobody_known(
    run: Callable[..., Document], text: str, fragment: str
) -> None:
    names = resolved(run(text, published="2020-03-01"), fragment)
    assert "Ekrem Imamoglu" not in names


@pytest.mark.parametrize(("text", "fragment", "expected"), SAME_PLACE)
def test_title_of_the_known_place_resolves(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert expected in resolved(run(text, published="2020-03-01"), fragment)


def test_bare_title_of_a_state_the_report_never_names(run: Callable[..., Document]) -> None:
    text = "Floods hit Lagos in Nigeria on Monday. The mayor said the city would rebuild."
    assert "Ekrem Imamoglu" not in resolved(run(text, published="2020-03-01"), "The mayor")


def test_bare_title_of_the_state_the_report_names(run: Callable[..., Document]) -> None:
    text = "Floods hit Istanbul in Turkey on Monday. The mayor said the city would rebuild."
    assert "Ekrem Imamoglu" in resolved(run(text, published="2020-03-01"), "The mayor")


def test_monarch_named_by_the_word_of_the_office(run: Callable[..., Document]) -> None:
    # "Sultan of Oman": "the new Sultan" on the day after a succession is the new holder.
    text = "Oman mourned on Saturday. The royal family named the new Sultan before noon."
    names = resolved(run(text, published="2020-01-12"), "the new Sultan")
    assert names == {"Haitham bin Tariq"}


def test_monarch_word_of_another_state_is_not_the_sultan(run: Callable[..., Document]) -> None:
    text = "Oman mourned on Saturday. The Emir of Qatar flew to Muscat."
    names = resolved(run(text, published="2020-01-12"), "The Emir")
    assert "Haitham bin Tariq" not in names
