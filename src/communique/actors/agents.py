"""Pass 4 of the actors stage: generic agents ("Turkish police", "dozens of protesters").

In: a ``DocState`` after names (``resolve``), descriptions (``roles``) and anaphora
(``coref``), and the agents lexicon ``data/agents.v1.csv`` (generic nouns → CAMEO
sectors, from PETRARCH2's ``Phoenix.agents.txt``). Out: more ``Found`` mentions of
*agent actors*: one actor per country (or organisation) and sector, id
``agent:<ISO3 or organisation id>:<SECTOR>`` (``agent:TUR:COP``), or ``agent:<SECTOR>``
when no country can be told; ``resolve.resolve_actors`` then turns them into mentions.
The events stage, next but one, takes them as sources and targets like any actor.

A noun phrase is an agent when its head noun's lemma (or the last two lemmas:
"security forces") is in the lexicon and no earlier pass resolved the head. The
country comes, in order, from: a demonym, country or organisation inside the phrase
("Turkish police", "Houthi fighters", "Kenya's police"); a place in a prepositional
phrase on the head or in the sentence ("protesters in Nairobi"; a homonym in the
sentence's state first); the group of the same sector the article placed before ("Hong
Kong protesters ... the protesters"); the country the article mentions most
(``DocState.countries``); else none. Refugees take the state they left after the
phrase itself: "from X" on them, else the origin the article states ("fled X") or names
by nationality plurals, never where they landed (``_origin``). Sectors are the 17 of the gold annotation guide;
a faith modifier makes a civilian, business or NGO group religious ("Catholic schools"). A demonym collective the
``roles`` pass made ("Israeli troops" → Israel) is narrowed to the demonym, so the
state keeps its mention and the phrase becomes the agent. Quantifiers are part of the
mention ("dozens of demonstrators"), because the parser makes the quantifier the head
that verbs take as object.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from communique.actors.state import DocState, Found
from communique.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

AGENTS_FILE = "agents.v1.csv"

# Readable names of the sectors: the canonical name is "<label> (<country>)", one actor
# per country and sector whatever noun the text used ("police", "riot police",
# "officers" are all TUR COP), the way CAMEO codes them; the text's own phrasing is
# kept in the aliases.
SECTOR_LABELS = {
    "COP": "Police", "MIL": "Armed forces", "REB": "Rebels", "UAF": "Armed groups",
    "OPP": "Protesters and opposition", "CVL": "Civilians", "GOV": "Government",
    "JUD": "Judiciary", "MED": "Media", "EDU": "Students and academics", "BUS": "Business",
    "LAB": "Workers", "REF": "Refugees", "HLH": "Health workers", "CRM": "Criminals",
    "LEG": "Legislators", "SPY": "Intelligence services", "AGR": "Farmers",
    "HRI": "Human rights groups", "NGO": "Non-governmental organisations",
    "ENV": "Environmental groups", "ELI": "Elites", "PTY": "Party members",
    "DEV": "Development groups", "MUS": "Muslims", "CHR": "Christians", "JEW": "Jews",
    "HIN": "Hindus", "BUD": "Buddhists", "REL": "Religious groups", "RAD": "Radicals",
}  # fmt: skip
# Singular office nouns of these sectors ("the minister", "a senator") are individual
# office holders: the roles and coref passes resolve them, or they stay unresolved;
# only their plurals are agents ("ministers", "senators").
_PERSONAL_SECTORS = {"GOV", "LEG", "ELI", "PTY"}
# Words before "of" that quantify the agents after it.
QUANTIFIERS = {"dozens", "hundreds", "thousands", "tens", "scores", "millions", "dozen",
               "hundred", "thousand", "number", "group", "groups", "crowd", "crowds",
               "handful", "couple", "lot", "lots", "most", "many", "some", "several", "few",
               "all", "members", "contingent", "unit", "units", "squad", "team",
               "convoy", "column", "wave"}  # fmt: skip
_PLACE_PREPS = {"in", "near", "outside", "across", "from", "at", "inside", "around", "through"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Confidence by where the country came from: the phrase itself names it; a place the
# phrase is located in; the article's dominant country; none at all.
IN_PHRASE, PLACE, ARTICLE, UNKNOWN = 0.85, 0.7, 0.6, 0.5


@dataclass(frozen=True)
class AgentLexicon:
    """Lemma (one or two words, lower case) → CAMEO sector."""

    sectors: dict[str, str]
    heads: frozenset[str] = frozenset()  # last word of every entry: a cheap first test

    def __post_init__(self) -> None:
        object.__setattr__(self, "heads", frozenset(k.rsplit(" ", 1)[-1] for k in self.sectors))

    def sector(self, lemmas: list[str]) -> tuple[str, int] | None:
        """Sector of the longest lexicon entry ending the lemma list, and its length in words."""
        for n in (3, 2, 1):
            if len(lemmas) >= n:
                sector = self.sectors.get(" ".join(lemmas[-n:]))
                if sector is not None:
                    return sector, n
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> AgentLexicon:
    """The shipped lexicon (read once per process; it is read-only)."""
    text = (resources.files("communique") / "data" / AGENTS_FILE).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO("".join(ln for ln in text.splitlines(True) if ln[:1] != "#")))
    return AgentLexicon({row["lemma"]: row["sector"] for row in rows})


def agent_actor(context: str | None, sector: str, country: str | None, place: str | None) -> Actor:
    """The agent actor of a sector, for a state (ISO3), an organisation id, or none."""
    label = SECTOR_LABELS.get(sector, sector)
    if context is None:
        return Actor(id=f"agent:{sector}", name=label, type="group", sector=sector, origin="local")
    name = f"{label} ({place or context})"
    aliases = [f"{context} {sector}"] if country == context else []
    return Actor(
        id=f"agent:{context}:{sector}",
        name=name,
        aliases=aliases,
        type="group",
        country=country,
        sector=sector,
        origin="local",
    )


def find_agents(
    state: DocState, lexicon: AgentLexicon, resolve_place: Callable[[str, str | None], str | None]
) -> None:
    """Add agent mentions for noun phrases headed by an agent noun that no pass resolved.

    ``resolve_place`` gives the ISO3 country of a place name (a homonym in the hinted
    country first), or None.
    """
    doc = state.doc
    taken = {t: f for f in state.found for t in range(f.start, f.end)}
    # Lemmas from the LEMMA array: a Token object per word costs more than the whole
    # test, and no lexicon entry ends with most words. "Rebels" (NNPS) keeps its "s".
    strings = doc.vocab.strings
    lemmas = [strings[h].lower() for h in doc.to_array("LEMMA").tolist()]
    heads = lexicon.heads
    for i, lemma in enumerate(lemmas):
        if lemma not in heads and not (lemma.endswith("s") and lemma[:-1] in heads):
            continue
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        if _lemma(tok) not in heads:
            continue
        if _in_name(state, tok):
            continue  # "the National Police": a name, left to the names pass
        hit = lexicon.sector([*(t.lemma_.lower() for t in _compounds(tok)), _lemma(tok)])
        if hit is None:
            continue
        sector, _ = hit
        sector = _faith_sector(tok, sector)
        if sector in _PERSONAL_SECTORS and tok.tag_ not in ("NNS", "NNPS"):
            continue
        owner = taken.get(tok.i)
        if owner is not None and not _collective(state, owner, tok):
            continue  # a name, role, description or pronoun already covers the head
        start, end = _extent(state, tok, taken)
        if (start == tok.i and _generic(tok)) or _locative(tok):
            continue
        force = _named_force(state, tok, start, sector, resolve_place) if hit[1] == 1 else None
        if force is not None:
            # "Lincolnshire Police": a force of its own, named by a place the
            # gazetteer does not know, so its country is no guess from the article
            state.found.append(Found(start, end, force.id, "description", IN_PHRASE))
            for t in range(start, end):
                taken.setdefault(t, state.found[-1])
            continue
        context, country, place, confidence = _country(state, tok, start, sector, resolve_place)
        actor = agent_actor(context, sector, country, place)
        if owner is not None:
            owner.end = tok.i  # "Israeli troops" → Israel narrows to "Israeli"
            while owner.end > owner.start and not doc[owner.end - 1].text[:1].isupper():
                owner.end -= 1
            if owner.end <= owner.start:
                state.found.remove(owner)
        text = doc[start:end].text
        known = state.local.setdefault(actor.id, actor)
        if text not in known.aliases and text[:1].isupper():
            known.aliases.append(text)
        found = Found(start, end, actor.id, "description", confidence)
        state.found.append(found)
        for t in range(start, end):
            taken.setdefault(t, found)


def starts_an_agent_noun(doc: Doc, start: int, end: int) -> bool:
    """A one-word entity at a sentence's start that, with the lower-case noun after it,
    is a generic agent of the lexicon ("Riot police", "Border guards"): a common noun
    capitalised by its place, not a name."""
    if end - start != 1 or not doc[start].is_sent_start or end >= len(doc):
        return False
    after = doc[end]
    if after.pos_ != "NOUN" or not after.text.islower():
        return False
    hit = load_lexicon().sector([doc[start].lower_, after.lemma_.lower()])
    return hit is not None and hit[1] == 2


# Modifiers that make a civilian, business or NGO group a religious one ("religious
# schools", "Catholic charities", "Muslim clerics"): the gold guide's REL sector.
_FAITH_MODIFIERS = {"religious", "catholic", "christian", "muslim", "islamic", "jewish",
                    "hindu", "buddhist", "orthodox", "protestant", "evangelical", "church",
                    "parish", "mosque", "faith", "sikh", "anglican", "coptic"}  # fmt: skip
_SECULAR_SECTORS = {"CVL", "BUS", "NGO"}


def _faith_sector(tok: Token, sector: str) -> str:
    """REL for a civilian, business or NGO head with a faith modifier, else ``sector``."""
    if sector in _SECULAR_SECTORS and any(t.lower_ in _FAITH_MODIFIERS for t in _compounds(tok)):
        return "REL"
    return sector


def _lemma(tok: Token) -> str:
    """Lower-case lemma; the parser leaves capitalised plurals as they are ("Rebels" PROPN)."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_ and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def _in_name(state: DocState, tok: Token) -> bool:
    """A capitalised agent noun after a capitalised word that is no demonym is part of a
    name ("National Police", "Rapid Support Forces"), unless it opens the sentence."""
    if not tok.text[:1].isupper() or tok.text.isupper() or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return (
        prev.is_alpha
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and state.kb.demonym(prev.text) is None
    ) or (prev.is_alpha and prev.lower_ == "the")


def _compounds(tok: Token) -> list[Token]:
    """The modifiers right before a head ("security" of "security forces", "riot police")."""
    out: list[Token] = []
    expected = tok.i - 1
    # tok.lefts walks the parse in C; only the run of modifiers touching the head counts
    for child in reversed(list(tok.lefts)):
        if child.i != expected or child.dep_ not in ("compound", "amod", "nmod"):
            break
        out.insert(0, child)
        expected -= 1
    return out


_LOCATIVE = {"in", "at", "outside", "near", "inside", "into", "around", "across", "through",
             "to", "toward", "towards"}  # fmt: skip


def _locative(tok: Token) -> bool:
    """ "outside the university", "into the villages": a place named by its people."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE and tok.tag_ in ("NN", "NNP")


def _generic(tok: Token) -> bool:
    """A bare plural subject of a simple present ("on Quds Day demonstrators express
    support", "students protest every year") names a kind, not a group that acted: no
    mention. Headlines (the first sentence) report in the present and stay."""
    verb = tok.head
    return (
        tok.tag_ in ("NNS", "NNPS")
        and tok.dep_ in ("nsubj", "nsubjpass")
        and verb.tag_ in ("VBP", "VBZ")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and tok.sent.start != 0
    )


def _collective(state: DocState, owner: Found, tok: Token) -> bool:
    """A demonym collective of the roles pass ("Israeli troops" → Israel) that ends at the head."""
    return owner.kind == "demonym" and owner.end == tok.i + 1 and owner.start < tok.i


def _extent(state: DocState, tok: Token, taken: dict[int, Found]) -> tuple[int, int]:
    """Token range of the mention: the head's left modifiers, and a quantifier before "of"."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "predet") and child.lower_ in ("the", "a", "an"):
            continue
        if child.dep_ in ("amod", "compound", "nummod", "nmod", "poss", "quantmod", "det"):
            start = min(start, child.left_edge.i)
    for t in range(start, tok.i):  # a headline's "Outlet - Police ...": not one phrase
        if doc[t].is_punct and doc[t].text not in ("'", "’"):
            start = t + 1
    while start < tok.i and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    # "dozens of demonstrators", "some 200 students", "a group of rebels"
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in QUANTIFIERS
        and head.head.i < tok.i
        and not any(t in taken for t in range(head.head.i, head.i))
    ):
        quantifier = head.head
        start = quantifier.i
        for child in quantifier.lefts:
            if child.dep_ in ("nummod", "quantmod", "amod", "advmod", "det"):
                start = min(start, child.left_edge.i)
        while start < quantifier.i and doc[start].lower_ in ("the", "a", "an"):
            start += 1
    return start, tok.i + 1


def _country(
    state: DocState,
    tok: Token,
    start: int,
    sector: str,
    resolve_place: Callable[[str, str | None], str | None],
) -> tuple[str | None, str | None, str | None, float]:
    """(context id, country ISO3, name for the label, confidence) of an agent phrase."""
    kb, doc = state.kb, tok.doc
    # 1. in the phrase: a demonym ("Turkish", "South Korean"), a state or organisation
    # mention ("Kenya police", "Houthi fighters", "Russia's army").
    words = [t for t in range(start, tok.i) if doc[t].text[:1].isupper()]
    words += [c.i for c in tok.children if c.dep_ == "poss" and c.i not in words]
    for i in words:
        for found in state.found:
            if found.start <= i < found.end and found.kind != "pronoun":
                actor = state.actor(found.actor_id)
                if actor is None or actor.type in ("person", "group") or actor.origin == "local":
                    continue  # people, other agents and unknown names give no context
                if actor.type in ("state", "place") and actor.country:
                    return actor.country, actor.country, actor.name, IN_PHRASE
                return actor.id, actor.country, actor.name, IN_PHRASE
        pair = doc[i : i + 2].text if i + 1 < tok.i else ""
        iso = (kb.demonym(pair) if pair else None) or kb.demonym(doc[i].text)
        if iso is not None:
            return iso, iso, _country_name(state, iso), IN_PHRASE
    if sector in _ORIGIN_SECTORS:
        return _origin(state, tok)
    # 2. a place the phrase or its clause is located in ("protesters in Nairobi")
    sent = tok.sent
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
    preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS]
    # named places in those phrases first (whatever NER called them: "Santiago" is
    # often PERSON), then any place entity of the sentence
    near = [
        " ".join(t.text for t in run) for prep in preps for run in _proper_runs(list(prep.subtree))
    ]
    # token indexes of those phrases, once (a Token per word per mention cost more than
    # the rest of the agents pass, profiled on eval-news)
    inside = {t.i for prep in preps for t in prep.subtree}
    for found in state.found:  # a state or place mention there ("in North Waziristan")
        if inside and any(t in inside for t in range(found.start, found.end)):
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type in ("state", "place") and actor.country:
                return actor.country, actor.country, _country_name(state, actor.country), PLACE
    hint = _setting(state, sent.start, sent.end)
    for name in near + [e.text for e in sent.ents if e.label_ in _PLACE_LABELS]:
        iso = resolve_place(name, hint)
        if iso is not None:
            return iso, iso, _country_name(state, iso), PLACE
    # 3. the group of this sector the article placed before ("Hong Kong protesters ...
    # the protesters"): a bare plural takes it up again rather than the country the
    # article mentions most (a Hong Kong report names China more often than Hong Kong)
    earlier = _earlier_agent(state, tok, sector)
    if earlier is not None:
        return earlier
    # 4. the article's dominant country
    common = state.countries.most_common(1)
    if common and common[0][1] >= 2:  # one passing mention does not make the setting
        iso = common[0][0]
        return iso, iso, _country_name(state, iso), ARTICLE
    return None, None, None, UNKNOWN


def _named_force(
    state: DocState,
    tok: Token,
    start: int,
    sector: str,
    resolve_place: Callable[[str, str | None], str | None],
) -> Actor | None:
    """A police force named by its place ("Kent Police", "Lincolnshire police") when
    that place is neither an actor, a demonym nor a place the gazetteer knows (those give
    the agent its country instead): a local organisation "<Place> Police" of sector COP,
    the way such forces are named."""
    if sector != "COP" or tok.lower_ != "police" or tok.i - 1 < start:
        return None
    doc = tok.doc
    first = tok.i
    while (
        first - 1 >= start
        and doc[first - 1].is_title
        and (
            doc[first - 1].pos_ == "PROPN"
            or doc[first - 1].ent_type_ in _PLACE_LABELS
            # a capital inside the sentence; at its start "Riot police" is a common noun
            or (doc[first - 1].pos_ == "NOUN" and not doc[first - 1].is_sent_start)
        )
    ):
        first -= 1  # a county's name is often tagged a common noun
    if first == tok.i or any(f.start < tok.i and first < f.end for f in state.found):
        return None
    place = doc[first : tok.i].text
    if state.kb.demonym(place) or resolve_place(place, None) is not None:
        return None
    actor = state.local_actor(f"{place} Police", "organisation")
    actor.sector = actor.sector or "COP"
    return actor


# Sectors whose people belong to the state they left, not the one they are in: "migrants
# picked up off Sicily" are not Italy's refugees.
_ORIGIN_SECTORS = {"REF"}
_FLED = {"fled", "flee", "fleeing", "flees", "escaped", "escaping"}
# Singular nouns of a people whose "from X" says where they come from ("a minority from X").
_PEOPLE_NOUNS = {"minority", "community", "people", "population", "family", "group", "tribe"}


def _origin(state: DocState, tok: Token) -> tuple[str | None, str | None, str | None, float]:
    """Country of a refugee group without a demonym: "from X" on the phrase itself, else
    the origin the article states most ("fled X", "Muslims from X": twice) or names by
    nationality plurals ("Syrians"); else none. Where they were found or landed is
    never their country (steps 2 and 4 of ``_country`` are skipped)."""
    doc, kb = tok.doc, state.kb
    by_start = {f.start: f for f in state.found if f.kind != "pronoun"}

    def state_at(i: int) -> str | None:
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        found = by_start.get(i)
        actor = state.actor(found.actor_id) if found is not None else None
        return actor.country if actor is not None and actor.type == "state" else None

    for prep in (c for holder in _group_heads(tok) for c in holder.children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            iso = state_at(prep.i + 1)
            if iso is not None:
                return iso, iso, _country_name(state, iso), PLACE
    votes: dict[str, int] = {}
    for t in doc:
        low = t.lower_
        iso = None
        weight = 1
        if low in _FLED or (
            low == "from"
            and t.head.pos_ in ("NOUN", "PROPN")
            and (t.head.tag_ in ("NNS", "NNPS") or t.head.lemma_.lower() in _PEOPLE_NOUNS)
        ):
            iso, weight = state_at(t.i + 1), 2
        elif (
            t.pos_ in ("NOUN", "PROPN")
            and t.dep_ not in ("compound", "amod")
            and t.text[:1].isupper()
            and t.text.endswith("s")
        ):
            iso = kb.demonym(t.text)  # "Syrians", "Bangladeshis" (NER tags them NNP)
        if iso is not None:
            votes[iso] = votes.get(iso, 0) + weight
    if votes:
        iso = max(votes, key=lambda c: votes[c])
        return iso, iso, _country_name(state, iso), ARTICLE
    return None, None, None, UNKNOWN


def _group_heads(tok: Token) -> list[Token]:
    """The word itself and the nouns that count or hold it ("a boat of refugees from X",
    "thousands of migrants from X"): the parser hangs "from X" on the first noun of such
    a phrase, but it says where the people come from."""
    heads = [tok]
    while (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.pos_ in ("NOUN", "NUM", "PRON")
        and tok.head.head.i < tok.i
    ):
        tok = tok.head.head
        heads.append(tok)
    return heads


def _setting(state: DocState, start: int, end: int) -> str | None:
    """The country a place name of tokens [start, end) most likely lies in: a state the
    sentence names ("gunmen in Borno" beside "Nigerian"), else the one the article
    names most. A homonym elsewhere ("Borno" in Germany) loses to it."""
    for found in state.found:
        if start <= found.start < end and found.kind != "pronoun":
            actor = state.actor(found.actor_id)
            if actor is not None and actor.type == "state" and actor.country:
                return actor.country
    common = state.countries.most_common(1)
    return common[0][0] if common else None


def _earlier_agent(
    state: DocState, tok: Token, sector: str
) -> tuple[str | None, str | None, str | None, float] | None:
    """Context of the latest agent of ``sector`` before ``tok`` whose country the text
    itself gave (in its phrase or by a place), or None."""
    latest: Found | None = None
    for found in state.found:
        if (
            found.start < tok.i
            and found.confidence >= PLACE
            and found.actor_id.startswith("agent:")
            and found.actor_id.count(":") == 2
            and found.actor_id.endswith(":" + sector)
            and (latest is None or found.start > latest.start)
        ):
            latest = found
    if latest is None:
        return None
    actor = state.actor(latest.actor_id)
    if actor is None:
        return None
    context = latest.actor_id.split(":")[1]
    place = actor.name[actor.name.find("(") + 1 : -1] if actor.name.endswith(")") else None
    return context, actor.country, place, ARTICLE


def _proper_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs of adjacent proper nouns or place-entity tokens ("Sao Paulo", "Santiago")."""
    runs: list[list[Token]] = []
    for t in tokens:
        if t.pos_ == "PROPN" or t.ent_type_ in _PLACE_LABELS:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    return runs


def _country_name(state: DocState, iso: str) -> str:
    actor = state.kb.country_actor(iso)
    return actor.name if actor is not None else iso
