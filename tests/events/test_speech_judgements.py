"""Charges and praise read from what a speaker says of others (communique.events.speech_evaluations
and speech_commitments): backing an armed group, an approved choice, a view given under
"I believe", "we will work together" with the one the quote spoke of, and the speaker's
name at the reporting verb, which is never the "he" of the speaker's own words.

Sentences of our own writing run through the whole pipeline; the events checked are
the speech acts (``context == "speech"``). Each mechanism has cases that give an act
and cases that must not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.speech import load_cues
from communique.model import Document

PUB = "2024-03-12"
Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


# -- backing an armed group ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Foreign Minister Sergey Lavrov said the insurgents are trained and funded by Ukraine.",
            ("ACCUSE", "sergey-lavrov", "ukraine"),
        ),
        (
            "“Iran keeps arming the militias along the border,” Antony Blinken told reporters.",
            ("ACCUSE", "antony-blinken", "iran"),
        ),
        (
            "“The separatists are financed by Russia,” Olaf Scholz said on Monday.",
            ("ACCUSE", "olaf-scholz", "russia"),
        ),
    ],
)
def test_backing_an_armed_group_accuses_the_backer(
    analyse: Analyse, text: str, event: tuple[str, str, str], speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # lawful aid to people, not to an armed group
        "“Russia funds the hospitals along the border,” Antony Blinken said.",
        # a fear of what will be done, not a charge of what was done
        "“Iran will arm the militias next year,” Antony Blinken said.",
        # support is no sponsorship verb: it also tells of lawful aid
        "“Turkey supports the rebels in the north,” Olaf Scholz said.",
    ],
)
def test_no_charge_of_sponsorship(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    assert not {a for a in speech_acts(analyse(text, published=PUB)) if a[0] == "ACCUSE"}


# -- an approved choice, a view under "I believe" ------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "“Joe Biden made the right decision for the country,” Kamala Harris said.",
            ("SUPPORT", "kamala-harris", "joe-biden"),
        ),
        (
            "“I believe Olaf Scholz made a wise choice,” Emmanuel Macron told reporters.",
            ("SUPPORT", "emmanuel-macron", "olaf-scholz"),
        ),
        (
            "“I think Vladimir Putin's invasion was barbaric and illegal,” Olaf Scholz said.",
            ("ACCUSE", "olaf-scholz", "vladimir-putin"),
        ),
    ],
)
def test_judgement_of_a_choice_or_of_a_believed_clause(
    analyse: Analyse, text: str, event: tuple[str, str, str], speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # a weighty decision is not an approved one
        "“Vladimir Putin made a major decision today,” Olaf Scholz said.",
        # a wrong choice approves nothing
        "“Joe Biden made the wrong decision,” Kamala Harris said.",
        # a denied opinion gives no view of the clause
        "“I don't think Joe Biden made the right decision,” Kamala Harris said.",
    ],
)
def test_no_approval(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    assert not {a for a in speech_acts(analyse(text, published=PUB)) if a[0] == "SUPPORT"}


# -- working together; the speaker's own name --------------------------------------


def test_working_together_aims_at_the_one_the_quote_spoke_of(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    text = (
        "Joe Biden said on Sunday that he would not run again. Kamala Harris said, "
        "“Joe Biden has served the country well. We will be working together on a calm handover.”"
    )
    acts = speech_acts(analyse(text, published=PUB))
    assert ("AGREE", "kamala-harris", "joe-biden") in acts


def test_working_together_with_nobody_named_has_no_partner(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    acts = speech_acts(analyse("“We will work together to rebuild the port,” Olaf Scholz said."))
    assert ("AGREE", "olaf-scholz", None) in acts


def test_he_of_a_quote_is_not_the_name_at_the_reporting_verb(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    text = (
        "Joe Biden said on Sunday that he would not run again. In a statement, "
        "Kamala Harris said, “I understand he made the right decision for his family.”"
    )
    acts = speech_acts(analyse(text, published=PUB))
    assert ("SUPPORT", "kamala-harris", "joe-biden") in acts
    assert not {a for a in acts if a[2] == "kamala-harris"}


def test_new_cue_lists_load_from_shipped_data() -> None:
    cues = load_cues()
    assert {"back", "arm", "fund"} <= cues.sponsorship_verbs
    assert "support" not in cues.sponsorship_verbs
    assert {"rebel", "militia", "insurgent"} <= cues.armed_group_nouns
    assert {"decision", "choice"} <= cues.choice_nouns
    assert "right" in cues.approval_modifiers
    assert "major" not in cues.approval_modifiers
    assert {"believe", "think"} <= cues.opinion_verbs


# -- whose conduct: "by X", "from X"; completing a trigger inside the quote -------------


@pytest.mark.parametrize(
    "text",
    [
        "“The reckless provocations by Russia must end,” Olaf Scholz said.",
        "“The brutal aggression from Russia has to stop,” Olaf Scholz said.",
    ],
)
def test_damned_conduct_by_or_from_an_actor_accuses_it(
    analyse: Analyse, text: str, speech_acts: TriplesOf
) -> None:
    assert ("ACCUSE", "olaf-scholz", "russia") in speech_acts(analyse(text, published=PUB))


def test_quote_names_whom_a_trigger_inside_it_blames(analyse: Analyse) -> None:
    # the extractor's "blame" finds no target in "the aggression from Russia"; the quote's
    # content does, and the extractor's event gets it (no second event)
    document = analyse(
        "“We blame the aggression from Russia for the blackout,” Olaf Scholz said.",
        published=PUB,
    )
    accusations = [
        (e.source_id, e.target_id) for e in document.events if e.type == "ACCUSE" and not e.negated
    ]
    assert accusations == [("olaf-scholz", "russia")]
