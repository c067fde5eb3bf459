"""Trigger and argument extraction from the dependency parse.

In: the spaCy ``Doc`` of one document, its actor ``mentions`` (from the
``actors`` stage: each resolved to an actor id, pronouns included) and the
trigger ``Lexicon``. Out: ``Candidate`` events (type, CAMEO code, source and
target actor ids, trigger token, negation, modality, salience cues) that
``communique.events`` then dates, places and turns into ``Event`` records.

Each token is looked up once in the lexicon index by (lemma, pos); arguments
come from dependency roles (subject, object, prepositional objects,
possessors, modifiers), followed through passives, relative clauses,
coordination, control verbs ("threatened to attack") and gerunds under a
light noun ("played a key role in brokering"). Also: the speaker of an
evaluation (quotes' speakers or the reporting verb's subject), custodians
("into the prisons of X"), and the organisation an agent represents ("as
representative of X", "on behalf of X"). Negation, modality and the cues that
drop non-events (conditionals, speculation, standing stances) come from
``communique.events.clause``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.events import clause
from communique.events.lexicon import Lexicon, Trigger
from communique.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJ = {"nsubj", "csubj"}
PASSIVE_SUBJ = {"nsubjpass", "csubjpass"}
RELATIVE = {"who", "which", "that", "whom"}
MODIFIERS = {"compound", "amod", "poss", "nmod", "npadvmod"}
# Nouns that stand for their possessor or modifier ("the Iranian government",
# "Iran's support", "the regime of Israel"): the actor is found on the modifier.
CARRIERS = {
    "government", "regime", "force", "forces", "army", "troops", "military", "people", "authority",
    "authorities", "support", "backing", "help", "assistance", "state", "leadership", "embassy",
    "delegation", "strike", "attack", "raid", "airstrike", "operation", "drone", "role", "stance",
    "effort", "efforts", "position", "ministry", "administration", "officials", "soldiers",
    "secretariat", "headquarters", "premises",
}  # fmt: skip
INSTRUMENTS = {
    "strike",
    "airstrike",
    "attack",
    "raid",
    "bombing",
    "operation",
    "drone",
    "missile",
    "shelling",
}
# An agent acting in a representative capacity stands for the organisation
# ("as representative of Hamas, he ..."; "on behalf of the EU, she ..."): CAMEO
# codes such acts by the organisation.
CAPACITY = {"representative", "envoy", "emissary", "delegate", "negotiator", "spokesman",
            "spokeswoman", "spokesperson", "head", "leader", "chief", "chairman", "chair",
            "president", "member", "ambassador"}  # fmt: skip
# A clause that reports what someone else thinks or concludes ("people have come to the
# conclusion that X is ...") makes that someone the evaluator, not the quote's speaker.
FIRST_PERSON_SINGULAR = {"i", "me", "my"}


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


class MentionIndex:
    """Token index → the narrowest mention covering it (actor id)."""

    def __init__(
        self, doc: Doc, mentions: list[Mention], speakers: Sequence[tuple[int, int, str]] = ()
    ) -> None:
        self.speakers = list(speakers)  # quote (start, end, speaker id), character offsets
        self.by_token: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention  # narrower mentions, written later, win

    def actor(self, token: Token) -> str | None:
        mention = self.by_token.get(token.i)
        return mention.actor_id if mention else None

    def speaker(self, token: Token) -> str | None:
        """Speaker of the quote or reported statement holding ``token``, if known."""
        for start, end, speaker in self.speakers:
            if start <= token.idx < end:
                return speaker
        return None


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _resolve(token: Token, mentions: MentionIndex) -> str | None:
    """The actor a noun phrase headed by ``token`` refers to, if any."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head
    actor = mentions.actor(token)
    if actor:
        return actor
    for child in token.children:
        if child.dep_ == "appos":
            actor = mentions.actor(child)
            if actor:
                return actor
    for child in token.children:  # "figures, including X" / "groups such as X"
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (actor := mentions.actor(pobj)):
                    return actor
    # A group named by its modifier: "Ukrainian prisoners", "Hamas commanders",
    # "Israel's offer", "the American proposal" (CAMEO codes such agents by
    # their country or organisation). Possessive pronouns count once the actors
    # stage has resolved them.
    for child in token.children:
        if child.dep_ in MODIFIERS:
            actor = mentions.actor(child)
            if actor:
                return actor
    if token.lemma_.lower() in CARRIERS or token.lower_ in CARRIERS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = mentions.actor(pobj)
                        if actor:
                            return actor
    return None


def _actors(heads: list[Token], mentions: MentionIndex) -> list[str]:
    out: list[str] = []
    for head in heads:
        # "to Iran and Lebanon's Hezbollah": the parser often hangs the first
        # conjunct as an nmod (with the "and") on the last one's head noun.
        nested = [
            c for c in head.children if c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children)
        ]
        for token in nested + _conjuncts(head):
            actor = _resolve(token, mentions)
            if actor and actor not in out:
                out.append(actor)
    return out


def _passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in token.children)


def _pobjs(token: Token, word: str) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ == word
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _objects(token: Token) -> list[Token]:
    if _passive(token):
        return [c for c in token.children if c.dep_ in PASSIVE_SUBJ]
    return [c for c in token.children if c.dep_ in ("dobj", "obj")]


def _subjects(token: Token) -> list[Token]:
    """The logical subject, following passives, relative clauses, coordination and control."""
    if _passive(token):
        return _pobjs(token, "by")
    found = [c for c in token.children if c.dep_ in SUBJ]
    if found:
        return found
    if token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX"):
        return []  # the relative's subject was handled above; object relatives have their own
    if token.dep_ == "xcomp" and _passive(token.head):  # "X is expected to meet Y"
        return [c for c in token.head.children if c.dep_ in PASSIVE_SUBJ]
    if token.dep_ == "pcomp" and token.head.head is not token.head:
        # "X played a key role in brokering ...", "X succeeded in reaching ...": the
        # gerund's agent is the subject of the verb the prepositional phrase hangs on.
        holder = token.head.head
        if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("dobj", "attr"):
            holder = holder.head
        if holder.pos_ in ("VERB", "AUX"):
            return _subjects(holder)
        return []
    if token.dep_ in ("conj", "xcomp", "advcl") and token.head is not token:
        return _subjects(token.head)
    return []


def _role(trigger: Trigger, token: Token, role: str, mentions: MentionIndex) -> list[str]:
    verbal = trigger.pos == "VERB"
    if role == "subj":
        return _actors(_subjects(token), mentions) if verbal else []
    if role == "obj":
        return _actors(_objects(token), mentions)
    if role == "dative":
        return _actors([c for c in token.children if c.dep_ == "dative"], mentions)
    if role == "poss":
        return _actors([c for c in token.children if c.dep_ == "poss"], mentions)
    if role == "mod":
        return [
            a
            for c in token.children
            if c.dep_ in ("compound", "amod", "nmod") and (a := mentions.actor(c))
        ]
    if role == "speaker":
        return _evaluator(token, mentions)
    if role == "custodian":
        return _custodians(token, mentions)
    if role == "clause_subj":
        heads = [
            s
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ in SUBJ | PASSIVE_SUBJ
        ]
        return _actors(heads + [c for c in token.children if c.dep_ in ("dobj", "obj")], mentions)
    if role.startswith("prep:"):
        word = role[5:]
        heads = _pobjs(token, word)
        if not heads and verbal:  # light verbs: "expressed gratitude to Iran"
            for obj in _objects(token):
                heads.extend(_pobjs(obj, word))
        if not heads and not verbal and token.dep_ == "dobj":
            # the parser hangs the phrase on the light verb: "reached a truce | with Israel"
            heads = _pobjs(token.head, word)
        return _actors(heads, mentions)
    verb = clause.governing_verb(token)
    if verb is None:
        return []
    if role == "governor":
        return _actors(_subjects(verb), mentions)
    if role == "host":
        return _actors(_pobjs(verb, "at") + _pobjs(verb, "by"), mentions)
    if role == "instrument":
        return []
    return []


def _evaluator(token: Token, mentions: MentionIndex) -> list[str]:
    """Who states an evaluation ("X has no legitimacy"): the subject of the nearest verb whose
    complement holds it ("Y said X has no legitimacy"), else the quote's speaker.

    A complement of a verb whose subject is not an actor ("people have concluded that X is
    ...") is someone else's view and yields no evaluator; first-person singular subjects
    ("I believe that ...") are the speaker.
    """
    node = token
    for _ in range(12):  # clause chains in one sentence are short; guards cycles
        if node.head is node:
            break
        child, node = node, node.head
        if node.pos_ not in ("VERB", "AUX") or child.dep_ not in ("ccomp", "acl", "pcomp", "pobj"):
            continue
        subjects = [c for c in node.children if c.dep_ in SUBJ]
        if not subjects or child in subjects:
            continue
        if subjects[0].lower_ in FIRST_PERSON_SINGULAR:
            break
        return _actors(subjects, mentions)
    speaker = mentions.speaker(token)
    return [speaker] if speaker else []


def _custodians(token: Token, mentions: MentionIndex) -> list[str]:
    """Who holds the place an act puts its object in: "into the prisons of X", "into X's jails"."""
    out: list[str] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            heads = [c for c in pobj.children if c.dep_ in ("poss", "compound", "amod")]
            heads += _pobjs(pobj, "of")
            out.extend(a for a in _actors(heads, mentions) if a not in out)
    return out


def _capacity(token: Token, mentions: MentionIndex) -> str | None:
    """The organisation an agent represents in the clause of ``token``, if the text says so.

    "As representative of Hamas, he brokered ..." / "on behalf of the EU, she signed ...":
    an "as CAPACITY of X" or "on behalf of X" phrase on the trigger or on a verb above it
    (up to the first verb with its own subject).
    """
    node = token
    for _ in range(8):
        for prep in node.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if (prep.lower_ == "as" and pobj.lemma_.lower() in CAPACITY) or (
                    prep.lower_ == "on" and pobj.lower_ == "behalf"
                ):
                    found = _actors(_pobjs(pobj, "of"), mentions)
                    if not found:
                        found = [
                            a
                            for c in pobj.children
                            if c.dep_ in ("poss", "compound") and (a := mentions.actor(c))
                        ]
                    if found:
                        return found[0]
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJ for c in node.children):
            break
        if node.head is node:
            break
        node = node.head
    return None


def _instrument(token: Token, mentions: MentionIndex) -> list[str]:
    """Source of a passive without agent: "killed in a US drone strike" → US."""
    out: list[str] = []
    for word in ("in", "by", "during"):
        for pobj in _pobjs(token, word):
            if pobj.lemma_.lower() in INSTRUMENTS:
                out.extend(
                    a
                    for c in pobj.children
                    if c.dep_ in ("compound", "amod", "poss") and (a := mentions.actor(c))
                )
    return out


def _satisfies(trigger: Trigger, token: Token) -> bool:
    if trigger.with_object:
        objects = _objects(token)
        if not any(
            o.lemma_.lower() in trigger.with_object or o.lower_ in trigger.with_object
            for o in objects
        ):
            return False
    if trigger.with_as:
        complements = _pobjs(token, "as") + [
            c for c in token.children if c.dep_ in ("oprd", "xcomp")
        ]
        for obj in _objects(token):
            complements.extend(_pobjs(obj, "as"))
        words = {w for c in complements for w in (c.lemma_.lower(), c.lower_)}
        if not words & trigger.with_as:
            return False
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if trigger.with_prep and not preps & trigger.with_prep:
        return False
    if trigger.with_governor:
        # The noun must be the verb's own object ("stressed its support"), not a
        # noun further down ("expressed gratitude for Iran's support"); a conjunct
        # counts ("has no structure, no legitimacy"), and predicates of a copula
        # ("X is illegitimate", "X is a puppet").
        first = token
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        verb = first.head
        if (
            first.dep_ not in ("dobj", "nsubjpass", "attr", "acomp")
            or verb.lemma_.lower() not in trigger.with_governor
        ):
            return False
    if trigger.with_clause and not any(
        c.dep_ in ("ccomp", "xcomp")
        and c.lemma_.lower() in trigger.with_clause
        and not any(g.dep_ in ("dobj", "obj") for g in c.children)  # undergoes, not does
        for c in token.children
    ):
        return False
    if trigger.when_negated and not clause.negated(token, trigger):
        return False
    if trigger.with_prep_object:
        pobjs = [
            p
            for prep in token.children
            if prep.dep_ == "prep"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        if not any(p.lemma_.lower() in trigger.with_prep_object for p in pobjs):
            return False
    return True


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


def find_candidates(
    doc: Doc,
    mentions: list[Mention],
    lexicon: Lexicon,
    speakers: Sequence[tuple[int, int, str]] = (),
) -> list[Candidate]:
    """Every trigger with a resolved source (and a target where its type needs one).

    ``speakers`` are the quotes' character spans with their speaker ids (the
    ``speaker`` role: who states an evaluation inside a quote).
    """
    index = MentionIndex(doc, mentions, speakers)
    out: list[Candidate] = []
    for sent in doc.sents:
        text = sent.text.strip().lower()
        if text.startswith(lexicon.discard_prefixes) or text.endswith("?"):
            continue
        for token in sent:
            pos = (
                "VERB"
                if token.pos_ in ("VERB", "AUX")
                else "NOUN"
                if token.pos_ in ("NOUN", "PROPN")
                else "ADJ"
                if token.pos_ == "ADJ"
                else ""
            )
            if not pos:
                continue
            triggers = lexicon.lookup(token.lemma_.lower(), pos) or lexicon.lookup(
                token.lower_, pos
            )
            for trigger in triggers:
                if not _satisfies(trigger, token):
                    continue
                found = _candidates(trigger, token, index, lexicon)
                if found:
                    out.extend(found)
                    break
    return out


def _candidates(
    trigger: Trigger, token: Token, index: MentionIndex, lexicon: Lexicon
) -> list[Candidate]:
    sources: list[str] = []
    for role in trigger.source:
        sources = (
            _instrument(token, index)
            if role == "instrument"
            else _role(trigger, token, role, index)
        )
        if sources:
            break
    if not sources:
        return []
    if clause.habitual(token, trigger):
        return []
    represented = _capacity(token, index)
    if represented is not None and represented not in sources:
        sources = [represented]
    targets: list[str] = []
    for role in trigger.target:
        targets = [t for t in _role(trigger, token, role, index) if t not in sources]
        if targets:
            break
    pairs: list[tuple[str, str | None]]
    if not targets and trigger.reciprocal and len(sources) > 1:
        pairs = [(sources[0], other) for other in sources[1:]]
    elif not targets:
        if trigger.needs_target:
            return []
        pairs = [(source, None) for source in sources]
    else:
        pairs = [(s, t) for s in sources for t in targets if s != t]
    # "will not allow X to be overthrown", "has no legitimacy": the entry is the negative
    # form, so the event it states is asserted.
    negated = False if trigger.when_negated else clause.negated(token, trigger)
    modality = clause.modality(token, trigger)
    if clause.conditional(token) or clause.speculative(token, trigger):
        return []  # "if X attacks", "unless ..., Egypt may protest": no event is stated
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
        )
        _retype(candidate, lexicon)
        out.append(candidate)
    return out
