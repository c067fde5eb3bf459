"""More speech acts read from what attributed speech says (communique.events.speech).

Sentences of our own writing run through the whole pipeline; the events checked are
those read from quotes (``context == "speech"``). Each case has a counterpart where the
act is not there: whom a quote's "he" means when the article's subject is in reach,
a mood of the subject that praises nobody, a court's finding that someone's act was
unlawful, a threat of force aimed at the side the speaker is fighting.
"""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document

PUB = "2024-03-12"
Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]

# An article about one person (named four times, also a speaker), with another person
# named once between that person and the quote.
RESIGNATION = (
    "Olaf Scholz announced his resignation on Monday evening. Scholz said he would leave"
    " office in May. Scholz had led the government since 2021, and his party had urged"
    " Scholz to stay. Antonio Guterres was travelling in Asia at the time. Rishi Sunak"
    " said in a statement, “I think he made the right decision for his country. We will be"
    " working together on a smooth handover.”"
)


def test_he_in_a_quote_means_the_article_subject_in_reach(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    acts = speech_acts(analyse(RESIGNATION, published=PUB))
    assert ("SUPPORT", "rishi-sunak", "olaf-scholz") in acts
    assert ("AGREE", "rishi-sunak", "olaf-scholz") in acts
    assert not any(target == "antonio-guterres" for _, _, target in acts)


def test_without_an_article_subject_he_means_the_nearest_person(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    # Scholz is named once: no one is the article's subject, the nearest person is meant
    text = (
        "Olaf Scholz announced his resignation on Monday evening. Antonio Guterres was"
        " travelling in Asia at the time. Rishi Sunak said in a statement, “I think he made"
        " the right decision for his country.”"
    )
    acts = speech_acts(analyse(text, published=PUB))
    assert ("SUPPORT", "rishi-sunak", "olaf-scholz") not in acts


def test_a_mood_of_the_subject_praises_nobody(analyse: Analyse, speech_acts: TriplesOf) -> None:
    for mood in (
        "“She is very glad that justice was done at last,” Rishi Sunak said.",
        "“She is so happy and thankful that the truth came out,” Rishi Sunak said.",
    ):
        document = analyse("Annalena Baerbock won the case on Friday. " + mood, published=PUB)
        assert not any(kind == "SUPPORT" for kind, _, _ in speech_acts(document)), mood


def test_a_judgement_of_the_subject_still_praises(analyse: Analyse, speech_acts: TriplesOf) -> None:
    document = analyse(
        "Annalena Baerbock won the case on Friday. “She is a hero,” Rishi Sunak said.",
        published=PUB,
    )
    assert ("SUPPORT", "rishi-sunak", "annalena-baerbock") in speech_acts(document)


def test_a_threat_naming_no_one_is_aimed_at_the_side_the_speaker_fights(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    reported = analyse(
        "Russian forces attacked Ukraine on Tuesday. Ukraine said it would respond"
        " militarily within two days.",
        published=PUB,
    )
    assert ("THREATEN", "ukraine", "russian-armed-forces") in speech_acts(reported)
    direct = analyse(
        "Russian forces attacked Ukraine on Tuesday. “We will strike back,” Volodymyr"
        " Zelenskyy said.",
        published=PUB,
    )
    assert ("THREATEN", "volodymyr-zelenskyy", "russian-armed-forces") in speech_acts(direct)


def test_a_threat_naming_no_one_without_a_fight_told_is_no_event(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    for text in (
        "Ukraine said it would respond militarily within two days.",
        # talks are no fight: nobody to aim the threat at
        "India and Pakistan held talks on Tuesday. Pakistan said it would respond"
        " militarily if attacked.",
    ):
        acts = speech_acts(analyse(text, published=PUB))
        assert not any(kind == "THREATEN" for kind, _, _ in acts), text


def test_an_admitted_wrong_of_the_speakers_side_is_a_concession(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    document = analyse(
        "Russian forces shelled Kharkiv on Monday. Ukraine condemned the attack. On Friday,"
        " Russia acknowledged its forces had mistakenly shelled a Ukrainian hospital.",
        published=PUB,
    )
    # conceded to the country of the people wronged, which the article names
    assert ("CONCEDE", "russia", "ukraine") in speech_acts(document)
    fault = analyse("Iran admitted that it had made a serious mistake.", published=PUB)
    assert ("CONCEDE", "iran", None) in speech_acts(fault)


def test_no_concession_without_an_own_wrong_admitted(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    for text in (
        # nothing wrongful acknowledged
        "Russia acknowledged that its forces had received the letter from Ukraine.",
        # the wrong acknowledged is another side's
        "Iran acknowledged that Israeli forces had shot down the drone.",
        # a denial concedes nothing
        "Iran denied that it had shot down the plane.",
    ):
        acts = speech_acts(analyse(text, published=PUB))
        assert not any(kind == "CONCEDE" for kind, _, _ in acts), text


def test_a_court_finding_an_act_unlawful_sanctions_its_author(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    cases = [
        (
            "Israel's Supreme Court said on Monday that Benjamin Netanyahu's order to close"
            " the crossing was unlawful.",
            ("SANCTION", "supreme-court-of-israel", "benjamin-netanyahu"),
        ),
        (
            # the author of "the closure" is whoever the article said made it
            "Benjamin Netanyahu announced the closure on Sunday. Israel's Supreme Court said"
            " on Monday that the closure was illegal.",
            ("SANCTION", "supreme-court-of-israel", "benjamin-netanyahu"),
        ),
        (
            "The Supreme Court of the United States ruled on Monday that Donald Trump's ban"
            " was unconstitutional.",
            ("SANCTION", "supreme-court-of-the-united-states", "donald-trump"),
        ),
    ]
    for text, event in cases:
        assert event in speech_acts(analyse(text, published=PUB)), text


def test_one_ruling_is_one_sanction_read_where_the_court_first_finds(analyse: Analyse) -> None:
    # the first finding names no author; the summary's does: one ruling, one author
    document = analyse(
        "The Supreme Court of the United States issued its ruling on Monday. The court"
        " found the suspension of Congress to be unlawful. In its summary, the court said:"
        " \"Donald Trump's advice to the cabinet was unlawful and void. The suspension was"
        ' also void."',
        published=PUB,
    )
    sanctions = [e for e in document.events if e.type == "SANCTION"]
    assert [(e.source_id, e.target_id) for e in sanctions] == [
        ("supreme-court-of-the-united-states", "donald-trump")
    ]
    assert "found the suspension" in sanctions[0].evidence.text


def test_no_sanction_for_a_denied_finding_or_one_without_an_author(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    for text in (
        "The Supreme Court of the United States ruled on Monday that the ban was not"
        " unconstitutional.",
        "The Supreme Court of the United States said on Monday that the election law was"
        " unconstitutional.",
    ):
        acts = speech_acts(analyse(text, published=PUB))
        assert not any(kind == "SANCTION" for kind, _, _ in acts), text


def test_the_speakers_contested_course_going_on_rejects_its_adversary(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    for text in (
        # the course told as the speaker's act ...
        "Ukraine started to broadcast news into occupied areas in May. Russian forces"
        " attacked Ukraine on Monday. Ukraine says the broadcasts will continue.",
        # ... or as its possession
        "Ukraine's patrols began in May. Russian forces attacked Ukraine on Monday. Ukraine"
        " says the patrols will continue.",
    ):
        acts = speech_acts(analyse(text, published=PUB))
        assert ("REJECT", "ukraine", "russian-armed-forces") in acts, text


def test_going_on_defies_no_one_without_a_fight_or_with_another_sides_course(
    analyse: Analyse, speech_acts: TriplesOf
) -> None:
    for text in (
        "Ukraine started to broadcast news into occupied areas in May. Ukraine says the"
        " broadcasts will continue.",
        "Russia started to broadcast news into occupied areas in May. Russian forces"
        " attacked Ukraine on Monday. Ukraine says the broadcasts will continue.",
    ):
        acts = speech_acts(analyse(text, published=PUB))
        assert not any(kind == "REJECT" for kind, _, _ in acts), text
