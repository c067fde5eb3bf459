"""Events stage: PLOVER/CAMEO events stated in a report, each tied to its evidence sentence.

The last extraction stage: it runs after ``sentences``, ``dates``
(``document.timexes``), ``actors`` (``document.mentions``/``actors``) and
``quotes`` (``document.quotes``) and assigns ``document.events``; ``store``
comes after it. Triggers and arguments come from the dependency parse
(``communique.events.extract`` with the lexicon of ``lexicon``, and the
pronoun references of ``reference``); this module
gives each candidate its date, place, salience, quote and evidence
(``communique.events.anchor``), and merges repeated statements of one event.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from communique.actors.agents import agent_actor
from communique.events.anchor import build_events
from communique.events.extract import Candidate, find_candidates, with_antecedents
from communique.events.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from communique.events.reference import extra_mentions
from communique.events.speech import speech_candidates
from communique.model import Actor, Document, Event

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

    from communique.context import Context

__all__ = [
    "PLOVER_TYPES",
    "Candidate",
    "Lexicon",
    "extract_events",
    "find_candidates",
    "load_lexicon",
]


def extract_events(doc: Doc, document: Document, context: Context) -> None:
    """Stage function: fill ``document.events`` from the parse, mentions, timexes and quotes."""
    lexicon = context.cache.get("events.lexicon")
    if lexicon is None:
        # User trigger files (``Settings.event_lexicon_file``) are tried before the shipped ones.
        lexicon = load_lexicon(
            tuple(context.settings.event_lexicon_file), context.settings.cache_dir
        )
        context.cache["events.lexicon"] = lexicon
    # First-person pronouns in quotes and "it" of announcements (events.reference)
    # take part in argument finding only; document.mentions stays the actors stage's.
    mentions = document.mentions + extra_mentions(doc, document, context.kb)
    # Every quote's span; its speaker id when known ("" marks a quote without one).
    speakers = [(q.start, q.end, q.speaker_id or "") for q in document.quotes]
    actors = {actor.id: actor for actor in document.actors}
    kinds = {actor_id: (actor.type, actor.sector) for actor_id, actor in actors.items()}
    candidates = find_candidates(
        doc, mentions, lexicon, speakers, kinds, _agent_maker(document, actors, context)
    )
    # What the quotes' content does (REQUEST, THREATEN, ACCUSE, ...), beside what triggers name.
    candidates += speech_candidates(
        doc, document, mentions, candidates, lambda i: actors.get(i) or context.kb.get(i)
    )
    # "the embassy declined the request": the request told before names whom it aims at
    candidates = with_antecedents(candidates, lexicon)
    document.events = _without_bare_repeats(build_events(doc, document, candidates, context))


def _without_bare_repeats(events: list[Event]) -> list[Event]:
    """An act stated once with its recipient and again without ("the House impeached
    Trump" ... "the House passed articles of impeachment") is one event: the copy with no
    recipient is dropped when the same source has an asserted event of the type with one."""
    targeted = {(e.type, e.source_id) for e in events if e.target_id and not e.negated}
    return [e for e in events if e.target_id or e.negated or (e.type, e.source_id) not in targeted]


def _agent_maker(
    document: Document, actors: dict[str, Actor], context: Context
) -> Callable[[str, str | None], str | None]:
    """Unnamed agents of events whose clause names no agent ("X was arrested": police).

    The group belongs to the target's country, else to the country the article mentions
    most; the actor is added to ``document.actors`` (as the actors stage's generic
    agents are) so that the store keeps it.
    """
    counts: Counter[str] = Counter()
    for mention in document.mentions:
        actor = actors.get(mention.actor_id)
        if actor is not None and actor.country and actor.country != "IGO":
            counts[actor.country] += 1
    main_country = counts.most_common(1)[0][0] if counts else None

    def make(sector: str, target_id: str | None) -> str | None:
        target = actors.get(target_id) if target_id else None
        country = target.country if target is not None and target.country != "IGO" else None
        country = country or main_country
        if country is None:
            return None
        state = context.kb.country_actor(country)
        agent = agent_actor(country, sector, country, state.name if state else country)
        if agent.id not in actors:
            actors[agent.id] = agent
            document.actors.append(agent)
        return agent.id

    return make
