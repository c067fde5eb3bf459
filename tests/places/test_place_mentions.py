"""Place mentions: US states and AP abbreviations, the article's country as prior, place modifiers."""

from __future__ import annotations

from typing import Any

import pytest

from communique.model import Document
from communique.places import find_places


def places(nlp: Any, context: Any, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    document = Document(id="t", text=text, original=text)
    return [(text[s:e], p.name, p.country) for s, e, p in find_places(doc, document, context)]


US_CASES: list[tuple[str, str, str]] = [
    ("Supporters rallied in Carthage, Ill., on Monday.", "Carthage, Ill.", "Illinois"),
    ("The candidate spoke in Portsmouth, N.H., on Tuesday.", "Portsmouth, N.H.", "Portsmouth"),
    ("Voters lined up in Richmond, Va., before dawn.", "Richmond, Va.", "Richmond"),
    ("The senator campaigned in Austin, TX, last week.", "Austin, TX", "Austin"),
    ("Officers detained him in Springfield, Illinois.", "Springfield, Illinois", "Springfield"),
    ("A rally was held in Paris, Texas, on Sunday.", "Paris, Texas", "Paris"),
    ("The governor toured Wheeling, W.Va., after the flood.", "Wheeling, W.Va.", "Wheeling"),
    ("The governor toured Elkins, W.Va., after the flood.", "Elkins, W.Va.", "West Virginia"),
    ("Farmers protested in Tiny Creek, Neb., on Monday.", "Tiny Creek, Neb.", "Nebraska"),
]


@pytest.mark.parametrize(("text", "mention", "name"), US_CASES)
def test_us_city_by_its_state(nlp: Any, context: Any, text: str, mention: str, name: str) -> None:
    found = places(nlp, context, text)
    assert (mention, name, "USA") in found, found


def test_a_country_after_a_comma_is_no_state(nlp: Any, context: Any) -> None:
    found = places(nlp, context, "Police arrested him in Tbilisi, Georgia, on Friday.")
    assert ("Tbilisi", "Tbilisi", "GEO") in found, found


def test_article_country_is_the_prior_for_homonyms(nlp: Any, context: Any) -> None:
    text = (
        "Voters in Ohio and Texas went to the polls. In Michigan turnout was high. "
        "The governor later spoke in Birmingham."
    )
    found = {mention: country for mention, _, country in places(nlp, context, text)}
    assert found["Birmingham"] == "USA"


def test_without_a_prior_the_bigger_homonym_wins(nlp: Any, context: Any) -> None:
    found = {m: c for m, _, c in places(nlp, context, "The minister spoke in Birmingham.")}
    assert found["Birmingham"] == "GBR"


@pytest.mark.parametrize(
    ("text", "mention", "kept"),
    [
        ("The Kabul bombing killed five people.", "Kabul", True),
        ("A US drone strike killed the commander.", "US", False),
        ("Iran's support for the group grew.", "Iran", False),
    ],
)
def test_place_modifiers(nlp: Any, context: Any, text: str, mention: str, kept: bool) -> None:
    assert (mention in {m for m, _, _ in places(nlp, context, text)}) is kept


def test_possessor_of_a_locative_object_is_a_place(nlp: Any, context: Any) -> None:
    found = places(nlp, context, "Crowds gathered around Nairobi's central police station.")
    assert ("Nairobi", "Nairobi", "KEN") in found, found


def test_possessor_outside_a_locative_stays_an_actor(nlp: Any, context: Any) -> None:
    found = places(nlp, context, "Nairobi's decision angered the opposition.")
    assert found == [], found


def test_the_country_is_the_reports_country(nlp: Any, context: Any) -> None:
    text = (
        "Burundi held a vote. Observers in Burundi praised it. "
        "Violence in the country had killed hundreds."
    )
    found = places(nlp, context, text)
    assert ("country", "Burundi", "BDI") in found, found


def test_the_country_without_a_reports_country_is_nothing(nlp: Any, context: Any) -> None:
    found = places(nlp, context, "Violence in the country had killed hundreds.")
    assert found == [], found
