"""Pass 1 of the actors stage, abbreviations defined in the text.

In: a ``DocState`` whose name mentions ``resolve.find_names`` has found so far. Out: every
"(NWA)" right after a named actor becomes a document alias of that actor
(``state.doc_aliases``), local actors made of the bare abbreviation before its
definition take the defined actor, and each later use of the abbreviation becomes an
``abbreviation`` mention. Split from ``resolve.py``: it reads no KB and no NER, only the
mentions already found and the parentheses around them.
"""

from __future__ import annotations

from communique.actors.state import DocState


def abbreviations(state: DocState) -> None:
    """ "Northern Water Authority (NWA)" makes later "PNA" refer to the same actor."""
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
            state.doc_aliases[abbr] = found.actor_id
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


__all__ = ["abbreviations"]
