"""Places named around an act (``events.placing``): a site named by a demonym places the
act done there ("in Iraqi bases" is in Iraq, "off the Somali coast" off Somalia; a
demonym on a state of custody places nothing); a headline's act takes the place the
lead gives the same act; a word on a physical act does not take that act's place.

Each case runs the real spaCy parse and the real sentences, dates, places, actors
and quotes stages on a text of our own writing, then anchors the named triggers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.anchor import Anchored

Run = Callable[..., list[Anchored]]


@pytest.fixture(scope="module")
def run(real_stage_anchor: Callable[[str], Run]) -> Run:
    return real_stage_anchor("2024-05-17")


def _place(item: Anchored) -> str | None:
    return item.place.name if item.place else None


def test_demonym_site_places_the_act(run: Run) -> None:
    text = (
        "On Tuesday the militia fired rockets aiming at American soldiers in Syrian army "
        "bases near the river, an official said."
    )
    (item,) = run(text, ("fired", "ASSAULT"))
    assert _place(item) == "Syria"


def test_demonym_coast_places_a_seizure(run: Run) -> None:
    text = "Pirates seized a cargo ship off the Somali coast on Monday, the navy said."
    (item,) = run(text, ("seized", "COERCE"))
    assert _place(item) == "Somalia"


def test_demonym_on_custody_places_nothing(run: Run) -> None:
    text = "The aid worker was released from Syrian custody in 2019, her family said."
    (item,) = run(text, ("released", "RELEASE"))
    assert _place(item) is None


def test_headline_act_takes_the_place_the_lead_gives_it(run: Run) -> None:
    text = (
        "Minister quits after protests\n\n"
        "The transport minister of Peru stepped down on Tuesday after nine days of angry "
        "protests in the city of Cusco against the price of fuel."
    )
    (item,) = run(text, ("protests", "PROTEST"))
    assert _place(item) == "Cusco"


def test_word_on_a_physical_act_does_not_take_its_place(run: Run) -> None:
    text = (
        "On Monday the rebel command admitted its fighters had shot down an army helicopter "
        "near Aleppo, blaming poor visibility for the mistake."
    )
    shot, blaming = run(text, ("shot", "ASSAULT"), ("blaming", "ACCUSE"))
    assert (_place(shot), _place(blaming)) == ("Aleppo", None)
