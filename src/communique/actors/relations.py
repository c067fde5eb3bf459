"""Relational descriptions: a person's kin, and a leader's government.

Runs in the actors stage after the anaphora of pass 3 (``communique.actors.coref``), whose
pronoun links it reads, and before the agents pass (``named_armed_group`` after it). In: a
``DocState``. Out: mentions for

- kin of a named person ("his wife", "Joe Biden's son", "her brother"): the other person
  of the article who shares the family name of the possessor ("Grace Mugabe" for
  Robert Mugabe's "his wife"), when exactly one does and the kin word's gender does not
  contradict theirs; otherwise nothing (a reader needs the name too);
- a person's government ("Assad's government", "Johnson's administration"): the state
  of that person, as a reader takes "the X government" acting for the state;
- "the rebels" in a report naming exactly one armed group: that group.
"""

from __future__ import annotations

from collections import Counter

from communique.actors.names import key
from communique.actors.state import DocState, Found

_FEMALE_KIN = {"wife", "widow", "daughter", "sister", "mother", "fiancée", "fiancee", "niece",
               "aunt", "granddaughter", "stepdaughter"}  # fmt: skip
_MALE_KIN = {"husband", "widower", "son", "brother", "father", "fiancé", "fiance", "nephew",
             "uncle", "grandson", "stepson"}  # fmt: skip
_GOVERNMENT = {"government", "regime", "administration"}
_POSSESSIVE = {"’s", "'s"}


def find_relations(state: DocState) -> None:
    """Add kin and government mentions (module docstring)."""
    lowers = state.lowers
    for i, low in enumerate(lowers):
        if low not in _FEMALE_KIN and low not in _MALE_KIN and low not in _GOVERNMENT:
            continue
        if any(f.start <= i < f.end and f.kind != "pronoun" for f in state.found):
            continue  # an apposition or a role already named this one
        owner = _possessor(state, i)
        if owner is None:
            if low in _GOVERNMENT:
                _their_government(state, i)
            continue
        if low in _GOVERNMENT:
            _government(state, owner, i)
        else:
            _kin(state, owner, i, "f" if low in _FEMALE_KIN else "m")


def _their_government(state: DocState, i: int) -> None:
    """ "representatives from Iran acknowledged their government had ...": "their" or "its"
    government is the state the sentence named last before it."""
    if i == 0 or state.lowers[i - 1] not in ("their", "its"):
        return
    sent_start = state.doc[i].sent.start
    last: Found | None = None
    for found in state.found:
        if sent_start <= found.start and found.end < i and found.kind != "pronoun":
            actor = state.actor(found.actor_id)
            later = last is None or found.start > last.start
            if actor is not None and actor.type == "state" and later:
                last = found
    if last is not None:
        state.add(i - 1, i + 1, last.actor_id, "description", 0.6)


def _possessor(state: DocState, i: int) -> Found | None:
    """The person who owns the noun at i: "his"/"her" linked to a person, or "X's"."""
    if i == 0:
        return None
    before = i - 1
    if state.texts[before] in _POSSESSIVE:
        before -= 1
    elif state.lowers[before] not in ("his", "her"):
        return None
    for found in state.found:
        if found.end == before + 1 and found.start <= before:
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "person":
                return found
    return None


def _family(name: str) -> str:
    words = key(name).split()
    return words[-1] if len(words) >= 2 else ""


def _kin(state: DocState, owner: Found, i: int, gender: str) -> None:
    owner_actor = state.actor(owner.actor_id)
    if owner_actor is None:
        return
    family = _family(owner_actor.name)
    if not family:
        return
    kin: set[str] = set()
    for found in state.found:
        if found.kind == "pronoun" or found.actor_id == owner.actor_id:
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "person" or _family(actor.name) != family:
            continue
        if state.gender(actor.id) not in (None, gender):
            continue
        kin.add(actor.id)
    if len(kin) == 1:
        state.add(owner.start, i + 1, kin.pop(), "description", 0.6)


def _government(state: DocState, owner: Found, i: int) -> None:
    actor = state.actor(owner.actor_id)
    country = state.kb.country_actor(actor.country if actor is not None else None)
    if country is not None:
        state.add(owner.start, i + 1, country.id, "description", 0.7)


def named_armed_group(state: DocState) -> None:
    """ "the rebels", "the militants" in a report that names one armed group ("Houthi
    rebels") are that group, not an unnamed agent. Runs after the agents pass."""
    groups = Counter(
        f.actor_id
        for f in state.found
        if f.kind in ("name", "alias", "abbreviation")
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "organisation"
        and actor.sector == "REB"
    )
    if len(groups) != 1:
        return  # none, or several: a reader cannot tell either
    group = next(iter(groups))
    for found in state.found:
        if (
            found.actor_id.startswith("agent:")
            and found.actor_id.rsplit(":", 1)[-1] in ("REB", "UAF")  # rebels, militants
            and found.start > 0
            and state.lowers[found.start - 1] == "the"
            and state.doc[found.end - 1].tag_ == "NNS"
        ):
            found.actor_id, found.kind = group, "description"


__all__ = ["find_relations", "named_armed_group"]
