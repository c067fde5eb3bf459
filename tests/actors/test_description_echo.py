"""A "<noun> of <X>" repeated without the name is the one person the report describes
with the same noun and X. Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

from tests.actors.conftest import resolved

from communique.model import Document

Run = Callable[..., Document]


def test_headline_description_is_the_person_described_alike(run: Run) -> None:
    text = (
        "Crowds mourn mayor of Veloria after crash\n\n"
        "Maria Kowalska, mayor of the river city of Veloria, died on Sunday after a crash."
    )
    assert "Maria Kowalska" in resolved(run(text, "2021-05-04"), "mayor of Veloria")


def test_same_noun_of_another_place_is_left_alone(run: Run) -> None:
    text = (
        "Crowds mourn mayor of Tarnica after crash\n\n"
        "Maria Kowalska, mayor of the river city of Veloria, died on Sunday after a crash."
    )
    assert "Maria Kowalska" not in resolved(run(text, "2021-05-04"), "mayor of Tarnica")


def test_two_people_described_alike_are_left_alone(run: Run) -> None:
    text = (
        "Former mayor of Veloria speaks out\n\n"
        "Maria Kowalska, mayor of Veloria until 2010, criticised Jan Horak, mayor of Veloria "
        "since 2018, on Sunday."
    )
    names = resolved(run(text, "2021-05-04"), "mayor of Veloria", occurrence=0)
    assert not names & {"Maria Kowalska", "Jan Horak"}


def test_someones_description_is_not_the_described_person(run: Run) -> None:
    text = (
        "Maria Kowalska, mayor of Veloria, met the press. Her deputy mayor of Veloria, "
        "a close friend, was absent."
    )
    names = resolved(run(text, "2021-05-04"), "deputy mayor")
    assert "Maria Kowalska" not in names


def test_definite_predicate_of_a_named_person_describes_them(run: Run) -> None:
    text = "Maria Kowalska was considered the founding mother of the Veloria party."
    assert "Maria Kowalska" in resolved(run(text, "2021-05-04"), "the founding mother")


def test_relation_said_by_be_describes_the_subject_not_the_anchor(run: Run) -> None:
    text = "Maria Kowalska lives in Veloria. Jan Horak is the brother of Maria Kowalska."
    names = resolved(run(text, "2021-05-04"), "the brother")
    assert "Jan Horak" in names
    assert "Maria Kowalska" not in names


def test_indefinite_predicate_is_not_a_description(run: Run) -> None:
    text = "Jan Horak was a member of the Veloria party for ten years, his lawyer said."
    assert "Jan Horak" not in resolved(run(text, "2021-05-04"), "a member")
