"""'the nation', 'the country' and the state its own sentence named
(``communique.actors.coref``). Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document

from .conftest import resolved

# Chile is the state the article names most; the sentence of "the nation" names Peru.
ARTICLE = (
    "Chile protested on Monday. Chile recalled its envoy, and Chile closed the border. "
    "Chile said talks would wait. Peru's constitution forbids the nation from sending "
    "troops abroad."
)


def test_the_state_of_its_own_sentence(run: Callable[..., Document]) -> None:
    assert resolved(run(ARTICLE), "the nation") == {"Peru"}


def test_two_states_in_the_sentence_leave_the_article_count(
    run: Callable[..., Document],
) -> None:
    text = (
        "Chile protested on Monday. Chile recalled its envoy, and Chile closed the border. "
        "Chile said talks would wait. Peru and Bolivia said the nation had acted rashly."
    )
    assert resolved(run(text), "the nation") == {"Chile"}


def test_without_a_state_in_the_sentence_the_article_count(
    run: Callable[..., Document],
) -> None:
    text = (
        "Chile protested on Monday. Peru replied. Chile recalled its envoy, and Chile "
        "closed the border. Officials said the nation would not back down."
    )
    assert resolved(run(text), "the nation") == {"Chile"}


def test_their_government_is_the_state_the_sentence_named(run: Callable[..., Document]) -> None:
    text = (
        "On Sunday, envoys from Peru admitted their government had misled the inquiry into "
        "the crash."
    )
    assert resolved(run(text), "their government") == {"Peru"}


def test_their_government_without_a_state_in_the_sentence(run: Callable[..., Document]) -> None:
    text = "Peru protested. On Sunday, the envoys admitted their government had misled them."
    assert "Peru" not in resolved(run(text), "their government")


# "this country" inside a quotation is the speaker's state, not the state named most.
SPEECH = (
    'Washington said the envoy would return. Boris Johnson said, "The law must be obeyed '
    'in this country." The United States said the United States would review the case.'
)


def test_this_country_in_a_quotation_is_the_speakers(run: Callable[..., Document]) -> None:
    assert resolved(run(SPEECH), "this country") == {"United Kingdom"}


def test_this_country_outside_a_quotation_keeps_the_article_count(
    run: Callable[..., Document],
) -> None:
    text = SPEECH.replace('said, "The law must be obeyed in this country."', "arrived.") + (
        " The law must be obeyed in this country, officials said."
    )
    assert resolved(run(text), "this country") == {"United States"}
