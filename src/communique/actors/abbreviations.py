"""Pass 1 of the actors stage, abbreviations defined in the text.

In: a ``DocState`` whose name mentions ``resolve.find_names`` has found so far. Out: every
"(NWA)" right after a named actor becomes a document alias of that actor
(``state.doc_aliases``), local actors made of the bare abbreviation before its
definition take the defined actor, and each later use of the abbreviation becomes an
``abbreviation`` mention. Split from ``resolve.py``: it reads no KB and no NER, only the
mentions already found and the parentheses around them.
"""

from __future__ import annotations

from communique.actors.kb import lookup_key
from communique.actors.state import DocState


def abbreviations(state: DocState) -> None:
    """ "Northern Water Authority (NWA)" makes later "NWA" refer to the same actor."""
    doc = state.doc
    by_end = {f.end: f for f in state.found}
    texts = state.texts
    for i in range(len(doc) - 2):
        if texts[i] != "(" or texts[i + 2] != ")":
            continue
        abbr = texts[i + 1]
        letters = abbr.replace(".", "")
        capitals = sum(c.isupper() for c in letters)
        # mostly capitals: "NWA", "U.N.", also "EuFTA", "MoD"
        if not (2 <= len(abbr) <= 8 and letters.isalnum() and capitals >= max(2, len(letters) - 2)):
            continue
        found = by_end.get(i)
        if found is not None:
            state.doc_aliases[abbr] = _inner_name(state, found.start, i, letters) or found.actor_id
    if not state.doc_aliases:
        return
    # the abbreviation named as a local actor of its own before the definition was read
    for found in state.found:
        text = state.doc[found.start : found.end].text
        defined = state.doc_aliases.get(text)
        if defined and found.actor_id != defined and found.actor_id.startswith("local:"):
            found.actor_id, found.kind = defined, "abbreviation"
    for i, text in enumerate(texts):
        actor_id = state.doc_aliases.get(text)
        if actor_id and state.free(i, i + 1):
            state.add(i, i + 1, actor_id, "abbreviation", 0.9)
            state.cover(i, i + 1)


# Small words a name's initials leave out ("Ministry of Defence" = MD, also MoD).
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "de", "du", "la", "des"})


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in _FUNCTION_WORDS).upper()


def _inner_name(state: DocState, start: int, end: int, letters: str) -> str | None:
    """The actor of the end of a longer name that the abbreviation spells, when it does
    not spell the whole name: "the Parliament of New South Wales (NSW)" defines NSW as
    New South Wales, not as its parliament; a region that the knowledge base knows only
    as a word for its state becomes a local government named as the region. None when the abbreviation spells the whole
    name, spells no end of it, or that end names nothing in the knowledge base (a
    foreign-language abbreviation such as "CNE" spells neither and keeps the name)."""
    from communique.actors.resolve import choose  # resolve imports this module

    words = [w for w in state.texts[start:end] if w[:1].isalnum()]
    upper = letters.upper()
    if _initials(words) == upper or "".join(w[0] for w in words).upper() == upper:
        return None
    for first in range(1, len(words) - 1):
        tail = words[first:]
        if tail[0][:1].isupper() and _initials(tail) == upper:
            name = " ".join(tail)
            found = state.kb.lookup(name)
            if not found:
                return None
            chosen = state.kb.actors[choose(state, [a.id for a in found])]
            if chosen.type != "state" or lookup_key(chosen.name) == lookup_key(name):
                return chosen.id
            # a region the KB knows only as a word for its state ("New South Wales" →
            # Australia): its own government, named as the region, as municipalities
            # are named as their town; "the NSW premier" is then no prime minister
            region = state.local_actor(name, "organisation")
            region.country = region.country or chosen.country
            region.sector = region.sector or "GOV"
            return region.id
    return None


__all__ = ["abbreviations"]
