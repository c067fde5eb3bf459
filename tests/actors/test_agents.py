"""Generic agents (``communique.actors.agents``): "Turkish police", "dozens of protesters in
Nairobi" become agent actors of a country and CAMEO sector, and events take them as
sources and targets. Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.actors.conftest import agent_of

from communique.actors.agents import agent_actor, load_lexicon
from communique.model import Document

# (text, fragment, expected agent id): country from a modifier in the phrase.
MODIFIER = [
    ("Turkish police detained a reporter in the capital on Monday.", "police", "agent:TUR:COP"),
    ("Israeli troops raided a refugee camp on Tuesday.", "troops", "agent:ISR:MIL"),
    ("Kenyan police arrested 40 demonstrators on Thursday.", "police", "agent:KEN:COP"),
    ("Colombian rebels released six hostages on Saturday.", "rebels", "agent:COL:REB"),
    ("French farmers blocked motorways on Monday.", "farmers", "agent:FRA:CVL"),
    ("Russia's soldiers shelled villages overnight.", "soldiers", "agent:RUS:MIL"),
    ("Sudanese soldiers clashed with paramilitary fighters.", "soldiers", "agent:SDN:MIL"),
    ("South Korean students rallied on Friday.", "students", "agent:KOR:CVL"),
    ("Pakistani security forces sealed off the area.", "security forces", "agent:PAK:COP"),
    ("Egyptian journalists denounced the ruling.", "journalists", "agent:EGY:MED"),
]
# Country from a place in the sentence.
PLACE = [
    ("Thousands of protesters gathered in Nairobi on Tuesday.", "protesters", "agent:KEN:CVL"),
    ("Rebels attacked a convoy near Goma on Wednesday.", "Rebels", "agent:COD:REB"),
    ("Judges in Warsaw protested against the new law.", "Judges", "agent:POL:JUD"),
    ("Hundreds of workers went on strike at a plant in Sao Paulo.", "workers", "agent:BRA:CVL"),
    ("Militants ambushed a patrol in northern Mali on Sunday.", "Militants", "agent:MLI:UAF"),
    ("Security forces fired tear gas at students in Dhaka.", "Security forces", "agent:BGD:COP"),
]
# Quantifiers: the mention spans the quantified phrase.
QUANTIFIED = [
    ("Kenyan police detained dozens of demonstrators.", "dozens of demonstrators"),
    ("Some 200 students marched in Santiago on Friday.", "Some 200 students"),
    ("Hundreds of protesters gathered in Lima on Sunday.", "Hundreds of protesters"),
    ("A group of rebels seized a town in Kivu on Monday.", "group of rebels"),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), MODIFIER + PLACE)
def test_agent_country(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert agent_of(run(text), fragment) == expected


@pytest.mark.parametrize(("text", "phrase"), QUANTIFIED)
def test_quantifier_is_part_of_the_mention(
    run: Callable[..., Document], text: str, phrase: str
) -> None:
    document = run(text)
    texts = {m.text for m in document.mentions if m.actor_id.startswith("agent:")}
    assert phrase in texts


def test_organisation_modifier_gives_group_context(run: Callable[..., Document]) -> None:
    document = run("Hamas fighters fired rockets at southern towns on Friday.")
    agent = agent_of(document, "fighters")
    assert agent is not None and agent.startswith("agent:") and agent.endswith(":UAF")
    actor = next(a for a in document.actors if a.id == agent)
    assert actor.country == "PSE" and actor.type == "group"


def test_article_country_fills_in(run: Callable[..., Document]) -> None:
    text = (
        "Armenia and Azerbaijan traded accusations on Monday. Armenia said its border posts "
        "came under fire. Police later detained two men near the border."
    )
    assert agent_of(run(text), "Police") == "agent:ARM:COP"


def test_no_country_gives_sector_only(run: Callable[..., Document]) -> None:
    document = run("Students marched on Monday.")
    assert agent_of(document, "Students") == "agent:CVL"
    actor = next(a for a in document.actors if a.id == "agent:CVL")
    assert actor.country is None and actor.sector == "CVL"


def test_demonym_keeps_its_state_mention(run: Callable[..., Document]) -> None:
    document = run("Israeli soldiers raided a village on Tuesday.")
    by_text = {m.text: m.actor_id for m in document.mentions}
    assert by_text.get("Israeli soldiers") == "agent:ISR:MIL"
    assert by_text.get("Israeli") == "israel"


def test_officials_stay_with_the_state(run: Callable[..., Document]) -> None:
    document = run("Iranian officials met Hamas leaders in Tehran on Sunday.")
    assert agent_of(document, "officials") is None
    assert any(m.text == "Iranian officials" and m.actor_id == "iran" for m in document.mentions)


def test_names_are_not_stolen(run: Callable[..., Document]) -> None:
    document = run("The Rapid Support Forces attacked El Fasher on Sunday.")
    assert agent_of(document, "Forces") is None


def test_generic_present_is_not_an_agent(run: Callable[..., Document]) -> None:
    text = "The festival is held every spring. Every year, demonstrators express support for the cause."
    assert agent_of(run(text), "demonstrators") is None


# Refugees belong to the state they left: a demonym in the phrase, "from X" on it, else
# the origin the article states ("fled X", "families from X") or names by nationality
# plurals; never the state where they landed or the one the article names most.
REFUGEES = [
    ("Syrian refugees in Lebanon staged a sit-in on Sunday.", "Syrian refugees", "agent:SYR:REF"),
    ("Greece moved refugees from Afghanistan to a camp near Athens.", "refugees", "agent:AFG:REF"),
    (
        "Coast guards near Lampedusa rescued 300 migrants on Monday. Most had fled Eritrea, "
        "Italian officials said, and Italy will house them for now.",
        "300 migrants",
        "agent:ERI:REF",
    ),
    (
        "Volunteers in Lesbos helped asylum seekers ashore. Most were Afghans, a few were "
        "Syrians, and the Afghans went on to Athens. Greece said Greece would register them.",
        "asylum seekers",
        "agent:AFG:REF",
    ),
    # "from X" hangs on the noun that holds or counts the group, not on the group itself
    (
        "Thai sailors rescued a boat of refugees from Myanmar near Phuket on Friday.",
        "refugees",
        "agent:MMR:REF",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), REFUGEES)
def test_refugees_take_their_origin(
    run: Callable[..., Document], text: str, fragment: str, expected: str
) -> None:
    assert agent_of(run(text), fragment) == expected


def test_refugees_without_an_origin_get_no_country(run: Callable[..., Document]) -> None:
    text = "Police in Athens moved the refugees to a camp. Greece said Greece would act."
    assert agent_of(run(text), "the refugees") == "agent:REF"


def test_police_named_by_an_unknown_place_is_a_force_of_its_own(
    run: Callable[..., Document],
) -> None:
    # the county is no place the gazetteer knows: the force is named by it, and the
    # article's most-named state is no guess for its country
    text = (
        "On Monday, Warwickshire police questioned the driver. The United States said the "
        "United States would help, and US officials agreed."
    )
    document = run(text)
    force = [a for a in document.actors if a.name == "Warwickshire Police"]
    assert len(force) == 1
    assert (force[0].country, force[0].sector) == (None, "COP")
    assert agent_of(document, "police") is None


def test_police_of_a_known_city_stay_the_agent_of_its_country(
    run: Callable[..., Document],
) -> None:
    assert agent_of(run("Toronto police charged two men on Monday."), "police") == "agent:CAN:COP"


def test_a_capitalised_first_word_of_an_agent_noun_is_no_name(
    run: Callable[..., Document],
) -> None:
    # NER takes "Riot" for a person at the start of the sentence
    document = run("Riot police fired tear gas in Kampala on Monday.")
    assert not [a for a in document.actors if a.type == "person"]
    assert agent_of(document, "Riot police") == "agent:UGA:COP"


def test_canonical_name_and_codes() -> None:
    actor = agent_actor("TUR", "COP", "TUR", "Turkey")
    assert (actor.id, actor.name, actor.country, actor.sector) == (
        "agent:TUR:COP",
        "Police (Turkey)",
        "TUR",
        "COP",
    )
    assert "TUR COP" in actor.aliases
    assert agent_actor(None, "REB", None, None).id == "agent:REB"


def test_lexicon_curation() -> None:
    lexicon = load_lexicon()
    assert lexicon.sectors["police"] == "COP"
    # protesters and crowds are civilians, unnamed attackers unidentified armed forces,
    # as the gold annotation guide codes them; activists stay opposition
    assert lexicon.sectors["protester"] == "CVL"
    assert lexicon.sectors["attacker"] == "UAF"
    assert lexicon.sectors["activist"] == "OPP"
    assert lexicon.sectors["security force"] == "COP"
    assert "official" not in lexicon.sectors  # the demonym mechanism's


# End to end through the whole pipeline: (text, type, source, target).
EVENTS = [
    ("Turkish police detained dozens of demonstrators in Ankara on Monday.", "COERCE",
     "agent:TUR:COP", "agent:TUR:CVL"),
    ("Indian police arrested 40 protesters in Mumbai on Thursday.", "COERCE", "agent:IND:COP",
     "agent:IND:CVL"),
    # where one national force does the policing, "police" is that force
    ("Kenyan police arrested 40 protesters in Mombasa on Thursday.", "COERCE",
     "national-police-service-kenya", "agent:KEN:CVL"),
    ("Police detained several journalists in Minsk on Saturday.", "COERCE", "agent:BLR:COP",
     "agent:BLR:MED"),
    ("Dozens of protesters were arrested by police in Tbilisi on Wednesday.", "COERCE",
     "agent:GEO:COP", "agent:GEO:CVL"),
    ("Pakistani soldiers killed five militants in North Waziristan on Sunday.", "ASSAULT",
     "agent:PAK:MIL", "agent:PAK:UAF"),
    ("Russia's soldiers shelled villages in the Kharkiv region on Sunday.", "ASSAULT",
     "agent:RUS:MIL", "agent:UKR:CVL"),
    # A protest against a law opposes the government of the law's state.
    ("Judges in Warsaw protested against the new law on Monday.", "PROTEST", "agent:POL:JUD",
     "agent:POL:GOV"),
    ("Thousands of students marched in Santiago on Friday.", "PROTEST", "agent:CHL:CVL", None),
    ("Rebels attacked a United Nations convoy near Goma on Wednesday.", "ASSAULT",
     "agent:COD:REB", "united-nations"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "kind", "source", "target"), EVENTS)
def test_agent_events(
    analyse: Callable[..., Any], sentence: str, kind: str, source: str, target: str | None
) -> None:
    text = (
        "World news in brief\n\n"
        f"{sentence} The report was confirmed by local officials later in the day."
    )
    document = analyse(text, published="2023-05-02")
    found = {(e.type, e.source_id, e.target_id) for e in document.events}
    assert (kind, source, target) in found, found
    assert source in {a.id for a in document.actors}
