"""A person described by a relation to another ("brother of X", "his sister", "the fiancée
of X") is the person the report names in that relation, never the anchor; a state's
ruling party is the one party of that state the report names. Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import resolved

from communique.model import Document

Run = Callable[..., Document]

APPOSITIONS = [
    ("In Nairobi, Ruben Okalo, brother of radio host and activist Mira Sanda, was jailed "
     "on Monday.", "brother of", "Ruben Okalo", "Mira Sanda"),
    ("Lena Varga, widow of the poet Pal Varga, opened the archive on Friday.",
     "widow of", "Lena Varga", "Pal Varga"),
    ("Selin Aydar, fiancée of reporter Kemal Tosun, addressed the court in Ankara.",
     "fiancée of", "Selin Aydar", "Kemal Tosun"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "person", "anchor"), APPOSITIONS)
def test_relation_apposition_is_the_person_before_it(
    run: Run, text: str, fragment: str, person: str, anchor: str
) -> None:
    names = resolved(run(text, "2021-05-04"), fragment)
    assert person in names
    assert anchor not in names


def test_words_after_of_still_describe_the_anchor(run: Run) -> None:
    text = "In Nairobi, Ruben Okalo, brother of radio host Mira Sanda, was jailed on Monday."
    assert "Mira Sanda" in resolved(run(text, "2021-05-04"), "radio host")


def test_kin_of_a_stated_relation_is_the_other_side(run: Run) -> None:
    # "X, brother of Y" makes Y X's sibling: "his sister" (his = X) is Y
    text = (
        "In Nairobi, Ruben Okalo, brother of radio host Mira Sanda, was jailed on Monday. "
        "Okalo admitted that he had attacked his sister in 2019."
    )
    names = resolved(run(text, "2021-05-04"), "his sister")
    assert "Mira Sanda" in names


def test_kin_of_the_wrong_relation_is_left_alone(run: Run) -> None:
    # a sibling is stated, not a child: "his daughter" is nobody the article names
    text = (
        "In Nairobi, Ruben Okalo, brother of radio host Mira Sanda, was jailed on Monday. "
        "Okalo said his daughter had been threatened."
    )
    names = resolved(run(text, "2021-05-04"), "his daughter")
    assert "Mira Sanda" not in names


def test_relation_without_anchor_is_the_one_person_stated_in_it(run: Run) -> None:
    text = (
        "Brother of slain radio host jailed for life\n\n"
        "In Nairobi, Ruben Okalo, brother of radio host Mira Sanda, was jailed on Monday."
    )
    assert "Ruben Okalo" in resolved(run(text, "2021-05-04"), "Brother of slain radio host")


def test_relation_without_anchor_and_two_people_stated_is_left_alone(run: Run) -> None:
    text = (
        "Brother of slain radio host speaks\n\n"
        "Ruben Okalo, brother of radio host Mira Sanda, was jailed on Monday. "
        "David Kamau, brother of radio host Alice Njeri, spoke to reporters."
    )
    names = resolved(run(text, "2021-05-04"), "Brother of slain radio host")
    assert not names & {"Ruben Okalo", "David Kamau"}


def test_relation_of_a_named_person_is_not_that_person(run: Run) -> None:
    text = (
        "Selin Aydar, fiancée of reporter Kemal Tosun, addressed the court. "
        "Later the fiancée of Kemal Tosun met the prosecutor."
    )
    names = resolved(run(text, "2021-05-04"), "fiancée of Kemal", occurrence=0)
    assert "Selin Aydar" in names


RULING = [
    ("Kenya's ruling party lost the vote. The Jubilee Party said it would appeal.",
     "Kenya's ruling party", "Jubilee Party"),
    ("Japan's ruling party, the Liberal Democratic Party, proposed new rules on Monday.",
     "Japan's ruling party", "Liberal Democratic Party (Japan)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "party"), RULING)
def test_ruling_party_is_the_one_party_of_that_state_named(
    run: Run, text: str, fragment: str, party: str
) -> None:
    assert party in resolved(run(text, "2021-05-04"), fragment)


def test_ruling_party_of_another_state_is_left_alone(run: Run) -> None:
    # the only party named is Japanese: Kenya's ruling party is not it
    text = "Kenya's ruling party sent a delegation to the Liberal Democratic Party in Tokyo."
    names = resolved(run(text, "2021-05-04"), "Kenya's ruling party")
    assert "Liberal Democratic Party (Japan)" not in names


def test_ruling_party_with_two_parties_named_is_left_alone(run: Run) -> None:
    text = (
        "Kenya's ruling party lost the vote. The Jubilee Party and the Orange Democratic "
        "Movement both claimed victory."
    )
    names = resolved(run(text, "2021-05-04"), "Kenya's ruling party")
    assert "Jubilee Party" not in names


def _actor_answering(document: Document, fragment: str) -> list[set[str]]:
    """Every name and alias of each actor of the mentions overlapping ``fragment``."""
    start = document.text.index(fragment)
    end = start + len(fragment)
    actors = {a.id: a for a in document.actors}
    return [
        {actors[m.actor_id].name, *actors[m.actor_id].aliases}
        for m in document.mentions
        if m.start < end and start < m.end and m.actor_id in actors
    ]


def test_ministry_of_the_article_state_answers_to_reference_titles(run: Run) -> None:
    text = (
        "Police in Kandahar, Afghanistan, said on Sunday that the central Interior "
        "Ministry had sent more officers to the province."
    )
    forms = _actor_answering(run(text, "2021-05-04"), "Interior Ministry")
    assert any("Ministry of Interior Affairs (Afghanistan)" in f for f in forms)
    assert any("Ministry of the Interior (Afghanistan)" in f for f in forms)


def test_ministry_forms_stay_within_their_kind(run: Run) -> None:
    text = "Officials in Kabul, Afghanistan, said the Foreign Ministry had summoned an envoy."
    forms = _actor_answering(run(text, "2021-05-04"), "Foreign Ministry")
    assert any("Ministry of Foreign Affairs (Afghanistan)" in f for f in forms)
    assert not any("Ministry of Interior Affairs (Afghanistan)" in f for f in forms)
