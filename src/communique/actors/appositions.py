"""Appositions and identifications: descriptions that a comma or "identified as" ties to
a named person.

Part of pass 2 of the actors stage (``communique.actors.roles.find_descriptions``), after
the names of pass 1 and the role descriptions; pass 3 (``coref``) follows. In: a
``DocState`` and the name mentions. Out: description mentions of the named person:
"X, the head of Y," / "the head of Y, X," (a determiner or title word first), any role
noun phrase the parser marks as an apposition ("X, director of news for Y, said"),
premodifiers ("top commander X") and "the gunman was identified as X".
"""

from __future__ import annotations

from communique.actors.names import HONORIFICS
from communique.actors.relation_nouns import RELATION_NOUNS
from communique.actors.state import DocState, Found

_POSSESSIVE = {"’s", "'s", "’", "'"}
_STOP_DESC = {",", ";", ":", ".", "(", ")", "“", "”", '"', "—", "–", "who", "which", "whose",
              "said", "says", "told", "added"}  # fmt: skip


def appositives(state: DocState, names: list[Found]) -> None:
    """ "X, the head of Y," / "the head of Y, X," / "top commander X": the description is X."""
    doc = state.doc
    roles = [f for f in state.found if f.kind == "role"]
    for found in names:
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "person":
            continue
        # description after the name
        j = found.end
        if (
            j + 1 < len(doc)
            and doc[j].text == ","
            and doc[j + 1].lower_
            in (
                "the",
                "a",
                "an",
                "his",
                "her",
                "former",
                "head",
                "chief",
                "leader",
                "senior",
                "top",
                "deputy",
                "secretary",
                "spokesman",
                "member",
            )
        ):
            end = j + 1
            while (
                end < len(doc)
                and end - j < 25
                and doc[end].lower_ not in _STOP_DESC
                and not doc[end].is_sent_start
            ) or end == j + 1:
                if doc[end].pos_ in ("VERB", "AUX") and doc[end].tag_ != "VBN":
                    break
                end += 1
            # "According to Ali, the rebels are ...": a plural noun is the next clause's
            # subject, not a description of one person
            plural = doc[j + 1].lower_ == "the" and doc[j + 2].tag_ in ("NNS", "NNPS")
            if not plural:
                _link(state, j + 1, end, found, roles)
        # description before the name: "the Secretary General of X, Mr. Abtahi"
        k = found.start - 1
        while k >= 0 and doc[k].lower_.rstrip(".") in HONORIFICS:
            k -= 1
        if k >= 1 and doc[k].text == ",":
            left = k - 1
            while (
                left >= 0
                and k - left < 25
                and doc[left].lower_ not in _STOP_DESC
                and (doc[left].pos_ not in ("VERB", "AUX") or doc[left].text[:1].isupper())
            ):
                if doc[left].lower_ in ("the", "a", "an"):
                    _link(state, left, k, found, roles)
                    break
                if doc[left].is_sent_start:
                    break
                left -= 1
        elif k >= 0:
            _premodifiers(state, k, found, roles)


def parsed_appositives(state: DocState, names: list[Found]) -> None:
    """Appositions the parser marks, with any head noun: "Tom Aldous, director of news
    for the agency, said", "Kerr, Smith's chief of staff, resigned", "Velora's director,
    Hamid Koulani, has ties": the description is the named person. (``appositives``
    above needs a determiner or a known title word first; a role noun of any kind
    works here, since the parser found the apposition.)"""
    doc = state.doc
    roles = [f for f in state.found if f.kind == "role"]
    people = [
        f
        for f in names
        if f.kind in ("name", "alias")
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "person"
    ]
    # tokens of names, except owners before a possessive ("Smith's chief of staff")
    named_tokens = {
        t
        for f in people
        if f.end >= len(doc) or doc[f.end].text not in _POSSESSIVE
        for t in range(f.start, f.end)
    }
    for found in people:
        root = doc[found.end - 1]
        spans: list[tuple[int, int]] = []
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > found.end:
                spans.append((child.left_edge.i, child.right_edge.i + 1))
        head = root.head
        if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < found.start:
            end = found.start - 1 if doc[found.start - 1].text == "," else found.start
            spans.append((head.left_edge.i, end))
        for start, end in spans:
            while end > start and doc[end - 1].is_punct:
                end -= 1
            if not 0 < end - start <= _APPOSITION_WORDS:
                continue
            if any(t in named_tokens for t in range(start, end)):
                continue  # "Aldous, Smith and Kerr": a list of names, not a description
            if any(f.actor_id == found.actor_id and f.start <= start and end <= f.end
                   for f in state.found):  # fmt: skip
                continue
            _link(state, start, end, found, roles)


def identified_as(state: DocState, names: list[Found]) -> None:
    """ "The deceased sailor was identified as Jon Halvard", "the gunman was named as
    Piotr Zalewski": the passive subject of "identify"/"name" ... "as" NAME is that person
    (the subject's own mention, an agent or nothing, gives way)."""
    doc = state.doc
    people = {
        f.end - 1: f
        for f in names
        if f.kind in ("name", "alias")
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "person"
    }
    for last, person in people.items():
        prep = doc[last].head
        verb = prep.head
        if not (
            doc[last].dep_ == "pobj"
            and prep.lower_ == "as"
            and verb.lemma_ in ("identify", "name")
            and any(c.dep_ == "auxpass" for c in verb.children)
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.pos_ != "NOUN":
            continue
        start, end = subject.left_edge.i, subject.i + 1
        if doc[start].lower_ not in ("the", "a", "an", "one"):
            continue
        state.found = [
            f
            for f in state.found
            if not (start <= f.start and f.end <= end and f.actor_id.startswith("agent:"))
        ]
        state.add(start, end, person.actor_id, "description", 0.8)
        state.describe(person.actor_id, doc[start:end].text)


# Longest apposition taken as a description (longer ones were clauses the parser joined).
_APPOSITION_WORDS = 15


def _premodifiers(state: DocState, k: int, person: Found, roles: list[Found]) -> None:
    """ "top Iranian anti-terror commander (Lt. Gen.) Qassem Soleimani", "representative of
    the Supreme Leader and Secretary of the SNSC Ali Akbar Ahmadian": the words before a
    name, up to a verb, a preposition other than "of" or punctuation, describe the person."""
    doc = state.doc
    # another person's name ends the walk: "Chinese President Xi Jinping and French
    # President Emmanuel Macron" gives Macron "French President", not Xi's words
    others = {
        t
        for f in state.found
        if f.kind in ("name", "alias")
        and f.actor_id != person.actor_id
        and getattr(state.actor(f.actor_id), "type", None) == "person"
        for t in range(f.start, f.end)
    }
    left = k
    has_noun = False
    while left >= 0:
        tok = doc[left]
        if left in others:
            left += 1
            break
        if tok.lower_ == "of" and left > 0 and state.lowers[left - 1] in RELATION_NOUNS:
            # "brother of radio host Mira Sanda": the words before "of" name another
            # person by the relation (``relations``), only those after it describe her
            left += 1
            break
        if (
            tok.pos_ in ("NOUN", "ADJ", "PROPN")
            or tok.text in ("-", "’s", "'s", "’")
            or (tok.lower_ in ("of", "and", "the") and left < k)
        ):
            has_noun = has_noun or tok.pos_ == "NOUN" or any(r.start <= left < r.end for r in roles)
            if tok.is_sent_start:
                break
            left -= 1
            continue
        left += 1
        break
    left = max(left, 0)
    while left <= k and doc[left].lower_ in ("of", "and", "the", "-"):
        left += 1
    if (
        has_noun
        and left <= k
        and any(doc[t].pos_ == "NOUN" or doc[t].text[:1].islower() for t in range(left, k + 1))
    ):
        inner = [r for r in roles if r.end == k + 1]
        for role in inner:
            role.actor_id, role.kind = person.actor_id, "description"
        state.add(left, k + 1, person.actor_id, "description", 0.8)
        state.describe(person.actor_id, doc[left : k + 1].text)


def _link(state: DocState, start: int, end: int, person: Found, roles: list[Found]) -> None:
    """Make [start, end) a mention of the person; a role mention inside it follows the person."""
    if end <= start:
        return
    for role in roles:
        if role.start == start:  # the description's own head: "Ismail Haniyeh, the head of ..."
            role.actor_id, role.kind = person.actor_id, "description"
    state.add(start, end, person.actor_id, "description", 0.8)
    state.describe(person.actor_id, state.doc[start:end].text)


__all__ = ["appositives", "identified_as", "parsed_appositives"]


# States whose people news in English may name family name first ("Anami Koreshige")
# while reference works write the given name first ("Koreshige Anami"); Chinese and
# Korean names keep the family name first in both.
_GIVEN_FIRST_IN_REFERENCE = {"JPN", "HUN"}


def reference_order_aliases(state: DocState) -> None:
    """A local person of two words whose description names them as Japanese or Hungarian
    ("the Japanese ambassador to China") also answers to the two words swapped."""
    for actor in state.local.values():
        words = actor.name.split()
        if actor.type != "person" or len(words) != 2:
            continue
        # the first demonym of a description is the person's own ("the Chinese envoy to
        # the Japanese government" is Chinese)
        said = {_first_demonym(state, d) for d in actor.descriptions}
        if said & _GIVEN_FIRST_IN_REFERENCE:
            swapped = f"{words[1]} {words[0]}"
            if swapped not in actor.aliases:
                actor.aliases.append(swapped)


def _first_demonym(state: DocState, description: str) -> str | None:
    for word in description.split():
        iso = state.kb.demonym(word)
        if iso is not None:
            return iso
    return None
