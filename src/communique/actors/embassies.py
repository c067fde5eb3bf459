"""Embassies: a state's mission in a city as an actor of its own.

Part of the actors stage, after pass 1 (``communique.actors.resolve.find_names``) and
before the anaphora of pass 3, so that a later "the embassy" finds it. In: a ``DocState``
whose name mentions include the sending state ("US", "the American", "Britain's").
Out: for "the US Embassy in London", "the American embassy in Havana", "Britain's
embassy in Tehran", "the embassy of Japan in Beijing" and "the U.S. interests section in
Havana", one local organisation named
the way reference lists name embassies ("Embassy of the United States, London"), with
the sending state's country and sector GOV; the state's own mention inside the phrase
gives way to it (the embassy acts, not the whole state). "The US embassy" without a city
is the embassy of that state the article has already placed in a city, else left as the
state.
"""

from __future__ import annotations

from communique.actors.state import DocState
from communique.model import Actor

# State names that take "the" in "Embassy of the United States, London".
_THE_FIRST = ("united ", "republic ", "democratic ", "central african", "dominican ",
              "czech ", "holy see")  # fmt: skip
_POSSESSIVE = {"’s", "'s", "’", "'"}
_CITY_LABELS = {"GPE", "LOC"}


def find_embassies(state: DocState) -> None:
    """Add embassy mentions (module docstring)."""
    lowers = state.lowers
    placed: dict[str, Actor] = {}  # sending state → its embassy named with a city
    for i, low in enumerate(lowers):
        # "interests section": a state's mission where it keeps no embassy (the US in
        # Havana until 2015), listed under the embassy it became
        first = i - 1 if low == "section" and i > 0 and lowers[i - 1] == "interests" else i
        if low != "embassy" and first == i:
            continue
        left, iso = _state_before(state, first)
        right = i + 1
        if iso is None:
            right, iso = _state_after(state, i + 1)
            left = first
        if iso is None:
            continue
        sending = state.kb.country_actor(iso)
        if sending is None:
            continue
        city, right = _city_after(state, right)
        if city is not None:
            the = "the " if sending.name.lower().startswith(_THE_FIRST) else ""
            if sending.name.lower().endswith("s") and not the:
                the = "the "  # "the Netherlands", "the Philippines"
            actor = state.local_actor(f"Embassy of {the}{sending.name}, {city}", "organisation")
            actor.country, actor.sector = iso, "GOV"
            placed[iso] = actor
        elif iso in placed:
            actor = placed[iso]
        else:
            continue
        if left > 0 and lowers[left - 1] == "the":
            left -= 1
        # the sending state's (and NER's "US Embassy") mentions inside the phrase give way
        state.found = [f for f in state.found if not (f.start < right and left < f.end)]
        state.add(left, right, actor.id, "description", 0.8)
        state.cover(left, right)


def _state_before(state: DocState, i: int) -> tuple[int, str | None]:
    """The sending state written just before "embassy": "US", "American", "Britain's"."""
    end = i
    if end > 0 and state.texts[end - 1] in _POSSESSIVE:
        end -= 1
    for found in state.found:
        if found.end == end and found.start < end:
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state" and actor.country:
                return found.start, actor.country
    # a demonym the earlier passes left alone ("the Iranian embassy")
    if end > 0:
        iso = state.kb.demonym(state.texts[end - 1])
        if iso is not None:
            return end - 1, iso
    return i, None


def _state_after(state: DocState, i: int) -> tuple[int, str | None]:
    """ "embassy of Japan", "embassy of the United States" → (end, ISO)."""
    lowers = state.lowers
    if i >= len(lowers) or lowers[i] != "of":
        return i, None
    start = i + 1
    if start < len(lowers) and lowers[start] == "the":
        start += 1
    for found in state.found:
        if found.start in (i + 1, start):
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state" and actor.country:
                return found.end, actor.country
    return i, None


def _city_after(state: DocState, i: int) -> tuple[str | None, int]:
    """ "in London" after the embassy → ("London", end of the city name)."""
    doc = state.doc
    if i + 1 >= len(doc) or state.lowers[i] != "in":
        return None, i
    token = doc[i + 1]
    if token.ent_type_ not in _CITY_LABELS or token.ent_iob_ != "B":
        return None, i
    end = i + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    name = doc[i + 1 : end].text
    found = [f for f in state.found if f.start == i + 1]
    if any((a := state.actor(f.actor_id)) is not None and a.type == "state" for f in found):
        return None, i  # "the embassy in Iran": a country, not the city of the mission
    return name, end


__all__ = ["find_embassies"]
