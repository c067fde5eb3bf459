"""Pass 2 of the actors stage: role descriptions, appositives and demonyms.

In: a ``DocState`` holding the name mentions of pass 1 (``resolve.find_names``). Out:
more ``Found`` mentions: "the Iranian parliament speaker", "head of Hamas' political
bureau", "Iran's Supreme Leader" resolve through office titles + the state or
organisation named beside them + the article date (a holder also named in the article
wins); "X, the representative of Hamas in Tehran" makes the description a mention of X;
"Iranian officials" and "Zionists" become mentions of the state. Pass 3 (``coref``)
follows.
"""

from __future__ import annotations

from communique.actors import appositions
from communique.actors.kb import Office
from communique.actors.names import key
from communique.actors.state import DocState, Found
from communique.actors.tenure import NONE, QUALIFIER_WORDS, Qualifiers, holders_on

# Words between a determiner and a title that do not change which office is meant
# ("former", "then", "acting"... do: ``tenure.QUALIFIER_WORDS``).
_MODIFIERS = {"top", "senior", "new", "current", "incumbent", "outgoing", "powerful",
              "veteran", "hardline", "influential", "martyred", "assassinated", "slain",
              "elected", "newly"}  # fmt: skip
_NOT_HOLDER = {"deputy", "vice", "assistant", "adviser", "advisor", "aide", "spokesman",
               "spokeswoman", "spokesperson", "envoy", "would-be", "candidate"}  # fmt: skip
# Titles too generic to resolve without a named state/organisation unless capitalised.
_GENERIC = {"head", "chief", "leader", "commander", "chairman", "chair", "founder",
            "speaker", "president", "director general", "secretary general", "ruler",
            "top leader"}  # fmt: skip
COLLECTIVES = {"officials", "forces", "troops", "soldiers", "army", "military",
               "government", "authorities", "leaders", "leadership", "diplomats", "lawmakers",
               "legislators", "police", "navy", "air", "regime", "side", "delegation",
               "negotiators", "warplanes", "jets", "drones", "media", "ministry", "state",
               "administration", "security", "intelligence", "occupiers", "occupation",
               "army's", "embassy", "cabinet", "parliament", "people", "nation",
               "fighters"}  # fmt: skip
_POSSESSIVE = {"’s", "'s", "’", "'"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my", "your"}
_STOP_DESC = {",", ";", ":", ".", "(", ")", "“", "”", '"', "—", "–", "who", "which", "whose",
              "said", "says", "told", "added"}  # fmt: skip


def find_descriptions(state: DocState) -> None:
    names = sorted(state.found, key=lambda f: f.start)
    starts = {f.start: f for f in names}
    ends = {f.end: f for f in names}
    role_mentions(state, starts, ends)
    appositions.appositives(state, names)
    appositions.parsed_appositives(state, names)
    appositions.identified_as(state, names)
    demonyms(state)


# ---------------------------------------------------------------------------
# role descriptions


def _context_of(state: DocState, found: Found) -> str | None:
    actor = state.actor(found.actor_id)
    if actor is None or actor.type == "person":
        return None
    return actor.country if actor.type == "state" else actor.id


def _fallbacks(state: DocState, contexts: list[str]) -> list[str]:
    """A state institution stands for its state ("the Iranian parliament speaker")."""
    out = list(contexts)
    for ctx in contexts:
        actor = state.kb.get(ctx)
        if actor is not None and actor.sector in _STATE_SECTORS and actor.country:
            out.append(actor.country)
    return out


_STATE_SECTORS = {"GOV", "LEG", "MIL", "JUD"}


def role_mentions(state: DocState, starts: dict[int, Found], ends: dict[int, Found]) -> None:
    doc, kb = state.doc, state.kb
    n = len(doc)
    i = 0
    keys = state.keys
    while i < n:
        first = keys[i]
        if not first or first.split()[0] not in kb.title_first_words:
            i += 1
            continue
        contexts: list[str] = []
        words: list[str] = []
        best: tuple[int, str, list[str]] | None = None
        j = i
        while j < n and len(words) < kb.max_title_words + 1:
            tok = doc[j]
            if j > i and (tok.is_sent_start or tok.text in _STOP_DESC):
                break
            if tok.lower_ in ("of", "the") or tok.text in _POSSESSIVE:
                j += 1
                continue
            if j > i and tok.text[:1].isupper() and (iso := _demonym_at(state, j)) is not None:
                contexts.append(iso[0])  # "top Iranian lawmaker" = "top lawmaker" of Iran
                j += iso[1]
                continue
            found = starts.get(j) if j > i else None
            if found is not None:
                # "Secretary of the Supreme National Security Council": the name is part
                # of the title; otherwise it is the title's context ("head of Hamas' ...").
                whole = " ".join([*words, *key(doc[found.start : found.end].text).split()])
                if whole in kb.titles:
                    best = (found.end, whole, list(contexts))
                ctx = _context_of(state, found)
                if ctx is None:
                    break
                contexts.append(ctx)
                j = found.end
                continue
            added = key(tok.text).split()
            words.extend(added)
            j += 1
            k = " ".join(words)
            if added and k in kb.titles:  # a hyphen or dash does not extend the title
                best = (j, k, list(contexts))
        if best is None:
            i += 1
            continue
        end, title, contexts = best
        if doc[end - 1].tag_ in ("NNS", "NNPS") and not title.endswith("s"):
            i = end
            continue
        start, left, qualifier_words = _left_context(state, i, ends)
        if left in ("indefinite", "not-holder", "relative"):
            i = end
            continue
        if left:
            contexts.insert(0, left)
        # "President-elect": the tokenizer splits the hyphen off.
        if end + 1 < n and doc[end].text == "-" and doc[end + 1].lower_ in QUALIFIER_WORDS:
            qualifier_words.append(doc[end + 1].lower_)
            end += 2
        # "... of the resistance movement Hamas", "... of Iran": context after the title.
        after = end
        while after < n and doc[after].lower_ in ("of", "the", "in"):
            after += 1
        if after > end and after in starts and (ctx := _context_of(state, starts[after])):
            contexts.append(ctx)
            end = starts[after].end
        capitalised = doc[i].text[:1].isupper()
        qualifiers = Qualifiers.parse(qualifier_words)
        resolved = _resolve_role(state, title, contexts, capitalised, at=start, q=qualifiers)
        if (
            resolved is not None
            and after > end
            and doc[end].lower_ == "of"  # "the president in Nairobi" says where, not of what
            and not _office_place_fits(state, after, resolved)
        ):
            resolved = None  # "the mayor of Lagos" is not the KB's mayor of Istanbul
        if resolved is not None and not contexts and _foreign_office(state, title, resolved):
            resolved = None  # "the mayor" of a Nigerian report is not Istanbul's
        if resolved is not None:
            state.add(start, end, resolved[0], "role", resolved[1])
        i = end


def _left_context(
    state: DocState, i: int, ends: dict[int, Found]
) -> tuple[int, str | None, list[str]]:
    """Walk left from a title over modifiers, qualifiers ("former", "then-"), a demonym
    or a possessive name, to the article; returns the start, the context and the
    qualifier words."""
    doc = state.doc
    start = i
    context: str | None = None
    qualifiers: list[str] = []
    k = i - 1
    while k >= 0 and not doc[k + 1].is_sent_start:
        tok = doc[k]
        low = tok.lower_
        if low in _NOT_HOLDER:
            return start, "not-holder", qualifiers
        if low.strip("-") in QUALIFIER_WORDS:
            qualifiers.append(low.strip("-"))
            start = k
            k -= 1
            continue
        if low == "-" and k >= 1 and doc[k - 1].lower_ in QUALIFIER_WORDS:
            k -= 1  # "then-President": the qualifier is the next word left
            continue
        if low in _MODIFIERS or (
            tok.pos_ == "ADJ"
            and low not in state.kb.demonyms
            and context is None
            and tok.text[:1].islower()
        ):
            k -= 1
            continue
        if context is None and k >= 1 and (two := _demonym_at(state, k - 1)) and two[1] == 2:
            context, start = two[0], k - 1
            k -= 2
            continue
        if (
            context is None
            and (iso := state.kb.demonym(tok.text)) is not None
            and not tok.text.endswith("s")
        ):
            context, start = iso, k
            k -= 1
            continue
        if context is None and tok.text in _POSSESSIVE and k in ends:
            found = ends[k]
            context = _context_of(state, found)
            owner = state.actor(found.actor_id)
            if context is None and owner is not None and owner.type == "person":
                # "Obama's vice president" is the US one; "Rossello's chief of staff"
                # (a person of no known state) is his own aide, no office of a state.
                if not owner.country or owner.country == "IGO":
                    return start, "relative", qualifiers
                context = owner.country
            start = found.start
            k = found.start - 1
            continue
        if low in _POSSESSIVE_PRONOUNS:
            return start, "relative", qualifiers  # "his vice president": whose is not known yet
        if (
            context is None
            and (k + 1) not in ends  # a state actor named there is the context instead
            and (found_region := _region_at(state, k)) is not None
        ):
            # "the Indiana governor", "Indiana's governor", "the New York senator"
            context, start = found_region[0], found_region[1]
            k = found_region[1] - 1
            continue
        if context is None and (k + 1) in ends:
            found = ends[k + 1]
            ctx = _context_of(state, found)
            if ctx:
                context, start = ctx, found.start
                k = found.start - 1
                continue
        if low in ("the", "this", "that"):
            return k, context, qualifiers
        if low in ("a", "an", "another", "one", "some"):
            return k, "indefinite", qualifiers
        break
    return (k + 1 if k + 1 < start else start), context, qualifiers


def _region_at(state: DocState, k: int) -> tuple[str, int] | None:
    """A subdivision ending at token k (or before a possessive at k): its code as
    ``region:US-IN`` and the token where its name starts. Names must be capitalised;
    two-letter postal codes only count in capitals ("IN" yes, "in" no)."""
    texts = state.texts
    end = k - 1 if texts[k] in _POSSESSIVE else k
    for width in (3, 2, 1):
        first = end - width + 1
        if first < 0:
            continue
        words = texts[first : end + 1]
        text = " ".join(words)
        if not words[0][:1].isupper() or (len(text.rstrip(".")) <= 2 and not text.isupper()):
            continue
        code = state.kb.region(text)
        if code is not None:
            return "region:" + code, first
    return None


def _demonym_at(state: DocState, j: int) -> tuple[str, int] | None:
    """The country of a one- or two-word demonym starting at token j ("Iranian", "South Korean")."""
    doc = state.doc
    if j + 1 < len(doc):
        iso = state.kb.demonym(doc[j].text + " " + doc[j + 1].text)
        if iso is not None:
            return iso, 2
    iso = state.kb.demonym(doc[j].text)
    return (iso, 1) if iso is not None and not doc[j].text.endswith("s") else None


# Confidence of a role description by how its holder was decided: a holder the text
# also names; the one holder on the article date; a date in a year the office changed
# hands (a wrong or missing date flips the answer); no date (the sole current holder).
# Nobody on the date, or several holders none of whom the text names: no mention (the
# role stays unresolved, ``tenure.holder``), never the latest holder.
CO_MENTIONED, DATED, HANDOVER_YEAR, UNDATED = 0.9, 0.85, 0.65, 0.6


def _resolve_role(
    state: DocState,
    title: str,
    contexts: list[str],
    capitalised: bool,
    at: int = 0,
    q: Qualifiers = NONE,
) -> tuple[str, float] | None:
    kb = state.kb
    region = next((c.removeprefix("region:") for c in contexts if c.startswith("region:")), None)
    if region is not None:
        # A US state names the office's region; its country is the context.
        contexts = [kb.region_countries.get(region, "") if c.startswith("region:") else c
                    for c in contexts]  # fmt: skip
    offices: list[Office] = []
    for ctx in _fallbacks(state, contexts):
        offices = kb.offices_for(title, ctx)
        if offices:
            break
    if not offices:
        if contexts:
            return None  # named a state or organisation that has no such office
        candidates = kb.offices_for(title)
        if title in _GENERIC and not capitalised:
            return None
        if len({o.context for o in candidates}) > 1:
            chosen = _office_by_context(state, candidates, at)
            if not chosen:
                return None
            candidates = chosen
        offices = candidates
    if q.acting:
        offices = [o for o in offices if o.name.lower().startswith(("acting", "interim"))]
    if region is not None and any(o.region for o in offices):
        offices = [o for o in offices if o.region == region]
    # A holder the article names before the title, or anywhere: on the date (as the
    # qualifiers read it), or, for a bare title, at any time: the text's own link
    # ("Khaled Mashal arrived. The Hamas chief met...") outweighs the calendar.
    # Names before the title, nearest first, then the article's other names in text
    # order: a list, never a set, so that the choice does not depend on hashing.
    named = state.named()
    ordered = sorted(state.found, key=lambda f: f.start)
    earlier = list(dict.fromkeys(f.actor_id for f in reversed(ordered) if f.start < at))
    later = [
        a for a in dict.fromkeys(f.actor_id for f in ordered) if a in named and a not in earlier
    ]
    on_date = holders_on(offices, state.date, q)
    ever = {h.actor_id for o in offices for h in o.holders}
    plain = q == NONE or q == Qualifiers(then=True)
    for actor_id in earlier:
        if actor_id in on_date or (plain and actor_id in ever):
            return actor_id, CO_MENTIONED
    # among names only found elsewhere in the article, the calendar decides first
    for actor_id in later:
        if actor_id in on_date:
            return actor_id, CO_MENTIONED
    for actor_id in later:
        if plain and actor_id in ever:
            return actor_id, CO_MENTIONED
    if len({o.region for o in offices if o.region}) > 1:
        return None  # "the governor" of one of fifty states, and the text says not which
    # Offices in the order the KB lists them (the main office first: "the Hezbollah
    # leader" is its secretary-general before any other head): the first with anyone
    # on the date decides; several holders of one office (two senators) decide nothing.
    for office in offices:
        ids = holders_on([office], state.date, q)
        if not ids:
            continue
        if len(ids) > 1 or office.seats > 1:
            return None  # a senator: the other seat's holder may be the one meant
        if not state.date:
            return ids[0], UNDATED
        year = state.date[:4]
        changed = any(
            (h.start or "")[:4] == year or (h.end or "")[:4] == year for h in office.holders
        )
        return ids[0], HANDOVER_YEAR if changed else DATED
    return None


def _office_place_fits(state: DocState, at: int, resolved: tuple[str, float]) -> bool:
    """A title followed by "of/in PLACE" that no actor covers ("the mayor of Lagos")
    names the office of that place: the holder found must hold an office whose name
    has the place in it. True when no such place follows."""
    doc = state.doc
    end = at
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
        end += 1
    if end == at:
        return True
    place = doc[at:end]
    if not (place.text and (doc[at].ent_type_ in ("GPE", "LOC") or state.is_place(place.text))):
        return True
    place_key = key(place.text)
    actor_id = resolved[0]
    return any(
        place_key in key(office.name)
        for office in state.kb.offices
        if any(h.actor_id == actor_id for h in office.holders)
    )


def _foreign_office(state: DocState, title: str, resolved: tuple[str, float]) -> bool:
    """A bare title whose every office is of one state that the article, naming other
    states, never names: the KB's only holder of it is not the one meant."""
    if resolved[1] >= CO_MENTIONED or not state.countries:
        return False  # the text named the holder, or names no state at all
    states = {o.context for o in state.kb.offices_for(title)}
    if len(states) != 1:
        return False
    (iso,) = states
    return len(iso) == 3 and iso.isupper() and iso != "IGO" and state.countries[iso] == 0


def _office_by_context(state: DocState, offices: list[Office], at: int) -> list[Office]:
    """Several states or groups have this office: choose by the article.

    A bare title is a definite description: it refers back to the most recent
    actor before it who holds such an office ("the Supreme Leader ... The
    Leader met"); else to the one holder the article names anywhere; else to
    the office of the country the document mentions most; else nothing.
    """
    earlier = [f.actor_id for f in sorted(state.found, key=lambda f: f.start) if f.start < at]
    for actor_id in reversed(earlier):
        held = [o for o in offices if any(h.actor_id == actor_id for h in o.holders)]
        if held:
            return held
    named = state.named()
    by_name = [o for o in offices if any(h.actor_id in named for h in o.holders)]
    if len({o.context for o in by_name}) == 1:
        return by_name
    for iso, _ in state.countries.most_common():
        chosen = [o for o in offices if o.context == iso]
        if chosen:
            return chosen
    return []


# ---------------------------------------------------------------------------
# demonyms


def demonyms(state: DocState) -> None:
    """ "Iranian officials", "Israeli soldiers", "the Zionists": mentions of the state."""
    doc, kb = state.doc, state.kb
    for i, text in enumerate(state.texts):
        iso = kb.demonyms.get(key(text)) if text[:1].isupper() else None
        if iso is None or i in state.covered:
            continue
        tok = doc[i]
        country = kb.country_actor(iso)
        if country is None:
            continue
        if i + 1 < len(doc) and doc[i + 1].lower_ in COLLECTIVES:
            state.add(i, i + 2, country.id, "demonym", 0.8)
        elif tok.tag_ in ("NNS", "NNPS") or (
            tok.pos_ in ("NOUN", "PROPN") and tok.text.endswith("s")
        ):
            start = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
            state.add(start, i + 1, country.id, "demonym", 0.75)
        elif (
            i > 0
            and doc[i - 1].lower_ == "the"
            and (i + 1 >= len(doc) or doc[i + 1].pos_ not in ("NOUN", "PROPN", "NUM"))
            and (
                tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
                # the small parser reads "The British relinquished control" as an
                # adjective before a participle; a finite verb follows all the same
                or (i + 1 < len(doc) and doc[i + 1].tag_ in ("VBD", "VBZ", "VBP", "MD"))
            )
        ):
            # "The British relinquished control", "talks with the French": a demonym
            # standing alone as a noun phrase is the state's people acting as the state
            state.add(i - 1, i + 1, country.id, "demonym", 0.7)
