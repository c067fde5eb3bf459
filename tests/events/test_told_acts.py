"""Participants told outside the trigger's own phrase (issue 11): the doer of an act an
evaluation refers back to ("The operation was condemned by X"), the organisation whose
summit its members sign at, the one a protest was aimed at when a concession answers it;
and a condition word the parser hangs elsewhere still makes its clause no fact.

Sentences of our own writing, run through the whole pipeline (``analyse``) because
participants come from the actors stage and unnamed agents from the article's country.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Document

PUB = "2024-05-20"

Analyse = Callable[..., Document]
Triple = tuple[str, str | None, str | None]
TriplesOf = Callable[[Document], set[Triple]]


FOUND: list[tuple[str, Triple]] = [
    # a passive evaluation of "the operation" aims at who carried it out, told before
    (
        "Russia launched an offensive in eastern Ukraine on Monday. Moscow said it had "
        "reached the river. The operation was condemned by Germany.",
        ("ACCUSE", "germany", "russia"),
    ),
    (
        "On Friday, Israel began a ground offensive. The attack was condemned by Jordan.",
        ("ACCUSE", "jordan", "israel"),
    ),
    # members signing at an organisation's summit sign with the organisation
    (
        "Leaders of the European Union met in Brussels for an EU summit where Emmanuel "
        "Macron and Olaf Scholz signed the migration pact.",
        ("AGREE", "emmanuel-macron", "european-union"),
    ),
    (
        "Leaders of the European Union met in Brussels for an EU summit where Emmanuel "
        "Macron and Olaf Scholz signed the migration pact.",
        ("AGREE", "olaf-scholz", "european-union"),
    ),
]


@pytest.mark.parametrize(("text", "event"), FOUND)
def test_participant_told_outside_the_phrase(
    analyse: Analyse, text: str, event: Triple, asserted: TriplesOf
) -> None:
    assert event in asserted(analyse(text, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "Serbia's prime minister announced her resignation following mass protests.",
        "The government of Chile withdrew the bill after weeks of protests by students.",
    ],
)
def test_protest_answered_by_a_concession_aims_at_the_one_who_gave_way(
    analyse: Analyse, text: str, asserted: TriplesOf
) -> None:
    """A protest that a resignation or a withdrawal answers was aimed at its maker."""
    events = asserted(analyse(text, published=PUB))
    conceders = {t[1] for t in events if t[0] in ("CONCEDE", "RETREAT") and t[2]}
    protests = {t for t in events if t[0] == "PROTEST"}
    assert conceders
    assert protests
    assert all(t[2] in conceders for t in protests)


def test_signing_at_a_summit_of_no_organisation_stays_between_the_signers(
    analyse: Analyse,
    asserted: TriplesOf,
) -> None:
    """A summit named by its place, not by an organisation, hosts no recipient."""
    events = asserted(
        analyse(
            "Leaders met in Nairobi for a summit where Emmanuel Macron and Olaf Scholz "
            "signed the migration pact.",
            published=PUB,
        )
    )
    agreements = {t for t in events if t[0] == "AGREE"}
    assert agreements
    assert all(t[2] in ("olaf-scholz", "emmanuel-macron") for t in agreements)


def test_evaluation_of_an_untold_act_keeps_no_doer(analyse: Analyse, asserted: TriplesOf) -> None:
    """Nothing told before: the condemnation has no recipient rather than a guessed one."""
    events = asserted(analyse("The operation was condemned by Germany.", published=PUB))
    assert ("ACCUSE", "germany", None) in events
    assert not [t for t in events if t[0] == "ACCUSE" and t[2] is not None]


def test_praise_of_an_untold_act_is_no_support(analyse: Analyse, asserted: TriplesOf) -> None:
    """SUPPORT needs a recipient: praise of an act whose doer is untold yields none."""
    events = asserted(analyse("The operation was praised by Germany.", published=PUB))
    assert not [t for t in events if t[0] == "SUPPORT"]


def test_evaluation_aims_at_the_act_of_its_own_kind(analyse: Analyse, asserted: TriplesOf) -> None:
    """An arrest told before is no operation of force: "the operation" finds no doer."""
    events = asserted(
        analyse(
            "Kenya arrested the opposition leader on Monday. The operation was condemned "
            "by Germany.",
            published=PUB,
        )
    )
    assert not [t for t in events if t[0] == "ACCUSE" and t[2] == "kenya"]


def test_protest_told_apart_from_the_concession_keeps_no_target(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """Protests in another sentence are not what the concession answers."""
    events = asserted(
        analyse(
            "The government withdrew the bill. Students in Chile protested again on Friday.",
            published=PUB,
        )
    )
    assert not [t for t in events if t[0] == "PROTEST" and t[2] is not None]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the second of two coordinated verbs under "if" is as conditional as the first
        ("Kenya will send troops if Uganda attacks and occupies the town.", "COERCE"),
        ("Kenya will send troops if Uganda invades and bombs the town.", "ASSAULT"),
        # "unless" hung by the parser on another verb still opens the clause after it
        (
            "He said that they made a strong case, unless of course, Uganda returned and "
            "cooperated with Kenya.",
            "COOPERATE",
        ),
    ],
)
def test_condition_covers_coordinated_verbs(
    analyse: Analyse, text: str, kind: str, asserted: TriplesOf
) -> None:
    assert not [t for t in asserted(analyse(text, published=PUB)) if t[0] == kind]


def test_tribute_naming_no_one_honours_the_person_the_report_is_about(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    text = (
        "Former Kenyan president Mwai Kibaki died on Friday. Kibaki had led Kenya for ten "
        "years. Tributes were paid by leaders including Emmanuel Macron."
    )
    events = asserted(analyse(text, published=PUB))
    assert ("SUPPORT", "emmanuel-macron", "mwai-kibaki") in events


def test_tribute_to_someone_unnamed_is_not_the_protagonist(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """ "paid tribute to the victims": a recipient is named, just not resolved."""
    text = (
        "Former Kenyan president Mwai Kibaki died on Friday. Kibaki had led Kenya for ten "
        "years. Emmanuel Macron paid tribute to the victims of the flood."
    )
    events = asserted(analyse(text, published=PUB))
    assert not [t for t in events if t[0] == "SUPPORT" and t[2] == "mwai-kibaki"]


def test_a_product_named_after_its_maker_is_not_the_maker(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """ "struck by a Volvo XC90": a car, not the carmaker, and no assault."""
    text = "A cyclist, Raila Odinga, was struck by a Toyota Corolla on the road to Nairobi."
    events = asserted(analyse(text, published=PUB))
    assert not [t for t in events if t[0] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the country after a named body says where it is; the parser takes it for the subject
        ("Yesterday, the Parliament of Victoria, Australia voted to pass the bill.", "Parliament"),
        ("On Monday the Senate of Texas, United States voted to pass the bill.", "Senate"),
        # a place in a fronted adjunct, and an appositive name, are no such qualifier
        ("In Sydney, Australia voted to pass the bill.", "Australia"),
        ("After the talks, Kenya voted to pass the bill.", "Kenya"),
    ],
)
def test_country_qualifying_a_named_body_is_not_the_subject(
    nlp: object, text: str, subject: str
) -> None:
    from communique.events.arguments import subjects

    doc = nlp(text)  # type: ignore[operator]
    verb = next(t for t in doc if t.lemma_ == "vote")
    assert [t.text for t in subjects(verb)] == [subject]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a set of people apart from the actor their words name
        ("The Senate has only convicted two other presidents.", "COERCE"),
        ("Raila Odinga contacted former members of the Kenyan army.", "CONSULT"),
        # what a list of demands includes is asked, not done
        ("The strikers' demands include the release of Raila Odinga.", "CONCEDE"),
        ("Their condition was the withdrawal of Kenyan troops from Somalia.", "CONCEDE RETREAT"),
        # a second requested act, coordinated with the first
        ("Uganda urged Kenya to withdraw its troops and release Raila Odinga.", "CONCEDE RETREAT"),
    ],
)
def test_no_act_of_the_named_actor(
    analyse: Analyse, text: str, kind: str, asserted: TriplesOf
) -> None:
    events = asserted(analyse(text, published=PUB))
    assert not [t for t in events if t[0] in kind.split()]


def test_told_act_coordinated_with_a_request_is_kept(analyse: Analyse, asserted: TriplesOf) -> None:
    """ "urged X to reconsider and spoke with Y": the finite verb is an act of its own."""
    events = asserted(
        analyse(
            "Emmanuel Macron urged Germany to reconsider and spoke with Olaf Scholz on Monday.",
            published=PUB,
        )
    )
    assert ("CONSULT", "emmanuel-macron", "olaf-scholz") in events
    assert ("REQUEST", "emmanuel-macron", "germany") in events


def test_a_light_verb_that_yields_no_event_gives_its_noun_a_doer(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """ "offered an apology": "offer" is a trigger, but here it states no act of its own."""
    events = asserted(
        analyse("Kenya's foreign minister offered an apology for the incident.", published=PUB)
    )
    assert [t for t in events if t[0] == "CONCEDE"]


def test_a_verb_with_its_own_event_keeps_the_noun_its_object(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """ "Iran denied the accusation": the denial is the event, not an accusation by Iran."""
    events = asserted(analyse("Iran denied the accusation on Monday.", published=PUB))
    assert not [t for t in events if t[0] == "ACCUSE" and t[1] == "iran"]


@pytest.mark.parametrize(
    "text",
    [
        "Uganda urged Kenya to end the blockade of Somalia.",
        "Uganda asked Kenya to respect and enforce the sanctions on Somalia.",
    ],
)
def test_the_object_of_a_requested_infinitive_is_asked(
    analyse: Analyse, text: str, asserted: TriplesOf
) -> None:
    events = asserted(analyse(text, published=PUB))
    assert ("REQUEST", "uganda", "kenya") in events
    assert not [t for t in events if t[0] == "SANCTION" and t[1] == "kenya"]


def test_agreed_terms_name_the_other_party(analyse: Analyse, asserted: TriplesOf) -> None:
    """ "agreed to a power-sharing deal in which Y became prime minister": with Y."""
    events = asserted(
        analyse(
            "In 2008 Mwai Kibaki agreed to a power-sharing deal in which Raila Odinga became "
            "prime minister.",
            published=PUB,
        )
    )
    assert ("AGREE", "mwai-kibaki", "raila-odinga") in events


def test_terms_someone_rejected_are_no_party_to_the_agreement(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    events = asserted(
        analyse("Mwai Kibaki agreed to a plan that Raila Odinga had rejected.", published=PUB)
    )
    assert ("AGREE", "mwai-kibaki", "raila-odinga") not in events


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "In 2015 Emmanuel Macron helped negotiate the Iran nuclear deal.",
            ("CONSULT", "emmanuel-macron", "iran"),
        ),
        ("Kenya signed the Somalia peace accord on Monday.", ("AGREE", "kenya", "somalia")),
    ],
)
def test_a_deal_named_after_a_party_gives_the_recipient(
    analyse: Analyse, text: str, event: Triple, asserted: TriplesOf
) -> None:
    assert event in asserted(analyse(text, published=PUB))


def test_a_causative_participle_acts_on_what_its_subject_names(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """ "X had her home searched": the search is done to X, by unnamed police."""
    events = asserted(analyse("Raila Odinga had his home searched on Monday.", published=PUB))
    assert ("COERCE", "agent:KEN:COP", "raila-odinga") in events


def test_a_bare_infinitive_under_have_keeps_its_own_subject(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    """ "had the police search X": the police search, nothing is done to them."""
    events = asserted(
        analyse("Raila Odinga had the police search the home of William Ruto.", published=PUB)
    )
    assert not [t for t in events if t[0] == "COERCE" and t[2] == "agent:KEN:COP"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Police searched Raila Odinga's home on Monday.", True),
        ("Police in Nairobi searched for Raila Odinga on Monday.", False),
    ],
)
def test_search_for_is_no_search_of(
    analyse: Analyse, text: str, found: bool, asserted: TriplesOf
) -> None:
    """A preposition of time keeps the search; "search for" is looking, not coercion."""
    events = asserted(analyse(text, published=PUB))
    assert bool([t for t in events if t[0] == "COERCE" and t[2] == "raila-odinga"]) is found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police in Nairobi spoke with Raila Odinga as a suspect on Friday.", "ACCUSE"),
        ("Police in Nairobi spoke with Raila Odinga as a witness on Friday.", "CONSULT"),
    ],
)
def test_speaking_with_someone_as_a_suspect_accuses(
    analyse: Analyse, text: str, kind: str, asserted: TriplesOf
) -> None:
    """ "spoke with X as a suspect": an interview of the accused, not talks."""
    events = asserted(analyse(text, published=PUB))
    kinds = {t[0] for t in events if t[2] == "raila-odinga"}
    assert kinds & {"ACCUSE", "CONSULT"} == {kind}


def test_refusal_to_say_more_refuses_the_one_told_before(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    text = (
        'Raila Odinga told the BBC that the talks would go on. "We are ready," he said, '
        "but refused to give any more details."
    )
    events = asserted(analyse(text, published=PUB))
    assert ("REJECT", "raila-odinga", "bbc") in events


def test_refusal_after_someone_else_told_keeps_no_recipient(
    analyse: Analyse, asserted: TriplesOf
) -> None:
    text = (
        "William Ruto told the BBC that the talks would go on. Raila Odinga refused to give "
        "any more details."
    )
    events = asserted(analyse(text, published=PUB))
    assert not [t for t in events if t[0] == "REJECT" and t[2] == "bbc"]


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        # someone's contested version is not a fact the report states
        ("The defendants claimed Kenya had attacked Uganda in 2019.", "ASSAULT", False),
        ("Ruto alleged that Uganda funded and armed the rebels.", "AID", False),
        ("Kenya denied that it had attacked Uganda.", "ASSAULT", False),
        # a report that says so states it
        ("Reuters said Kenya had attacked Uganda on Monday.", "ASSAULT", True),
    ],
)
def test_claimed_content_is_no_fact(
    analyse: Analyse, text: str, kind: str, found: bool, asserted: TriplesOf
) -> None:
    events = asserted(analyse(text, published=PUB))
    assert bool([t for t in events if t[0] == kind and t[1] in ("kenya", "uganda")]) is found
