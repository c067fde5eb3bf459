"""A description repeated without the name: "mayor of Veloria" in a headline, where the
body has "Ana Ruiz, mayor of the city of Veloria,".

Runs last among the person passes of the actors stage (after ``perpetrators``). In: a
``DocState`` whose description mentions tie nouns to named people (appositions,
premodifiers, identifications). Out: a singular "<noun> of <X>" that no pass gave a
specific actor (nothing, or an unnamed agent) becomes a mention of the one person the
report describes with the same head noun and the same X; with two such people, nothing
changes. A head noun alone ("the region", "the photographer") is too weak a tie: the
report's other people and things share it too often.

``predicate_descriptions`` (run after it) adds what a copula says of a named person:
"Ruiz was considered the founding mother of the party" makes the definite noun phrase a
description of Ruiz, unless a role or name of its own already covers it.
"""

from __future__ import annotations

from communique.actors.state import DocState


def echoed_descriptions(state: DocState) -> None:
    """Point unnamed "<noun> of <X>" at the one person described with both (docstring)."""
    described = _described_heads(state)
    if not described:
        return
    doc, lowers = state.doc, state.lowers
    for i, low in enumerate(lowers[:-2]):
        by_person = described.get(low)
        if by_person is None or lowers[i + 1] != "of":
            continue
        tok = doc[i]
        if tok.tag_ != "NN" or any(c.dep_ == "poss" for c in tok.children):
            continue  # plural, or someone's ("his vice president")
        objects = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
        if not objects:
            continue
        anchor = objects[0].lower_
        people = {person for person, words in by_person.items() if anchor in words}
        if len(people) != 1:
            continue
        covering = [f for f in state.found if f.start <= i < f.end]
        if any(not f.actor_id.startswith("agent:") for f in covering):
            continue
        (person,) = people
        if covering:
            for found in covering:
                found.actor_id, found.kind, found.confidence = person, "description", 0.6
            continue
        start = i - 1 if i > 0 and lowers[i - 1] in ("the", "a", "an") else i
        state.add(start, objects[0].i + 1, person, "description", 0.6)


def _described_heads(state: DocState) -> dict[str, dict[str, set[str]]]:
    """Head noun of each description mention of a person → person → the words of their
    descriptions with that head."""
    heads: dict[str, dict[str, set[str]]] = {}
    for found in state.found:
        if found.kind != "description" or found.end <= found.start:
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "person":
            continue
        root = state.doc[found.start : found.end].root
        if root.pos_ == "NOUN":
            words = heads.setdefault(root.lower_, {}).setdefault(found.actor_id, set())
            words.update(state.lowers[found.start : found.end])
    return heads


def predicate_descriptions(state: DocState) -> None:
    """ "Ruiz was the founding mother of the party", "Ruiz is considered the architect of
    the deal": a definite singular noun phrase said of a named person by "be" (or
    "consider", "regard", "call" in the passive) is a description of that person."""
    doc = state.doc
    people = {
        f.end - 1: f
        for f in state.found
        if f.kind in ("name", "alias")
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "person"
    }
    for last, person in people.items():
        tok = doc[last]
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = tok.head
        if verb.lemma_ not in _PREDICATING:
            continue
        for child in verb.children:
            if child.dep_ not in ("attr", "oprd") or child.tag_ != "NN":
                continue
            start, end = child.left_edge.i, child.right_edge.i + 1
            if state.lowers[start] != "the" or end - start > _PREDICATE_WORDS:
                continue
            if any(f.start <= child.i < f.end and not f.actor_id.startswith("agent:")
                   for f in state.found):  # fmt: skip
                continue  # a role or a name of its own ("the president", "the leader")
            for found in state.found:
                if found.start <= child.i < found.end:  # an unnamed agent ("mother")
                    found.actor_id, found.kind, found.confidence = (
                        person.actor_id,
                        "description",
                        0.6,
                    )
            state.add(start, child.i + 1 if end - child.i > 4 else end, person.actor_id,
                      "description", 0.6)  # fmt: skip


_PREDICATING = {"be", "consider", "regard", "call", "remain", "become"}
_PREDICATE_WORDS = 8


__all__ = ["echoed_descriptions", "predicate_descriptions"]
