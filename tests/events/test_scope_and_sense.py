"""Sense and scope of narrative triggers (issue 11), in sentences of our own writing.

- Leaving a treaty is a SANCTION on its other parties ("withdrew from the pact with X",
  also through two-word prepositions: "pulled out of"); suspending a legislature or a
  newspaper is COERCE; "at the behest / request of X" is X's REQUEST to whoever acted.
- "committed the murder" is no promise; "committed to talks" is one.
- A nominal trigger that only modifies another noun ("an impeachment trial", "protest
  leaders") names a kind of thing, not an act.
- Acts only tried ("tried to pressure", "efforts to complete the withdrawal") are not
  stated as done; attempted force still is.
- Visiting a hospital, a school or a camp is no meeting with its staff.
- A bare state institution with an adjective of level ("the federal government") is
  the article's state's; an allegation accuses the subject of its clause.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

PUB = "2024-03-12"

Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


def types(document: Document) -> set[str]:
    return {e.type for e in document.events if not e.negated}


FOUND: list[tuple[str, set[Triple]]] = [
    (
        "Last year Donald Trump withdrew the United States from a nuclear treaty with Iran.",
        {("SANCTION", "donald-trump", "iran")},
    ),
    (
        "Russia pulled out of the arms control treaty with the United States in 2019.",
        {("SANCTION", "russia", "united-states")},
    ),
    (
        "In 2018 Washington quit the nuclear deal with Tehran.",
        {("SANCTION", "united-states", "iran")},
    ),
    (
        "Queen Elizabeth II suspended the Parliament of the United Kingdom at the behest of "
        "Boris Johnson.",
        {
            ("COERCE", "elizabeth-ii", "parliament-of-the-united-kingdom"),
            ("REQUEST", "boris-johnson", "elizabeth-ii"),
        },
    ),
    (
        "Emmanuel Macron dissolved the National Assembly of France on Sunday.",
        {("COERCE", "emmanuel-macron", "french-parliament")},
    ),
    (
        "Joe Biden visited Kyiv at the invitation of Volodymyr Zelenskyy and at the request "
        "of Andrzej Duda.",
        {("REQUEST", "andrzej-duda", "joe-biden")},
    ),
    ("Kenya committed to talks with Somalia.", {("CONSULT", "kenya", "somalia")}),
    (
        "Mitch McConnell committed to proceeding with an impeachment trial.",
        {("AGREE", "mitch-mcconnell", None)},
    ),
    (
        "In Nigeria, the opposition leader Atiku Abubakar alleged that the federal government "
        "had rigged the vote.",
        {("ACCUSE", "atiku-abubakar", "agent:NGA:GOV")},
    ),
    (
        "Kenya alleged that Uganda had armed the rebels.",
        {("ACCUSE", "kenya", "uganda")},
    ),
    # a place visited does not hide the person met
    (
        "Joe Biden visited Warsaw University and met Andrzej Duda.",
        {("CONSULT", "joe-biden", "andrzej-duda")},
    ),
    # attempted force is still coded
    ("Kenya tried to kill the rebel leader.", {("ASSAULT", "kenya", "agent:KEN:REB")}),
]

ABSENT: list[tuple[str, set[Triple]]] = [
    # a request named without who acted on it is no event by itself
    (
        "The request of the Kenyan government came from a ruling of the court.",
        {("REQUEST", "kenya", None)},
    ),
    # a crime committed is not a promise
    (
        "Rogue agents within the Saudi government committed the murder.",
        {("AGREE", "agent:SAU:GOV", None)},
    ),
    # an impeachment trial is a kind of trial, not an accusation by its speaker
    (
        "Mitch McConnell committed to proceeding with an impeachment trial.",
        {("ACCUSE", "mitch-mcconnell", None)},
    ),
    # tried, not done
    (
        "Donald Trump tried to pressure Ukraine to open an investigation.",
        {("REQUEST", "donald-trump", "ukraine")},
    ),
    (
        "Boris Johnson asked for patience with his efforts to complete the United "
        "Kingdom's withdrawal from the European Union.",
        {("CONCEDE", "united-kingdom", "european-union")},
    ),
    # leaving a treaty is no military withdrawal from the other party
    (
        "Russia pulled out of the arms control treaty with the United States in 2019.",
        {("RETREAT", "russia", None), ("CONCEDE", "russia", None)},
    ),
]

NO_TYPES: list[tuple[str, set[str]]] = [
    # visiting a place is no meeting with its staff
    ("The Archbishop of Canterbury visited the hospital in Warsaw on Monday.", {"CONSULT"}),
    ("Kenyan officials visited the refugee camp near Dadaab.", {"CONSULT"}),
    ("The protest leaders spoke to reporters in Nairobi.", {"PROTEST"}),
    ("Kenya bought two attack helicopters from Russia.", {"ASSAULT"}),
    ("The aid convoy reached Gaza on Monday.", {"AID"}),
    ("The parents tried to have Mohammed Waseem released in August.", {"RETREAT", "CONCEDE"}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_sense_and_scope_find(
    analyse: Analyse, text: str, expected: set[Triple], asserted: TriplesOf
) -> None:
    found = asserted(analyse(text, published=PUB))
    assert expected <= found, f"missing {expected - found}; found {found}"


@pytest.mark.parametrize(("text", "unwanted"), ABSENT)
def test_sense_and_scope_rule_out(
    analyse: Analyse, text: str, unwanted: set[Triple], asserted: TriplesOf
) -> None:
    found = asserted(analyse(text, published=PUB))
    assert not unwanted & found, f"unwanted {unwanted & found}"


@pytest.mark.parametrize(("text", "unwanted"), NO_TYPES)
def test_no_event_of_these_types(analyse: Analyse, text: str, unwanted: set[str]) -> None:
    found = types(analyse(text, published=PUB))
    assert not unwanted & found, f"unwanted {unwanted & found}"
