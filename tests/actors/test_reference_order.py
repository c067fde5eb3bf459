"""Japanese and Hungarian people named family name first in a report also answer to the
order reference works use (``communique.actors.appositions.reference_order_aliases``).
Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document


def _aliases(document: Document, name: str) -> list[str]:
    return next(a.aliases for a in document.actors if a.name == name)


def test_japanese_person_named_family_first(run: Callable[..., Document]) -> None:
    text = "The talks were led by Tanabe Hiroyuki, the Japanese ambassador to Peru, on Monday."
    assert "Hiroyuki Tanabe" in _aliases(run(text), "Tanabe Hiroyuki")


def test_chinese_person_keeps_the_order(run: Callable[..., Document]) -> None:
    text = "The talks were led by Liang Wenbo, the Chinese envoy to the Japanese cabinet."
    assert "Wenbo Liang" not in _aliases(run(text), "Liang Wenbo")


def test_no_description_no_swap(run: Callable[..., Document]) -> None:
    text = "The talks were led by Tanabe Hiroyuki on Monday."
    assert "Hiroyuki Tanabe" not in _aliases(run(text), "Tanabe Hiroyuki")
