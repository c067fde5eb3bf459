"""The gazetteer and place finding, on names and sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from communique.model import Document
from communique.places import dateline_place, find_places
from communique.places.gazetteer import Gazetteer, key


@pytest.fixture(scope="module")
def gazetteer(context: Any) -> Gazetteer:
    assert isinstance(context.gazetteer, Gazetteer)
    return context.gazetteer


RESOLVED = [
    ("Tehran", None, "Tehran", "IRN"),
    ("tehran", None, "Tehran", "IRN"),
    ("Téhéran", None, "Tehran", "IRN"),
    ("Kiev", None, "Kyiv", "UKR"),
    ("Paris", None, "Paris", "FRA"),
    ("Paris", "USA", "Paris", "USA"),
    ("Tripoli", None, "Tripoli", "LBY"),
    ("Tripoli", "LBN", "Tripoli", "LBN"),
    ("Georgia", None, "Georgia", "GEO"),
    ("Georgia", "USA", "Georgia", "USA"),
    ("Washington", None, "Washington", "USA"),
    ("the Gaza Strip", None, "Gaza Strip", "PSE"),
    ("Gaza City", None, "Gaza", "PSE"),
    ("West Bank", None, "West Bank", "PSE"),
    ("Al-Quds", None, "Jerusalem", None),
    ("Baghdad International Airport", None, "Baghdad", "IRQ"),
    ("Erbil International Airport", None, "Erbil", "IRQ"),
    ("Idlib province", None, "Idlib", "SYR"),
    ("Raqqa", None, "Ar Raqqah", "SYR"),
    ("the United States", None, "United States", "USA"),
    ("U.S.", None, "United States", "USA"),
    ("the Islamic Republic of Iran", None, "Iran", "IRN"),
    ("Britain", None, "United Kingdom", "GBR"),
    ("Russian Federation", None, "Russia", "RUS"),
    ("the Middle East", None, "Middle East", None),
    ("Crimea", None, "Crimea", "UKR"),
    ("Europe", None, "Europe", None),
    ("Florida", None, "Florida", "USA"),
]


@pytest.mark.parametrize(("name", "hint", "expected", "country"), RESOLVED)
def test_names_resolve(
    gazetteer: Gazetteer, name: str, hint: str | None, expected: str, country: str | None
) -> None:
    place = gazetteer.resolve(name, hint)
    assert place is not None
    assert place.name == expected
    if country is not None:
        assert place.country == country


@pytest.mark.parametrize(
    "name",
    ["Iranian", "Palestinian", "Chinese", "Israeli", "Hamas", "Hezbollah", "Pahlavi", "", "the"],
)
def test_demonyms_organisations_and_noise_are_not_places(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) is None


def test_countries_carry_their_capitals_coordinates(gazetteer: Gazetteer) -> None:
    iran = gazetteer.resolve("Iran")
    tehran = gazetteer.resolve("Tehran")
    assert iran is not None and tehran is not None
    assert (iran.lat, iran.lon) == (tehran.lat, tehran.lon)
    assert gazetteer.country("ken") == gazetteer.resolve("Kenya")


def test_every_place_has_coordinates_in_range(gazetteer: Gazetteer) -> None:
    for name in ("Lagos", "Gaza Strip", "Texas", "Africa", "Kashmir", "Caracas"):
        place = gazetteer.resolve(name)
        assert place is not None and place.lat is not None and place.lon is not None
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_key_folds_case_accents_hyphens_and_the() -> None:
    assert key("The Côte d’Ivoire") == key("cote divoire")
    assert key("Al-Quds") == "al quds"


def test_load_is_cached(gazetteer: Gazetteer) -> None:
    assert Gazetteer.load() is Gazetteer.load()


def _document(text: str) -> Document:
    return Document(id="p", text=text, original=text)


def test_find_places_in_sentences(nlp: Any, context: Any) -> None:
    text = (
        "The Kenyan foreign minister met his Somali counterpart in Nairobi on Monday. "
        "Fighting continued in the Gaza Strip, while envoys gathered at Ben Gurion Airport."
    )
    doc = nlp(text)
    places = find_places(doc, _document(text), context)
    assert [(text[s:e], p.name) for s, e, p in places] == [
        ("Nairobi", "Nairobi"),
        ("Gaza Strip", "Gaza Strip"),
        ("Ben Gurion Airport", "Tel Aviv"),
    ]


def test_dateline_country_breaks_ties(nlp: Any, context: Any) -> None:
    text = "BEIRUT, Lebanon (AFP) - Clashes broke out in Tripoli overnight, officials said."
    doc = nlp(text)
    tripoli = [
        p for s, e, p in find_places(doc, _document(text), context) if text[s:e] == "Tripoli"
    ]
    assert [p.country for p in tripoli] == ["LBN"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("TEHRAN (IRNA) - The speaker met a delegation.", "Tehran"),
        ("Nairobi, June 22 - The talks began.", "Nairobi"),
        ("KABUL — Officials said the road reopened.", "Kabul"),
    ],
)
def test_dateline_place(gazetteer: Gazetteer, text: str, city: str) -> None:
    place = dateline_place(_document(text), gazetteer)
    assert place is not None and place.name == city


def test_dateline_region_is_a_hint(gazetteer: Gazetteer) -> None:
    place = dateline_place(_document("PARIS, Texas (AP) — A storm hit the town."), gazetteer)
    assert place is not None and (place.name, place.country) == ("Paris", "USA")


def test_washington_is_the_capital_not_the_state(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Washington")
    assert place is not None and place.lat is not None and abs(place.lat - 38.9) < 0.1


def test_no_dateline(gazetteer: Gazetteer) -> None:
    assert dateline_place(_document("Officials said - nothing changed."), gazetteer) is None
    assert dateline_place(_document("The minister met the envoy in Rome."), gazetteer) is None


def test_names_used_as_noun_modifiers_are_not_locations(nlp: Any, context: Any) -> None:
    text = "A US drone strike killed two commanders near Kandahar."
    doc = nlp(text)
    assert [p.name for _, _, p in find_places(doc, _document(text), context)] == ["Kandahar"]
