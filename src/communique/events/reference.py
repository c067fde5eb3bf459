"""Who "we", "us" and "it" are, for the events stage.

In: the spaCy ``Doc``, the document's ``mentions`` and ``actors`` (actors
stage), its ``quotes`` (quotes stage) and the knowledge base. Out: extra
``Mention`` records, used by ``communique.events.extract`` only (they are not
written to ``document.mentions``: the actors stage owns those).

The actors stage resolves names, descriptions and third-person pronouns. Two
references matter to event coding and are settled here because they depend on
the quote structure:

- first person inside a quote: "I/me/my" is the speaker; "we/us/our" is the
  group the speaker speaks for (CAMEO codes "they threw us into prison", said by
  a movement's leader, as an act against the movement). The group is, in order:
  an organisation the text itself attaches to the speaker ("X, a leader of
  Hamas", "Hamas official X"); for a speaker in a state sector (GOV, LEG, MIL,
  JUD) the speaker's state; else an organisation of the speaker's roles in the
  knowledge base. Without one, "we" stays unresolved (no event).
- "it"/"they" as the subject of what an organisation or state "announced",
  "said", "declared": "the regime announced that it will ..." - the pronoun is
  the announcer when the announcer is not a person (a person would be "he"/"she").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.model import Actor, Document, Mention
from communique.nlp import tokens_with

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.actors.kb import KnowledgeBase

FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
NON_PERSON_PRONOUNS = {"it", "they"}
STATE_SECTORS = {"GOV", "LEG", "MIL", "JUD", "SPY", "COP"}
GROUP_TYPES = ("organisation", "group")
# Nouns of acts whose demonym modifier names the state that did them ("the Israeli raid",
# "the Japanese invasion of China"): the actors stage leaves such adjectives unresolved,
# and an evaluation of the act aims at that state (CAMEO codes the act by it).
ACT_NOUNS = {"attack", "attacks", "raid", "strike", "strikes", "airstrike", "airstrikes",
             "invasion", "offensive", "incursion", "occupation", "bombing", "bombardment",
             "shelling", "crackdown", "blockade", "intervention", "aggression", "assault",
             "annexation", "sanctions", "embargo", "ban", "withdrawal"}  # fmt: skip


def _actor(actor_id: str, document: Document, kb: KnowledgeBase) -> Actor | None:
    for actor in document.actors:
        if actor.id == actor_id:
            return actor
    return kb.get(actor_id)


def _token_ranges(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int, Mention]]:
    out: list[tuple[int, int, Mention]] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end, mention))
    return out


def _described_group(
    doc: Doc,
    speaker: str,
    ranges: list[tuple[int, int, Mention]],
    document: Document,
    kb: KnowledgeBase,
) -> str | None:
    """An organisation the text attaches to a mention of ``speaker`` (appositive or modifier)."""
    for start, end, mention in ranges:
        if mention.actor_id != speaker or mention.kind == "pronoun":
            continue
        root = doc[start:end].root
        area: set[int] = set(range(start, end))
        for child in root.children:
            if child.dep_ in ("appos", "compound", "poss", "nmod", "amod"):
                area.update(t.i for t in child.subtree)
        if root.dep_ == "appos":  # "the leader of Hamas, X"
            area.update(t.i for t in root.head.subtree if t.i < start)
        for other_start, _, other in ranges:
            if other_start in area and other.actor_id != speaker:
                actor = _actor(other.actor_id, document, kb)
                if actor is not None and actor.type in GROUP_TYPES:
                    return actor.id
    return None


def speaker_group(
    doc: Doc,
    speaker: str,
    ranges: list[tuple[int, int, Mention]],
    document: Document,
    kb: KnowledgeBase,
) -> str | None:
    """The group a speaker's "we" stands for (see the module docstring for the order)."""
    actor = _actor(speaker, document, kb)
    if actor is not None and actor.type != "person":
        return actor.id  # a ministry, a movement or a state speaking: "we" is itself
    described = _described_group(doc, speaker, ranges, document, kb)
    if described is not None:
        return described
    if actor is None:
        return None
    if actor.sector in STATE_SECTORS and actor.country:
        state = kb.country_actor(actor.country)
        if state is not None:
            return state.id
    for role in sorted(actor.roles, key=lambda r: r.start or "", reverse=True):
        if not role.organisation:
            continue
        for candidate in kb.lookup(role.organisation):
            if candidate.type in GROUP_TYPES:
                return candidate.id
    return None


def _announcer(token: Token, ranges_by_token: dict[int, Mention]) -> str | None:
    clause = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i in ranges_by_token:
            return ranges_by_token[child.i].actor_id
    return None


def _acting_state(token: Token, document: Document, kb: KnowledgeBase) -> str | None:
    """The state a demonym names as the doer of an act noun ("Israeli" in "the Israeli
    raid"), added to the document's actors as the events stage's unnamed agents are."""
    if token.ent_type_ != "NORP" or token.dep_ not in ("amod", "compound"):
        return None
    if token.head.lower_ not in ACT_NOUNS or token.head.pos_ != "NOUN":
        return None
    state = kb.country_actor(kb.demonym(token.text))
    if state is None:
        return None
    if not any(a.id == state.id for a in document.actors):
        document.actors.append(state)
    return state.id


def extra_mentions(doc: Doc, document: Document, kb: KnowledgeBase) -> list[Mention]:
    """Mentions for first-person pronouns in quotes and "it"/"they" of announcements."""
    ranges = _token_ranges(doc, document.mentions)
    by_token: dict[int, Mention] = {}
    for start, end, mention in ranges:
        for i in range(start, end):
            by_token.setdefault(i, mention)
    groups: dict[str, str | None] = {}
    out: list[Mention] = []
    # only demonyms (acting states) and pronouns can give a mention here
    pronouns = FIRST_PLURAL | FIRST_SINGULAR | NON_PERSON_PRONOUNS
    candidates = {t.i: t for t in tokens_with(doc, "ENT_TYPE", ("NORP",))}
    candidates.update((t.i, t) for t in tokens_with(doc, "LOWER", pronouns))
    for _, token in sorted(candidates.items()):
        low = token.lower_
        if token.i not in by_token and (state := _acting_state(token, document, kb)):
            out.append(
                Mention(
                    start=token.idx,
                    end=token.idx + len(token),
                    text=token.text,
                    actor_id=state,
                    kind="demonym",
                    confidence=0.5,
                )
            )
            continue
        if token.i in by_token or not (
            low in FIRST_PLURAL or low in FIRST_SINGULAR or low in NON_PERSON_PRONOUNS
        ):
            continue
        actor_id: str | None = None
        if low in NON_PERSON_PRONOUNS:
            announcer = _announcer(token, by_token)
            if announcer is not None:
                actor = _actor(announcer, document, kb)
                if actor is not None and actor.type != "person":
                    actor_id = announcer
        else:
            quote = next(
                (q for q in document.quotes if q.start <= token.idx < q.end and q.speaker_id),
                None,
            )
            if quote is None or quote.speaker_id is None:
                continue
            if low in FIRST_SINGULAR:
                actor_id = quote.speaker_id
            else:
                if quote.speaker_id not in groups:
                    groups[quote.speaker_id] = speaker_group(
                        doc, quote.speaker_id, ranges, document, kb
                    )
                actor_id = groups[quote.speaker_id]
        if actor_id is not None:
            out.append(
                Mention(
                    start=token.idx,
                    end=token.idx + len(token),
                    text=token.text,
                    actor_id=actor_id,
                    kind="pronoun",
                    confidence=0.5,
                )
            )
    return out
