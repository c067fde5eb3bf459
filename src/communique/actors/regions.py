"""Regions below the state that the text makes actors: "the Tuscany region", "the regional
assembly of Tuscany", "the Autonomous Region of Western Karelia", and "the region" /
"the regional government" after them.

Runs in the actors stage after ``communique.actors.municipalities`` and before the
descriptions and anaphora of the later passes. In: a ``DocState`` whose pass 1 found the
names; the knowledge base keeps many provinces only as other names of their state
("Tuscany" → Italy), and the gazetteer knows the rest. Out: a local organisation named
as the region (reference lists name a region's government by the region, as a town's by
the town), sector GOV, with the country of its state, for a name the text calls a
region: followed by "region"/"province", after "the region/province of", after "the
regional/provincial <body> of", or inside a proper name headed by "Region"/"Province"
(the proper name, without a trailing "of <state>", is then the actor). Only where the
phrase acts (a subject, a possessor, the agent of a passive, the owner of a body or
officer): "fighting across the Tuscany region" names a place and stays what pass 1 made
it. A later definite "the region", "the regional government" (not followed by a noun or
"of") is linked to the latest such region; in a state whose regions are states
(Australia, India, Nigeria...) "the state" / "the state government" is linked to the
latest region government, this module's or one an earlier pass made (the abbreviation
"NSW" of "New South Wales"). A region named alone ("in Tuscany") is left alone.
"""

from __future__ import annotations

from communique.actors.kb import lookup_key
from communique.actors.state import DocState, Found

# Words that call the name before or after them a region below the state.
_REGION_WORDS = {"region", "province", "prefecture", "oblast", "governorate", "territory"}
_ADJECTIVES = {"regional", "provincial"}
# "the region", "the regional government": a region's own government, not a body of it
_GOVERNMENT_HEADS = {"government", "administration", "authorities", "executive"}
_CONNECTORS = {"of", "in", "and"}
# What a region's bodies and officers are called: "the governor of the X region" makes
# the region an actor, "the hills of the X region" does not.
_BODY_NOUNS = {"government", "governments", "administration", "administrations",
               "authorities", "officials", "council", "councils", "assembly", "parliament",
               "legislature", "governor", "president", "premier", "police", "court",
               "courts", "ministry", "minister", "cabinet", "leaders", "leader",
               "spokesman", "spokeswoman", "spokesperson"}  # fmt: skip
# States whose first-level regions are called states: there "the state" after a region
# names the region ("under the state's criminal code"); elsewhere it names the state.
_FEDERATIONS_OF_STATES = {"AUS", "USA", "IND", "NGA", "BRA", "MEX", "DEU", "MYS", "AUT",
                          "VEN", "SDN", "SSD", "MMR", "FSM", "PLW"}  # fmt: skip


def find_regions(state: DocState) -> None:
    """Add region mentions and their anaphora (module docstring)."""
    # (phrase start, phrase end, name start, name end, country) of each phrase that calls
    # a name a region; the region becomes an actor where the text makes it act
    named = {phrase[0]: phrase for phrase in _named_regions(state)}
    # "the state" also answers to a region government an earlier pass made ("NSW")
    governments = {f.start: f.actor_id for f in state.found if _is_region_government(state, f)}
    doc, lowers = state.doc, state.lowers
    n = len(doc)
    latest: tuple[int, int, str] | None = None  # name start, name end, country
    latest_government: str | None = None
    for i in range(n):
        if i in named:
            start, end, name_start, name_end, country = named[i]
            latest = (name_start, name_end, country)
            if _acts(state, start, end):
                latest_government = _region(state, *latest)
                state.found = [f for f in state.found if not (f.start < end and start < f.end)]
                state.add(start, end, latest_government, "name", 0.85)
                state.cover(start, end)
            continue
        if i in governments:
            latest_government = governments[i]
            continue
        if i == 0 or lowers[i - 1] not in ("the", "this") or state.texts[i][:1].isupper():
            continue
        referent: str | None = None
        if lowers[i] in ("region", "province"):
            end = i + 1
            if latest is not None and _acts(state, i - 1, end):
                referent = _region(state, *latest)
        elif lowers[i] in _ADJECTIVES and i + 1 < n and lowers[i + 1] in _GOVERNMENT_HEADS:
            end = i + 2
            referent = _region(state, *latest) if latest is not None else None
        elif lowers[i] == "state" and _federal(state, latest_government):
            end = i + 1
            if end + 1 < n and lowers[end] in _GOVERNMENT_HEADS:
                end += 1
            if _acts(state, i - 1, end) or lowers[end - 1] in _GOVERNMENT_HEADS:
                referent = latest_government
        else:
            continue
        if referent is None:
            continue
        if end < n and (doc[end].pos_ in ("NOUN", "PROPN") or lowers[end] == "of"):
            continue
        if state.free(i - 1, end):
            state.add(i - 1, end, referent, "description", 0.6)


def _acts(state: DocState, start: int, end: int) -> bool:
    """Whether the phrase is an actor in its clause, not a place: a subject, a possessor,
    the agent of a passive, or what a body or officer belongs to ("the governor of the
    region", "the regional council of X"). "Fighting in the region" names a place."""
    root = state.doc[start:end].root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ == "by":
        return preposition.head.tag_ == "VBN"
    if preposition.lower_ != "of":
        return False
    owner = preposition.head
    # "the regional council of X": a regional body names the region it belongs to
    return owner.lower_ in _BODY_NOUNS or (owner.i > 0 and state.lowers[owner.i - 1] in _ADJECTIVES)


def _is_region_government(state: DocState, found: Found) -> bool:
    """A local government organisation named by another name of a state (a region the
    KB files under its state, made an actor of its own by an earlier pass)."""
    actor = state.local.get(found.actor_id)
    if actor is None or actor.type != "organisation" or actor.sector != "GOV":
        return False
    return any(
        kb_actor.type == "state"
        and kb_actor.country == actor.country
        and lookup_key(kb_actor.name) != lookup_key(actor.name)
        for kb_actor in state.kb.lookup(actor.name)
    )


def _federal(state: DocState, actor_id: str | None) -> bool:
    """Whether the region's state calls its first-level regions states."""
    actor = state.actor(actor_id) if actor_id is not None else None
    return actor is not None and actor.country in _FEDERATIONS_OF_STATES


def _named_regions(state: DocState) -> list[tuple[int, int, int, int, str]]:
    """(phrase start, phrase end, name start, name end, country) of each phrase that
    calls a name a region, in text order."""
    doc, lowers, texts = state.doc, state.lowers, state.texts
    n = len(doc)
    out: list[tuple[int, int, int, int, str]] = []
    i = 0
    while i < n:
        if not texts[i][:1].isupper() or doc[i].pos_ != "PROPN":
            i += 1
            continue
        end = i + 1
        while end < n and texts[end][:1].isupper() and doc[end].pos_ == "PROPN":
            end += 1
        start = i
        # a proper name headed by a region word: "Autonomous Region in Northern Karelia"
        while (
            start >= 2
            and lowers[start - 1] in _CONNECTORS
            and texts[start - 2][:1].isupper()
            and doc[start - 2].pos_ == "PROPN"
        ):
            start -= 2
            while start >= 1 and texts[start - 1][:1].isupper() and doc[start - 1].pos_ == "PROPN":
                start -= 1
        titled = [lowers[t] for t in range(start, end) if texts[t][:1].isupper() and t != start]
        if any(w in _REGION_WORDS for w in titled):
            country = _country_inside(state, start, end)
            if country is not None:
                name_end = _without_state(state, start, end)
                out.append((_with_article(state, start), name_end, start, name_end, country))
                i = end
                continue
        cued = _cued(state, i, end)
        if cued is not None:
            country = _region_country(state, i, end)
            if country is not None:
                out.append((cued[0], cued[1], i, end, country))
                i = max(end, cued[1])
                continue
        i = end
    return out


def _cued(state: DocState, start: int, end: int) -> tuple[int, int] | None:
    """The span of the phrase that calls the name at start:end a region, or None."""
    lowers, n = state.lowers, len(state.doc)
    # "the Tuscany region", "the Tuscany province" (a title-case "Region" is a proper name)
    if (
        end < n
        and lowers[end] in _REGION_WORDS
        and not state.texts[end][:1].isupper()
        and start > 0
        and lowers[start - 1] == "the"
    ):
        return start - 1, end + 1
    if start >= 2 and lowers[start - 1] == "of":
        before = lowers[start - 2]
        # "the region of Tuscany"
        if before in _REGION_WORDS and start >= 3 and lowers[start - 3] == "the":
            return start - 3, end
        # "the regional assembly of Tuscany": the name alone (the body is another actor)
        if start >= 3 and lowers[start - 3] in _ADJECTIVES:
            return start, end
    return None


def _region_country(state: DocState, start: int, end: int) -> str | None:
    """The state of a name the KB keeps as another name of its state, or of a place the
    gazetteer knows; None for a state itself or a name that is no place."""
    text = state.doc[start:end].text
    for found in state.found:
        if found.start == start and found.end == end:
            actor = state.actor(found.actor_id)
            if (
                actor is None
                or actor.type != "state"
                or found.kind != "alias"
                or lookup_key(actor.name) == lookup_key(text)
            ):
                return None
            return actor.country
        if found.start < end and start < found.end:
            return None  # part of another name (a person, an organisation)
    return state.place_country(text, None) if state.is_place(text) else None


def _country_inside(state: DocState, start: int, end: int) -> str | None:
    """The state of a proper name headed by a region word, from a state name or another
    name of a state inside it ("... in Muslim Karelia" → the state Karelia is filed
    under); None when nothing inside names a state."""
    for found in state.found:
        if start <= found.start and found.end <= end:
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state" and actor.country:
                return actor.country
    return None


def _without_state(state: DocState, start: int, end: int) -> int:
    """The end of a region's proper name without a trailing "of <state>": the region of
    "the Eastern Province of Ruritania" is "Eastern Province", and "Ruritania" stays the
    state's own mention."""
    for found in state.found:
        if (
            found.end == end
            and found.start - 2 >= start
            and state.lowers[found.start - 1] in ("of", "in")
        ):
            actor = state.actor(found.actor_id)
            written = state.doc[found.start : found.end].text
            if (
                actor is not None
                and actor.type == "state"
                and lookup_key(actor.name) == lookup_key(written)
            ):
                return found.start - 1
    return end


def _with_article(state: DocState, start: int) -> int:
    return start - 1 if start > 0 and state.lowers[start - 1] == "the" else start


def _region(state: DocState, start: int, end: int, country: str) -> str:
    actor = state.local_actor(state.doc[start:end].text, "organisation")
    actor.sector = actor.sector or "GOV"
    actor.country = actor.country or country
    return actor.id


__all__ = ["find_regions"]
