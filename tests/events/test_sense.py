"""Sense and scope of triggers (issue 11): the same word, different events or none.

Sentences of our own writing with the stand-in mentions of ``conftest.py``. The first
table lists events that must be found with the sense the context gives the trigger;
the second lists (type, sentence) pairs where no asserted event of that type may be
found (a negated event may be recorded, flagged ``negated``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.events.lexicon import PLOVER_TYPES
from communique.model import Event

PUB = "2023-06-22"

SENSES: list[tuple[str, str, str | None, str]] = [
    # AGREE
    ("AGREE", "Peru", "Chile", "Peru agreed with Chile on a fishing quota."),
    ("AGREE", "Ghana", None, "Ghana agreed to the new tariff schedule."),
    ("AGREE", "Turkey", None, "Turkey promised to reopen the grain corridor."),
    ("AGREE", "Spain", "Portugal", "Spain signed a water treaty with Portugal."),
    ("AGREE", "Japan", "Australia", "Japan concluded a defence pact with Australia."),
    ("AGREE", "Egypt", "Israel", "Egypt reached a truce with Israel on Sunday."),
    # CONSULT
    ("CONSULT", "Putin", "Macron", "Vladimir Putin phoned Emmanuel Macron on Thursday."),
    ("CONSULT", "Macron", "Biden", "Emmanuel Macron called Joe Biden on Monday."),
    ("CONSULT", "Blinken", "Iraq", "Antony Blinken visited Iraq on Monday."),
    ("CONSULT", "Norway", "Iran", "Norway held talks with Iran in Oslo."),
    ("CONSULT", "Kenya", "Somalia", "Kenya and Somalia met in Nairobi on Tuesday."),
    # SUPPORT
    ("SUPPORT", "Germany", "Moldova", "Germany praised Moldova for its reforms."),
    ("SUPPORT", "Brazil", "Argentina", "Brazil defended Argentina at the summit."),
    ("SUPPORT", "Ireland", "Spain", "Ireland welcomed Spain's decision."),
    ("SUPPORT", "Obama", "Biden", "Barack Obama endorsed Joe Biden on Tuesday."),
    ("SUPPORT", "Merkel", "Macron", "Angela Merkel described Emmanuel Macron as a visionary."),
    # CONCEDE
    ("CONCEDE", "Sunak", None, "Rishi Sunak resigned on Monday."),
    ("CONCEDE", "Japan", "China", "Japan apologised to China for the incident."),
    ("CONCEDE", "Chile", None, "Chile lifted the curfew on Friday."),
    ("CONCEDE", "Iran", None, "Iran accepted responsibility for the crash."),
    # COOPERATE
    ("COOPERATE", "Italy", "Albania", "Italy cooperated with Albania on migration."),
    ("COOPERATE", "France", "Germany", "France shared intelligence with Germany on Monday."),
    # AID
    ("AID", "Qatar", "Gaza", "Qatar sent food to Gaza on Monday."),
    ("AID", "Norway", "Sudan", "Norway provided funds to Sudan."),
    # RETREAT
    ("RETREAT", "Russia", "Ukraine", "Russia released Ukrainian prisoners on Monday."),
    ("RETREAT", "Israel", "Lebanon", "Israel withdrew its troops from Lebanon."),
    # REQUEST
    ("REQUEST", "France", "Germany", "France urged Germany to free the hostages."),
    ("REQUEST", "Canada", "India", "Canada asked India to recall its diplomats."),
    ("REQUEST", "Ukraine", "Germany", "Ukraine called on Germany to send more tanks."),
    ("REQUEST", "Greenpeace", None, "Greenpeace called for a ban on deep-sea mining."),
    ("REQUEST", "Poland", "Belarus", "Poland demanded the release of its journalist from Belarus."),
    # ACCUSE
    ("ACCUSE", "Serbia", "Kosovo", "Serbia accused Kosovo of provoking the clashes."),
    ("ACCUSE", "Ecuador", "Mexico", "Ecuador sued Mexico at the world court."),
    ("ACCUSE", "Russia", "Ukraine", "Russia blamed Ukraine for the blockade."),
    ("ACCUSE", "Biden", "Putin", "Joe Biden called Vladimir Putin a war criminal."),
    ("ACCUSE", "Sanders", "Trump", "Bernie Sanders called out Donald Trump on Sunday."),
    ("ACCUSE", "Israel", None, "Israel condemned the shooting on Friday."),
    ("ACCUSE", "Congress", "Clinton", "Congress impeached Bill Clinton."),
    # REJECT
    ("REJECT", "Iran", "France", "Iran rejected France's proposal on Monday."),
    ("REJECT", "Kosovo", None, "Kosovo denied the allegations."),
    ("REJECT", "Denmark", "Sweden", "Denmark refused Sweden's request."),
    ("REJECT", "Venezuela", None, "Venezuela refused to release the opposition leader."),
    # THREATEN
    ("THREATEN", "China", "Taiwan", "China threatened Taiwan with military action."),
    ("THREATEN", "Russia", "Finland", "Russia warned Finland against joining NATO."),
    ("THREATEN", "Iran", "Israel", "Iran threatened to strike Israel."),
    # PROTEST
    ("PROTEST", "Greenpeace", None, "Greenpeace protested outside the parliament."),
    ("PROTEST", "Greenpeace", "Shell", "Greenpeace demonstrated against Shell in London."),
    # SANCTION
    ("SANCTION", "Canada", "Iran", "Canada sanctioned Iran over the crackdown."),
    ("SANCTION", "France", "Mali", "France expelled Mali's ambassador."),
    ("SANCTION", "Germany", "Russia", "Germany imposed new sanctions on Russia."),
    ("SANCTION", "Lithuania", "Belarus", "Lithuania banned Belarus's airline."),
    ("SANCTION", "Macron", "Borne", "Emmanuel Macron fired Elisabeth Borne on Monday."),
    # MOBILIZE
    ("MOBILIZE", "Russia", None, "Russia deployed troops near the border."),
    ("MOBILIZE", "Japan", None, "Japan put its army on alert."),
    # COERCE
    ("COERCE", "Iran", "France", "Iran arrested a French tourist in Tehran."),
    ("COERCE", "Russia", "Gershkovich", "Russia detained Evan Gershkovich in March."),
    ("COERCE", "Turkey", "Kavala", "Turkey jailed Osman Kavala in 2017."),
    ("COERCE", "Uganda", "Kenya", "Uganda deported Kenyan activists."),
    ("COERCE", "China", "Hong Kong", "China convicted Hong Kong activists of subversion."),
    # ASSAULT
    ("ASSAULT", "Russia", "Ukraine", "Russia attacked Ukraine's power grid overnight."),
    ("ASSAULT", "Israel", "Syria", "Israel bombed Syria on Sunday."),
    ("ASSAULT", "Hamas", "Israel", "Hamas fired rockets at Israel on Saturday."),
    ("ASSAULT", "Houthis", "Israel", "The Houthis fired missiles at Israel."),
    ("ASSAULT", "Taliban", "Pakistan", "The Taliban ambushed Pakistani soldiers."),
]


def test_senses_cover_every_plover_type() -> None:
    assert {case[0] for case in SENSES} == set(PLOVER_TYPES)


@pytest.mark.parametrize(
    ("kind", "source", "target", "text"), SENSES, ids=[c[3][:40] for c in SENSES]
)
def test_sense_gives_event(
    events_of: Callable[..., list[Event]], kind: str, source: str, target: str | None, text: str
) -> None:
    found = {(e.type, e.source_id, e.target_id) for e in events_of(text, published=PUB)}
    assert (kind, source, target) in found, found


NOT_EVENTS: list[tuple[str, str]] = [
    # opinions are not agreements; a bare "agreed" is concurrence
    ("AGREE", "Biden agreed that Macron won the argument."),
    ("AGREE", "Scholz agreed, saying the plan was sound."),
    # a call with a secondary predicate or a particle is no phone call
    ("CONSULT", "Joe Biden called Vladimir Putin a killer."),
    ("CONSULT", "Bernie Sanders called out Donald Trump on Sunday."),
    ("CONSULT", "Greenpeace called for a ban on whaling."),
    # negation, avoidance and refusal
    ("CONSULT", "Egypt did not meet Israel on Monday."),
    ("ACCUSE", "Hungary avoided criticizing Russia."),
    ("ASSAULT", "Greece refrained from attacking Turkey."),
    ("ACCUSE", "Italy stopped short of condemning Russia."),
    # hypotheticals, conditionals and questions
    ("ASSAULT", "If Iran attacks Israel, the region will burn."),
    ("ASSAULT", "Russia may attack Finland."),
    ("ASSAULT", "Reporters asked whether Israel had bombed Gaza."),
    ("REQUEST", "Reporters asked whether Israel had bombed Gaza."),
    ("SANCTION", "Germany could sanction Russia next year."),
    # requested acts are not done
    ("RETREAT", "France urged Russia to withdraw its troops from Ukraine."),
    ("COERCE", "Amnesty called on Iran to stop arresting journalists."),
    ("CONCEDE", "Protesters called for Macron's resignation."),
    ("RETREAT", "Poland asked Belarus to release the journalist."),
    ("CONCEDE", "The opposition demanded that Sunak resign."),
    # standing stances and generic statements
    ("SUPPORT", "Iran has always supported Hezbollah."),
    # information, not a request
    ("REQUEST", "Scholz told reporters that Germany would send tanks."),
    # objects that are things, not actors, give no meeting or dismissal
    ("CONSULT", "Spain received the award on Monday."),
    ("SANCTION", "Germany fired at the drones."),
    ("AGREE", "Italy held elections on Sunday."),
    ("ACCUSE", "Kenya voted against the resolution."),
    ("CONSULT", "Emmanuel Macron called Vladimir Putin a liar."),
    ("ACCUSE", "France did not condemn Russia."),
    ("REQUEST", "Ukraine asked whether Germany would send tanks."),
    ("RETREAT", "Kenya urged Uganda to release the prisoners."),
    # unresolved persons are unknown targets, not absent ones
    ("ACCUSE", "Poland accused the smugglers of endangering lives."),
    ("REQUEST", "Kenya urged the lawmakers to vote."),
]


@pytest.mark.parametrize(("kind", "text"), NOT_EVENTS, ids=[c[1][:40] for c in NOT_EVENTS])
def test_no_asserted_event(events_of: Callable[..., list[Event]], kind: str, text: str) -> None:
    asserted = [
        (e.type, e.source_id, e.target_id)
        for e in events_of(text, published=PUB)
        if e.type == kind and not e.negated and e.modality != "hypothetical"
    ]
    if kind == "ACCUSE" and "accused the smugglers" in text:
        asserted = [a for a in asserted if a[2] is None]
    if kind == "REQUEST" and "lawmakers" in text:
        asserted = [a for a in asserted if a[2] is None]
    assert asserted == []


def test_a_persons_attack_is_an_accusation(analyse: Callable[..., object]) -> None:
    document = analyse(
        "US Senator Elizabeth Warren attacked Michael Bloomberg during the debate on Tuesday.",
        published=PUB,
    )
    kinds = {e.type for e in document.events}  # type: ignore[attr-defined]
    assert "ACCUSE" in kinds and "ASSAULT" not in kinds


def test_an_armed_groups_attack_is_an_assault(analyse: Callable[..., object]) -> None:
    document = analyse(
        "Taliban fighters attacked Afghan soldiers in Kandahar on Tuesday.", published=PUB
    )
    assert "ASSAULT" in {e.type for e in document.events}  # type: ignore[attr-defined]
