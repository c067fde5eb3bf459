"""One actor under two forms of its name in one report (``communique.actors.resolve``,
``organisations.short_form``, ``state.DocState``): an organisation's name without its
kind word ("Mahan Air" ... "Mahan"), and a given name in the text's own spelling
("Mohammad bin Salman" for the KB's "Mohammed bin Salman" ... "Mohammad").
Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

from .conftest import resolved

# (text, later short form, occurrence of it, canonical name expected)
SHORT_FORMS = [
    (
        "Germany banned Mahan Air on Monday. Officials said Mahan had flown arms to Syria.",
        "Mahan",
        1,
        "Mahan Air",
    ),
    (
        "Kenya suspended Mahan Air's permit. Mahan denied the charge through its lawyers.",
        "Mahan",
        1,
        "Mahan Air",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "occurrence", "expected"), SHORT_FORMS)
def test_organisation_named_without_its_kind_word(
    run: Callable[..., Document], text: str, fragment: str, occurrence: int, expected: str
) -> None:
    assert resolved(run(text), fragment, occurrence) == {expected}


def test_short_form_needs_the_organisation_named_before(run: Callable[..., Document]) -> None:
    # No "Mahan Air" in the report: "Mahan" alone is not the airline.
    names = resolved(run("Officials said Mahan had flown arms to Syria."), "Mahan")
    assert "Mahan Air" not in names


def test_short_form_only_drops_kind_words(run: Callable[..., Document]) -> None:
    # "Daily" is no kind word: the newspaper named "Qorvani Daily" is not "Qorvani".
    text = "The Qorvani Daily reported the raid. Qorvani later told police he was innocent."
    assert "Qorvani Daily" not in resolved(run(text), "Qorvani", 1)


def test_two_bodies_sharing_the_short_form_stay_apart(run: Callable[..., Document]) -> None:
    text = "Velora Air and Velora Bank were both fined on Monday. Velora said it would appeal."
    names = resolved(run(text), "Velora", 2)
    assert not names & {"Velora Air", "Velora Bank"}


# (text, bare given name, occurrence, canonical name)
GIVEN_AS_WRITTEN = [
    (
        "Crown Prince Mohammad bin Salman met the envoy on Monday. Critics called "
        "Mohammad's promise empty.",
        "Mohammad",
        1,
        "Mohammed bin Salman",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "occurrence", "expected"), GIVEN_AS_WRITTEN)
def test_given_name_in_the_texts_spelling(
    run: Callable[..., Document], text: str, fragment: str, occurrence: int, expected: str
) -> None:
    assert resolved(run(text), fragment, occurrence) == {expected}


def test_given_name_alone_without_the_full_name(run: Callable[..., Document]) -> None:
    # The full name never appears: a bare "Mohammad" is nobody the KB can tell.
    text = "Critics called Mohammad's promise empty on Monday."
    assert "Mohammed bin Salman" not in resolved(run(text), "Mohammad")


def test_a_national_body_named_without_its_state(run: Callable[..., Document]) -> None:
    # the KB knows it with the state's name before it, in the other spelling
    text = (
        "Japan lodged a protest on Monday. Officials at the Defence Agency said the vessel "
        "had left Japanese waters, and Japan asked for an apology."
    )
    assert resolved(run(text, "2004-11-15"), "Defence Agency") == {"Japan Defense Agency"}


def test_a_body_of_a_state_the_article_does_not_name_stays_local(
    run: Callable[..., Document],
) -> None:
    text = "Kenya lodged a protest. Officials at the Defence Agency said the vessel had left."
    assert "Japan Defense Agency" not in resolved(run(text, "2004-11-15"), "Defence Agency")


def test_a_date_is_not_the_group_named_after_it(run: Callable[..., Document]) -> None:
    # "17 November" is also an alias of a Greek armed group in the KB
    document = run("On 17 November, the two envoys met in Beijing.", "2004-11-20")
    assert resolved(document, "17 November") == set()


@pytest.mark.parametrize(
    "text",
    ["Houthi rebels took Sanaa in 2014.", "Residents of Jolo fled the town after the blast."],
)
def test_a_town_ner_calls_a_person_is_no_actor(run: Callable[..., Document], text: str) -> None:
    document = run(text, "2019-01-28")
    assert not [a for a in document.actors if a.type == "person"]


def test_a_person_named_like_a_place_stays_a_person(run: Callable[..., Document]) -> None:
    # the article names him with his given name first: the surname is his
    document = run("Paul Jolo chaired the meeting. Jolo said the vote would wait.", "2019-01-28")
    assert resolved(document, "Jolo", 1) == {"Paul Jolo"}


def test_a_surname_shared_by_a_far_town_stays_a_person(run: Callable[..., Document]) -> None:
    # a small town elsewhere has the name, but nothing reads it as a place here
    document = run(
        "Crowds gathered outside the court in Pretoria. Mandela thanked them and said the "
        "struggle would go on.",
        "1990-02-12",
    )
    assert resolved(document, "Mandela") != set()


def test_a_region_after_its_town_is_no_person(run: Callable[..., Document]) -> None:
    document = run("Tourists crowded the beaches near Livorno, Tuscany, last summer.", "2019-01-28")
    assert resolved(document, "Tuscany") == set()
