"""The one named perpetrator: "the attacker", "the gunman", "the detained suspect" in a
report that names the person they are.

Runs in the actors stage right after the agents pass (``communique.actors.agents``), which
takes a lone "attacker" for an unnamed armed group of the state. In: a ``DocState``. Out:
when the report ties exactly one person to a perpetrator noun, by a description ("The
gunman was identified as X", "suspected gunman X", "X, the attacker,") or by the name or
identity of the noun ("the suspect's identity was given as 'X'", "the attacker's name is
X"), every other singular perpetrator noun of the report ("A gunman opened fire", "the
assailant used a badge") is that person, as a reader takes it. With two such people, or
none, nothing changes.
"""

from __future__ import annotations

from communique.actors.state import DocState, Found

PERPETRATOR_NOUNS = frozenset({"attacker", "assailant", "gunman", "shooter", "suspect",
                               "killer", "bomber", "perpetrator", "stabber", "murderer",
                               "hijacker", "kidnapper", "abductor"})  # fmt: skip
_IDENTITY = {"identity", "name"}
_POSSESSIVE = {"’s", "'s"}


def named_perpetrator(state: DocState) -> None:
    """Point every singular perpetrator noun at the one person the report names as one."""
    lowers = state.lowers
    if not PERPETRATOR_NOUNS.intersection(lowers):
        return  # most reports: no perpetrator noun at all
    person = _the_perpetrator(state)
    if person is None:
        return
    doc = state.doc
    for i, low in enumerate(lowers):
        if low not in PERPETRATOR_NOUNS or doc[i].tag_ != "NN" or doc[i].dep_ == "compound":
            continue  # "the attackers", "suspect vehicle"
        covering = [f for f in state.found if f.start <= i < f.end]
        if any(not f.actor_id.startswith("agent:") for f in covering):
            continue  # already a person (the description that named them) or a name
        if covering:
            for found in covering:
                found.actor_id, found.kind, found.confidence = person, "description", 0.6
            continue
        start = doc[i].left_edge.i
        if i - start > 3 or start < doc[i].sent.start:
            start = i
        state.add(start, i + 1, person, "description", 0.6)


def _the_perpetrator(state: DocState) -> str | None:
    """The one person a perpetrator noun names in the report, else None."""
    people: set[str] = set()
    for found in state.found:
        if (
            found.kind == "description"
            and state.lowers[found.end - 1] in PERPETRATOR_NOUNS
            and _is_person(state, found)
        ):
            people.add(found.actor_id)
    lowers, texts = state.lowers, state.texts
    for i, low in enumerate(lowers[:-2]):
        if low in PERPETRATOR_NOUNS and texts[i + 1] in _POSSESSIVE and lowers[i + 2] in _IDENTITY:
            named = _person_later_in_sentence(state, i + 3)
            if named is not None:
                people.add(named.actor_id)
    return people.pop() if len(people) == 1 else None


def _person_later_in_sentence(state: DocState, start: int) -> Found | None:
    """The first person named from ``start`` to the end of its sentence."""
    end = state.doc[start].sent.end if start < len(state.doc) else start
    named = [
        f
        for f in state.found
        if start <= f.start < end and f.kind in ("name", "alias") and _is_person(state, f)
    ]
    return min(named, key=lambda f: f.start) if named else None


def _is_person(state: DocState, found: Found) -> bool:
    actor = state.actor(found.actor_id)
    return actor is not None and actor.type == "person"


__all__ = ["PERPETRATOR_NOUNS", "named_perpetrator"]
