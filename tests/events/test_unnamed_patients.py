"""Unnamed people as the patients of coercion (issue 11): a family member or residents
the text does not name are still a target, coded as the article's civilians (suspects as
its criminals), also in an official's reported statement of an arrest; "X's wife" is
not X. "An individual" held after an attack is most often the suspect named later, so it stays
untargeted.

Sentences of our own writing, run through the whole pipeline (``analyse``) because
unnamed agents take the article's country.
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
        "Police in Kenya arrested the gunman's brother on Tuesday after a bomb attack in Nairobi.",
        ("COERCE", "national-police-service-kenya", "agent:KEN:CVL"),
    ),
    (
        "French police said on Monday that a man stabbed three officers in Lyon. A "
        "prosecutor said the attacker's wife was taken into custody.",
        ("COERCE", "agent:FRA:COP", "agent:FRA:CVL"),
    ),
    (
        "Police in Kenya detained three suspects on Tuesday after a bomb attack in Nairobi.",
        ("COERCE", "national-police-service-kenya", "agent:KEN:CRM"),
    ),
]


@pytest.mark.parametrize(("text", "event"), FOUND)
def test_unnamed_patient_is_a_target(
    analyse: Analyse, text: str, event: Triple, asserted: TriplesOf
) -> None:
    assert event in asserted(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # one held after an attack: the suspect, not a civilian
        "An individual was arrested in Warsaw after a Polish mayor was stabbed on stage.",
        "Two individuals were detained in Warsaw after a Polish mayor was stabbed on stage.",
    ],
)
def test_unnamed_suspect_is_no_civilian(analyse: Analyse, text: str, asserted: TriplesOf) -> None:
    events = asserted(analyse(text, published=PUB))
    assert not any(e[0] == "COERCE" and (e[2] or "").endswith(":CVL") for e in events)


def test_kin_of_a_named_person_is_not_that_person(analyse: Analyse, asserted: TriplesOf) -> None:
    # "X's wife" is someone else than X: not an arrest of X
    events = asserted(
        analyse(
            "Police in Kenya arrested William Ruto's wife on Tuesday in Nairobi.", published=PUB
        )
    )
    assert ("COERCE", "national-police-service-kenya", "agent:KEN:CVL") in events
    assert not any(e[2] == "william-ruto" for e in events)
