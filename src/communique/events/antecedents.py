"""Acts told before: an evaluation of "the accusation" or "the operation" aims at its doer.

In: the candidates of ``communique.events.extract`` (and, from the events stage, of the
speech stage), the acts the extractor found a doer but no recipient for ("Turkey began
a military offensive"), and the trigger ``Lexicon``. Out: the candidates, where an
evaluation whose object is a definite noun of an act that names no doer ("Iran denied
the accusation", "the operation was condemned by X") takes as its target the doer of
the latest act of that kind told in the sentences before. ``extract.find_candidates``
runs it over its own acts; the events stage runs it again once the speech stage has
added what quotes state.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.events.arguments import objects
from communique.events.frames import INSTRUMENTS
from communique.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.extract import Candidate

# Determiners by which a noun refers back to an act already told ("the accusation").
DEFINITE = {"the", "this", "that", "these", "those"}
# How many sentences back such a noun's act is looked for: an evaluation often opens
# the paragraph after the one that tells the act ("Turkey began an offensive ... He
# named it ... The operation was condemned by X").
ANTECEDENT_SENTENCES = 4
# Types that evaluate an act and so aim at whoever did it.
EVALUATION_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}


@dataclass(frozen=True)
class ToldAct:
    """An act found with its doer: a candidate, or a trigger whose recipient is untold."""

    type: str
    token: Token
    source_id: str
    negated: bool = False


def act_kinds(noun: Token, lexicon: Lexicon) -> set[str]:
    """The event types a noun names as an act ("accusation": ACCUSE); the nouns of
    military means the lexicon leaves out as too broad to trigger an event alone ("the
    operation") name an assault when they refer back to one."""
    kinds = {t.type for t in lexicon.lookup(noun.lemma_.lower(), "NOUN")}
    if not kinds and noun.lemma_.lower() in INSTRUMENTS:
        kinds = {"ASSAULT"}
    return kinds


def refers_back(noun: Token) -> bool:
    """A definite noun with nothing in its phrase saying whose act it is."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    return not any(
        c.dep_ in ("poss", "compound", "amod", "nmod", "prep", "acl", "relcl")
        for c in noun.children
        if c.dep_ != "amod" or c.ent_type_
    )


def told_act(token: Token, lexicon: Lexicon) -> Token | None:
    """The object of an evaluating verb when it is a definite noun of an act told before
    ("denied the accusation"; in the passive its subject: "the operation was condemned")."""
    heads = objects(token)
    if len(heads) != 1 or not refers_back(heads[0]) or not act_kinds(heads[0], lexicon):
        return None
    return heads[0]


def with_antecedents(
    candidates: list[Candidate], lexicon: Lexicon, untargeted: Sequence[ToldAct] = ()
) -> list[Candidate]:
    """An evaluation of an act told before aims at its doer: "X wrote to the embassy asking
    ... The embassy declined the request" (REJECT → X), "Iran denied the accusation"
    (→ the accuser), "Y condemned the attack" (→ the attacker). The object must be a
    definite noun that names an act of some type and nothing else in its phrase names who
    did it; the doer is the source of the latest act of that type (a candidate, or an act
    in ``untargeted``) in the sentence or the few before it, other than the evaluator."""
    acts = [ToldAct(c.type, c.token, c.source_id, c.negated) for c in candidates]
    acts += untargeted
    out: list[Candidate] = []
    for candidate in candidates:
        out.append(candidate)
        if candidate.type not in EVALUATION_TYPES or candidate.target_id is not None:
            continue
        if candidate.trigger.pos != "VERB":
            continue
        act = told_act(candidate.token, lexicon)
        if act is None:
            continue
        kinds = act_kinds(act, lexicon)
        earliest = _sentence_start_before(act, ANTECEDENT_SENTENCES)
        # the act told before the evaluation's sentence or in it, before the evaluation
        # (a passive evaluation's act noun opens its own sentence)
        before = min(act.i, candidate.token.i)
        found = [
            a
            for a in acts
            if a.type in kinds
            and earliest <= a.token.i < before
            and a.source_id != candidate.source_id
            and not a.negated
        ]
        if found:
            # the latest act told; of its coordinated doers ("he and Y urged ..."), the
            # first named, who leads it
            latest = max(a.token.i for a in found)
            doer = next(a.source_id for a in found if a.token.i == latest)
            out[-1] = dataclasses.replace(candidate, target_id=doer)
    return out


def _sentence_start_before(token: Token, count: int) -> int:
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start
