"""Paragraph lookups by offset (``communique.events.paragraphs``), on a text of our own."""

from __future__ import annotations

from communique.events.paragraphs import Paragraphs

TEXT = "Council passes budget\n\nThe council passed its budget on Monday.\n\nIt meets again in May."


def test_each_offset_is_in_its_own_paragraph() -> None:
    paragraphs = Paragraphs(TEXT)
    body = TEXT.index("The council")
    last = TEXT.index("It meets")
    assert paragraphs.headline_end == TEXT.index("\n\n")
    assert paragraphs.index(0) == 0 and paragraphs.index(body) == 1 and paragraphs.index(last) == 2
    assert paragraphs.start(TEXT.index("Monday")) == body
    assert TEXT[slice(*paragraphs.span(body))] == "The council passed its budget on Monday."
    assert TEXT[slice(*paragraphs.span(last))] == "It meets again in May."
    assert paragraphs.words(last) == 5
    assert paragraphs.between(body, last) == 1 and paragraphs.between(last, last) == 0


def test_a_text_of_one_paragraph_has_no_headline() -> None:
    paragraphs = Paragraphs("One paragraph only.")
    assert paragraphs.headline_end == -1
    assert paragraphs.span(5) == (0, len("One paragraph only."))
