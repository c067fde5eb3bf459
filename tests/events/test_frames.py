"""Frames of issue 11: who does what to whom, across verbal, nominal and clausal forms.

Sentences of our own writing; mentions come from the stand-in of ``conftest.py``
(people by last name, organisations and states by their text, demonyms by state),
so each case tests the events stage's frames alone. A case is (type, source,
target, sentence): the event must be among those found. Null targets (None) are
for types that need no recipient and sentences that name none.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.model import Event

PUB = "2023-06-22"

FRAMES: list[tuple[str, str, str | None, str]] = [
    # verbal, active and coordinated
    ("ACCUSE", "Poland", "Belarus", "Poland accused Belarus of staging the crossings."),
    ("ACCUSE", "Kenya", "Uganda", "Kenya blamed Uganda for the border clash."),
    ("ACCUSE", "Lithuania", "Russia", "Lithuania denounced Russia and expelled its envoy."),
    ("SANCTION", "Lithuania", "Russia", "Lithuania denounced and expelled Russia's envoy."),
    ("ACCUSE", "Lithuania", "Russia", "Lithuania denounced and expelled Russia's envoy."),
    ("ACCUSE", "Chile", "Peru", "Chile condemned and criticised Peru on Monday."),
    ("REQUEST", "Ghana", "Nigeria", "Ghana urged Nigeria to reopen the border."),
    ("REQUEST", "France", "Germany", "France asked Germany to release the detained soldiers."),
    ("REQUEST", "Brazil", "Venezuela", "Brazil called on Venezuela to hold free elections."),
    ("REQUEST", "Greece", "Turkey", "Greece encouraged Turkey to resume the talks."),
    ("REQUEST", "Sweden", None, "Sweden called for an independent inquiry into the sinking."),
    ("REQUEST", "Amnesty", None, "Amnesty called for the charges to be dropped."),
    ("REQUEST", "Greenpeace", "Macron", "Greenpeace called for Emmanuel Macron's resignation."),
    ("REQUEST", "Ukraine", "Russia", "Ukraine called for Russia's withdrawal from Crimea."),
    ("REJECT", "Serbia", "Kosovo", "Serbia rejected Kosovo's proposal on Tuesday."),
    ("REJECT", "Hungary", None, "Hungary denied the claims."),
    ("REJECT", "Bolivia", "Chile", "Bolivia refused Chile's offer of mediation."),
    ("THREATEN", "Iran", "Israel", "Iran threatened Israel with a crushing response."),
    ("SUPPORT", "Norway", "Ukraine", "Norway praised Ukraine for its courage."),
    ("SUPPORT", "Spain", "Morocco", "Spain backed Morocco in the dispute."),
    ("SUPPORT", "Egypt", "Sudan", "Egypt congratulated Sudan on the ceasefire."),
    ("CONSULT", "Macron", "Scholz", "Macron and Scholz met in Berlin on Monday."),
    ("CONSULT", "Kerry", "Lavrov", "John Kerry contacted Sergei Lavrov about the crisis."),
    ("CONSULT", "Modi", "Albanese", "Narendra Modi spoke with Anthony Albanese by phone."),
    ("AID", "Japan", "Turkey", "Japan sent aid to Turkey after the earthquake."),
    ("AID", "Canada", "Haiti", "Canada provided assistance to Haiti."),
    ("COOPERATE", "Finland", "Sweden", "Finland cooperated with Sweden on air defence."),
    ("AGREE", "Armenia", "Azerbaijan", "Armenia signed a peace agreement with Azerbaijan."),
    ("AGREE", "Colombia", None, "Colombia agreed to the ceasefire."),
    ("AGREE", "France", None, "France pledged to hold elections within a year."),
    # passive with a by-agent
    ("ACCUSE", "Estonia", "Russia", "Russia was accused by Estonia of jamming GPS signals."),
    ("SUPPORT", "Portugal", "Brazil", "Brazil was praised by Portugal for the reforms."),
    ("ASSAULT", "Russia", "Ukraine", "Ukraine was attacked by Russia overnight."),
    ("REJECT", "Germany", "Poland", "Poland's request was rejected by Germany."),
    ("COERCE", "Russia", "Smith", "John Smith was arrested by Russia in January."),
    # participles and relative clauses
    ("ASSAULT", "Israel", "Gaza", "Israel, which struck Gaza overnight, declared a pause."),
    ("SANCTION", "Germany", "Ryanair", "Germany banned Ryanair from its airports."),
    # nominal frames
    ("ASSAULT", "Russia", "Ukraine", "The Russian attack on Ukraine killed twelve."),
    ("ASSAULT", "Israel", "Lebanon", "Israel's strike on Lebanon drew condemnation."),
    ("CONSULT", "Japan", "China", "Talks between Japan and China resumed in Tokyo."),
    ("CONSULT", "Blinken", "China", "Antony Blinken's visit to China ended on Monday."),
    ("COERCE", "Belarus", "Bialiatski", "Belarus's arrest of Ales Bialiatski drew protests."),
    ("ACCUSE", "Ecuador", "Mexico", "Ecuador's lawsuit against Mexico was filed on Monday."),
    ("SANCTION", "Canada", "Iran", "Canada imposed sanctions on Iran on Friday."),
    ("SANCTION", "United Kingdom", "Russia", "British sanctions against Russia took effect."),
    ("CONCEDE", "Trudeau", None, "Justin Trudeau announced his resignation on Monday."),
    ("REJECT", "Iraq", None, "Iraq's refusal of the plan surprised observers."),
    # light verbs
    ("ASSAULT", "Hamas", "Israel", "Hamas launched an attack on Israel on Saturday."),
    ("CONSULT", "Ethiopia", "Kenya", "Ethiopia held talks with Kenya in Nairobi."),
    ("AGREE", "Sudan", "Chad", "Sudan reached an agreement with Chad on refugees."),
    ("SUPPORT", "Ghana", "Nigeria", "Ghana expressed support for Nigeria."),
    ("SUPPORT", "India", "Nepal", "India paid tribute to Nepal's victims."),
    ("AGREE", "Qatar", "Egypt", "Qatar entered into an agreement with Egypt."),
    # control and infinitives
    ("CONSULT", "Biden", "Macron", "Joe Biden travelled to Paris to meet Emmanuel Macron."),
    ("AGREE", "al-Sisi", "Abbas", "Abdel Fattah al-Sisi agreed to meet Mahmoud Abbas."),
    ("THREATEN", "Turkey", "Sweden", "Turkey threatened to attack Sweden's allies."),
    ("REQUEST", "Zelensky", "Germany", "Volodymyr Zelensky told Germany to send tanks."),
    # verbal sense of an event noun's agent
    ("ACCUSE", "Guterres", "Israel", "Antonio Guterres condemned the Israeli attack on Gaza."),
    ("ASSAULT", "Israel", "Gaza", "Antonio Guterres condemned the Israeli attack on Gaza."),
    ("ACCUSE", "Borrell", None, "Josep Borrell condemned the bombing of the market."),
    ("ACCUSE", "Lula", None, "Lula called the raid a senseless act."),
    # phrasal and secondary predicates
    ("ACCUSE", "Obama", "Trump", "Barack Obama called out Donald Trump on Tuesday."),
    ("ACCUSE", "Biden", "Putin", "Joe Biden called Vladimir Putin a dictator."),
    ("CONCEDE", "Johnson", None, "Boris Johnson stepped down as leader."),
    ("MOBILIZE", "Taiwan", None, "Taiwan put its forces on high alert."),
    ("PROTEST", "Greenpeace", "Shell", "Greenpeace protested against Shell outside the office."),
    ("COERCE", "Turkey", "Kavala", "Turkey sentenced Osman Kavala to life in prison."),
    ("CONCEDE", "Mexico", None, "Mexico legalized recreational cannabis."),
    ("ACCUSE", "Congress", "Nixon", "Congress impeached Richard Nixon."),
    ("AID", "Greece", "Libya", "Greece rescued Libya's fishermen."),
    # coordinated objects and subjects: one event each
    ("ACCUSE", "France", "Russia", "France condemned Russia and Belarus on Monday."),
    ("ACCUSE", "France", "Belarus", "France condemned Russia and Belarus on Monday."),
    ("SUPPORT", "Germany", "Moldova", "Germany and France praised Moldova."),
    ("SUPPORT", "France", "Moldova", "Germany and France praised Moldova."),
    ("SANCTION", "Canada", "Iran", "Canada sanctioned Iran and Syria."),
    ("SANCTION", "Canada", "Syria", "Canada sanctioned Iran and Syria."),
    # passives of judgement and custody without an agent in the stand-in: no source, no event;
    # with an agent: the agent
    ("COERCE", "Egypt", "Alaa", "Alaa was detained by Egypt in Cairo."),
    ("ACCUSE", "France", "Google", "Google was sued by France over privacy."),
    ("REQUEST", "Germany", "Poland", "Poland was urged by Germany to reconsider."),
    # nominal events with by-agents and of-patients
    ("ASSAULT", "Russia", "Ukraine", "The bombing of Ukraine by Russia continued."),
    ("COERCE", "Iran", "Germany", "The detention of German citizens by Iran angered Berlin."),
    ("CONSULT", "Biden", "Israel", "Joe Biden's trip to Israel was brief."),
    ("ACCUSE", "Ghana", "Nigeria", "Ghana's complaint against Nigeria was heard on Monday."),
    ("THREATEN", "Iran", "Israel", "Iran's threat against Israel alarmed diplomats."),
    ("REQUEST", "Kenya", "Ethiopia", "Kenya's demand to Ethiopia went unanswered."),
    # verbs of the generated CAMEO lexicon
    ("ASSAULT", "Russia", "Ukraine", "Russia bombarded Ukraine on Friday."),
    ("ACCUSE", "France", "Iran", "France denounced Iran on Friday."),
    ("ACCUSE", "Germany", "Turkey", "Germany rebuked Turkey over the arrests."),
    ("COERCE", "Russia", "Ukraine", "Russia deported Ukrainian children."),
    ("ASSAULT", "Hamas", "Israel", "Hamas ambushed Israeli soldiers."),
    ("SUPPORT", "Spain", "Portugal", "Spain congratulated Portugal on the result."),
    ("PROTEST", "Greenpeace", None, "Greenpeace rallied against the pipeline."),
    ("COERCE", "Iran", "Sweden", "Iran prosecuted a Swedish diplomat."),
    ("ASSAULT", "Israel", "Lebanon", "Israel shelled Lebanon overnight."),
    ("REJECT", "India", "Pakistan", "India rebuffed Pakistan on Tuesday."),
]


@pytest.mark.parametrize(
    ("kind", "source", "target", "text"), FRAMES, ids=[c[3][:40] for c in FRAMES]
)
def test_frame_gives_event(
    events_of: Callable[..., list[Event]], kind: str, source: str, target: str | None, text: str
) -> None:
    found = {(e.type, e.source_id, e.target_id) for e in events_of(text, published=PUB)}
    assert (kind, source, target) in found, found


# Sentences whose participant is named but not resolved (no stand-in mention for "the
# committee"), or an unknown person: the target is unknown, not absent, so no event.
UNKNOWN_TARGETS = [
    "Iran accused the lawmakers of treason.",
    "Greece urged somebody to act.",
]


@pytest.mark.parametrize("text", UNKNOWN_TARGETS)
def test_unresolved_person_target_gives_no_null_event(
    events_of: Callable[..., list[Event]], text: str
) -> None:
    assert [e for e in events_of(text, published=PUB) if e.target_id is None] == []


def test_implicit_police_for_a_passive_arrest(analyse: Callable[..., object]) -> None:
    document = analyse(
        "Kenyan police said on Monday. A Kenyan opposition leader, Raila Odinga, was "
        "arrested in Nairobi on Sunday.",
        published=PUB,
    )
    events = [e for e in document.events if e.type == "COERCE"]  # type: ignore[attr-defined]
    assert [e.source_id for e in events] == ["agent:KEN:COP"]


def test_implicit_court_for_a_sentence(analyse: Callable[..., object]) -> None:
    document = analyse(
        "A Turkish court in Istanbul ruled on Monday. The Turkish activist Osman Kavala was "
        "sentenced to life in prison.",
        published=PUB,
    )
    sources = {e.source_id for e in document.events if e.type == "COERCE"}  # type: ignore[attr-defined]
    assert sources and all(s.endswith(":JUD") for s in sources)


def test_no_implicit_agent_inside_a_quote(analyse: Callable[..., object]) -> None:
    document = analyse(
        'Kenya\'s president William Ruto said: "In my youth I was arrested many times."',
        published=PUB,
    )
    assert [e for e in document.events if e.source_id.startswith("agent:")] == []  # type: ignore[attr-defined]


# A state named as where an attack landed is its target when the text names no other
# (actor kinds come from the real actors stage, so these run the whole pipeline).
PLACE_TARGETS = [
    ("Iran fired missiles at a base in Iraq on Tuesday.", "iran", "iraq"),
    ("Russia fired rockets aimed at a depot in Ukraine on Monday.", "russia", "ukraine"),
    ("Turkey struck a convoy in Syria on Sunday.", "turkey", "syria"),
]


@pytest.mark.parametrize(("text", "source", "target"), PLACE_TARGETS)
def test_attack_on_a_place_targets_its_state(
    analyse: Callable[..., object], text: str, source: str, target: str
) -> None:
    events = analyse(text, published=PUB).events  # type: ignore[attr-defined]
    assert ("ASSAULT", source, target) in {(e.type, e.source_id, e.target_id) for e in events}


def test_bare_possessor_of_an_arrest_is_the_detainee(analyse: Callable[..., object]) -> None:
    document = analyse(
        "The Kenyan opposition leader Raila Odinga spoke to reporters in Nairobi after his "
        "arrest on Sunday.",
        published=PUB,
    )
    coerce = [e for e in document.events if e.type == "COERCE"]  # type: ignore[attr-defined]
    assert coerce and all(e.source_id == "agent:KEN:COP" for e in coerce)
    assert all(e.target_id and not e.target_id.startswith("agent:") for e in coerce)
