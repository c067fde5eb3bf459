"""A thing named with its owner (issue 11): "a camp run by the United Nations",
"facilities belonging to X" stand for that owner when they are acted on; with an owner
that names no actor ("run by volunteers") the phrase stays unresolved.

Sentences of our own writing, run through the whole pipeline (``analyse``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

PUB = "2024-05-20"

Analyse = Callable[..., Document]


def targets(analyse: Analyse, text: str, kind: str) -> set[str | None]:
    return {e.target_id for e in analyse(text, published=PUB).events if e.type == kind}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Al-Shabaab fighters attacked a camp run by the United Nations in Somalia on Monday.",
            "united-nations",
        ),
        (
            "Russian forces shelled facilities belonging to the United Nations in Kharkiv.",
            "united-nations",
        ),
    ],
)
def test_owned_thing_stands_for_its_owner(analyse: Analyse, text: str, owner: str) -> None:
    assert owner in targets(analyse, text, "ASSAULT")


def test_owner_of_no_actor_names_no_target(analyse: Analyse) -> None:
    found = targets(
        analyse,
        "Al-Shabaab fighters attacked a camp run by volunteers in Somalia on Monday.",
        "ASSAULT",
    )
    assert "united-nations" not in found and not any((t or "").startswith("local:") for t in found)
