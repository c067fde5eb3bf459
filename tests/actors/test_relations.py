"""Kin of a named person ("his wife" → the other Mugabe of the article) and a person's
government ("Assad's government" → Syria). Sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import resolved

from communique.model import Document

Run = Callable[..., Document]

KIN = [
    ("Tomas Vellan ruled for twenty years. In 2015 his wife was named his heir. "
     "Marta Vellan had long been unpopular.", "his wife", "Marta Vellan"),
    ("Robert Kamau resigned on Monday. His son took over the company. "
     "David Kamau is 34.", "His son", "David Kamau"),
    ("Amira Haddan spoke first. Her brother followed. Karim Haddan thanked the crowd.",
     "Her brother", "Karim Haddan"),
    ("Jonas Berel left the party. Jonas Berel's daughter stayed. Ana Berel is a lawyer.",
     "Jonas Berel's daughter", "Ana Berel"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), KIN)
def test_kin_is_the_other_person_of_the_family(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    assert expected in resolved(run(text, "2020-03-01"), fragment)


def test_kin_of_unknown_gender_match_is_left_alone(run: Run) -> None:
    # the only other Vellan is a man: "his wife" is nobody the article names
    text = "Tomas Vellan ruled for years. His wife stayed silent. Mr. Peter Vellan spoke."
    names = resolved(run(text, "2020-03-01"), "His wife")
    assert "Peter Vellan" not in names


def test_kin_with_two_candidates_is_left_alone(run: Run) -> None:
    text = (
        "Tomas Vellan ruled for years. His son was absent. "
        "John Vellan spoke in Paris. David Vellan spoke in Rome."
    )
    names = resolved(run(text, "2020-03-01"), "His son")
    assert not names & {"John Vellan", "David Vellan"}


def test_kin_without_a_family_member_named_is_left_alone(run: Run) -> None:
    text = "Tomas Vellan ruled for years. His wife was never seen in public."
    names = resolved(run(text, "2020-03-01"), "His wife")
    assert names <= {"Tomas Vellan"}


GOVERNMENTS = [
    ("Assad's government rejected the proposal on Sunday.", "Assad's government", "Syria"),
    ("Erdogan's government ordered the arrests.", "Erdogan's government", "Turkey"),
    ("Maduro's government expelled the diplomats.", "Maduro's government", "Venezuela"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), GOVERNMENTS)
def test_a_persons_government_is_their_state(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    assert expected in resolved(run(text, "2019-05-01"), fragment)


def test_government_of_a_person_without_a_country_is_left_alone(run: Run) -> None:
    text = "Karel Duvnjak's government fell after a week."
    names = resolved(run(text, "2019-05-01"), "Karel Duvnjak's government")
    assert not any(n not in ("Karel Duvnjak",) for n in names), names


# "the rebels" in a report naming one armed group is that group.
ARMED_GROUPS = [
    ("Houthi rebels shelled the port. According to a minister, the rebels are backed by Iran.",
     "the rebels", "Houthis"),
    ("Boko Haram fighters raided the village. The militants took forty hostages.",
     "The militants", "Boko Haram"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fragment", "expected"), ARMED_GROUPS)
def test_the_rebels_are_the_one_armed_group_named(
    run: Run, text: str, fragment: str, expected: str
) -> None:
    assert expected in resolved(run(text, "2020-02-01"), fragment)


def test_the_rebels_with_two_groups_named_stay_unnamed(run: Run) -> None:
    text = "Houthi fighters and al-Shabaab were both listed. The rebels denied it."
    names = resolved(run(text, "2020-02-01"), "The rebels")
    assert not names & {"Houthis", "Al-Shabaab"}, names


def test_a_plural_after_a_name_and_comma_is_no_description_of_the_person(run: Run) -> None:
    text = "According to Karim Osman, the protesters were paid by foreign groups."
    names = resolved(run(text, "2020-02-01"), "the protesters")
    assert "Karim Osman" not in names
