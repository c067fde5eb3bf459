"""Participants of narrative events (issue 11): coordination, groups and counted objects.

- Conjuncts the parser hangs on an appositive of the first phrase ("from the AU chairman
  Moussa Faki, President Macron and a spokesman for X") each take part.
- A carrier noun with coordinated owners ("the leaders of France and Germany") gives
  each owner; a plural group noun meeting among itself ("EU ministers met in Brussels")
  is one CONSULT with no recipient.
- "both of them", "them both" stand for the last two actors of one kind named in the
  sentence before; a bare "them" for a coordinated phrase there.
- The same act stated with and without its recipient is one event.
- Examples hung on a group's own prepositional phrase ("defectors from the party
  including X") take part; "resigned the leadership of X" concedes to X.
- "issued a statement condemning X": the text's author condemns X.
- An evaluation of a definite act noun told before ("declined the request", "denied the
  accusation", "condemned the attack") aims at the doer of that act.
- Quantity nouns ("fired dozens of rockets", "a barrage of missiles") do not hide the
  kind of thing a light verb acts with.

Sentences of our own writing, through the whole pipeline with the real knowledge base.
Each case lists the events that must be found; ``ABSENT`` cases list events that must not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

PUB = "2024-03-12"

Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


FOUND: list[tuple[str, set[Triple]]] = [
    # conjuncts hung on the first phrase's appositive
    (
        "Condemnation came from the African Union chairman Moussa Faki, President Emmanuel "
        "Macron and a spokesman for Chancellor Olaf Scholz.",
        {
            ("ACCUSE", "moussa-faki", None),
            ("ACCUSE", "emmanuel-macron", None),
            ("ACCUSE", "olaf-scholz", None),
        },
    ),
    (
        "Criticism came from the Kenyan president, William Ruto, and Uganda.",
        {("ACCUSE", "william-ruto", None), ("ACCUSE", "uganda", None)},
    ),
    # a group of members meeting among themselves
    (
        "Leaders of African Union member states met in Niamey for a summit.",
        {("CONSULT", "african-union", None)},
    ),
    (
        "Leaders of the African Union met in Addis Ababa on Sunday.",
        {("CONSULT", "african-union", None)},
    ),
    ("Ministers of the European Union met in Brussels.", {("CONSULT", "european-union", None)}),
    ("EU foreign ministers met in Brussels on Monday.", {("CONSULT", "european-union", None)}),
    # each owner of a carrier noun takes part
    ("The leaders of France and Germany met in Paris.", {("CONSULT", "france", "germany")}),
    # counted weapons
    ("Kenya fired dozens of rockets at Somalia.", {("ASSAULT", "kenya", "somalia")}),
    (
        "The Syrian army fired a barrage of missiles into Turkey on Monday.",
        {("ASSAULT", "syrian-arab-army", "turkey")},
    ),
    (
        "Russia launched hundreds of drones at Ukraine overnight.",
        {("ASSAULT", "russia", "ukraine")},
    ),
    (
        "South Korea retaliated by firing dozens of rounds of artillery into North Korea.",
        {("ASSAULT", "south-korea", "north-korea")},
    ),
    # "both of them", "them both", "them": the actors named just before
    (
        "The House voted to impeach Andrew Johnson and, 130 years later, Bill Clinton. "
        "The Senate acquitted both of them.",
        {
            ("CONCEDE", "us-senate", "bill-clinton"),
            ("CONCEDE", "us-senate", "local:andrew-johnson"),
        },
    ),
    (
        "Kenya and Uganda signed a deal. Tanzania criticised them both.",
        {("ACCUSE", "tanzania", "kenya"), ("ACCUSE", "tanzania", "uganda")},
    ),
    (
        "Egypt and Jordan closed their borders. Israel condemned them on Friday.",
        {("ACCUSE", "israel", "egypt"), ("ACCUSE", "israel", "jordan")},
    ),
]

FOUND += [
    # examples hung on the group's own prepositional phrase
    (
        "The magazine, which attacked senior defectors from the party including Nicolas "
        "Sarkozy and Marine Le Pen, closed in 2020.",
        {
            ("ACCUSE", "agent:FRA:MED", "nicolas-sarkozy"),
            ("ACCUSE", "agent:FRA:MED", "marine-le-pen"),
        },
    ),
    # what one resigns the leadership of
    (
        "Ricardo Rossello announced he would resign the leadership of the New Progressive Party.",
        {("CONCEDE", "ricardo-rossello", "new-progressive-party-of-puerto-rico")},
    ),
    # an evaluation of an act told before aims at its doer
    (
        "Kenya's foreign minister wrote to Uganda asking it to hand over the suspects. Uganda "
        "declined the request on Monday.",
        {("REJECT", "uganda", "musalia-mudavadi")},
    ),
    (
        "Israel attacked a convoy in Syria on Monday. Egypt condemned the attack.",
        {("ACCUSE", "egypt", "israel")},
    ),
    (
        "Germany accused Iran of sabotage. Iran denied the accusation.",
        {("REJECT", "iran", "germany")},
    ),
    (
        "Uganda arrested three Kenyan journalists. Kenya condemned the arrests.",
        {("ACCUSE", "kenya", "uganda")},
    ),
]

FOUND += [
    # the author of a text acts by it
    (
        "Late that night Mike Pompeo posted a message blaming Iran for the drone strikes.",
        {("ACCUSE", "mike-pompeo", "iran")},
    ),
    ("Kenya issued a statement condemning Uganda on Monday.", {("ACCUSE", "kenya", "uganda")}),
    (
        "Troops from the African Union including Kenya and Uganda attacked al-Shabaab.",
        {("ASSAULT", "kenya", "al-shabaab"), ("ASSAULT", "uganda", "al-shabaab")},
    ),
]

ABSENT: list[tuple[str, set[Triple]]] = [
    # signs condemning X are carried, not issued, by the marchers: no accusation by them
    (
        "Protesters carrying signs condemning Russia marched in Berlin.",
        {("ACCUSE", "agent:DEU:CVL", "russia")},
    ),
    # a modifier names another doer: no antecedent is taken
    (
        "Germany accused Iran of sabotage. Iran denied the Russian accusation.",
        {("REJECT", "iran", "germany")},
    ),
    # an act told too long before is not the one referred to
    (
        "Germany accused Iran of sabotage. Oil prices rose. Markets fell. Ships waited. "
        "Talks stalled. Iran denied the accusation.",
        {("REJECT", "iran", "germany")},
    ),
    # a bare "them" after a single name stays unresolved
    ("Iran spoke with Oman. Saudi Arabia criticised them.", {("ACCUSE", "saudi-arabia", "iran")}),
    # the same act stated with and without its recipient is one event
    (
        "The United States House of Representatives impeached Donald Trump on Wednesday. The "
        "House passed two articles of impeachment.",
        {("ACCUSE", "us-house", None)},
    ),
    # a named person meeting alone is no meeting with anyone
    ("Macron met in Paris on Monday.", {("CONSULT", "emmanuel-macron", None)}),
    # dismissing workers is no attack, however many
    ("Kenya fired dozens of workers.", {("ASSAULT", "kenya", "agent:KEN:LAB")}),
    # the group of one meeting with another named party keeps the named recipient only
    (
        "Leaders of the African Union met with Olusegun Obasanjo in Lagos.",
        {("CONSULT", "african-union", None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_participants_are_found(
    analyse: Analyse, text: str, expected: set[Triple], asserted: TriplesOf
) -> None:
    found = asserted(analyse(text, published=PUB))
    assert expected <= found, f"missing {expected - found}; found {found}"


@pytest.mark.parametrize(("text", "unwanted"), ABSENT)
def test_wrong_participants_are_not_made(
    analyse: Analyse, text: str, unwanted: set[Triple], asserted: TriplesOf
) -> None:
    found = asserted(analyse(text, published=PUB))
    assert not unwanted & found, f"unwanted {unwanted & found}"
