"""Commitments in reported speech and praise of a deed (communique.events.speech_commitments,
speech_reader, speech_evaluations).

Sentences of our own writing run through the whole pipeline; the events checked are
those marked ``context == "speech"``. Mechanisms: the subject pronoun of reported
speech as the speaker ("the party announced it will not ..."), a non-reflexive object
pronoun that cannot share its clause's subject's referent ("X told Y he would help
him"), the complement of an intention as a commitment ("it planned to open ..."), a
pledge to continue a course of action, the object's partner or place as the
addressee ("its seats in X"), and a deed praised as its doer's merit ("he made a great
contribution"); with the negative cases of each.
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


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # reported "they"/"it" of a group or party is the speaker
        (
            "Hamas officials said on Sunday that they would not release the hostages.",
            ("REJECT", "hamas", None),
        ),
        (
            "The Taliban announced that they will not attend the conference in Doha.",
            ("REJECT", "taliban", None),
        ),
        # the place of the refused object is whom the refusal concerns
        (
            "Fidesz declared on Friday that it would not take up its seats in the European Parliament.",
            ("REJECT", "fidesz", "european-parliament"),
        ),
        # "he ... him" in one clause are two people: "he" is the speaker
        (
            "Emmanuel Macron told Olaf Scholz on Monday that he would assist him with the reconstruction.",
            ("AGREE", "emmanuel-macron", "olaf-scholz"),
        ),
        (
            "Joe Biden told Benjamin Netanyahu that he would help him.",
            ("AGREE", "joe-biden", "benjamin-netanyahu"),
        ),
        # an intention commits the way a future does
        (
            "Turkey announced it planned to open its border with Armenia next year.",
            ("AGREE", "turkey", "armenia"),
        ),
        (
            "Turkey said it had decided to open its border with Armenia.",
            ("AGREE", "turkey", "armenia"),
        ),
        (
            "Joe Biden said he was ready to work with China on climate.",
            ("AGREE", "joe-biden", "china"),
        ),
        # continuing a course of action is a pledge; its partner is the recipient
        (
            "Olaf Scholz said he would continue the policies of Angela Merkel.",
            ("AGREE", "olaf-scholz", None),
        ),
        (
            "Olaf Scholz said he would continue the dialogue with Vladimir Putin.",
            ("AGREE", "olaf-scholz", "vladimir-putin"),
        ),
    ],
)
def test_reported_commitments(
    analyse: Analyse, text: str, event: Triple, speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # a forecast, not a pledge
        "Olaf Scholz said the talks would continue next week.",
        # continuing to do something is no course named
        "Narendra Modi said he would continue to visit the region.",
        # a denied or conditional intention commits to nothing
        "Joe Biden said he was not ready to work with China on climate.",
        "Joe Biden said he would be ready to work with China if it cut emissions.",
        # a wish is not an intention
        "Olaf Scholz said he wanted to hold talks with Poland.",
    ],
)
def test_no_commitment(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    found = {t for t in speech_acts(analyse(text, published=PUB)) if t[0] in ("AGREE", "REJECT")}
    assert not found, found


def test_the_denied_intention_makes_no_promise(analyse: Analyse, speech_acts: TriplesOf) -> None:
    text = "Turkey said it does not plan to open its border with Armenia."
    assert ("AGREE", "turkey", "armenia") not in speech_acts(analyse(text, published=PUB))


def test_the_helper_is_not_the_helped(analyse: Analyse, speech_acts: TriplesOf) -> None:
    acts = speech_acts(
        analyse("Joe Biden told Benjamin Netanyahu that he would help him.", published=PUB)
    )
    assert not {a for a in acts if a[1] == "benjamin-netanyahu"}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "“Many of the gains of modern India are tied to the name of Manmohan Singh. He made an"
            " invaluable contribution to the growth of the economy,” Narendra Modi said.",
            ("SUPPORT", "narendra-modi", "manmohan-singh"),
        ),
        (
            "“Nelson Mandela played a key role in ending apartheid,” Joe Biden said.",
            ("SUPPORT", "joe-biden", "nelson-mandela"),
        ),
        (
            "“Angela Merkel did an outstanding job for Europe,” Emmanuel Macron said.",
            ("SUPPORT", "emmanuel-macron", "angela-merkel"),
        ),
    ],
)
def test_a_praised_deed_supports_its_doer(
    analyse: Analyse, text: str, event: Triple, speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "“Vladimir Putin made a big mistake when he invaded the country,” Joe Biden said.",
        "“Vladimir Putin did not make any contribution to the talks,” Joe Biden said.",
        "“Vladimir Putin made a terrible contribution to the war,” Joe Biden said.",
        # a merit noun without praise is a report
        "“Vladimir Putin played a role in the talks,” Joe Biden said.",
    ],
)
def test_no_praise_without_a_praised_deed(
    analyse: Analyse, text: str, speech_acts: TriplesOf
) -> None:
    found = {t for t in speech_acts(analyse(text, published=PUB)) if t[0] == "SUPPORT"}
    assert not found, found


def test_the_cue_lists_name_intentions_courses_and_tributes() -> None:
    cues = load_cues()
    assert {"plan", "intend", "ready"} <= cues.intention_words
    assert "want" not in cues.intention_words and "hope" not in cues.intention_words
    assert "policy" in cues.course_nouns and "support" not in cues.course_nouns
    assert "contribution" in cues.tribute_nouns and "make" in cues.tribute_verbs


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "“We are in close contact with Egypt about the ceasefire,” Antony Blinken said on Tuesday.",
            ("CONSULT", "antony-blinken", "egypt"),
        ),
        (
            "“We are in contact with all the parties, with whom we share the goal of peace,” Antonio"
            " Guterres said.",
            ("CONSULT", "antonio-guterres", None),
        ),
        (
            "“I have been in touch with Emmanuel Macron every day this week,” Olaf Scholz told reporters.",
            ("CONSULT", "olaf-scholz", "emmanuel-macron"),
        ),
    ],
)
def test_the_speakers_side_in_contact_consults(
    analyse: Analyse, text: str, event: Triple, speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "“We are not in contact with the Taliban,” Antony Blinken said.",
        "“We will be in touch with Egypt next week,” Antony Blinken said.",
        "“If we were in contact with Hamas, we would say so,” Antony Blinken said.",
        # someone else's contacts are a report, not the speaker's consultation
        "“Hamas is in contact with Egypt,” Antony Blinken said.",
    ],
)
def test_no_consultation(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    found = {t for t in speech_acts(analyse(text, published=PUB)) if t[0] == "CONSULT"}
    assert not found, found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Joe Biden said Vladimir Putin allegedly ordered the poisoning of Alexei Navalny.",
            ("ACCUSE", "joe-biden", "vladimir-putin"),
        ),
        # "allegedly" makes a charge of an act no word of which is wrongful
        (
            "The Kremlin said that Alexei Navalny allegedly received money from the United States.",
            ("ACCUSE", "russia", "alexei-navalny"),
        ),
    ],
)
def test_an_alleged_act_accuses_its_doer(
    analyse: Analyse, text: str, event: Triple, speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # a hedge of the reporter is no charge
        "Joe Biden said Vladimir Putin reportedly met the generals on Monday.",
        # a charge denied by the clause above it
        "Joe Biden said it was not true that Vladimir Putin allegedly ordered the strike.",
    ],
)
def test_no_allegation(analyse: Analyse, text: str, speech_acts: TriplesOf) -> None:
    found = {t for t in speech_acts(analyse(text, published=PUB)) if t[0] == "ACCUSE"}
    assert not found, found


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Joe Biden warned that Russia would face severe consequences if it invaded Ukraine.",
            ("THREATEN", "joe-biden", "russia"),
        ),
        ("“Russia will pay a heavy price,” Joe Biden warned.", ("THREATEN", "joe-biden", "russia")),
        (
            "“Hamas will regret this,” Benjamin Netanyahu said.",
            ("THREATEN", "benjamin-netanyahu", "hamas"),
        ),
    ],
)
def test_a_penalty_put_on_another_actor_threatens_it(
    analyse: Analyse, text: str, event: Triple, speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # a forecast of the other's act is a warning about it, not a threat to it
        "Joe Biden warned that Russia would invade Ukraine within days.",
        # the speaker's own side paying a price is neither a threat nor a promise
        "“We will pay a heavy price for this war,” Olaf Scholz said.",
        "“Russia did not pay any price,” Joe Biden said.",
    ],
)
def test_no_threat_or_promise_of_a_penalty(
    analyse: Analyse, text: str, speech_acts: TriplesOf
) -> None:
    found = {t for t in speech_acts(analyse(text, published=PUB)) if t[0] in ("THREATEN", "AGREE")}
    assert not found, found


def test_the_quote_names_whom_the_reporting_verb_aims_at(analyse: Analyse) -> None:
    document = analyse("“Israel must stop the bombing now,” Antonio Guterres urged.", published=PUB)
    requests = {(e.source_id, e.target_id) for e in document.events if e.type == "REQUEST"}
    assert requests == {("antonio-guterres", "israel")}


def test_a_reliable_partner_is_praise(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse(
        "“The United States is a reliable partner,” Narendra Modi said.", published=PUB
    )
    assert ("SUPPORT", "narendra-modi", "united-states") in speech_acts(document)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # thanking and rejecting in the present are done by saying them: the speaker's
        (
            "“We thank Japan for its generous help,” Narendra Modi said.",
            ("SUPPORT", "narendra-modi", "japan"),
        ),
        (
            "“We reject the claims of the United States,” Narendra Modi said.",
            ("REJECT", "narendra-modi", "united-states"),
        ),
        # a past rejection is a deed of the group "we" stands for
        (
            "“We rejected the plan of the United States last year,” Narendra Modi said.",
            ("REJECT", "india", "united-states"),
        ),
    ],
)
def test_acts_done_by_saying_them_are_the_speakers(
    analyse: Analyse, text: str, event: Triple, asserted: TriplesOf
) -> None:
    assert event in asserted(analyse(text, published=PUB))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a wrong done by X, named as such
        (
            "“The attack was carried out by Hamas,” Benjamin Netanyahu said.",
            ("ACCUSE", "benjamin-netanyahu", "hamas"),
        ),
        (
            "Donald Trump said the election was stolen by the Democrats.",
            ("ACCUSE", "donald-trump", "democratic-party-us"),
        ),
        # "should be ashamed" blames rather than asks
        (
            "“Russia should be ashamed of what it has done,” Joe Biden said.",
            ("ACCUSE", "joe-biden", "russia"),
        ),
    ],
)
def test_blame_in_passive_and_shame(
    analyse: Analyse, text: str, event: Triple, speech_acts: TriplesOf
) -> None:
    assert event in speech_acts(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        # a good deed done by X accuses nobody
        "“The hostages were freed by Qatar,” Benjamin Netanyahu said.",
        # an obligation without shame stays a request, not blame
        "“Russia should be ready for talks,” Joe Biden said.",
    ],
)
def test_no_blame_of_a_good_deed_or_a_plain_obligation(
    analyse: Analyse, text: str, speech_acts: TriplesOf
) -> None:
    found = {t for t in speech_acts(analyse(text, published=PUB)) if t[0] == "ACCUSE"}
    assert not found, found


def test_what_the_speaker_will_suffer_is_no_threat_nor_blame(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    text = "“We will be attacked by Russia again,” Volodymyr Zelenskyy said."
    found = {
        t
        for t in speech_acts(analyse(text, published=PUB))
        if t[0] in ("THREATEN", "ACCUSE") and t[1] == "volodymyr-zelenskyy"
    }
    assert not found, found
