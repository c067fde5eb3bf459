"""A kind phrase right before an organisation's name ("the state news agency Xinhua") is a
description of that organisation. Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

from tests.actors.conftest import resolved

from communique.model import Document

Run = Callable[..., Document]


def test_kind_phrase_before_a_name_describes_that_organisation(run: Run) -> None:
    text = "Pyongyang's main news agency Korean Central News Agency said the drills ended."
    names = resolved(run(text, "2021-05-04"), "main news agency")
    assert names == {"Korean Central News Agency"}


def test_demonym_phrase_before_an_abbreviation(run: Run) -> None:
    text = "The Iranian news agency IRNA reported the arrests in Tehran on Monday."
    names = resolved(run(text, "2021-05-04"), "news agency")
    assert "Islamic Republic News Agency" in names
    assert not any(name.startswith("Media") for name in names)


def test_kind_phrase_without_a_name_after_it_is_unchanged(run: Run) -> None:
    # no organisation named right after: the phrase is the state's institution as before
    text = "North Korea's main news agency said on Monday that the drills had ended."
    assert "Korean Central News Agency" in resolved(run(text, "2021-05-04"), "news agency")
