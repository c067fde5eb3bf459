"""More frames of the events stage: argument finding that real reports need beyond
``test_frames.py``. Sentences of our own writing, run through every stage with the real
spaCy model and knowledge base (``analyse`` of tests/conftest.py). Each mechanism has
cases where the event must be found and cases where it must not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

PUB = "2023-06-22"

Analyse = Callable[..., Document]


def _triples(document: Document) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.source_id, e.target_id) for e in document.events}


# A relative pronoun stands for the deal its clause modifies: the deal's name tells the
# sense of "sign", and a deal signed with no agent named was signed by the state it is
# named after.
SIGNED_DEALS = [
    (
        "Lawmakers debated the Iran nuclear deal, which was signed in Vienna in 2015.",
        ("AGREE", "iran", None),
    ),
    (
        "The opposition criticised the Turkey migration pact which the EU signed in 2016.",
        ("AGREE", "european-union", "turkey"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIGNED_DEALS)
def test_deal_named_by_a_relative_clause(
    analyse: Analyse, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in _triples(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "The treaty that was signed in 2015 expired last year.",  # no party named
        "The firm requires its staff to sign a contract every year.",  # no deal of states
    ],
)
def test_no_agreement_without_a_named_party(analyse: Analyse, text: str) -> None:
    assert not [e for e in analyse(text, published=PUB).events if e.type == "AGREE"]


# "killed his wife by poisoning her": an object named only by a tie to someone is the
# person the pronoun of the "by" gerund names.
def test_victim_named_by_the_means_gerund(analyse: Analyse) -> None:
    document = analyse(
        "Maria Lopez, a journalist, died in May. Carlos Ruiz confessed to killing his wife "
        "by poisoning her in 2018.",
        published=PUB,
    )
    assert ("ASSAULT", "local:carlos-ruiz", "local:maria-lopez") in _triples(document)


def test_means_gerund_of_a_thing_names_no_victim(analyse: Analyse) -> None:
    document = analyse(
        "Maria Lopez, a journalist, died in May. Carlos Ruiz confessed to killing his wife "
        "by poisoning the well in 2018.",
        published=PUB,
    )
    assert not [e for e in document.events if e.target_id == "local:maria-lopez"]


def test_the_possessor_is_not_their_rival(analyse: Analyse) -> None:
    """ "his rival": the possessor is someone else than the one the phrase names."""
    document = analyse("Kenyan police arrested William Ruto's rival on Monday.", published=PUB)
    assert not [e for e in document.events if e.target_id == "william-ruto"]


# "X co-founded a party, but was arrested": the parser splits the prefix off a hyphenated
# verb and hangs the subject on it; the arrested one is still X.
def test_subject_hung_on_a_split_verb_prefix(analyse: Analyse) -> None:
    document = analyse(
        "Raila Odinga co-founded a party in Kenya, but was arrested in 1982 and was "
        "imprisoned until 1988.",
        published=PUB,
    )
    assert ("COERCE", "agent:KEN:COP", "raila-odinga") in _triples(document)


def test_unsplit_verb_keeps_its_own_subject(analyse: Analyse) -> None:
    """A compound adjective with a prefix ("a pre-dawn raid") lends no subject."""
    document = analyse("In a pre-dawn raid, Kenyan police arrested Raila Odinga.", published=PUB)
    coerce = [e for e in document.events if e.type == "COERCE"]
    assert [e.target_id for e in coerce] == ["raila-odinga"]
    assert all(e.source_id != "raila-odinga" for e in coerce)


# "accused X of attacking Y": the one judged did the act, not the judge; "acquitted of"
# asserts the act of no one.
JUDGED_ACTS = [
    ("Israel accused Iran of attacking the tanker.", "ASSAULT", "iran", "israel"),
    (
        "The United States accused Russia of supplying weapons to Iran.",
        "AID",
        "russia",
        "united-states",
    ),
    ("Israel was accused of attacking Syria.", "ASSAULT", "israel", None),
    (
        "Two Kenyan police officers were found guilty of beating Raila Odinga.",
        "ASSAULT",
        "agent:KEN:COP",
        None,
    ),
]


@pytest.mark.parametrize(("text", "kind", "doer", "judge"), JUDGED_ACTS)
def test_the_judged_did_the_act(
    analyse: Analyse, text: str, kind: str, doer: str, judge: str | None
) -> None:
    sources = {e.source_id for e in analyse(text, published=PUB).events if e.type == kind}
    assert doer in sources
    assert judge not in sources


def test_acquittal_asserts_no_act(analyse: Analyse) -> None:
    document = analyse(
        "A Nairobi court acquitted two Kenyan police officers of beating Raila Odinga.",
        published=PUB,
    )
    assert not [e for e in document.events if e.type == "ASSAULT"]


# A noun of an act as the passive subject of a light verb: the "by" agent does it and the
# verb's phrases say to whom ("threats were made against X by Y").
CARRIED_OUT = [
    (
        "Threats were made against Kenya by al-Shabaab on Monday.",
        ("THREATEN", "al-shabaab", "kenya"),
    ),
    (
        "Accusations of fraud were levelled against William Ruto by Raila Odinga on Monday.",
        ("ACCUSE", "raila-odinga", "william-ruto"),
    ),
    (
        "Talks were held between Ukraine and Russia in Istanbul on Monday.",
        ("CONSULT", "ukraine", "russia"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CARRIED_OUT)
def test_act_noun_carried_out_in_the_passive(
    analyse: Analyse, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(analyse(text, published=PUB))


def test_passive_of_another_verb_lends_no_phrase(analyse: Analyse) -> None:
    """ "threats were reported against X": reporting is not making them."""
    document = analyse("Threats against Kenya were reported by the BBC on Monday.", published=PUB)
    assert not [e for e in document.events if e.type == "THREATEN"]


# "Russia's decision to expel X": the act a noun of decision names is done by who decided
# it (its possessor, its "by" object, the subject of "took the decision"), as an intent.
DECIDED_ACTS = [
    "Russia's decision to expel two Polish diplomats angered Warsaw.",
    "The decision by Russia to expel two Polish diplomats angered Warsaw.",
    "Russia took the decision to expel two Polish diplomats on Monday.",
]


@pytest.mark.parametrize("text", DECIDED_ACTS)
def test_act_of_a_decision_is_the_deciders(analyse: Analyse, text: str) -> None:
    events = [e for e in analyse(text, published=PUB).events if e.type == "SANCTION"]
    assert [(e.source_id, e.target_id) for e in events] == [("russia", "poland")]
    assert events[0].modality == "intend"


def test_who_judges_a_decision_did_not_take_it(analyse: Analyse) -> None:
    document = analyse(
        "The EU condemned the decision to expel two Polish diplomats.", published=PUB
    )
    assert not [
        e for e in document.events if e.source_id == "european-union" and e.type == "SANCTION"
    ]


# "lifted sanctions on Iran on Monday": the verb's own date phrase does not hide the
# object's phrase of the same preposition.
def test_date_phrase_hides_no_recipient(analyse: Analyse) -> None:
    document = analyse("The European Union lifted sanctions on Iran on Monday.", published=PUB)
    assert ("RETREAT", "european-union", "iran") in _triples(document)


def test_date_phrase_is_no_recipient(analyse: Analyse) -> None:
    document = analyse("The Kenyan government lifted the curfew on Monday.", published=PUB)
    assert all(e.target_id is None for e in document.events)


# "X claimed responsibility for the attack", "the attack was claimed by X": the claimant
# is the attacker, not an unnamed group; accepting responsibility is no such claim.
CLAIMED_ATTACKS = [
    "Al-Shabaab claimed responsibility for the attack on a Kenyan army base.",
    "The attack on a Kenyan army base was claimed by al-Shabaab.",
]


@pytest.mark.parametrize("text", CLAIMED_ATTACKS)
def test_claimant_is_the_attacker(analyse: Analyse, text: str) -> None:
    assert ("ASSAULT", "al-shabaab", "kenya") in _triples(analyse(text, published=PUB))


def test_accepting_responsibility_is_no_claim(analyse: Analyse) -> None:
    document = analyse(
        "Kenya's president accepted responsibility for the attack on a Kenyan army base.",
        published=PUB,
    )
    assert not [e for e in document.events if e.type == "ASSAULT" and e.source_id == "william-ruto"]


# "Following talks with X, Y said": a participle used as a preposition opens a phrase of
# the clause, whose subject took part in the talks; it is not the clause's verb.
@pytest.mark.parametrize(
    "text",
    [
        "Following talks with Putin, Erdogan said the corridor would reopen.",
        "Following a meeting with Putin on Friday, Erdogan said the corridor would reopen.",
    ],
)
def test_talks_in_a_following_phrase(analyse: Analyse, text: str) -> None:
    expected = ("CONSULT", "recep-tayyip-erdogan", "vladimir-putin")
    assert expected in _triples(analyse(text, published=PUB))


def test_an_arrest_in_a_following_phrase_is_not_the_speakers(analyse: Analyse) -> None:
    document = analyse(
        "Following the arrest of Raila Odinga, William Ruto said the country was calm.",
        published=PUB,
    )
    assert not [e for e in document.events if e.source_id == "william-ruto"]


# A truce two parties reach is an agreement between them; one brokered between two
# parties is the broker's agreement with each (as "mediated between X and Y").
TRUCES = [
    ("Israel and Hamas agreed a ceasefire on Sunday.", [("israel", "hamas")]),
    ("Kenya and Somalia reached a truce on Sunday.", [("kenya", "somalia")]),
    (
        "Egypt brokered a ceasefire between Israel and Hamas on Sunday.",
        [("egypt", "hamas"), ("egypt", "israel")],
    ),
]


@pytest.mark.parametrize(("text", "pairs"), TRUCES)
def test_truce_parties(analyse: Analyse, text: str, pairs: list[tuple[str, str]]) -> None:
    events = [e for e in analyse(text, published=PUB).events if e.type == "AGREE"]
    assert sorted((e.source_id, e.target_id) for e in events) == pairs


def test_truce_broken_is_no_agreement(analyse: Analyse) -> None:
    document = analyse("Israel and Hamas broke the ceasefire on Sunday.", published=PUB)
    assert not [e for e in document.events if e.type == "AGREE"]


# A gerund of means or manner belongs to the clause it hangs on: inside an allegation it
# is the accuser's version too, so it is no act of its own; after a plain "said" it is.
@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto alleged Uganda had fuelled the war by supporting "
        "Sudan's army.",
        "Ruto alleged that Uganda had armed the rebels, supporting Sudan's army.",
    ],
)
def test_means_gerund_inside_an_allegation_is_claimed(analyse: Analyse, text: str) -> None:
    triples = _triples(analyse(text, published=PUB))
    assert ("ACCUSE", "william-ruto", "uganda") in triples
    assert not [t for t in triples if t[0] == "SUPPORT"]


def test_means_gerund_after_a_plain_statement_is_an_act(analyse: Analyse) -> None:
    document = analyse(
        "Ruto said Uganda had ended the war by supporting Sudan's army.", published=PUB
    )
    assert [t for t in _triples(document) if t[:2] == ("SUPPORT", "uganda")]


# A bare infinitive the parser hangs on a told request ("urged X to assist Y and deny Z
# any victory") is a second thing asked, not the requester's own act; a verb in a told
# form after the request ("urged X to stay calm, and condemned Y") stays an act.
@pytest.mark.parametrize(
    "text",
    [
        'Samia Hassan called the bombings a "cowardly act" and urged watchful citizens '
        'to support officials and "deny the militants any success".',
        'Samia Hassan described the bombings as a "cowardly act" and urged watchful citizens '
        'to support officials and "deny the militants any success".',
    ],
)
def test_second_infinitive_of_a_request_is_asked(analyse: Analyse, text: str) -> None:
    types = {t[0] for t in _triples(analyse(text, published=PUB))}
    assert "REQUEST" in types
    assert "REJECT" not in types


def test_told_act_after_a_request_stays_an_act(analyse: Analyse) -> None:
    document = analyse(
        "William Ruto urged Uganda to stay calm, and condemned Al-Shabaab.", published=PUB
    )
    assert ("ACCUSE", "william-ruto", "al-shabaab") in _triples(document)


# What is expected or wanted of someone is not done: "expects X to release them", "we
# expect from X an apology" state no release and no apology; a release told as done stays.
@pytest.mark.parametrize(
    "text",
    [
        "Kenya expects Uganda to release the detainees.",
        "Kenya wants Uganda to release the detainees.",
        "Uganda expects from Kenya an official apology and the release of the detainees.",
    ],
)
def test_expected_act_is_not_done(analyse: Analyse, text: str) -> None:
    types = {t[0] for t in _triples(analyse(text, published=PUB))}
    assert not types & {"RETREAT", "CONCEDE"}


def test_act_told_as_done_after_an_expectation_stays(analyse: Analyse) -> None:
    document = analyse("Uganda released the detainees, as Kenya expected.", published=PUB)
    assert [t for t in _triples(document) if t[:2] == ("RETREAT", "uganda")]


# Suspending or revoking someone's permit, licence or accreditation is a penalty on its
# holder (SANCTION), not a concession; suspending a curfew or withdrawing a ban is not.
@pytest.mark.parametrize(
    "text",
    [
        "Kenya has suspended Qatar Airways' operating permit.",
        "Kenya's aviation authority revoked the permit of Qatar Airways on Monday.",
    ],
)
def test_suspended_permit_is_a_sanction_on_its_holder(analyse: Analyse, text: str) -> None:
    triples = _triples(analyse(text, published=PUB))
    assert ("SANCTION", "kenya", "qatar-airways") in triples
    assert not [t for t in triples if t[0] == "CONCEDE"]


@pytest.mark.parametrize(
    "text", ["Kenya suspended the curfew.", "Kenya withdrew the ban on Qatar Airways."]
)
def test_lifted_restriction_is_no_sanction(analyse: Analyse, text: str) -> None:
    assert not [t for t in _triples(analyse(text, published=PUB)) if t[0] == "SANCTION"]
