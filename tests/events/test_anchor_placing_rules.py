"""Event places (``events.placing``) and the salience of "where" clauses: places given
by a direction or a coast, a place the act is done to, and the antecedent of a
"where" clause.

Each case runs the real spaCy parse and the real sentences, dates, places,
actors and quotes stages on a text of our own writing, then anchors one event
whose trigger is the first token with the given text, of the given PLOVER type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from communique.events import clause
from communique.events.anchor import Anchored, anchor_candidates
from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.model import Document

PUB = "2024-05-17"

Anchor = Callable[..., Anchored]


@pytest.fixture(scope="module")
def anchor(nlp: Any, context: Any) -> Anchor:
    from communique.ingest import from_text
    from communique.pipeline import apply_stages
    from communique.stages import default_stages

    stages = [s for s in default_stages() if s.name != "events"]

    def run(text: str, word: str, kind: str, source: str = "a", target: str = "b") -> Anchored:
        document: Document = from_text(text, source="<test>", published=PUB)
        doc = nlp(document.text)
        apply_stages(doc, document, stages, context)
        token = next(t for t in doc if t.text == word)
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
        trigger = Trigger(token.lemma_.lower(), pos, kind, None)
        candidate = Candidate(
            trigger=trigger,
            token=token,
            source_id=source,
            target_id=target,
            type=kind,
            modality=clause.modality(token, trigger),
        )
        (item,) = anchor_candidates(doc, document, [candidate], context)
        return item

    return run


def _place(item: Anchored) -> str | None:
    return item.place.name if item.place else None


# -------------------------------------------- directions, coasts and outskirts

DIRECTIONS: list[tuple[str, str, str, str | None]] = [
    ("Police detained the activist in a village north of Lahore.", "detained", "COERCE", "Lahore"),
    (
        "A patrol boat intercepted the trawler twelve miles south of Mombasa.",
        "intercepted",
        "COERCE",
        "Mombasa",
    ),
    ("The navy seized a tanker off the coast of Oman.", "seized", "COERCE", "Oman"),
    (
        "Militia fighters shelled farms in the outskirts of Kabul.",
        "shelled",
        "ASSAULT",
        "Kabul",
    ),
    # a direction without a named place places nothing
    ("The army pushed north after the ceasefire collapsed.", "pushed", "MOBILIZE", None),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), DIRECTIONS)
def test_place_given_by_direction_or_coast(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


# ------------------------------------------------- the place the act is done to

PATIENTS: list[tuple[str, str, str, str | None]] = [
    ("Government troops stormed Mosul at dawn.", "stormed", "ASSAULT", "Mosul"),
    ("The city of Basra was shelled by the coalition.", "shelled", "ASSAULT", "Basrah"),
    ("Kandahar fell to the insurgents in 1994.", "fell", "COERCE", "Kandahar"),
    ("The invasion of Kuwait shocked the region.", "invasion", "ASSAULT", "Kuwait"),
    ("The annexation of Tibet followed a disputed vote.", "annexation", "COERCE", "Tibet"),
    ("Portugal handed over control of Macau in 1999.", "control", "RETREAT", "Macau"),
    (
        "Army units withdrew from the port, and the capital, Tripoli, fell.",
        "fell",
        "COERCE",
        "Tripoli",
    ),
    # a state as the active subject is the actor, not the place
    ("Russia attacked the convoy with drones.", "attacked", "ASSAULT", None),
    ("Egypt detained the reporters.", "detained", "COERCE", None),
    # verbal acts are not placed by what they are about
    ("The minister condemned the siege of Mariupol.", "condemned", "ACCUSE", None),
    ("Iran criticised Israel over the raid.", "criticised", "ACCUSE", None),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), PATIENTS)
def test_place_the_act_is_done_to(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


# ------------------------------------------------------------ "where" clauses

WHERE: list[tuple[str, str, str, str | None]] = [
    (
        "Delegates travelled to Kigali for a summit where the ministers signed a trade pact.",
        "signed",
        "AGREE",
        "Kigali",
    ),
    (
        "The heads of state met in Accra for talks where they signed a border accord.",
        "signed",
        "AGREE",
        "Accra",
    ),
    (
        "The convoy reached Mosul, where troops detained two officers.",
        "detained",
        "COERCE",
        "Mosul",
    ),
    (
        "The suspect was flown to Houston, Texas, where agents questioned him.",
        "questioned",
        "COERCE",
        "Houston",
    ),
    # a relative clause without "where" takes no place from its noun
    (
        "The treaty that the ministers signed in 1990 expired last year.",
        "signed",
        "AGREE",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), WHERE)
def test_where_clause_takes_its_antecedent_place(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


SALIENCE: list[tuple[str, str, str, str]] = [
    (
        "Leaders gathered in Accra for a summit where they signed a trade pact on Sunday.",
        "signed",
        "AGREE",
        "main",
    ),
    (
        "The suspect was flown to Houston, where agents questioned him.",
        "questioned",
        "COERCE",
        "main",
    ),
    # other past relative clauses recall what their noun is known for
    (
        "The town, which rebels captured from the army, is calm again.",
        "captured",
        "COERCE",
        "background",
    ),
    (
        "The magazine, which attacked the defectors, closed on Monday.",
        "attacked",
        "ACCUSE",
        "background",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "salience"), SALIENCE)
def test_where_clause_is_not_background_by_itself(
    anchor: Anchor, text: str, trigger: str, kind: str, salience: str
) -> None:
    assert anchor(text, trigger, kind).salience == salience


# ------------------------------------- legislatures and courts act where they sit

INSTITUTIONS: list[tuple[str, str, str, str, str | None]] = [
    ("The parliament voted to impeach the president.", "impeach", "ACCUSE", "agent:KOR:LEG",
     "South Korea"),
    ("The senate rejected the budget.", "rejected", "REJECT", "agent:USA:LEG", "United States"),
    ("The judges acquitted the journalist.", "acquitted", "CONCEDE", "agent:EGY:JUD", "Egypt"),
    # a court's acts happen where the episode's trial is
    (
        "A court in Multan sentenced the cleric on Friday. The court acquitted two other men.",
        "acquitted",
        "CONCEDE",
        "agent:PAK:JUD",
        "Multan",
    ),
    # a government's statements are not placed at home
    ("The ministry condemned the raid.", "condemned", "ACCUSE", "agent:FRA:GOV", None),
    # nor acts of a court of no known country
    ("The judges acquitted the journalist.", "acquitted", "CONCEDE", "agent:XXX:JUD", None),
    # a statement by citizens is not an institution's
    ("Protesters rejected the budget.", "rejected", "REJECT", "agent:USA:CVL", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "kind", "source", "place"), INSTITUTIONS)
def test_institution_acts_where_it_sits(
    anchor: Anchor, text: str, trigger: str, kind: str, source: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind, source)) == place


# ----------------------------------------------- acts told as country-wide

NATIONWIDE: list[tuple[str, str, str, str | None]] = [
    (
        "Police dispersed a rally in Lahore on Friday. Strikes nationwide closed shops.",
        "Strikes",
        "PROTEST",
        "Pakistan",
    ),
    (
        "Police dispersed a rally in Lahore on Friday. Crowds protested across the country.",
        "protested",
        "PROTEST",
        "Pakistan",
    ),
    # the episode's city for a protest told without "nationwide"
    (
        "Police dispersed a rally in Lahore on Friday. Crowds protested outside parliament.",
        "protested",
        "PROTEST",
        "Lahore",
    ),
    # no episode place: nothing to take the country from
    ("Strikes nationwide closed shops on Friday.", "Strikes", "PROTEST", None),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), NATIONWIDE)
def test_nationwide_act_takes_the_country(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


# ------------------------------ locatives of participants and of occasions to come

PARTICIPANTS_AND_OCCASIONS: list[tuple[str, str, str, str | None]] = [
    # a locative right after a named body places that body, not a letter or an appeal to it
    (
        "The county sheriff wrote to the Kenyan Embassy in Berlin asking for the files.",
        "wrote",
        "REQUEST",
        None,
    ),
    # ... but an attack on it, or a meeting with it, happens there
    (
        "Gunmen attacked the Kenyan Embassy in Berlin before dawn.",
        "attacked",
        "ASSAULT",
        "Berlin",
    ),
    # a place told after an apposition is the clause's place, not the person's
    (
        "The rebels met with Jan Novak, a Czech envoy, in Doha.",
        "met",
        "CONSULT",
        "Doha",
    ),
    # a summit still to come places the planned meeting, not the wish to hold it
    (
        "The premier said he hopes to talk with the king at the upcoming summit in Lima.",
        "talk",
        "AGREE",
        None,
    ),
    (
        "The premier talked with the king at the summit in Lima.",
        "talked",
        "CONSULT",
        "Lima",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), PARTICIPANTS_AND_OCCASIONS)
def test_participant_and_future_occasion_locatives(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


# ------------------------------------------------- the report's spelling of a city

SPELLINGS: list[tuple[str, str, str, str | None]] = [
    # a one-letter transliteration variant of the gazetteer's name keeps the report's spelling
    ("Soldiers arrested two students in Jenin on Monday.", "arrested", "COERCE", "Jenin"),
    # another name altogether is the gazetteer's usual English name
    ("Police arrested two students in Peking on Monday.", "arrested", "COERCE", "Beijing"),
    # a country keeps its own name
    ("Police arrested two students in Iran on Monday.", "arrested", "COERCE", "Iran"),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), SPELLINGS)
def test_city_keeps_the_reports_spelling(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


# ------------------------------------------------ a state's acts at home, by its actors

HOME: list[tuple[str, str, str, str, str, str | None]] = [
    # a government's material act toward its own people happens in its country
    (
        "The governor announced his resignation late on Friday.",
        "resignation",
        "CONCEDE",
        "agent:PER:GOV",
        "agent:PER:CVL",
        "Peru",
    ),
    # ... not its statements to them, and not an act toward another state
    (
        "The governor urged residents to stay calm on Friday.",
        "urged",
        "REQUEST",
        "agent:PER:GOV",
        "agent:PER:CVL",
        None,
    ),
    (
        "The government dropped its claim on Friday.",
        "dropped",
        "CONCEDE",
        "agent:PER:GOV",
        "agent:CHL:GOV",
        None,
    ),
    # an alert is a domestic act of the state that sounds it, but not of "both countries"
    (
        "The army put its troops on high alert on Friday.",
        "alert",
        "MOBILIZE",
        "agent:PER:MIL",
        "agent:CHL:GOV",
        "Peru",
    ),
    (
        "Both countries put their troops on high alert on Friday.",
        "alert",
        "MOBILIZE",
        "agent:PER:MIL",
        "agent:CHL:GOV",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "source", "target", "place"), HOME)
def test_state_acts_at_home(
    anchor: Anchor, text: str, trigger: str, kind: str, source: str, target: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind, source, target)) == place


BACKGROUND_HOME: list[tuple[str, str, str, str, str, str | None]] = [
    # a state's domestic act told as context happens in its country
    (
        "Exports fell sharply. Peru has cracked down on illegal mining since 2010.",
        "cracked",
        "COERCE",
        "peru",
        "agent:PER:CRM",
        "Peru",
    ),
    # ... but not an old act of one of its bodies, and not a statement
    (
        "Exports fell sharply. The Peruvian army seized power in 1968.",
        "seized",
        "COERCE",
        "agent:PER:MIL",
        "agent:PER:GOV",
        None,
    ),
    # an official's or body's act on another body of its state happens in that state ...
    (
        "Exports fell sharply. The cabinet suspended the House of Lords in 1999.",
        "suspended",
        "COERCE",
        "agent:GBR:GOV",
        "house-of-lords",
        "United Kingdom",
    ),
    # ... not its act on a person
    (
        "Exports fell sharply. The cabinet suspended Boris Johnson in 1999.",
        "suspended",
        "COERCE",
        "agent:GBR:GOV",
        "boris-johnson",
        None,
    ),
    (
        "Exports fell sharply. Peru has criticised the miners since 2010.",
        "criticised",
        "ACCUSE",
        "peru",
        "agent:PER:CRM",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "source", "target", "place"), BACKGROUND_HOME)
def test_background_domestic_act_of_a_state(
    anchor: Anchor, text: str, trigger: str, kind: str, source: str, target: str, place: str | None
) -> None:
    item = anchor(text, trigger, kind, source, target)
    assert item.salience == "background"
    assert _place(item) == place


PRONOUN_PLACES: list[tuple[str, str, str, str | None]] = [
    # "it" for the place the governing clause is about
    (
        "Jenin is calmer than other towns, since it was retaken from the gangs in 2019.",
        "retaken",
        "COERCE",
        "Jenin",
    ),
    # ... not a place when the governing clause's subject is not one
    (
        "The bill is dead, since it was withdrawn by the cabinet in 2019.",
        "withdrawn",
        "RETREAT",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind", "place"), PRONOUN_PLACES)
def test_pronoun_patient_is_the_clause_subject_place(
    anchor: Anchor, text: str, trigger: str, kind: str, place: str | None
) -> None:
    assert _place(anchor(text, trigger, kind)) == place


def test_a_city_named_again_without_an_entity_tag_is_still_that_city(anchor: Anchor) -> None:
    text = (
        "Fighting broke out in the coastal town of Zinjibar. Zinjibar is calmer than"
        " other towns, since it was retaken from the gangs in 2019."
    )
    assert _place(anchor(text, "retaken", "COERCE")) == "Zinjibar"


STRIKES: list[tuple[str, str, str | None]] = [
    # a state's strike on another state's forces did not happen at its own episode's place
    ("agent:USA:MIL", "Tehran", None),
    # its strike on its own people did
    ("agent:IRN:CVL", "Tehran", "Tehran"),
]


@pytest.mark.parametrize(("target", "episode", "place"), STRIKES)
def test_strike_abroad_is_not_placed_at_the_episode(
    anchor: Anchor, target: str, episode: str, place: str | None
) -> None:
    text = (
        f"Thousands of mourners gathered in {episode} on Monday to remember the victims"
        " of the crash.\n\nIran fired rockets at the crowd and the troops on Monday."
    )
    item = anchor(text, "fired", "ASSAULT", "agent:IRN:MIL", target)
    assert item.salience == "main"
    assert _place(item) == place


CITY_REFERENCES: list[tuple[str, str | None]] = [
    # "in the city" is the last city the text named
    (
        "Talks were held in Ottawa and Geneva.\n\nLater, the senator criticised the mayor in the city.",
        "Geneva",
    ),
    # ... and nothing when it named none
    ("Talks were held in Canada.\n\nLater, the senator criticised the mayor in the city.", None),
]


@pytest.mark.parametrize(("text", "place"), CITY_REFERENCES)
def test_the_city_is_the_last_city_named(anchor: Anchor, text: str, place: str | None) -> None:
    assert _place(anchor(text, "criticised", "ACCUSE")) == place
