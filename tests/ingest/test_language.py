"""Language identification: plainly English text is told without the model (issue 14),
and the answer is the one the model gives."""

from __future__ import annotations

import pytest

from communique.ingest.language import CONFIDENT_OTHER, identify, is_english, plainly_english

ENGLISH = (
    "The river authority said on Monday that the flood barrier would stay closed until the "
    "water level had fallen, and that residents who had left their homes should wait for a "
    "second notice. Engineers have been checking the banks since the weekend, the authority "
    "said, and they found no damage to the walls which protect the old town from the river."
)
# Our own sentences in the languages most often met beside English in news feeds.
OTHERS = {
    "fr": (
        "Le conseil municipal a voté jeudi un nouveau plan de circulation pour le centre-ville, "
        "qui entrera en vigueur au printemps. Les commerçants craignent une baisse de la "
        "fréquentation, tandis que les associations de cyclistes saluent une décision attendue "
        "depuis des années, selon un communiqué diffusé par la mairie dans la soirée."
    ),
    "de": (
        "Der Stadtrat hat am Donnerstag einen neuen Verkehrsplan für die Innenstadt beschlossen, "
        "der im Frühjahr in Kraft treten soll. Die Händler befürchten weniger Kundschaft, während "
        "die Radfahrerverbände eine seit Jahren erwartete Entscheidung begrüßen, wie die "
        "Stadtverwaltung am Abend in einer Mitteilung erklärte."
    ),
    "es": (
        "El ayuntamiento aprobó el jueves un nuevo plan de tráfico para el centro de la ciudad, "
        "que entrará en vigor en primavera. Los comerciantes temen una caída de clientes, "
        "mientras que las asociaciones de ciclistas celebran una decisión esperada desde hace "
        "años, según un comunicado difundido por la alcaldía por la noche."
    ),
    "nl": (
        "De gemeenteraad heeft donderdag een nieuw verkeersplan voor de binnenstad aangenomen, "
        "dat in het voorjaar ingaat. Winkeliers vrezen minder klanten, terwijl de "
        "fietsersbonden een besluit verwelkomen waarop ze al jaren wachten, zo meldde de "
        "gemeente in de avond in een verklaring."
    ),
}


def model_says_english(text: str) -> bool:
    """The model's own decision, as ``is_english`` takes it when it asks the model."""
    best, best_p, english = identify(text)
    return english >= 0.5 or best == "en" or best_p < CONFIDENT_OTHER


def test_english_prose_is_plainly_english_and_the_model_agrees() -> None:
    assert plainly_english(ENGLISH)
    assert model_says_english(ENGLISH)
    assert is_english(ENGLISH, 0.5) == ("en", True)


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_other_languages_are_not_plainly_english_and_go_to_the_model(code: str) -> None:
    text = OTHERS[code]
    assert not plainly_english(text)
    assert is_english(text, 0.5) == (code, False)


def test_a_short_text_is_left_to_the_model() -> None:
    """Too few words to tell by counting, however English they are."""
    short = "The minister said that the talks would go on."
    assert not plainly_english(short)
    assert is_english(short, 0.5) == ("en", True)


def test_english_quoted_inside_another_language_does_not_make_it_english() -> None:
    """A French report quoting one English sentence stays French."""
    text = OTHERS["fr"] + ' "We have done what the voters asked," the mayor said.'
    assert not plainly_english(text)
    assert is_english(text, 0.5) == ("fr", False)
