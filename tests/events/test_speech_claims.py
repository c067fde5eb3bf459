"""Claims of blame and regret in attributed speech (communique.events.speech_claims).

Sentences of our own writing run through the whole pipeline; the events checked
are the speech acts (``context == "speech"``). Each mechanism has cases that give
an act and cases that must not: responsibility ("X was behind the attack"),
damned conduct ("X's reckless provocations"), apology and regret of a fault
(CONCEDE), and the pronouns a quote leaves to its context.
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


def typed(acts: set[Triple], kind: str) -> set[Triple]:
    return {act for act in acts if act[0] == kind}


# -- responsibility ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Josep Borrell said Hezbollah was behind the rocket attack on the border town.",
            ("ACCUSE", "josep-borrell", "hezbollah"),
        ),
        (
            "“Al-Shabaab is responsible for this cowardly bombing,” William Ruto said on Sunday.",
            ("ACCUSE", "william-ruto", "al-shabaab"),
        ),
        (
            "Emmanuel Macron said Russia was responsible for the shelling of the power plant.",
            ("ACCUSE", "emmanuel-macron", "russia"),
        ),
        (
            "Volodymyr Zelenskyy said the strike on the hospital was Russia's doing.",
            ("ACCUSE", "volodymyr-zelenskyy", "russia"),
        ),
        (
            "Emmanuel Macron said the blast was Russia's doing.",
            ("ACCUSE", "emmanuel-macron", "russia"),
        ),
        (
            "Antonio Guterres told reporters that the Houthis are the likely culprits.",
            ("ACCUSE", "antonio-guterres", "houthis"),
        ),
        (
            "“Only Hamas is capable of such a massacre,” Benjamin Netanyahu said.",
            ("ACCUSE", "benjamin-netanyahu", "hamas"),
        ),
        (
            "Narendra Modi said Pakistan was guilty of the raid on the army camp.",
            ("ACCUSE", "narendra-modi", "pakistan"),
        ),
        (
            "Joe Biden said Iran was behind the attacks on the tankers.",
            ("ACCUSE", "joe-biden", "iran"),
        ),
    ],
)
def test_responsibility_accuses_the_named_doer(
    analyse: Analyse, text: str, event: tuple[str, str, str], speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # negated, hypothetical, asked or open: nobody is named as the doer
        "Josep Borrell said Hezbollah was not behind the attack on the border town.",
        "“If Hamas is responsible for the attack, the ceasefire is over,” Benjamin Netanyahu said.",
        "“Whether Hamas was behind the attack is unclear,” Antony Blinken said.",
        "“Is Russia responsible for the blast?” a reporter asked Olaf Scholz.",
        # the speaker's own side, and responsibility for nothing wrongful
        "“We are responsible for the security of the border,” Benjamin Netanyahu said.",
        "Olaf Scholz said the finance ministry is responsible for the budget.",
        "Emmanuel Macron said Germany is capable of winning the tournament.",
        # a good deed is no charge
        "Emmanuel Macron said the peace deal was Qatar's doing.",
    ],
)
def test_no_responsibility_claim(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    assert typed(speech_acts(analyse(text, published=PUB)), "ACCUSE") == set()


# -- damned conduct -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "“Iran's destructive ambitions threaten the whole region,” Joe Biden said.",
            ("ACCUSE", "joe-biden", "iran"),
        ),
        (
            "“China's reckless provocations endanger everyone in the strait,” Fumio Kishida said.",
            ("ACCUSE", "fumio-kishida", "china"),
        ),
        (
            "“Iran's illegal meddling must stop,” Joe Biden said.",
            ("ACCUSE", "joe-biden", "iran"),
        ),
    ],
)
def test_damned_conduct_accuses_its_owner(
    analyse: Analyse, text: str, event: tuple[str, str, str], speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        # losses and a murder are suffered, not done, by their owner
        ("“Russia's terrible losses keep growing every week,” Volodymyr Zelenskyy said.", "russia"),
        ("“Navalny's brutal murder shocked us all,” Emmanuel Macron said.", "alexei-navalny"),
        # praise of conduct is no blame
        ("“China's wise policy helped the whole region,” Fumio Kishida said.", "china"),
    ],
)
def test_no_blame_of_a_victim_or_of_praised_conduct(
    analyse: Analyse, text: str, victim: str, speech_acts: TriplesOf
) -> None:
    assert not any(
        act[2] == victim for act in typed(speech_acts(analyse(text, published=PUB)), "ACCUSE")
    )


def test_doers_of_an_action_are_the_owners_named_in_the_subject(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    """In an active clause "the thugs of X did Y", X did it (not the victim reading of
    "the murder of X was ...")."""
    document = analyse(
        "“The henchmen of Hamas fired another deadly barrage at the villages,” "
        "Benjamin Netanyahu said.",
        published=PUB,
    )
    assert ("ACCUSE", "benjamin-netanyahu", "hamas") in speech_acts(document)


# -- apology --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We deeply regret this painful error,” Fumio Kishida told reporters.", "fumio-kishida"),
        (
            "“We are sorry for the mistake our soldiers made,” Benjamin Netanyahu said.",
            "benjamin-netanyahu",
        ),
        ("“Japan regrets this terrible blunder,” Fumio Kishida said.", "fumio-kishida"),
    ],
)
def test_apology_of_the_speakers_side_concedes(
    analyse: Analyse, text: str, speaker: str, speech_acts: TriplesOf
) -> None:
    assert ("CONCEDE", speaker, None) in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "“We regret the loss of life on both sides,” Rishi Sunak said.",
        "“We will never apologise for defending our country,” Vladimir Putin said.",
        "“We regret that we cannot attend the summit,” Olaf Scholz said.",
        "“Hamas regrets nothing,” Benjamin Netanyahu said.",
        "“If we made a mistake, we regret it,” Olaf Scholz said.",
    ],
)
def test_no_concession(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    assert typed(speech_acts(analyse(text, published=PUB)), "CONCEDE") == set()


# -- pronouns a quote leaves open -----------------------------------------------


def test_vocative_names_whom_you_means(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse("“President Macron, we are with you,” Olaf Scholz wrote.", published=PUB)
    assert ("SUPPORT", "olaf-scholz", "emmanuel-macron") in speech_acts(document)


def test_you_without_a_name_is_nobody(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse("“Tonight we are with you,” Olaf Scholz wrote.", published=PUB)
    assert typed(speech_acts(document), "SUPPORT") == set()


def test_him_of_a_quote_is_the_person_named_before(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    document = analyse(
        "Alexei Navalny was jailed again on Monday. Later Emmanuel Macron said, “We are with him.”",
        published=PUB,
    )
    assert ("SUPPORT", "emmanuel-macron", "alexei-navalny") in speech_acts(document)


def test_him_is_not_another_speaker(analyse: Analyse, speech_acts: TriplesOf) -> None:
    """A fellow commentator quoted just before is not whom the next quote's "him" means."""
    document = analyse(
        "Rishi Sunak said, “The talks went well.” Emmanuel Macron said, “We are with him.”",
        published=PUB,
    )
    assert typed(speech_acts(document), "SUPPORT") == set()


def test_they_of_an_obligation_is_the_group_named_before(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    document = analyse(
        "Joe Biden spoke about NATO and said, “They must protect every inch of the alliance.”",
        published=PUB,
    )
    assert ("REQUEST", "joe-biden", "nato") in speech_acts(document)


def test_they_with_nobody_named_asks_nothing(analyse: Analyse, speech_acts: TriplesOf) -> None:
    acts = speech_acts(analyse("“They need to do more,” Joe Biden said.", published=PUB))
    assert typed(acts, "REQUEST") == set()


def test_claim_cues_load_from_shipped_data() -> None:
    cues = load_cues()
    assert cues.types["CONCEDE"][0] == "080"
    assert "perpetrator" in cues.culprit_nouns and "responsible" in cues.responsible_adjectives
    assert "bombing" in cues.violent_acts and "mistake" in cues.fault_nouns
    assert "policy" in cues.conduct_nouns and "apologise" in cues.apology_verbs


# -- complaint --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("“My confession was forced,” Ahmed Khan said.", ("ACCUSE", "local:ahmed-khan", None)),
        (
            "Ahmed Khan said he was wrongfully imprisoned under the Taliban's rule.",
            ("ACCUSE", "local:ahmed-khan", "taliban"),
        ),
        (
            "“We were tortured by the Taliban,” Ahmed Khan said.",
            ("ACCUSE", "local:ahmed-khan", "taliban"),
        ),
    ],
)
def test_wrong_done_to_the_speaker_accuses(
    analyse: Analyse, text: str, event: tuple[str, str, str | None], speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "“As a child I was forced into a marriage,” Ahmed Khan said.",
        "“We were forced to leave,” Ahmed Khan said.",
        "“I was elected by the people,” Ahmed Khan said.",
        "“We are broken and we are hurt,” Ahmed Khan said.",
        "“I was not tortured by anyone,” Ahmed Khan said.",
    ],
)
def test_no_complaint(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    assert typed(speech_acts(analyse(text, published=PUB)), "ACCUSE") == set()


# -- acts done by saying them ---------------------------------------------------


def test_we_warn_is_the_speakers_act(analyse: Analyse) -> None:
    """ "We warn X" in a quote is a threat the speaker makes, whoever "we" stands for."""
    document = analyse(
        "“We warn Israel that our response will be harsh,” said Hassan Nasrallah, "
        "the leader of Hezbollah.",
        published=PUB,
    )
    sources = {e.source_id for e in document.events if e.type == "THREATEN"}
    assert sources == {"hassan-nasrallah"}


def test_a_deed_told_by_we_stays_the_groups(analyse: Analyse) -> None:
    document = analyse(
        "“We attacked the army base at dawn,” said Hassan Nasrallah, the leader of Hezbollah.",
        published=PUB,
    )
    assert "hassan-nasrallah" not in {e.source_id for e in document.events if e.type == "ASSAULT"}


# -- evaluations: denials and curated praise ------------------------------------


def test_a_denial_defends_rather_than_blames(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse(
        "“Angela Merkel was portrayed as a liar, but she did not lie,” Olaf Scholz said.",
        published=PUB,
    )
    assert not any(act[2] == "angela-merkel" for act in typed(speech_acts(document), "ACCUSE"))


def test_an_affirmed_wrong_still_blames(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse(
        "“Angela Merkel lied to the nation and that is shameful,” Olaf Scholz said.",
        published=PUB,
    )
    assert ("ACCUSE", "olaf-scholz", "angela-merkel") in speech_acts(document)


def test_a_praise_word_in_an_upbeat_sentence_supports(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    document = analyse(
        "“Nelson Mandela was an icon who devoted his life to the empowerment of his people,” "
        "Cyril Ramaphosa said.",
        published=PUB,
    )
    assert ("SUPPORT", "cyril-ramaphosa", "nelson-mandela") in speech_acts(document)


@pytest.mark.parametrize(
    "text",
    [
        "“The old tower was an icon of the city,” Cyril Ramaphosa said.",
        "“Jacob Zuma was an icon of corruption and greed,” Cyril Ramaphosa said.",
    ],
)
def test_no_praise_of_nobody_or_in_a_bleak_sentence(
    analyse: Analyse, text: str, speech_acts: TriplesOf
) -> None:
    assert typed(speech_acts(analyse(text, published=PUB)), "SUPPORT") == set()
