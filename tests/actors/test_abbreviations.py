"""Abbreviations defined in the text (``communique.actors.abbreviations``): "(NWA)" after
a name makes later "NWA" that actor, and an abbreviation that spells only the end of
the name ("the Assembly of Western Australia (WA)") names that end. Sentences are
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from tests.actors.conftest import resolved

from communique.model import Document


def test_an_abbreviation_of_the_whole_name(run: Callable[..., Document]) -> None:
    doc = run("The Northern Water Authority (NWA) cut supplies, and the NWA blamed the drought.")
    assert resolved(doc, "NWA", 1) == {"Northern Water Authority"}


def test_an_abbreviation_in_another_language_keeps_the_name(run: Callable[..., Document]) -> None:
    # the initials of the Portuguese name, not of the English one: still the committee
    doc = run("The National Elections Committee (CNE) delayed the count; the CNE gave no reason.")
    assert resolved(doc, "CNE", 1) == {"National Elections Committee"}


def test_an_abbreviation_of_the_end_of_a_name_names_the_region(
    run: Callable[..., Document],
) -> None:
    doc = run(
        "The Legislative Assembly of Western Australia (WA) passed the bill on Tuesday. "
        "The WA premier signed it into law.",
        published="2021-03-02",
    )
    region = [a for a in doc.actors if a.name == "Western Australia"]
    assert len(region) == 1
    assert (region[0].country, region[0].sector) == ("AUS", "GOV")
    assert resolved(doc, "WA", 1) == {"Western Australia"}
    # a region's premier is not the prime minister of the state around it
    assert "Scott Morrison" not in resolved(doc, "WA premier")


def test_an_abbreviation_of_a_state_at_the_end_names_the_state(
    run: Callable[..., Document],
) -> None:
    doc = run("The Embassy of the United Kingdom (UK) closed, and the UK recalled its staff.")
    assert resolved(doc, "UK", 1) == {"United Kingdom"}
