"""Trigger and argument extraction from the dependency parse.

In: the spaCy ``Doc`` of one document, its actor ``mentions`` (from the
``actors`` stage: each resolved to an actor id, pronouns included) and the
trigger ``Lexicon``. Out: ``Candidate`` events (type, CAMEO code, source and
target actor ids, trigger token, negation, modality, salience cues) that
``communique.events`` then dates, places and turns into ``Event`` records.

Each token is looked up once in the lexicon index by (lemma, pos); the entries
of a lemma are tried in order (user files, then the curated file, then the file
generated from CAMEO; constrained entries first) and the first whose sense
constraints hold and whose frame yields a source gives the event. Arguments
come from ``communique.events.frames``; an unnamed agent fills the source when
the clause names none and the entry says which sector acts ("was arrested":
police; "an attack that killed six soldiers": unidentified armed forces), except when
the patient of a noun of acts on people is a thing ("the release of the report"); a
target may stay empty for types that need no recipient. Support or agreement that an
actor "will not" or "would not" give is a refusal (REJECT); a crackdown on a crime acts
on the acting state's criminals. Negation, modality and the cues that drop non-events
(conditionals, speculation, advice, attempts, standing stances) come from
``communique.events.clause``. A refusal takes the recipient of the act refused ("refused
to meet X"); a group of members meeting among itself is a CONSULT with no recipient;
``with_antecedents`` gives an evaluation of a definite act noun ("denied the accusation")
the doer of that act, told in the sentences before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.events import clause
from communique.events.antecedents import (
    EVALUATION_TYPES,
    ToldAct,
    told_act,
    with_antecedents,
)
from communique.events.arguments import aggrieved, object_nouns
from communique.events.frames import (
    AgentMaker,
    MentionIndex,
    capacity,
    instrument,
    objects,
    pobjs,
    prep_objects,
    role_actors,
    slot_heads,
    sourceless,
    subjects,
    unresolved_actor,
)
from communique.events.lexicon import Lexicon, Trigger
from communique.events.referents import QUANTITIES, actors_of, unnamed_people
from communique.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# PLOVER types whose events stand without a recipient when the text names none
# (PLOVER manual, "Requires recipient: No"; eval-news README: null targets). AGREE,
# CONSULT, SUPPORT, ASSAULT, COERCE and THREATEN also may (entries say needs_target: false), but in news their recipient is nearly
# always stated, and an event without it is more often a misread than a true null.
NULL_TARGET_TYPES = {"ACCUSE", "REQUEST", "PROTEST", "MOBILIZE", "CONCEDE", "RETREAT",
                     "REJECT"}  # fmt: skip
# Sectors whose acts named by a violent verb are verbal ("the paper attacked him").
SPEECH_SECTORS = {"MED"}
# CAMEO code of a trigger's verbal sense (``speech_type``).
SPEECH_CAMEO = {"ACCUSE": "111", "SUPPORT": "051", "REJECT": "120", "THREATEN": "130"}


# Support and agreement that an actor "will not" or "would not" give are refusals (PLOVER
# REJECT: "refuse to support, to endorse, to accept"); CAMEO codes by what is refused.
REFUSABLE = {"SUPPORT", "AGREE", "CONSULT"}
REFUSAL_CAMEO = {"SUPPORT": "120", "AGREE": "120", "CONSULT": "125"}
# What a crackdown or a raid "on" an activity acts on: the people who carry it out, the
# unnamed criminals (CAMEO sector CRM) of the acting state.
CRIMES = {"trafficking", "smuggling", "crime", "crimes", "corruption", "fraud", "gang",
          "gangs", "cartel", "cartels", "piracy", "poaching", "racketeering", "trade",
          "laundering", "drug", "drugs", "narcotics", "terrorism", "extremism"}  # fmt: skip


# Nouns that grade what their of-object names ("high levels of alert").
DEGREE_NOUNS = {"level", "state", "degree", "status", "footing", "condition"}


@dataclass
class Candidate:
    """An event found in the parse, before dating, placing and record building."""

    trigger: Trigger
    token: Token
    source_id: str
    target_id: str | None
    negated: bool = False
    modality: str | None = None
    background_cue: bool = False
    type: str = ""
    cameo: str | None = None
    mode: str | None = None
    context: str | None = None
    confidence: float = 1.0
    extra: dict[str, str] = field(default_factory=dict)
    # An evaluation of an act told before ("the operation was condemned by X"), kept
    # without a recipient until ``with_antecedents`` finds the act's doer.
    awaits_doer: bool = False


def measured(token: Token) -> list[Token]:
    """What a quantity noun counts: "dozens of rockets", "a barrage of missiles" (the
    parser makes the quantity the object; the kind of thing is its of-object)."""
    if token.lemma_.lower() not in QUANTITIES:
        return []
    return pobjs(token, "of")


def graded(token: Token) -> list[Token]:
    """What a degree noun grades: "a state of alert", "high levels of alert"."""
    return pobjs(token, "of") if token.lemma_.lower() in DEGREE_NOUNS else []


def _excluded(trigger: Trigger, token: Token) -> bool:
    """A dependent that gives the trigger another sense ("agreed that ..." is an opinion,
    "called out" a criticism, "called him a liar" an accusation)."""
    for child in token.children:
        if child.dep_ in trigger.without:
            return True
        if (
            "question" in trigger.without
            and child.dep_ in ("ccomp", "xcomp")
            and any(
                g.i < child.i and (g.lower_ in ("whether", "if") or g.tag_ in ("WDT", "WP", "WRB"))
                for g in child.children
            )
        ):
            return True  # "asked whether X had ...": a question, not a request
        if child.dep_ in ("prt", "prep") and f"{child.dep_}:{child.lower_}" in trigger.without:
            return True  # "called out", "searched for survivors"
    return False


def object_words(token: Token) -> frozenset[str]:
    """Lemmas and forms of the trigger's objects, of what they count ("dozens of rockets")
    and of what they grade ("a state of alert"), for the ``with_object`` constraints."""
    heads = [w for o in object_nouns(token) for w in (o, *measured(o), *graded(o))]
    return frozenset(w for h in heads for w in (h.lemma_.lower(), h.lower_))


def _satisfies(trigger: Trigger, token: Token, known_objects: frozenset[str] | None = None) -> bool:
    """Do the entry's sense constraints hold? ``known_objects`` is ``object_words(token)``
    when the caller has it (a lemma may have hundreds of object-constrained entries)."""
    if trigger.without and _excluded(trigger, token):
        return False
    if trigger.with_object:
        found = known_objects if known_objects is not None else object_words(token)
        if not found & trigger.with_object:
            return False
    if trigger.with_as:
        complements = pobjs(token, "as") + [
            c for c in token.children if c.dep_ in ("oprd", "xcomp")
        ]
        for obj in objects(token):
            complements.extend(pobjs(obj, "as"))
        words = {w for c in complements for w in (c.lemma_.lower(), c.lower_)}
        if not words & trigger.with_as:
            return False
    # Prepositions and particles ("call on", "step down"); also the "for" that opens an
    # infinitive clause ("called for the charges to be dropped").
    preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "advmod")}
    preps |= {
        g.lower_
        for c in token.children
        if c.dep_ in ("advcl", "ccomp")
        for g in c.children
        if g.dep_ == "mark" and g.i < c.i
    }
    if trigger.with_prep and not preps & trigger.with_prep:
        return False
    if trigger.with_governor:
        # The noun must be the verb's own object ("stressed its support"), not a
        # noun further down ("expressed gratitude for Iran's support"); a conjunct
        # counts ("has no structure, no legitimacy"), and predicates of a copula
        # ("X is illegitimate", "X is a puppet").
        first = token
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        verb = first.head
        if (
            first.dep_ not in ("dobj", "nsubjpass", "attr", "acomp")
            or verb.lemma_.lower() not in trigger.with_governor
        ):
            return False
    if "*" in trigger.with_clause:
        if not any(
            c.dep_ in ("ccomp", "xcomp") and any(a.lower_ == "to" for a in c.children)
            for c in token.children
        ):
            return False
    elif trigger.with_clause and not any(
        c.dep_ in ("ccomp", "xcomp")
        and c.lemma_.lower() in trigger.with_clause
        and not any(g.dep_ in ("dobj", "obj") for g in c.children)  # undergoes, not does
        for c in token.children
    ):
        return False
    if trigger.when_negated and not clause.negated(token, trigger):
        return False
    if not trigger.with_prep_object:
        return True
    heads = prep_objects(token)
    # "on high levels of alert", "in a state of emergency": the degree noun's of-object
    heads += [o for p in heads for o in graded(p)]
    return any(p.lemma_.lower() in trigger.with_prep_object for p in heads)


def _speaker_like(actor_id: str, index: MentionIndex) -> bool:
    """A person or a news outlet: its "attacks" and "hits" are words, not force."""
    kind, sector = index.kinds.get(actor_id, (None, None))
    return kind == "person" or sector in SPEECH_SECTORS


def _retype(candidate: Candidate, lexicon: Lexicon) -> None:
    """PLOVER's rules for announced and threatened acts (manual: CONSULT/RETREAT ambiguities)."""
    trigger = candidate.trigger
    kind, cameo = trigger.type, trigger.cameo
    if candidate.modality in ("future", "intend"):
        if kind == "CONSULT":
            kind, cameo = "AGREE", "036"
        elif kind == "RETREAT":
            kind, cameo = "CONCEDE", "080"
    elif candidate.modality == "threaten" and kind in ("ASSAULT", "COERCE", "SANCTION"):
        kind, cameo = "THREATEN", "138" if kind == "ASSAULT" else "130"
    candidate.type, candidate.cameo = kind, cameo
    mode, context = trigger.mode, trigger.context
    if cameo and cameo != trigger.cameo and cameo in lexicon.cameo:
        _, mode, context = lexicon.cameo[cameo]
    candidate.mode, candidate.context = mode, context


_TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}


def trigger_pos(token: Token) -> str:
    """The lexicon's part of speech for a token ("" when no trigger can be one)."""
    return _TRIGGER_POS.get(token.pos_, "")


def find_candidates(
    doc: Doc,
    mentions: list[Mention],
    lexicon: Lexicon,
    speakers: Sequence[tuple[int, int, str]] = (),
    kinds: Mapping[str, tuple[str | None, str | None]] | None = None,
    make_agent: AgentMaker | None = None,
) -> list[Candidate]:
    """Every trigger with a resolved source (and a target where its type needs one).

    ``speakers`` are the quotes' character spans with their speaker ids (the
    ``speaker`` role: who states an evaluation inside a quote). ``kinds`` gives each
    actor id its (type, sector), for the verbal sense of a trigger (``speech_type``);
    ``make_agent`` makes the unnamed agent of a trigger's ``implicit_source`` sector.
    """
    index = MentionIndex(doc, mentions, speakers, kinds, make_agent)
    index.trigger_verbs = lexicon.verbs
    out: list[Candidate] = []
    untargeted: list[ToldAct] = []  # acts with a doer and no recipient, for antecedents
    for sent in doc.sents:
        text = sent.text.strip().lower()
        if text.startswith(lexicon.discard_prefixes) or text.endswith("?"):
            continue
        for token in sent:
            pos = trigger_pos(token)
            if not pos or (pos == "NOUN" and token.ent_type_ in ("DATE", "TIME")):
                continue  # "In March, ...": a month, not a march
            if pos == "NOUN" and token.dep_ == "compound":
                continue  # "an impeachment trial", "protest leaders": a kind, not an act
            triggers = lexicon.lookup(token.lemma_.lower(), pos) or lexicon.lookup(
                token.lower_, pos
            )
            # The first entry that yields an event wins; one whose events have no target
            # yields only if no later entry finds a target ("released 50 Ukrainian
            # prisoners": the object pattern and the plain verb agree on the type).
            fallback: list[Candidate] = []
            known_objects: frozenset[str] | None = None
            for trigger in triggers:
                if trigger.with_object and known_objects is None:
                    known_objects = object_words(token)
                if not _satisfies(trigger, token, known_objects):
                    continue
                found = _candidates(trigger, token, index, lexicon, untargeted)
                if found and all(c.target_id is None for c in found):
                    fallback = fallback or found
                    continue
                if found:
                    fallback = found
                    break
            out.extend(fallback)
            if fallback:
                index.event_tokens.add(token.i)
    out = _with_questioners(_with_answered_demands(_without_empty_controllers(out)), index)
    out = with_antecedents(out, lexicon, untargeted)
    # an evaluation of a type that needs a recipient, whose act's doer was not found
    return [
        c
        for c in out
        if not (c.awaits_doer and c.target_id is None and c.type not in NULL_TARGET_TYPES)
    ]


def _without_empty_controllers(candidates: list[Candidate]) -> list[Candidate]:
    """ "agreed to meet Abbas", "pledged to visit Kyiv": the control verb's own event without
    a target adds nothing to the event of its infinitive, which carries the intent."""
    events_at = {c.token.i for c in candidates}
    out: list[Candidate] = []
    for c in candidates:
        inner = [x for x in c.token.children if x.dep_ == "xcomp" and x.i in events_at]
        if c.target_id is not None or not inner:
            out.append(c)
        elif c.type == "REJECT" and not c.negated:
            # "refused to meet the US": the refusal aims at whom the refused act would have
            # reached (the act itself is negated by clause.avoided)
            refused = {r.target_id for r in candidates if r.token.i == inner[0].i}
            out.extend(_with_target(c, t) for t in sorted(t for t in refused if t))
    return out


# Types of a concession, and of the pressure it may answer (PLOVER CONCEDE: "yield to
# demands"; a resignation or a withdrawn bill "after protests" gives way to the protesters).
CONCESSIONS = {"CONCEDE", "RETREAT"}
PRESSURES = {"PROTEST", "REQUEST"}
# Prepositions by which a clause says what it came after or in answer to.
RESPONSE_PREPS = {"after", "following", "amid", "to"}


def _with_answered_demands(candidates: list[Candidate]) -> list[Candidate]:
    """ "The bill was suspended after last week's protests", "X announces resignation
    following protests": a concession without a recipient that a phrase ties to protests
    or demands stated in the same clause yields to their makers."""
    pressures = [(c, anchor) for c in candidates if (anchor := _answered(c)) is not None]
    if not pressures:
        return candidates
    # The pressure a concession answers was aimed at the one who gave way ("X resigned
    # after protests": the protesters protested against X), when it names no one itself.
    yielded: dict[int, str] = {}
    out: list[Candidate] = []
    for candidate in candidates:
        if candidate.type in CONCESSIONS and candidate.target_id is None:
            token = candidate.token
            for pressure, anchor in pressures:
                if (
                    anchor in (token, token.head) or anchor.head == token
                ) and pressure.source_id != candidate.source_id:
                    yielded.setdefault(id(pressure), candidate.source_id)
                    candidate = _with_target(candidate, pressure.source_id)
                    break
        out.append(candidate)
    return [
        _with_target(c, yielded[id(c)]) if c.target_id is None and id(c) in yielded else c
        for c in out
    ]


def _answered(candidate: Candidate) -> Token | None:
    """What a protest or demand named in an "after/following/amid/in response to" phrase
    is attached to ("suspended | after weeks of protests"), else None."""
    if candidate.type not in PRESSURES:
        return None
    node = candidate.token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head  # "after weeks of protests", "following a wave of demands"
    if node.dep_ != "pobj" or node.head.lower_ not in RESPONSE_PREPS:
        return None
    anchor = node.head.head
    if node.head.lower_ == "to":
        if anchor.lower_ != "response" or anchor.dep_ != "pobj":
            return None
        anchor = anchor.head.head  # "in response to X"
    return anchor


# A refusal to say more ("declined to say more", "refused to comment") is
# a refusal of whoever asked: the one the same speaker was telling, just before.
WITHHOLDING = {"give", "comment", "elaborate", "disclose", "provide", "answer", "reveal",
               "discuss", "confirm", "specify", "say", "explain"}  # fmt: skip
QUESTIONER_SENTENCES = 2


def _with_questioners(candidates: list[Candidate], index: MentionIndex) -> list[Candidate]:
    """ "X told the BBC the ministry would study the request. 'We are ready,' he said, but
    declined to say more": REJECT X -> BBC. The addressee is
    the object of the latest "tell" by the same source in the sentence or the one before."""
    out: list[Candidate] = []
    for candidate in candidates:
        token = candidate.token
        withheld = [
            c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in WITHHOLDING
        ]
        if candidate.type != "REJECT" or candidate.target_id is not None or not withheld:
            out.append(candidate)
            continue
        doc = token.doc
        start = token.sent.start
        for _ in range(QUESTIONER_SENTENCES - 1):
            start = doc[start - 1].sent.start if start > 0 else start
        addressee = None
        for verb in reversed(doc[start : token.i]):
            if verb.lemma_.lower() != "tell" or verb.pos_ != "VERB":
                continue
            if candidate.source_id not in actors_of(subjects(verb), index):
                continue
            told = actors_of([c for c in verb.children if c.dep_ in ("dobj", "dative")], index)
            addressee = next((a for a in told if a != candidate.source_id), None)
            break
        out.append(_with_target(candidate, addressee) if addressee else candidate)
    return out


# Acts done to a person's body or liberty, whose unnamed patient is still a target.
UNNAMED_PATIENT_TYPES = {"COERCE"}


def _unnamed_patient_held(trigger: Trigger, token: Token, index: MentionIndex) -> bool:
    """ "The prosecutor said the suspect's wife was taken into custody": an official's
    account of an arrest of an unnamed person is news of that arrest, not a speaker's own
    grievance ("I was arrested many times"), so the unnamed agent is read into it."""
    return trigger.type in UNNAMED_PATIENT_TYPES and bool(
        unnamed_people(slot_heads(trigger, token), index)
    )


def _with_target(candidate: Candidate, target: str) -> Candidate:
    return dataclasses.replace(candidate, target_id=target)


def _group_subject(token: Token) -> bool:
    """The subject is a plural noun standing for its members' organisation ("leaders of
    the AU", "EU ministers"), not a name: a reciprocal act among those members."""
    found = subjects(token) if trigger_pos(token) == "VERB" else []
    return len(found) == 1 and found[0].tag_ == "NNS" and not found[0].conjuncts


def _criminals(token: Token, source: str, index: MentionIndex) -> list[str]:
    """ "cracked down on human trafficking": the criminals of the acting state's country."""
    heads = objects(token) + pobjs(token, "on") + pobjs(token, "against")
    if index.make_agent is None or not any(h.lemma_.lower() in CRIMES for h in heads):
        return []
    agent = index.make_agent("CRM", source)
    return [agent] if agent else []


def _candidates(
    trigger: Trigger,
    token: Token,
    index: MentionIndex,
    lexicon: Lexicon,
    untargeted: list[ToldAct] | None = None,
) -> list[Candidate]:
    sources: list[str] = []
    for role in trigger.source:
        sources = (
            instrument(token, index)
            if role == "instrument"
            else role_actors(trigger, token, role, index)
        )
        if sources:
            if role == "governor" and "poss_bare" in trigger.target:
                # "After his release, X led ...": the clause's subject is the possessor,
                # the one released, not the one who released him
                patients = role_actors(trigger, token, "poss_bare", index)
                sources = [s for s in sources if s not in patients]
            break
    # An unnamed agent, not inside a quote: a speaker's account of what "was done" is too
    # often a generality or an old grievance for an unnamed agent to be read into it.
    if (
        not sources
        and trigger.implicit_source
        and index.make_agent is not None
        and sourceless(trigger, token)
        and (not index.quoted(token) or _unnamed_patient_held(trigger, token, index))
    ):
        patients = [t for role in trigger.target for t in role_actors(trigger, token, role, index)]
        # "the release of the messages": a noun of an act done to people ("his release",
        # "the arrest of X") with a thing as its patient names no act of an agent
        things = slot_heads(trigger, token) if "poss_bare" in trigger.target else []
        if patients or not things or unresolved_actor(things):
            agent = index.make_agent(trigger.implicit_source, patients[0] if patients else None)
            sources = [agent] if agent else []
            untargeted = None  # a guessed doer is no doer to aim an evaluation at
    if not sources:
        return []
    if clause.habitual(token, trigger):
        return []
    represented = capacity(token, index)
    if represented is not None and represented not in sources:
        sources = [represented]
    targets: list[str] = []
    for role in trigger.target:
        if role == "crime":
            targets = _criminals(token, sources[0], index)
        else:
            targets = [t for t in role_actors(trigger, token, role, index) if t not in sources]
        if targets:
            break
    if not targets and trigger.type == "REJECT" and trigger.pos == "NOUN":
        # "many Chinese resent Japan's refusal to apologise": refused to the resenters
        targets = [t for t in actors_of(aggrieved(token), index) if t not in sources]
    if not targets and trigger.type in UNNAMED_PATIENT_TYPES:
        # "the suspect's wife was taken into custody": a person the text does not name
        targets = [t for t in unnamed_people(slot_heads(trigger, token), index) if t not in sources]
    negated = False if trigger.when_negated else clause.negated(token, trigger)
    modality = clause.modality(token, trigger)
    refused = negated and trigger.type in REFUSABLE and modality in ("future", "hypothetical")
    if refused:
        negated, modality = False, None  # "would not recognise Israel": a refusal
    pairs: list[tuple[str, str | None]]
    awaits_doer = False
    if not targets and trigger.reciprocal and len(sources) > 1:
        pairs = [(sources[0], other) for other in sources[1:]]
    elif not targets and trigger.reciprocal and _group_subject(token):
        # "Leaders of AU member states met in Niamey": a group meeting among itself
        pairs = [(sources[0], None)]
    elif not targets and trigger.type in EVALUATION_TYPES and told_act(token, lexicon):
        # "the operation was condemned by X": the doer of the act told before
        pairs, awaits_doer = [(source, None) for source in sources], True
    elif not targets:
        if trigger.needs_target and (
            trigger.strict_target
            or trigger.type not in NULL_TARGET_TYPES
            or unresolved_actor(slot_heads(trigger, token))
        ):
            if untargeted is not None and not negated:
                untargeted.extend(ToldAct(trigger.type, token, s) for s in sources)
            return []
        pairs = [(source, None) for source in sources]
    else:
        pairs = [(s, t) for s in sources for t in targets if s != t]
    # "will not allow X to be overthrown", "has no legitimacy": the entry is the negative
    # form, so the event it states is asserted.
    if clause.conditional(token) or clause.speculative(token, trigger):
        return []  # "if X attacks", "unless ..., Egypt may protest": no event is stated
    if clause.comparative(token) or clause.standing(token, trigger):
        return []  # "left as promised", "X is backed by Y": no act of its own
    if clause.attempted(token, trigger):
        return []  # "tried to pressure X", "efforts to complete the withdrawal": not done
    if clause.requested(token):
        return []  # "urged X to withdraw", "called for his resignation": asked, not done
    if trigger.pos == "VERB" and clause.claimed(token):
        return []  # "the defendants claimed she complained of theft": their version
    background = clause.background(token, trigger)
    out: list[Candidate] = []
    for source, target in pairs:
        candidate = Candidate(
            trigger=trigger,
            token=token,
            source_id=source,
            target_id=target,
            negated=negated,
            modality=modality,
            background_cue=background,
            confidence=0.9 if trigger.pos == "VERB" else 0.75,
            awaits_doer=awaits_doer,
        )
        _retype(candidate, lexicon)
        if refused:
            candidate.type, candidate.cameo = "REJECT", REFUSAL_CAMEO[trigger.type]
            candidate.mode = candidate.context = None
        if trigger.speech_type and _speaker_like(source, index):
            candidate.type = trigger.speech_type
            candidate.cameo = SPEECH_CAMEO.get(trigger.speech_type, candidate.cameo)
            candidate.mode = candidate.context = None
        out.append(candidate)
    return out
