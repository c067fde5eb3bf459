"""Pass 5 of the actors stage: a state's institutions named by a generic noun.

Runs last in the actors stage (after ``agents``), before ``quotes`` and ``events``. In: a
``DocState`` holding every mention of passes 1–4. Out: mentions of the knowledge base's
national institutions (``data/actor-institutions.v1.csv``, ``KnowledgeBase.institutions``)
for noun phrases that name an institution only by its kind:

- with the state written beside it: "the Velorian navy", "Veloria's legislature", "the
  parliament of Veloria", "its navy" (a pronoun for a state), "the country's cabinet";
- without it, when the phrase is definite or capitalised ("the Armed Forces", "the
  parliament", "The Coast Guard"): the state the article names most, as a reader takes
  a domestic report's "the parliament" to be that country's;
- a bare KB name of another state's institution ("the Senate" read as the United States
  Senate in a report about another country) moves to the article's own state when that
  state has such a chamber.

A phrase the KB has no institution for keeps what earlier passes gave it, except that a
local organisation named only by its kind ("Constitutional Court") gets the state, so it
also answers to "Constitutional Court (Veloria)", the form reference lists use.

Generic agents ("troops", "police officers") stay agents; an institution actor keeps the
state and sector an agent would have had, so event scoring of ``agent:ISO3:SECTOR``
still agrees. A bare "police" is the state's police force only where the data gives one
force that does the ordinary policing (kind ``general-police``: the Philippine National
Police, not any force of a federal state).
"""

from __future__ import annotations

from collections import Counter

from communique.actors.names import key
from communique.actors.state import DocState, Found
from communique.model import Actor

# Lower-case phrases (hyphens joined: "self-defense forces") → institution kind.
KINDS: dict[str, str] = {
    "armed forces": "armed-forces",
    "military": "armed-forces",
    "defence forces": "armed-forces",
    "defense forces": "armed-forces",
    "self-defence forces": "armed-forces",
    "self-defense forces": "armed-forces",
    "army": "army",
    "navy": "navy",
    "air force": "air-force",
    "coast guard": "coast-guard",
    "national police": "police",
    "police force": "police",
    "police": "general-police",  # only where one national force polices (data file)
    "parliament": "legislature",
    "legislature": "legislature",
    "congress": "legislature",
    "national assembly": "legislature",
    "upper house": "upper-house",
    "senate": "upper-house",
    "lower house": "lower-house",
    "house of representatives": "lower-house",
    "house of commons": "lower-house",
    "cabinet": "cabinet",
    "constitutional court": "constitutional-court",
    "supreme court": "supreme-court",
    "central bank": "central-bank",
    "election commission": "election-commission",
    "electoral commission": "election-commission",
    "elections commission": "election-commission",
    "news agency": "news-agency",
    "forces": "armed-forces",  # only with the state written: "the Velorian forces"
    "foreign ministry": "foreign-ministry",
    "ministry of foreign affairs": "foreign-ministry",
    "defence ministry": "defence-ministry",
    "defense ministry": "defence-ministry",
    "ministry of defence": "defence-ministry",
    "ministry of defense": "defence-ministry",
    "interior ministry": "interior-ministry",
    "ministry of interior": "interior-ministry",
    "ministry of the interior": "interior-ministry",
    "justice ministry": "justice-ministry",
    "ministry of justice": "justice-ministry",
    "finance ministry": "finance-ministry",
    "ministry of finance": "finance-ministry",
    "health ministry": "health-ministry",
    "ministry of health": "health-ministry",
    "education ministry": "education-ministry",
    "ministry of education": "education-ministry",
    "trade ministry": "trade-ministry",
    "ministry of trade": "trade-ministry",
    "economy ministry": "economy-ministry",
    "ministry of economy": "economy-ministry",
    "energy ministry": "energy-ministry",
    "ministry of energy": "energy-ministry",
    "agriculture ministry": "agriculture-ministry",
    "ministry of agriculture": "agriculture-ministry",
    "information ministry": "information-ministry",
    "ministry of information": "information-ministry",
    "labour ministry": "labour-ministry",
    "labor ministry": "labour-ministry",
    "environment ministry": "environment-ministry",
    "transport ministry": "transport-ministry",
    "culture ministry": "culture-ministry",
    "home ministry": "interior-ministry",
    "ministry of home affairs": "interior-ministry",
    "ministry of interior affairs": "interior-ministry",
    "ministry of internal affairs": "interior-ministry",
    "high court": "high-court",
}
# Kinds resolved only when the text writes the state beside them.
_WRITTEN_ONLY = {"forces"}
_MAX_WORDS = 4
# Kinds a reader takes for the article's own state even without "the": "parliament
# voted", "Congress passed". A bare "military"/"army" is as often a modifier or generic.
_BARE_OK = {"legislature", "upper-house", "lower-house", "cabinet"}
# Words between a determiner or state and the institution that leave the kind as it is.
_ADJECTIVES = {"main", "central", "national", "federal", "state", "elite", "puppet",
               "regular", "powerful", "country's", "new", "official"}  # fmt: skip
_POSSESSIVE = {"’s", "'s", "’", "'"}
# Confidence by where the state came from: written beside the noun, or the article's.
WRITTEN, ARTICLE = 0.85, 0.65


def find_institutions(state: DocState) -> None:
    """Add or re-aim mentions of national institutions named by kind (module docstring)."""
    kb = state.kb
    if not kb.institutions:
        return
    lowers, texts, doc = state.lowers, state.texts, state.doc
    first_words = {phrase.split()[0].split("-")[0] for phrase in KINDS}
    focal = _focal_country(state)
    n = len(doc)
    i = 0
    while i < n:
        if lowers[i] not in first_words:
            i += 1
            continue
        match = _phrase_at(state, i)
        if match is None:
            i += 1
            continue
        end, kind = match
        named = _organisation_at(state, end)
        if named is not None:
            _describes_name(state, i, end, named)
            i = end
            continue
        head = doc[end - 1]
        if (
            head.dep_ in ("compound", "amod")
            and not texts[i][:1].isupper()  # "Syrian Army units": a name before a noun
            and (end >= n or texts[end] not in _POSSESSIVE)
        ):
            i = end  # "military operations", "army chief": a modifier, not the institution
            continue
        if end < n and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in ("DATE", "TIME"):
            i = end  # "the Navy SEALs", "Army Group Centre": part of a longer name
            continue
        regional = _regional_owner(state, i)
        if regional is not None:
            # "the NSW legislature": the region's own body when the article names it,
            # never the national one of the state around the region
            body = _regional_body(state, regional, kind)
            if body is not None and state.free(i, end):
                state.add(i, end, body, "description", WRITTEN)
            i = end
            continue
        left, iso = _state_before(state, i)
        right = end
        if iso is None:
            right, iso = _state_after(state, end)
        written = iso is not None
        definite = left < i or lowers[max(left - 1, 0)] == "the" or texts[i][:1].isupper()
        phrase = " ".join(lowers[i:end])
        if phrase in _WRITTEN_ONLY and not (
            i > 0 and (texts[i - 1][:1].isupper() or texts[i - 1] in _POSSESSIVE)
        ):
            i = end  # "security forces", "government forces": generic, not a state's
            continue
        if iso is None and (definite or kind in _BARE_OK) and phrase not in _WRITTEN_ONLY:
            iso = focal
        if kind == "general-police":
            # the country the agents pass gave the group ("Police in Manila"), which
            # also weighed places and earlier groups; no agent there, no police force
            iso = _agent_country(state, end - 1)
            written = iso is not None
        if iso is None:
            i = end
            continue
        _settle(state, left, i, end, right, kind, iso, WRITTEN if written else ARTICLE)
        i = right
    return


def _phrase_at(state: DocState, i: int) -> tuple[int, str] | None:
    """The longest institution phrase starting at token i: its end and kind."""
    words: list[str] = []
    best: tuple[int, str] | None = None
    for j in range(i, min(len(state.doc), i + _MAX_WORDS + 2)):
        low = state.lowers[j]
        if j > i and state.doc[j].is_sent_start:
            break
        if low == "-" and words:
            words[-1] += "-"
            continue
        if words and words[-1].endswith("-"):
            words[-1] += low
        else:
            words.append(low)
        if len(words) > _MAX_WORDS:
            break
        kind = KINDS.get(" ".join(words))
        if kind is not None:
            best = (j + 1, kind)
    return best


def _organisation_at(state: DocState, start: int) -> Found | None:
    """An organisation named from ``start`` on ("Tanjug" after "state news agency")."""
    for found in state.found:
        if found.start == start and found.kind in ("name", "alias", "abbreviation"):
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "organisation":
                return found
    return None


def _describes_name(state: DocState, start: int, end: int, named: Found) -> None:
    """ "Serbia's state news agency Tanjug", "the central bank BCV": the kind phrase right
    before an organisation's name is a description of that organisation (not of the state's
    institution of the kind, nor an unnamed agent), with its modifiers and any demonym."""
    left, _ = _state_before(state, start)
    if any(f.kind != "demonym" for f in state.found if left <= f.start and f.end <= start):
        left = start  # "China's": the state keeps its own mention
    covering = [f for f in state.found if f.start < end and left < f.end and f is not named]
    if any(not f.actor_id.startswith("agent:") and f.kind != "demonym" for f in covering
           if start <= f.start):  # fmt: skip
        return  # an earlier pass named the phrase itself
    for found in covering:
        if found.actor_id.startswith("agent:"):
            found.actor_id, found.kind, found.confidence = named.actor_id, "description", WRITTEN
    if not any(f.actor_id == named.actor_id for f in covering):
        state.add(left, end, named.actor_id, "description", WRITTEN)


def _agent_country(state: DocState, i: int) -> str | None:
    """Country of the agent mention covering token i, if any."""
    for found in state.found:
        if found.start <= i < found.end and found.actor_id.startswith("agent:"):
            actor = state.actor(found.actor_id)
            return actor.country if actor is not None else None
    return None


def _found_ending(state: DocState, end: int) -> Found | None:
    for found in state.found:
        if found.end == end and found.kind != "role":
            return found
    return None


def _state_of(state: DocState, found: Found) -> str | None:
    """The state an earlier mention stands for: a state, or an actor with a country."""
    actor = state.actor(found.actor_id)
    return actor.country if actor is not None and actor.type == "state" else None


def _state_before(state: DocState, i: int) -> tuple[int, str | None]:
    """Where the phrase's modifiers start and the state they name: a demonym ("the
    Velorian navy"), a state's possessive ("Veloria's legislature", "the country's
    cabinet"), a state as compound ("the Veloria legislature") or "its"/"their"."""
    lowers, texts, kb = state.lowers, state.texts, state.kb
    k = i - 1
    while k >= 0 and i - k <= 3 and lowers[k] in _ADJECTIVES and not texts[k][:1].isupper():
        k -= 1
    if k < 0:
        return i, None
    if texts[k] in _POSSESSIVE:
        owner = _found_ending(state, k)
        if owner is not None:
            return owner.start, _state_of(state, owner)
        return i, None
    if lowers[k] in ("its", "their"):
        owner = next((f for f in state.found if f.start == k and f.kind == "pronoun"), None)
        return (k, _state_of(state, owner)) if owner is not None else (i, None)
    owner = _found_ending(state, k + 1)
    if owner is not None:
        iso = _state_of(state, owner)
        if iso is not None:
            start = owner.start
            if start > 0 and lowers[start - 1] == "the":
                start -= 1
            return start, iso
    if texts[k][:1].isupper():
        iso = kb.demonym(texts[k])
        if iso is None and k > 0:
            iso = kb.demonym(texts[k - 1] + " " + texts[k])
            k = k - 1 if iso is not None else k
        if iso is not None and not texts[k].endswith("s"):
            return (k - 1 if k > 0 and lowers[k - 1] == "the" else k), iso
    if lowers[k] == "the":
        return k, None
    return i, None


def _state_after(state: DocState, end: int) -> tuple[int, str | None]:
    """ "the legislature of Veloria": the state after "of" (and "the")."""
    j = end
    if j >= len(state.doc) or state.lowers[j] != "of":
        return end, None
    j += 1
    if j < len(state.doc) and state.lowers[j] == "the":
        j += 1
    owner = next((f for f in state.found if f.start == j), None)
    if owner is None:
        return end, None
    iso = _state_of(state, owner)
    return (owner.end, iso) if iso is not None else (end, None)


def _settle(
    state: DocState,
    left: int,
    start: int,
    end: int,
    right: int,
    kind: str,
    iso: str,
    confidence: float,
) -> None:
    """Point the phrase [left, right) at the state's institution of that kind, unless an
    earlier pass gave it (or more around it) a specific actor."""
    kb = state.kb
    covering = [f for f in state.found if f.start < end and start < f.end]
    institution = kb.institutions.get((iso, kind))
    agents = [f for f in covering if f.actor_id.startswith("agent:")]
    if agents:
        # "the military" as an agent of the sector: the state's armed forces
        for found in agents:
            actor = state.actor(found.actor_id)
            if institution is not None and actor is not None and actor.country in (None, iso):
                found.actor_id, found.confidence = institution, max(found.confidence, confidence)
        return
    for found in covering:
        actor = state.actor(found.actor_id)
        if actor is None:
            continue
        if found.start < left or found.end > right:
            return  # inside a longer name or description ("spokesman for the navy")
        if actor.type in ("state", "person"):
            continue  # the modifier ("Velorian"), or a person's title words
        if actor.origin == "local" and actor.type == "organisation":
            if found.kind == "description" and key(actor.name) not in KINDS:
                return  # "the parliament" after "the Parliament of Veloria Province"
            if institution is not None:
                found.actor_id, found.kind = institution, "description"
                found.confidence = confidence
            elif key(actor.name) in KINDS and actor.country is None:
                # "Constitutional Court" of the article's state: also "... (Veloria)"
                country = kb.country_actor(iso)
                if country is not None:
                    local = state.local_actor(
                        actor.name, "organisation", country=iso, country_name=country.name
                    )
                    if kind.endswith("-ministry"):
                        local.sector = local.sector or "GOV"  # a ministry is its government
                        _ministry_forms(local, kind, country.name)
                    found.actor_id = local.id
            elif kind.endswith("-ministry") and actor.country == iso:
                # named with its state by an earlier pass ("Veloria's Foreign Ministry")
                country = kb.country_actor(iso)
                if country is not None:
                    _ministry_forms(actor, kind, country.name)
            return
        if institution is not None and actor.country not in (None, iso):
            # "the Senate" taken for another state's chamber by its bare KB alias
            if key(state.doc[found.start : found.end].text) in KINDS:
                found.actor_id, found.kind, found.confidence = (
                    institution,
                    "description",
                    confidence,
                )
            return
        return
    if institution is None:
        return
    # A state named before it keeps its own mention ("Veloria" of "Veloria's navy"); a
    # demonym becomes part of the institution's ("the Velorian navy").
    before = [f for f in state.found if left <= f.start and f.end <= start]
    if any(f.kind != "demonym" for f in before):
        left = start
    state.found = [f for f in state.found if not (left <= f.start and f.end <= start)]
    state.add(left, right, institution, "description", confidence)
    state.cover(left, right)


def _ministry_forms(ministry: Actor, kind: str, country_name: str) -> None:
    """A ministry answers to every English form of its kind with the state, as reference
    lists title it "Ministry of Interior Affairs (Veloria)" or "Ministry of the Interior
    (Veloria)" where the article wrote "the Interior Ministry"."""
    for phrase, phrase_kind in KINDS.items():
        if phrase_kind != kind:
            continue
        titled = " ".join(w if w in ("of", "the") else w.capitalize() for w in phrase.split())
        form = f"{titled} ({country_name})"
        if form != ministry.name and form not in ministry.aliases:
            ministry.aliases.append(form)


# Words that name a regional body of each institution kind ("Parliament of Veloria
# Province", "Regional Council of ..."), for "the region's legislature".
_REGIONAL_WORDS: dict[str, frozenset[str]] = {
    "legislature": frozenset({"parliament", "assembly", "legislature", "council", "congress"}),
    "upper-house": frozenset({"council", "senate"}),
    "lower-house": frozenset({"assembly", "house"}),
    "cabinet": frozenset({"cabinet", "government", "executive"}),
    "police": frozenset({"police"}),
}


def _regional_owner(state: DocState, i: int) -> Found | None:
    """The mention right before the phrase (or before its "'s") when it is a government
    below the state: a local organisation of sector GOV with a country, as
    ``abbreviations`` and ``municipalities`` make for regions and towns."""
    k = i - 1
    if k >= 0 and state.texts[k] in _POSSESSIVE:
        k -= 1
    owner = _found_ending(state, k + 1) if k >= 0 else None
    if owner is None:
        return None
    actor = state.actor(owner.actor_id)
    if actor is None or actor.origin != "local" or actor.type != "organisation":
        return None
    return owner if actor.sector == "GOV" and actor.country else None


def _regional_body(state: DocState, owner: Found, kind: str) -> str | None:
    """The one organisation the article names with the region's name and a word of the
    kind ("Parliament of New South Wales" for "the NSW legislature"), else None."""
    region = state.actor(owner.actor_id)
    words = _REGIONAL_WORDS.get(kind)
    if region is None or words is None:
        return None
    name = key(region.name)
    bodies = {
        f.actor_id
        for f in state.found
        if f.actor_id != region.id
        and (actor := state.actor(f.actor_id)) is not None
        and actor.type == "organisation"
        and name in key(actor.name)
        and words & set(key(actor.name).split())
    }
    return bodies.pop() if len(bodies) == 1 else None


def _focal_country(state: DocState) -> str | None:
    """The state the article names most (by name, alias or demonym), when one leads."""
    counts: Counter[str] = Counter()
    for found in state.found:
        if found.kind not in ("name", "alias", "demonym", "abbreviation"):
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "state" or not actor.country:
            continue
        if state.kb.region(state.doc[found.start : found.end].text) is not None:
            continue  # "Georgia" may be the US state: no evidence of the article's state
        counts[actor.country] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


__all__ = ["KINDS", "find_institutions"]
