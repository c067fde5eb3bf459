"""Local governments named after their place: "the Municipality of Livorno", "the City of
Toronto", and "the city" / "the municipality" after them.

Runs in the actors stage after pass 1 (``communique.actors.resolve.find_names``) and before
the anaphora of pass 3. In: a ``DocState``. Out: a local organisation named as the place
(reference lists name a town's government by the town: "Livorno"), with sector GOV and
the country the gazetteer gives the place, for "the Municipality/City/Commune/Town of
<place>"; and a later definite "the city", "the municipality", "the town" (not followed
by a noun or "of") linked to the latest such government. A place alone ("in Livorno")
stays a place: only the phrase that names the government makes it an actor. Also a
body of a place below the state ("the Kandahar provincial council" → local organisation
"Kandahar Provincial Council", sector GOV, the place's state).
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


# "the Kandahar provincial council", "the Lagos state government": a body of the place
# that reference lists name in title case ("Kandahar Provincial Council").
_LEVELS = {"provincial", "regional", "city", "municipal", "county", "district"}
_BODIES = {"council", "assembly", "government", "administration"}


def find_place_bodies(state: DocState) -> None:
    """Add "<Place> Provincial Council" for "the <place> provincial council" (above)."""
    doc, lowers, texts = state.doc, state.lowers, state.texts
    for i in range(2, len(doc) - 1):
        if lowers[i] not in _LEVELS or lowers[i + 1] not in _BODIES or texts[i][:1].isupper():
            continue
        start = i - 1
        while start - 1 >= 0 and texts[start - 1][:1].isupper() and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start == i or not texts[start][:1].isupper() or start == 0 or lowers[start - 1] != "the":
            continue
        place = doc[start:i].text
        country = _place_country(state, start, i)
        if country is None:
            continue
        name = f"{place} {texts[i].title()} {texts[i + 1].title()}"
        actor = state.local_actor(name, "organisation")
        actor.sector = actor.sector or "GOV"
        actor.country = actor.country or country
        state.found = [f for f in state.found if not (f.start < i + 2 and start - 1 < f.end)]
        state.add(start - 1, i + 2, actor.id, "name", 0.85)
        state.cover(start - 1, i + 2)


def _place_country(state: DocState, start: int, end: int) -> str | None:
    """The state of a place inside a state (a province the KB files under its state, or a
    place the gazetteer knows), None for a state itself or an unknown word."""
    place = state.doc[start:end].text
    for found in state.found:
        if found.start == start and found.end == end:
            actor = state.actor(found.actor_id)
            if actor is None or actor.type != "state" or found.kind not in ("alias",):
                return None  # a state by name ("the Kenya county government"), a person
            return actor.country
    return state.place_country(place, None) if state.is_place(place) else None


def _state_named(state: DocState, start: int, end: int) -> bool:
    """ "the City of London" is a KB name; "the town of Syria" is no local government."""
    for found in state.found:
        if found.start <= start and end <= found.end:
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state":
                return True
    return False


__all__ = ["find_municipalities", "find_place_bodies"]
