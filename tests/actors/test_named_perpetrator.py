"""A singular perpetrator noun ("the attacker", "the detained suspect") is the one person
the report names as the perpetrator; with none or two, nothing changes. Sentences are our
own."""

from __future__ import annotations

from collections.abc import Callable

from tests.actors.conftest import resolved

from communique.model import Document

Run = Callable[..., Document]


def test_other_perpetrator_nouns_follow_the_identified_person(run: Run) -> None:
    text = (
        "A gunman opened fire at a school in Vilnius on Monday. The gunman was identified "
        "as Tomas Varkalis, 24. Police said the attacker had bought the rifle in May."
    )
    document = run(text, "2021-05-04")
    assert "Tomas Varkalis" in resolved(document, "A gunman")
    assert "Tomas Varkalis" in resolved(document, "the attacker")


def test_the_name_of_the_suspect_ties_the_nouns_to_the_person(run: Run) -> None:
    text = (
        "The attacker jumped on stage in Gdansk on Sunday. Police said the assailant used "
        "a press badge. The detained suspect's name was given as Piotr Kowalczyk."
    )
    document = run(text, "2021-05-04")
    assert "Piotr Kowalczyk" in resolved(document, "The attacker")
    assert "Piotr Kowalczyk" in resolved(document, "the assailant")
    assert "Piotr Kowalczyk" in resolved(document, "The detained suspect")


def test_plural_attackers_are_not_the_named_one(run: Run) -> None:
    text = (
        "The gunman was identified as Tomas Varkalis. Two other attackers fled "
        "towards the border, police in Vilnius said."
    )
    assert "Tomas Varkalis" not in resolved(run(text, "2021-05-04"), "attackers")


def test_two_named_perpetrators_leave_the_nouns_alone(run: Run) -> None:
    text = (
        "The gunman was identified as Tomas Varkalis. The bomber was identified as Jonas "
        "Petraitis. Police in Vilnius said the attacker had planned it for months."
    )
    names = resolved(run(text, "2021-05-04"), "the attacker")
    assert not names & {"Tomas Varkalis", "Jonas Petraitis"}


def test_no_named_perpetrator_leaves_the_agent(run: Run) -> None:
    text = "The attacker jumped on stage in Gdansk. Mayor Anna Nowak was taken to hospital."
    assert "Anna Nowak" not in resolved(run(text, "2021-05-04"), "The attacker")
