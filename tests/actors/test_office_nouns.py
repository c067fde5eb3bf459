"""'The American ambassador' and who it can be (``communique.actors.coref``): a noun of one
office is nobody the KB knows in another office, and a capitalised title before a
person's name ("US Ambassador to Germany Lena Okafor") is that person's.
Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document

from .conftest import resolved


def test_office_noun_is_not_a_holder_of_another_office(run: Callable[..., Document]) -> None:
    text = (
        "President Donald Trump spoke to reporters on Monday. Later the American ambassador "
        "met the foreign minister in Oslo."
    )
    names = resolved(run(text, published="2019-10-07"), "the American ambassador")
    assert "Donald Trump" not in names


def test_office_noun_of_the_holders_own_office(run: Callable[..., Document]) -> None:
    text = (
        "President Emmanuel Macron spoke to reporters on Monday. Later the French president "
        "met the foreign minister in Oslo."
    )
    names = resolved(run(text, published="2019-10-07"), "the French president")
    assert "Emmanuel Macron" in names


def test_title_before_a_name_is_that_persons(run: Callable[..., Document]) -> None:
    text = (
        "Secretary of State Mike Pompeo spoke on Monday. US Ambassador to Germany Lena "
        "Okafor alleged the airline had lied."
    )
    document = run(text, published="2019-10-07")
    names = resolved(document, "Ambassador")
    assert "Lena Okafor" in names and "Mike Pompeo" not in names


def test_title_with_a_verb_before_the_name_is_not_its_title(
    run: Callable[..., Document],
) -> None:
    text = "The US Ambassador arrived on Monday, and Lena Okafor spoke to the press."
    document = run(text, published="2019-10-07")
    assert "Lena Okafor" not in resolved(document, "Ambassador")
