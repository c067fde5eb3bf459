"""Relational descriptions: a person's kin and staff, a leader's government, a state's
ruling party.

Runs in the actors stage after the anaphora of pass 3 (``communique.actors.coref``), whose
pronoun links it reads, and before the agents pass (``named_armed_group`` after it). In: a
``DocState``. Out: mentions for

- a relation stated by apposition ("Ruben Okalo, brother of radio host Mira Sanda,",
  "Lena Varga, the widow of Pal Varga,", "Ana Ruiz, her lawyer,"): the apposition is the
  person named before it, and the report now knows the relation;
- kin or staff of a named person ("his wife", "Paul Okafor's son", "her brother", "the
  fiancée of Ali Demir"): the other person of the article who shares the family name of
  the possessor ("Maria Okafor" for Paul Okafor's "his wife"), when exactly one does and
  the kin word's gender does not contradict theirs; else the one person the report states
  in that relation to the possessor ("his sister" after "X, brother of Y," is Y); otherwise
  nothing (a reader needs the name too);
- a relation with no named anchor ("Brother of murdered TV star", a headline): the one
  person the report states in that relation;
- a person's government ("Assad's government", "Johnson's administration"): the state
  of that person, as a reader takes "the X government" acting for the state;
- "Japan's ruling party", "the nation's ruling party": the one party of that state the
  report names;
- "the rebels" in a report naming exactly one armed group: that group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from communique.actors.names import key
from communique.actors.relation_nouns import CONVERSE, KIN, RELATIONS
from communique.actors.state import DocState, Found

_GOVERNMENT = {"government", "regime", "administration"}
_POSSESSIVE = {"’s", "'s"}
_RULING = {"ruling", "governing"}
# what ends the words between "brother of" and the person it names
_STOP = {",", ";", ":", ".", "(", ")", "“", "”", '"', "—", "–", "who", "which", "whose",
         "said", "says", "told"}  # fmt: skip
_RELATION_WORDS = 12  # longest "<relation> of <description> <name>" taken
# the words find_relations acts on; any other token is passed over at once
_TRIGGERS = frozenset(RELATIONS) | _GOVERNMENT | _RULING


@dataclass(frozen=True)
class Stated:
    """The report says: ``person`` is the ``noun`` ("brother") of ``anchor``."""

    person: str
    noun: str
    anchor: str


def find_relations(state: DocState) -> None:
    """Add relation, government and ruling-party mentions (module docstring)."""
    stated = _stated_relations(state)
    lowers = state.lowers
    for i, low in enumerate(lowers):
        if low not in _TRIGGERS:
            continue
        if low in _RULING:
            _ruling_party(state, i)
            continue
        if any(f.start <= i < f.end and f.kind != "pronoun" for f in state.found):
            continue  # an apposition or a role already named this one
        owner = _possessor(state, i)
        if low in _GOVERNMENT:
            if owner is None:
                _their_government(state, i)
            else:
                _government(state, owner, i)
        elif owner is not None:
            _relative(state, owner, owner.start, i + 1, low, stated)
        elif i + 1 < len(lowers) and lowers[i + 1] == "of":
            _relative_of(state, i, low, stated)


def _stated_relations(state: DocState) -> list[Stated]:
    """ "P, (the) brother of ... Q," / "P, Q's lawyer," / "P, his widow,": the apposition
    is a mention of P, and P is that relation of Q."""
    doc, lowers, texts = state.doc, state.lowers, state.texts
    # only names before a comma can open an apposition: test the cheap strings first
    before_comma = [
        f
        for f in state.found
        if f.kind in ("name", "alias") and f.end + 1 < len(doc) and texts[f.end] == ","
    ]
    stated: list[Stated] = []
    for person in before_comma:
        if not _is_person(state, person):
            continue
        first = person.end + 1
        k = first + 1 if lowers[first] in ("the", "a", "an") else first
        if k + 1 >= len(doc):
            continue
        noun, anchor, end = "", None, 0
        if lowers[k] in RELATIONS and lowers[k + 1] in ("of", "to", "for"):
            anchor = _person_after(state, k + 2)
            noun, end = lowers[k], anchor.end if anchor is not None else 0
        elif (owner := _person_at(state, k)) is not None and owner.end + 1 < len(doc):
            at = owner.end + 1 if texts[owner.end] in _POSSESSIVE else owner.end
            pronoun = owner.kind == "pronoun" and lowers[k] in ("his", "her")
            if (at > owner.end or pronoun) and lowers[at] in RELATIONS:
                noun, anchor, end = lowers[at], owner, at + 1
        if anchor is None or anchor.actor_id == person.actor_id:
            continue
        stated.append(Stated(person.actor_id, noun, anchor.actor_id))
        state.add(first, end, person.actor_id, "description", 0.8)
        state.describe(person.actor_id, doc[first:end].text)
    return stated


def _person_at(state: DocState, start: int) -> Found | None:
    """A person mention (a name or a pronoun) that starts at ``start``."""
    for found in state.found:
        if found.start == start and _is_person(state, found):
            return found
    return None


def _person_after(state: DocState, start: int) -> Found | None:
    """The first person named from ``start`` on, within a few words of one phrase."""
    for m in range(start, min(start + _RELATION_WORDS, len(state.doc))):
        if state.lowers[m] in _STOP or (m > start and state.doc[m].is_sent_start):
            return None
        found = _person_at(state, m)
        if found is not None and found.kind in ("name", "alias"):
            return found
    return None


def _is_person(state: DocState, found: Found) -> bool:
    actor = state.actor(found.actor_id)
    return actor is not None and actor.type == "person"


def _relative(
    state: DocState, owner: Found, start: int, end: int, noun: str, stated: list[Stated]
) -> None:
    """The person that ``noun`` ("wife", "lawyer") of the owner names, if one fits."""
    relation, gender = RELATIONS[noun]
    if noun in KIN:
        family = _family_member(state, owner, gender)
        if family is not None:
            state.add(start, end, family, "description", 0.6)
            return
    candidates: set[str] = set()
    for fact in stated:
        said = RELATIONS[fact.noun][0]
        if fact.anchor == owner.actor_id and said == relation:
            candidates.add(fact.person)
        elif fact.person == owner.actor_id and CONVERSE.get(said) == relation:
            candidates.add(fact.anchor)
    fitting = {c for c in candidates if state.gender(c) in (None, gender) or gender is None}
    if len(fitting) == 1:
        state.add(start, end, fitting.pop(), "description", 0.6)


def _relative_of(state: DocState, i: int, noun: str, stated: list[Stated]) -> None:
    """ "the fiancée of journalist Ali Demir" is Demir's fiancée; "Brother of murdered TV
    star" (no name) is the one person the report states as someone's brother."""
    of = state.doc[i + 1]
    objects = [c for c in of.children if c.dep_ == "pobj"]
    end = objects[0].right_edge.i + 1 if objects else i + 2
    if end - i > _RELATION_WORDS or end <= i + 2:
        return
    start = i - 1 if i > 0 and state.lowers[i - 1] in ("the", "a", "an") else i
    anchors = [
        f
        for f in state.found
        if i + 2 <= f.start and f.end <= end and f.kind in ("name", "alias")
        and _is_person(state, f)
    ]  # fmt: skip
    if anchors:
        _relative(state, anchors[-1], start, end, noun, stated)
        return
    relation, gender = RELATIONS[noun]
    people = {
        fact.person
        for fact in stated
        if RELATIONS[fact.noun][0] == relation and RELATIONS[fact.noun][1] in (None, gender)
    }
    if len(people) == 1:
        state.add(start, end, people.pop(), "description", 0.6)


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


def _family_member(state: DocState, owner: Found, gender: str | None) -> str | None:
    """The one other person of the article with the owner's family name and a gender
    that does not contradict the kin word's, else None."""
    owner_actor = state.actor(owner.actor_id)
    if owner_actor is None:
        return None
    family = _family(owner_actor.name)
    if not family:
        return None
    kin: set[str] = set()
    for found in state.found:
        if found.kind == "pronoun" or found.actor_id == owner.actor_id:
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "person" or _family(actor.name) != family:
            continue
        if gender is not None and state.gender(actor.id) not in (None, gender):
            continue
        kin.add(actor.id)
    return kin.pop() if len(kin) == 1 else None


def _government(state: DocState, owner: Found, i: int) -> None:
    actor = state.actor(owner.actor_id)
    country = state.kb.country_actor(actor.country if actor is not None else None)
    if country is not None:
        state.add(owner.start, i + 1, country.id, "description", 0.7)


def _ruling_party(state: DocState, i: int) -> None:
    """ "Japan's ruling party", "the nation's ruling party", "the Kenyan ruling party":
    the one political party of that state the report names (a reader knows it from the
    report, as the knowledge base keeps no party of government outside a few offices).
    A bare "the ruling party" takes the one party named, when it is of the state the
    report names most."""
    lowers = state.lowers
    if i + 1 >= len(lowers) or lowers[i + 1] != "party":
        return
    if any(f.start <= i < f.end for f in state.found):
        return
    start, country = _owner_state(state, i)
    strict = country is not None
    if country is None:
        if not state.countries:
            return
        country = state.countries.most_common(1)[0][0]
    parties = {
        f.actor_id
        for f in state.found
        if f.kind in ("name", "alias", "abbreviation")
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "organisation"
        and actor.sector == "PTY"
        and (actor.country == country or not strict)
    }
    if len(parties) != 1:
        return
    party = next(iter(parties))
    actor = state.actor(party)
    if actor is not None and actor.country == country:
        state.add(start, i + 2, party, "description", 0.7)


def _owner_state(state: DocState, i: int) -> tuple[int, str | None]:
    """Where the owner of the word at i starts and its state: "Japan's" / "the nation's"
    (a state mention before a possessive) or "Japanese" (a demonym); else "the" or the word
    itself and None."""
    before = i - 1
    if before >= 1 and state.texts[before] in _POSSESSIVE:
        before -= 1
    for found in state.found:
        if found.end == before + 1 and found.start <= before:
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state" and actor.country:
                return found.start, actor.country
    return (i - 1 if i > 0 and state.lowers[i - 1] == "the" else i), None


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
