"""Country and sector of generic agents beyond their own phrase (``communique.actors.agents``):
a bare plural takes up the group of its sector the article placed before; sectors are
the 17 of the gold annotation guide; a faith modifier makes a group religious.
Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import agent_of

from communique.actors.agents import load_lexicon
from communique.model import Document

# A territory named in the phrase, a sovereign state the article names more often: the
# later bare plural is still the territory's group.
CONTINUITY = [
    (
        "Thousands of Macau protesters marched to the legislature on Sunday. Officials in "
        "China said China would not bend, and Chinese state media said China backed the "
        "city's leader. Later the protesters blocked a bridge.",
        "protesters",
        1,
        "agent:MAC:CVL",
    ),
    (
        "Puerto Rican teachers walked out of classrooms on Monday. The United States "
        "Congress and the United States Treasury, as well as the American governor's "
        "critics in the United States, watched closely. By evening the teachers had "
        "returned to work.",
        "teachers",
        1,
        "agent:PRI:CVL",
    ),
    (
        "Kenyan police fired tear gas in Nairobi. Ugandan officials and Ugandan ministers met "
        "in Uganda, and Uganda's president spoke. Police later detained two journalists.",
        "Police later",
        0,
        "agent:KEN:COP",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "occurrence", "expected"), CONTINUITY)
def test_bare_plural_takes_up_the_placed_group(
    run: Callable[..., Document], text: str, fragment: str, occurrence: int, expected: str
) -> None:
    assert agent_of(run(text), fragment, occurrence) == expected


def test_a_place_of_its_own_beats_the_earlier_group(run: Callable[..., Document]) -> None:
    text = (
        "Chilean students marched in Santiago on Friday. On Saturday, students in Lima "
        "rallied outside the ministry."
    )
    document = run(text)
    assert agent_of(document, "Chilean students") == "agent:CHL:CVL"
    assert agent_of(document, "students in Lima") == "agent:PER:CVL"


def test_another_sector_does_not_take_up_the_group(run: Callable[..., Document]) -> None:
    # The earlier group is civilians of Macau; the police are not, and with nothing else
    # they belong to the country the article names most.
    text = (
        "Macau protesters marched on Sunday. China said China would not bend, and China "
        "sent envoys. Police later cleared the road."
    )
    assert agent_of(run(text), "Police") == "agent:CHN:COP"


# Occupations and groups outside the guide's 17 sectors fold into one of them.
FOLDED = [
    ("Vietnamese fishermen rescued twelve sailors on Monday.", "fishermen", "agent:VNM:CVL"),
    ("Nigerian doctors went on strike on Tuesday.", "doctors", "agent:NGA:CVL"),
    ("Greek dockworkers blocked the port of Piraeus.", "dockworkers", None),
    ("Indian farmers marched on the capital.", "farmers", "agent:IND:CVL"),
    ("Iranian students gathered outside the university gates.", "students", "agent:IRN:CVL"),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), FOLDED)
def test_sectors_fold_into_the_guide(
    run: Callable[..., Document], text: str, fragment: str, expected: str | None
) -> None:
    found = agent_of(run(text), fragment)
    if expected is None:  # no lexicon entry: no agent, and certainly no unlisted sector
        assert found is None or found.rsplit(":", 1)[-1] in GUIDE_SECTORS
    else:
        assert found == expected


GUIDE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "CVL", "MED", "BUS",
                 "REL", "REF", "CRM", "UAF", "NGO", "IGO"}  # fmt: skip


def test_lexicon_sectors_are_the_guides() -> None:
    # ELI stays: only its plurals are agents, and office holders of the KB use it.
    assert set(load_lexicon().sectors.values()) <= GUIDE_SECTORS | {"ELI"}


FAITH = [
    ("Catholic schools in Portugal refused to pay the new tax.", "schools", "agent:PRT:REL"),
    ("Christian aid groups in Ghana handed out food on Sunday.", "aid groups", "agent:GHA:REL"),
    ("Muslim clerics in Mali condemned the attack.", "clerics", "agent:MLI:REL"),
]
SECULAR = [
    ("Private schools in Portugal refused to pay the new tax.", "schools", "REL"),
    ("Local aid groups in Ghana handed out food on Sunday.", "aid groups", "REL"),
    ("Striking workers in Ghana blocked the road.", "workers", "REL"),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), FAITH)
def test_faith_modifier_makes_a_religious_group(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert agent_of(run(text), fragment) == expected


@pytest.mark.parametrize(("text", "fragment", "not_sector"), SECULAR)
def test_no_faith_modifier_no_religious_group(
    run: Callable[..., Document], text: str, fragment: str, not_sector: str
) -> None:
    found = agent_of(run(text), fragment)
    assert found is None or not found.endswith(":" + not_sector)


# A place name two countries share lies in the state the sentence names.
HOMONYM_PLACES = [
    ("Venezuela's opposition called a strike, and thousands of protesters gathered in "
     "Valencia on Monday.", "protesters", "agent:VEN:CVL"),
    ("Spain's unions called a strike, and thousands of protesters gathered in Valencia on "
     "Monday.", "protesters", "agent:ESP:CVL"),
    ("Britain's unions called a strike, and hundreds of protesters gathered in London on "
     "Monday.", "protesters", "agent:GBR:CVL"),
    ("Canada's unions called a strike, and hundreds of protesters gathered in London on "
     "Monday.", "protesters", "agent:CAN:CVL"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), HOMONYM_PLACES)
def test_place_homonym_lies_in_the_state_named(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert agent_of(run(text), fragment) == expected


# The gold guide codes the unnamed authors of an attack as unidentified armed forces
# (UAF); the criminal sector stays for thieves, smugglers and traffickers.
ATTACKERS = [
    ("Police in Manila vowed to find the perpetrators of the bombing.", "perpetrators",
     "agent:PHL:UAF"),
    ("Officers in Lahore said the culprits fled after the blast.", "culprits", "agent:PAK:UAF"),
    ("Police in Manila arrested three smugglers on Monday.", "smugglers", "agent:PHL:CRM"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), ATTACKERS)
def test_attackers_and_criminals(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert agent_of(run(text), fragment) == expected


# Private people acting together are civilians in the gold guide.
PRIVATE_PEOPLE = [
    ("In Lahore, the parents asked the court to free their son.", "parents", "agent:PAK:CVL"),
    ("Hundreds of his supporters in Nairobi cheered the ruling.", "supporters",
     "agent:KEN:CVL"),
    ("A crowd in Caracas booed the minister.", "crowd", "agent:VEN:CVL"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), PRIVATE_PEOPLE)
def test_private_people_are_civilians(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert agent_of(run(text), fragment) == expected


def test_parent_company_is_no_civilian(run: Callable[..., Document]) -> None:
    # "parent" modifies the company: the agent is the business, not parents.
    text = "In Lahore, the parent company of the airline denied the report."
    assert agent_of(run(text), "parent company") == "agent:PAK:BUS"


def test_near_spelling_abroad_is_no_place_of_the_group(run: Callable[..., Document]) -> None:
    # The gazetteer knows no "Borno" but a German "Borna": with Nigeria in the sentence,
    # the militants are not German.
    text = "Militants killed ten Nigerian soldiers in Borno state on Monday, officials said."
    found = agent_of(run(text), "Militants")
    assert found is None or ":DEU:" not in found
