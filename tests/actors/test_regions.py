"""Regions below the state made actors by the phrase that names them
(``communique.actors.regions``): "the Calabria region", "the regional assembly of
Calabria", a proper name headed by "Region", and "the region" / "the regional
government" after them. Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from tests.actors.conftest import resolved

from communique.model import Document


def _region(doc: Document, name: str) -> tuple[str | None, str | None]:
    found = [a for a in doc.actors if a.name == name]
    assert len(found) == 1, [a.name for a in doc.actors]
    return found[0].country, found[0].sector


def test_a_region_named_as_a_region_is_its_own_actor(run: Callable[..., Document]) -> None:
    doc = run(
        "The Calabria region sued the ministry over hospital funding on Monday. "
        "Officials said the region would appeal if the court refused."
    )
    assert _region(doc, "Calabria") == ("ITA", "GOV")
    assert resolved(doc, "The Calabria region") == {"Calabria"}
    assert resolved(doc, "the region") == {"Calabria"}


def test_a_regional_body_of_a_region_names_the_region(run: Callable[..., Document]) -> None:
    doc = run(
        "Opposition members of the regional assembly of Calabria asked the regional "
        "government to publish the contracts."
    )
    assert resolved(doc, "Calabria") == {"Calabria"}
    assert resolved(doc, "the regional government") == {"Calabria"}


def test_a_proper_name_headed_by_region_is_the_actor(run: Callable[..., Document]) -> None:
    doc = run(
        "The Autonomous Region of Central Luzon asked for troops after the floods, and the "
        "governor of the region thanked the army."
    )
    assert _region(doc, "Autonomous Region of Central Luzon")[0] == "PHL"
    assert resolved(doc, "Central Luzon") == {"Autonomous Region of Central Luzon"}
    assert resolved(doc, "the region") == {"Autonomous Region of Central Luzon"}


def test_a_region_that_is_only_a_place_stays_a_place(run: Callable[..., Document]) -> None:
    # the phrase locates the floods; nothing in the region acts
    doc = run(
        "Floods cut roads across the Calabria region on Sunday, and rain fell on the region "
        "for two more days."
    )
    assert "Calabria" not in {a.name for a in doc.actors}
    assert "Calabria" not in resolved(doc, "the region")


def test_a_region_named_alone_stays_with_its_state(run: Callable[..., Document]) -> None:
    # no phrase calls it a region: the knowledge base's reading holds, and "the region"
    # (a wider area here) is nobody
    doc = run("Floods hit Calabria on Sunday, and aid reached the region by Tuesday.")
    assert "Calabria" not in {a.name for a in doc.actors}
    assert resolved(doc, "the region") == set()


def test_the_state_after_a_region_of_a_federation_is_the_region(
    run: Callable[..., Document],
) -> None:
    doc = run(
        "The Legislative Assembly of Western Australia (WA) passed the bill on Tuesday. "
        "Under the state's old rules, WA farmers needed two permits.",
        published="2021-03-02",
    )
    assert resolved(doc, "the state") == {"Western Australia"}


def test_the_state_after_a_region_of_a_unitary_state_is_not_the_region(
    run: Callable[..., Document],
) -> None:
    # Italy's regions are no states: "the state" is not the region named before
    doc = run("The Calabria region sued the ministry on Monday, saying the state owed it money.")
    assert "Calabria" not in resolved(doc, "the state")


def test_the_state_after_a_regions_proper_name_stays_the_state(
    run: Callable[..., Document],
) -> None:
    doc = run(
        "The Northern Region of Ghana asked for more teachers, and its governor wrote "
        "to the president."
    )
    assert _region(doc, "Northern Region")[0] == "GHA"
    assert resolved(doc, "Ghana") == {"Ghana"}
