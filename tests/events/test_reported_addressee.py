"""The one a reported complaint was made to (issue 11): "X said officials had complained
to him about Y" tells X as a confidant, not as whom the complaint is against; a
complaint to another party than the reporter still aims at that party.

Sentences of our own writing, run through the whole pipeline (``analyse``).
"""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document

PUB = "2024-05-20"

Analyse = Callable[..., Document]


def accusations(analyse: Analyse, text: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source_id, e.target_id)
        for e in analyse(text, published=PUB).events
        if e.type == "ACCUSE" and not e.negated
    }


def test_the_reporter_is_no_target_of_a_complaint_told_to_him(analyse: Analyse) -> None:
    found = accusations(
        analyse,
        "Kenyan MP John Kamau said Ugandan officials had complained to him about the lack "
        "of funding.",
    )
    assert not any(target == "local:john-kamau" for _, target in found)


def test_a_complaint_to_another_party_still_aims_at_it(analyse: Analyse) -> None:
    found = accusations(
        analyse,
        "Kenyan MP John Kamau said on Monday that Tanzania had complained to Uganda about "
        "the lack of funding.",
    )
    assert ("tanzania", "uganda") in found


def test_a_complaint_to_a_state_aims_at_it(analyse: Analyse) -> None:
    assert ("kenya", "uganda") in accusations(
        analyse, "Kenya complained to Uganda about the lack of funding on Monday."
    )
