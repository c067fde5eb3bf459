"""Local governments named after their place: "the Municipality of Livorno", "the City of
Toronto", and "the city" / "the municipality" after them.

Runs in the actors stage after pass 1 (``communique.actors.resolve.find_names``) and before
the anaphora of pass 3. In: a ``DocState``. Out: a local organisation named as the place
(reference lists name a town's government by the town: "Livorno"), with sector GOV and
the country the gazetteer gives the place, for "the Municipality/City/Commune/Town of
<place>"; and a later definite "the city", "the municipality", "the town" (not followed
by a noun or "of") linked to the latest such government. A place alone ("in Livorno")
stays a place: only the phrase that names the government makes it an actor.
"""

from __future__ import annotations

from communique.actors.state import DocState

_HEADS = {"municipality", "city", "commune", "comune", "town", "township", "borough",
          "municipal"}  # fmt: skip
_ANAPHORS = {"city", "municipality", "town", "commune"}
# Heads that name nothing but a local government: "the Municipality of X" is one even
# where the gazetteer is too coarse to know the village ("City of God" is a film).
_GOVERNMENT_ONLY = {"municipality", "commune", "comune", "township", "borough"}


def find_municipalities(state: DocState) -> None:
    """Add local-government mentions (module docstring)."""
    doc, lowers, texts = state.doc, state.lowers, state.texts
    latest: str | None = None
    n = len(doc)
    i = 0
    while i < n:
        low = lowers[i]
        if (
            low in _HEADS
            and texts[i][:1].isupper()
            and i + 2 < n
            and lowers[i + 1] == "of"
            and texts[i + 2][:1].isupper()
        ):
            # the capitalised words after "of" (NER often takes the whole phrase as ORG)
            end = i + 3
            while end < n and texts[end][:1].isupper() and doc[end].pos_ == "PROPN":
                end += 1
            place = doc[i + 2 : end].text
            known = state.is_place(place) or low in _GOVERNMENT_ONLY
            if not known or _state_named(state, i + 2, end):
                i = end
                continue
            actor = state.local_actor(place, "organisation")
            actor.sector = actor.sector or "GOV"
            start = i - 1 if i > 0 and lowers[i - 1] == "the" else i
            state.found = [f for f in state.found if not (f.start < end and start < f.end)]
            state.add(start, end, actor.id, "name", 0.85)
            state.cover(start, end)
            latest = actor.id
            i = end
            continue
        if (
            latest is not None
            and low in _ANAPHORS
            and i > 0
            and lowers[i - 1] in ("the", "this")
            and doc[i].tag_ == "NN"
            and not (i + 1 < n and (doc[i + 1].pos_ in ("NOUN", "PROPN") or lowers[i + 1] == "of"))
            and state.free(i - 1, i + 1)
        ):
            state.add(i - 1, i + 1, latest, "description", 0.6)
        i += 1


def _state_named(state: DocState, start: int, end: int) -> bool:
    """ "the City of London" is a KB name; "the town of Syria" is no local government."""
    for found in state.found:
        if found.start <= start and end <= found.end:
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state":
                return True
    return False


__all__ = ["find_municipalities"]
