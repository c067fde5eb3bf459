"""Time-safe roles: who held an office on a date, and what an actor was on a date.

In: the ``KnowledgeBase`` (offices with dated holders, actors with dated ``Role``s), a
title phrase from text ("the attorney general", "senator"), the state or organisation
the text ties it to, the date the mention refers to and the qualifiers written with
the title ("former", "then-", "-elect", "acting", "ex-"). Out: the one ``Actor`` who
held such an office then, or an ``UnresolvedRole`` that keeps the text, the country
and the sector the title implies, never the latest holder. Used by the ``roles`` pass
of the actors stage (``communique.actors.roles``) and by anyone who needs an actor's
role and sector as of a date (exported mentions, event actors, quote speakers).

The rules, in the order ``holder`` applies them:

1. The offices the title names within the context (a state's ISO code or an
   organisation id; a state institution falls back to its state). Without a context
   the title must name offices of one state or organisation only.
2. Which holders count, by qualifier: plain and "then-" → holding on the date;
   "former"/"ex-"/"late" → holding ended before it; "-elect"/"incoming"/"designate" →
   holding starting within ``ELECT_WINDOW_DAYS`` after it; "acting"/"interim" → only
   an office whose own title says acting.
3. One holder → that actor. Several (two senators, many former presidents) → the one
   the caller prefers (named in the article), else unresolved. None → unresolved.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from communique.actors.kb import Holding, KnowledgeBase, Office, title_key
from communique.model import Actor, Role

# How far ahead a "-elect" holder may start: a US president-elect is elected in
# November and sworn in in January; parliaments elect a speaker within weeks.
ELECT_WINDOW_DAYS = 120
# Sectors of offices, in the order an actor's role as of a date prefers them: a
# minister who is also a party officer is coded by the government post.
_OFFICE_SECTORS = ("GOV", "MIL", "JUD", "LEG", "IGO", "SPY", "COP")
# Words written with a title that change which holder is meant (text lower-cased; a
# hyphenated "then-", "ex-", "-elect" is split by the tokenizer and reaches here as a
# word).
QUALIFIER_WORDS = {
    "former": "former", "ex": "former", "late": "former", "erstwhile": "former",
    "then": "then", "elect": "elect", "designate": "elect", "incoming": "elect",
    "acting": "acting", "interim": "acting", "caretaker": "acting",
}  # fmt: skip


@dataclass(frozen=True)
class Qualifiers:
    """What the words around a title say about which holder is meant."""

    former: bool = False  # "former", "ex-", "the late": held it before the date
    then: bool = False  # "then-": held it on the date referred to, perhaps not now
    elect: bool = False  # "-elect", "incoming", "designate": will hold it soon after
    acting: bool = False  # "acting", "interim", "caretaker": not the regular holder

    @classmethod
    def parse(cls, words: Iterable[str]) -> Qualifiers:
        """Qualifiers from the words around a title ("then-Secretary" → then)."""
        found = {QUALIFIER_WORDS.get(w.strip("-").lower(), "") for w in words}
        return cls(
            former="former" in found,
            then="then" in found,
            elect="elect" in found,
            acting="acting" in found,
        )


NONE = Qualifiers()


@dataclass(frozen=True)
class UnresolvedRole:
    """A role mention whose holder is not known on the date: what the title itself says."""

    text: str  # the title as written ("the Senate majority leader")
    title: str  # its lookup key ("senate majority leader")
    country: str | None  # ISO alpha-3 the title implies (or "IGO"), else None
    sector: str | None  # CAMEO sector the title implies (LEG for a senator), else None
    context: str | None  # the state or organisation the text tied it to
    qualifiers: Qualifiers = NONE
    reason: str = "no holder known"  # "no holder known", "several holders", "unknown title"
    candidates: tuple[str, ...] = field(default=())  # actor ids when several held it

    def agent_id(self) -> str | None:
        """The generic agent this role falls back to (``agent:USA:LEG``), as the agents
        pass names them; None when the sector is unknown."""
        if not self.sector:
            return None
        return f"agent:{self.country}:{self.sector}" if self.country else f"agent:{self.sector}"


def offices_for(kb: KnowledgeBase, title: str, context: str | None) -> list[Office]:
    """Offices a title names within a state or organisation; a state institution
    ("the Iranian parliament") stands for its state; no context = every office."""
    if context is None:
        return kb.offices_for(title)
    found = kb.offices_for(title, context)
    if found:
        return found
    institution = kb.get(context)
    if institution is not None and institution.type != "state" and institution.country:
        return kb.offices_for(title, institution.country)
    return []


def implied(kb: KnowledgeBase, title: str, context: str | None) -> tuple[str | None, str | None]:
    """The country and sector a title implies: from the offices it names in the context
    (or anywhere, for the sector), else from the context actor."""
    offices = offices_for(kb, title, context)
    everywhere = offices or kb.offices_for(title)
    sectors = Counter(o.sector for o in everywhere if o.sector)
    sector = sectors.most_common(1)[0][0] if sectors else None
    countries = {o.country for o in offices}
    country = countries.pop() if len(countries) == 1 else None
    if country is None and context is not None:
        actor = kb.get(context)
        if actor is not None:
            country = actor.country
        elif len(context) == 3 and context.isupper():
            country = context
    return country, sector


def holder(
    kb: KnowledgeBase,
    title: str,
    context: str | None = None,
    on_date: str | None = None,
    qualifiers: Qualifiers = NONE,
    *,
    text: str | None = None,
    prefer: Sequence[str] = (),
    region: str | None = None,
) -> Actor | UnresolvedRole:
    """The actor a role mention names on ``on_date``, or what is known about the role.

    ``title`` is the phrase as text writes it ("parliament speaker", "Senate majority
    leader"); ``context`` an ISO alpha-3 code or an organisation id; ``on_date`` the
    date the mention refers to (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; the article date
    unless the text gives another); ``prefer`` actor ids the article names, most
    recent last, which decide between several holders; ``region`` an ISO 3166-2
    subdivision (``kb.region("Ind.")`` → "US-IN") for offices of a state of a
    federation ("the Indiana governor"). Without a date only a sole current holder
    (open term) is returned.
    """
    country, sector = implied(kb, title, context)

    def unresolved(reason: str, candidates: Iterable[str] = ()) -> UnresolvedRole:
        return UnresolvedRole(
            text=text or title,
            title=title_key(title),
            country=country,
            sector=sector,
            context=context,
            qualifiers=qualifiers,
            reason=reason,
            candidates=tuple(dict.fromkeys(candidates)),
        )

    offices = offices_for(kb, title, context)
    if qualifiers.acting:
        offices = [o for o in offices if o.name.lower().startswith(("acting", "interim"))]
    if region is not None:
        offices = [o for o in offices if o.region == region]
    if not offices:
        return unresolved("unknown title" if not kb.offices_for(title) else "no holder known")
    if context is None and len({o.context for o in offices}) > 1:
        return unresolved("several offices")
    ids = holders_on(offices, on_date, qualifiers)
    chosen = [i for i in reversed(prefer) if i in ids]
    if chosen and (actor := kb.get(chosen[0])) is not None:
        return actor
    if len({o.region for o in offices if o.region}) > 1:
        return unresolved("several offices", ids)  # which state's governor?
    # One known holder of a two-seat office is no answer: the other seat's holder,
    # perhaps unknown to the KB, may be the one meant.
    if len(ids) == 1 and all(o.seats == 1 for o in offices):
        actor = kb.get(ids[0])
        return actor if actor is not None else unresolved("no holder known")
    return unresolved("several holders" if ids else "no holder known", ids)


def holders_on(offices: Sequence[Office], on_date: str | None, q: Qualifiers) -> list[str]:
    """Actor ids the qualifiers select among the offices' holders on the date."""
    pairs = [(o, h) for o in offices for h in o.holders]
    if on_date is None:
        if q.former or q.elect:
            return []
        return list(dict.fromkeys(h.actor_id for _, h in pairs if h.end is None))
    first, last = _bounds(on_date)
    if q.former:
        # Held it before and not on the date (a holder re-elected later is no "former").
        current = {h.actor_id for _, h in pairs if _overlaps(h, first, last)}
        before = [h for _, h in pairs if h.end is not None and h.end < first]
        return list(dict.fromkeys(h.actor_id for h in before if h.actor_id not in current))
    if q.elect:
        horizon = (dt.date.fromisoformat(last) + dt.timedelta(days=ELECT_WINDOW_DAYS)).isoformat()
        coming = [h for _, h in pairs if h.start is not None and first < h.start <= horizon]
        coming.sort(key=lambda h: h.start or "")
        return [coming[0].actor_id] if coming else []
    return list(dict.fromkeys(h.actor_id for _, h in pairs if _overlaps(h, first, last)))


def _bounds(on_date: str) -> tuple[str, str]:
    """The first and last day a partial date covers ("2016" → the whole year)."""
    if len(on_date) >= 10:
        return on_date[:10], on_date[:10]
    if len(on_date) == 7:
        year, month = int(on_date[:4]), int(on_date[5:7])
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return f"{on_date}-01", (following - dt.timedelta(days=1)).isoformat()
    return f"{on_date[:4]}-01-01", f"{on_date[:4]}-12-31"


def _overlaps(h: Holding, first: str, last: str) -> bool:
    """Held on some day of the period (a month or year with a handover has two
    holders, and the caller's preference or nobody decides)."""
    return (h.start is None or h.start <= last) and (h.end is None or first <= h.end)


# ---------------------------------------------------------------------------
# an actor as of a date


def role_on(actor: Actor, on_date: str | None) -> Role | None:
    """The role the actor held on the date: an office over a party post, the latest
    started first; None when no dated role covers the date (or there is no date)."""
    if on_date is None:
        return None
    first, last = _bounds(on_date)
    held = [
        r
        for r in actor.roles
        if (r.start or r.end)
        and (r.start is None or r.start <= last)
        and (r.end is None or first <= r.end)
    ]
    if not held:
        return None

    def rank(role: Role) -> tuple[int, str]:
        sector = role.sector or ""
        order = _OFFICE_SECTORS.index(sector) if sector in _OFFICE_SECTORS else 99
        return order, _neg(role.start)

    return min(held, key=rank)


def _neg(start: str | None) -> str:
    """Sort key that puts the latest start first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in (start or ""))


def sector_on(actor: Actor, on_date: str | None) -> str | None:
    """The actor's sector on a date. A dated role covering the date gives it; an actor
    whose dated roles all lie elsewhere in time has no office then (a candidate, a
    retired minister): None, not the sector of a later or earlier office; an actor
    without dated roles keeps its static sector."""
    role = role_on(actor, on_date)
    if role is not None:
        return role.sector or actor.sector
    dated = [r for r in actor.roles if r.start or r.end]
    if actor.type == "person" and dated and on_date is not None:
        return None
    return actor.sector


def party_on(kb: KnowledgeBase, actor_id: str, on_date: str | None) -> str | None:
    """The party of an office holder on a date, from the holdings that record it."""
    for _office, holding in kb.holdings.get(actor_id, ()):
        if holding.party and (on_date is None or holding.covers(on_date[:10])):
            return holding.party
    return None
