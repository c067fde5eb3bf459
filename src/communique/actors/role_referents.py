"""Pass 3b of the actors stage: "the suspect", "the attacker", "the victim" for the
person the article named in that part.

In: a ``DocState`` with the names of pass 1 and the descriptions and anaphora of passes
2-3. Out: a description mention for a definite singular role noun of a crime report
("the suspect", "the detained suspect", "the assailant") pointing at the one person
named earlier in the article whom a verb of that role governs ("police arrested John
Smith": the suspect; "John Smith was stabbed": the victim). Runs before ``agents``, so
the noun no longer becomes an unnamed armed group or civilians. With no such person, or
two of them, nothing is added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.actors.state import DocState

# Role nouns → the verbs (lemmas) whose object (or passive subject) takes that role.
_ARRESTED = frozenset({"arrest", "detain", "charge", "accuse", "suspect", "identify",
                       "apprehend", "convict", "sentence", "indict", "prosecute"})  # fmt: skip
_HARMED = frozenset({"kill", "stab", "shoot", "attack", "rape", "injure", "wound",
                     "murder", "assault", "kidnap", "abduct", "rob"})  # fmt: skip
ROLE_VERBS: dict[str, frozenset[str]] = {
    "suspect": _ARRESTED,
    "attacker": _ARRESTED,
    "assailant": _ARRESTED,
    "gunman": _ARRESTED,
    "killer": _ARRESTED,
    "accused": _ARRESTED,
    "defendant": _ARRESTED,
    "victim": _HARMED,
}
_OBJECT_DEPS = {"dobj", "nsubjpass"}
# Words allowed between "the" and the role noun ("the detained suspect", "the alleged attacker").
_MAX_MODIFIERS = 2


def find_role_referents(state: DocState) -> None:
    """Point "the suspect" and its kind at the one person of that role named before."""
    doc = state.doc
    taken = {t for f in state.found for t in range(f.start, f.end)}
    for i, lower in enumerate(state.lowers):  # the lower-case array: no Token per word
        verbs = ROLE_VERBS.get(lower)
        if verbs is None or i in taken:
            continue
        tok = doc[i]
        if tok.tag_ != "NN":
            continue
        start = _definite_start(tok)
        if start is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "the suspect of ...", "a suspect": not one person of the article
        person = _the_person(state, tok, verbs)
        if person is not None:
            state.add(start, tok.i + 1, person, "description", 0.7)
            taken.update(range(start, tok.i + 1))


def _definite_start(tok: Token) -> int | None:
    """Start of "the [adjectives] <noun>", or None when it is not so written."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and tok.i - k <= _MAX_MODIFIERS and doc[k].pos_ in ("ADJ", "VERB"):
        k -= 1
    return k if k >= 0 and doc[k].lower_ == "the" else None


def _the_person(state: DocState, tok: Token, verbs: frozenset[str]) -> str | None:
    """The one person named before ``tok`` as the object of one of ``verbs``."""
    people: set[str] = set()
    for found in state.found:
        if found.start >= tok.i or found.kind != "name":
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "person":
            continue
        head = state.doc[found.end - 1]
        governor = head.head
        if head.dep_ == "appos":  # "arrested a man, John Smith,"
            head, governor = governor, governor.head
        if head.dep_ in _OBJECT_DEPS and governor.lemma_.lower() in verbs:
            people.add(found.actor_id)
    return people.pop() if len(people) == 1 else None


__all__ = ["ROLE_VERBS", "find_role_referents"]
