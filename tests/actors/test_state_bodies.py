"""A state body named without its state ("the Ministry of Foreign Affairs", "the
Constitutional Court") belongs to the state the sentence names before it
(``communique.actors.organisations``). Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

from .conftest import resolved

SENTENCE_STATE = [
    ("The old general spent his last weeks in Singapore, where the Ministry of Foreign "
     "Affairs announced his death.", "Ministry of Foreign Affairs",
     "Ministry of Foreign Affairs (Singapore)"),
    ("The envoy flew to Peru on Sunday, where the Ministry of Defence denied the report.",
     "Ministry of Defence", "Ministry of Defence (Peru)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "qualified"), SENTENCE_STATE)
def test_state_body_takes_the_sentence_state(
    run: Callable[..., Document], text: str, fragment: str, qualified: str
) -> None:
    document = run(text)
    start = document.text.index(fragment)
    actors = {a.id: a for a in document.actors}
    qualified_names = {
        name
        for m in document.mentions
        if m.start <= start < m.end and m.actor_id in actors
        for name in [actors[m.actor_id].name, *actors[m.actor_id].aliases]
    }
    assert qualified in qualified_names


def test_state_body_without_a_state_in_the_sentence(run: Callable[..., Document]) -> None:
    text = "The Ministry of Foreign Affairs confirmed the envoy's death on Monday."
    assert resolved(run(text), "Ministry of Foreign Affairs") == {"Ministry of Foreign Affairs"}


def test_a_city_is_no_state_for_the_body(run: Callable[..., Document]) -> None:
    # A capital stands for its state elsewhere, but "in Lima" only says where he was.
    text = "The envoy flew to Lima on Sunday, where the Ministry of Defence denied the report."
    document = run(text)
    assert "Ministry of Defence (Peru)" not in resolved(document, "Ministry of Defence")


def test_no_state_body_no_qualifier(run: Callable[..., Document]) -> None:
    # A company is no body of a state: the sentence's state does not qualify it.
    text = "The envoy flew to Peru on Sunday, where Andes Mining Corporation denied the report."
    names = resolved(run(text), "Andes Mining Corporation")
    assert not any("(Peru)" in n for n in names)
