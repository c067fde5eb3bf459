"""Anchoring candidates: date, place, salience, quote and evidence of each event.

In: ``Candidate`` events from ``communique.events.extract`` and the document's
``sentences``, ``timexes`` (dates stage) and ``quotes`` (quotes stage); places
from ``communique.places`` (``find_places``, ``dateline_place``). Out: ``Event``
records for ``document.events``, repeated statements of one event merged.

Rules (from the project's event guidelines and the eval-news annotation guide):
- date (``communique.events.dating``): the time expression of the event's own
  clause or of a clause it depends on; else that of the statement reporting it
  (or of a "while" clause under it); else the speaker's own day named in the
  quotation holding it ("... we raised it today"); else the time of a dated
  act it is told as following ("suspended after last week's protests"); else,
  for a main event, the date of the report's main meeting (for what is told
  after it or in the headline), the episode's day for a physical act, the day
  of the same speaker's earlier dated statement in the report
  (``_speaker_day``), none for a statement in a flashback or held over a
  period (``EventClock.in_flashback``, ``lasts_periods``), or the published
  date (``date_inferred``); never the report's date for a background event
  (its own expression, else none). An
  evaluation (ACCUSE, SUPPORT) in a speaker's own words is not dated by the
  time expressions of the quotation, which date the act evaluated;
- salience (``communique.events.salience``): background by an earlier date of
  its own or of its paragraph, past perfect (not reported-speech backshift),
  temporal adverbs, past relative clauses, anniversaries, a past act in someone
  else's direct quote, an undated nominal act its sentence places before its own
  ("followed talks", "following the resignation", "at the behest of");
- place (``communique.events.placing``): the locative of its own clause or of a
  clause it depends on; else, for a main event, the meeting's place for the
  meeting and events naming it, the lead's episode place for physical acts, the
  acting state's country for bans, arrests and alerts, a crowd's protest place
  for its demands, or the place the text gives to a speaker's statements
  (``_statement_place``) for that speaker's events, or the dateline.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from communique.events.dating import (
    MATERIAL_TYPES,
    EventClock,
    event_points,
    lasts_periods,
    precision,
    quote_cue,
    statement_verb,
)
from communique.events.extract import Candidate
from communique.events.placing import FUTURE_MARKS, EventPlaces
from communique.events.salience import ParagraphFrames, salience
from communique.model import Actor, Document, Event, Evidence, Place, Quote, Sentence, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.context import Context

PLACE_PREPS = {"in", "near", "at", "inside", "outside", "around", "across"}
OCCASIONS = {
    "meeting",
    "talks",
    "summit",
    "conference",
    "session",
    "ceremony",
    "visit",
    "gathering",
    "forum",
}
# Mentions that are no names (capitalised at a sentence's start: "He", "Their").
PRONOUNS = frozenset({"he", "she", "it", "we", "they", "i", "you", "his", "her", "him", "its",
                      "our", "us", "their", "them", "my", "your"})  # fmt: skip
# Nouns and verbs of statements: a place on them ("made the comments in Tehran",
# "said in Ankara", "told a news conference in Cairo") is where the report's
# statements were made.
STATEMENT_NOUNS = {"remark", "comment", "statement", "speech", "address", "interview",
                   "conference", "briefing", "declaration", "announcement", "sermon"}  # fmt: skip
STATEMENT_VERBS = {"say", "tell", "speak", "state", "declare", "announce", "add", "stress",
                   "remark", "comment", "address", "note", "emphasise", "emphasize",
                   "insist", "vow", "warn", "confirm", "pledge", "reiterate"}  # fmt: skip


@dataclass
class Anchored:
    """One candidate with its evidence sentence, quote, date(s), place and salience."""

    candidate: Candidate
    sentence: Sentence
    quote: Quote | None
    timexes: list[TimeRef]
    place: Place | None
    salience: str = "main"
    at_occasion: bool = False
    # Final values (``_finish``): (ISO value or None, inferred from the report) per date.
    dates: list[tuple[str | None, bool]] = field(default_factory=list)


def _places(doc: Doc, document: Document, context: Context) -> list[tuple[int, int, Place]]:
    """Place mentions from the places stage (resolved against the context's gazetteer).

    No fallback: a failure of the places stage is a bug to see, not a reason to
    place events from the parser's raw entities (issue 15).
    """
    from communique.places import find_places

    return find_places(doc, document, context)


def _dateline(document: Document, context: Context) -> Place | None:
    from communique.places import dateline_place

    return dateline_place(document, context.gazetteer)


def build_events(
    doc: Doc, document: Document, candidates: list[Candidate], context: Context
) -> list[Event]:
    """``Event`` records for the candidates, repeated statements of one event merged."""
    return _records(document, anchor_candidates(doc, document, candidates, context))


def anchor_candidates(
    doc: Doc, document: Document, candidates: list[Candidate], context: Context
) -> list[Anchored]:
    """Date(s), place and salience of each candidate, in candidate order (nothing merged)."""
    if not candidates or not document.sentences:
        return []
    triggers = {c.token.i for c in candidates}
    starts = [s.start for s in document.sentences]
    clock = EventClock(doc, document, triggers)
    paragraphs = ParagraphFrames(document)
    places = _places(doc, document, context)
    kinds = {c.token.i: c.type for c in candidates}
    placer = EventPlaces(
        doc, document, places, triggers, context.gazetteer, context.kb.demonym, kinds
    )
    occasion = _occasion_place(doc, placer.points)
    dateline = _dateline(document, context)
    statements = _statement_place(doc, document, places) or (dateline, None)
    anchored: list[Anchored] = []
    for candidate in candidates:
        offset = candidate.token.idx
        sentence = document.sentences[max(0, bisect.bisect_right(starts, offset) - 1)]
        quote = next((q for q in document.quotes if q.start <= offset < q.end), None)
        points = event_points(candidate)
        timexes = clock.own(candidate, quote)
        if not timexes:  # an event stated in a statement takes the statement's date
            said = statement_verb(candidate, document)
            timexes = clock.statement_dates(said) if said is not None else []
        if not timexes:  # "... we raised it today", in the speech the event is stated in
            timexes = clock.speech_day(quote)
        place = placer.own(candidate, points)
        # "suspended after last week's protests": dated by what it followed
        followed = [] if timexes else clock.after_dates(candidate)
        item = Anchored(candidate, sentence, quote, timexes or followed, place)
        item.salience = salience(
            candidate, timexes, quote, paragraphs, clock.reference, clock.preceding(candidate)
        )
        item.at_occasion = any(_names_occasion(doc[p]) for p in points)
        anchored.append(item)
    local = {actor.id: actor for actor in document.actors}

    def actor_of(actor_id: str) -> Actor | None:
        return local.get(actor_id) or context.kb.get(actor_id)

    _finish(clock, placer, actor_of, anchored, occasion, statements, dateline)
    return anchored


def _names_occasion(token: Token) -> bool:
    """The clause names the meeting: "in the meeting", "at the summit", "Speaking at the talks"."""
    heads = [token, *[c for c in token.children if c.dep_ == "advcl"]]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "at", "during", "on", "after")
        and any(
            p.dep_ == "pobj"
            and (p.lemma_.lower() in OCCASIONS or p.lower_ == "sidelines")
            # "wishes to speak with X at the upcoming summit": an occasion still to come is
            # not the report's meeting, so it lends the act no place
            and not any(m.lower_ in FUTURE_MARKS for m in p.children)
            for p in prep.children
        )
        for head in heads
        for prep in head.children
    )


def _statement_place(
    doc: Doc, document: Document, places: list[tuple[int, int, Place]]
) -> tuple[Place, frozenset[str] | None] | None:
    """The place the text gives to a speaker's statements, and who spoke there, if it gives one.

    A locative on a statement noun or verb ("made the comments in Tehran",
    "said in Ankara", "told a news conference in Cairo"), directly or through the
    site it names ("speaking to the press at a school in Leeds"), places what
    that speaker says in the report, so the speaker's main events without a place
    of their own take it, and so do those of whoever the sentence has speak with
    them ("at a meeting with Y"). Not another speaker's: "X addressed reporters in
    New York" does not tell where Z, quoted later, spoke. A locative on the meeting
    alone ("a meeting with X and his delegation in Tehran", "a summit was held in
    Nairobi") places the meeting, and a careful coder does not assume that
    everything said in the report was said there: those places go to the meeting
    and to events whose clause names it (``_names_occasion``). A statement placed
    in the past perfect ("had said in Paris") is an earlier one and places nothing.
    """
    for start, end, place in places:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        while root.dep_ == "appos" and root.head != root:
            root = root.head
        if root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS:
            continue
        head = root.head.head
        site = head.head
        if any(c.lower_ in FUTURE_MARKS for c in head.children):
            continue  # "to speak at the upcoming summit in Chile": not said there yet
        on_site = site.lower_ in PLACE_PREPS or site.lower_ == "on"  # "on Channel 4 in X"
        if head.dep_ == "pobj" and on_site and head.pos_ in ("NOUN", "PROPN"):
            head = site.head  # "at a school in Leeds": the site is where it was said
        lemma = head.lemma_.lower()
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
            continue
        if head.pos_ in ("NOUN", "PROPN") and lemma in STATEMENT_NOUNS:
            return place, _speakers(verb, document)
        if head.pos_ in ("VERB", "AUX") and (
            lemma in STATEMENT_VERBS
            or any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in head.children)
        ):
            return place, _speakers(verb, document)
    return None


def _speakers(verb: Token, document: Document) -> frozenset[str] | None:
    """The actors the statement sentence names: its speaker and whoever it was said with or
    to ("made the comments in Tehran at a meeting with X": X's words there too), as the
    actors stage found them; None when it names none (then the place is everyone's)."""
    sentence = verb.sent
    start, end = sentence.start_char, sentence.end_char
    named = {m.actor_id for m in document.mentions if start <= m.start < end}
    # the body a speaker speaks for, named in the description of them ("at a meeting with
    # X, a senior official of Y": Y's statements there too), also when a mention of the
    # description as a whole took its words
    named.update(
        m.actor_id
        for m in document.mentions
        if m.start < start or m.start >= end
        if _named_in(m.text, sentence.text)
    )
    return frozenset(named) or None


def _named_in(name: str, text: str) -> bool:
    """``name``, a name rather than a pronoun, is written in ``text`` as a whole word."""
    if not name[:1].isupper() or name.lower() in PRONOUNS:
        return False
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def _occasion_place(doc: Doc, place_points: dict[int, Place]) -> Place | None:
    """Where the report's meeting took place: "A meeting ... was held in Tehran"."""
    for point, place in sorted(place_points.items()):
        token = doc[point]
        nouns = [token, *[c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]]
        if any(n.lemma_.lower() in OCCASIONS for n in nouns):
            return place
    return None


def _finish(
    clock: EventClock,
    placer: EventPlaces,
    actors: Callable[[str], Actor | None],
    anchored: list[Anchored],
    occasion: Place | None,
    statements: tuple[Place | None, frozenset[str] | None],
    dateline: Place | None,
) -> None:
    """Fill each item's final dates and place from its own and the report's anchors."""
    occasion_date: TimeRef | None = None
    occasion_place: Place | None = None
    for item in anchored:  # the report's main meeting: its first dated / placed main CONSULT
        if item.salience == "main" and item.candidate.type == "CONSULT":
            # a meeting still to come ("talks are due on October 31") dates nothing else
            if occasion_date is None and item.timexes and not _future(item.timexes[0], clock):
                occasion_date = item.timexes[0]
            if occasion_place is None and item.place is not None:
                occasion_place = item.place
    occasion_place = occasion_place or occasion
    spoke = _speaker_days(clock, anchored)
    # where each crowd protested: its demands and charges are made there
    protested: dict[str, Place] = {}
    for item in anchored:
        if item.candidate.type == "PROTEST" and item.place is not None:
            protested.setdefault(item.candidate.source_id, item.place)
    for item in anchored:
        candidate = item.candidate
        dated: list[tuple[str | None, bool]] = [(t.value, False) for t in item.timexes if t.value]
        if not dated and item.salience == "main":
            if (
                occasion_date is not None
                and occasion_date.value
                and (
                    occasion_date.start < candidate.token.idx
                    or candidate.token.idx < clock.headline_end
                )
            ):
                dated = [(occasion_date.value, False)]
            elif not lasts_periods(candidate):
                narrative = clock.narrative(candidate)
                if narrative in (None, clock.document.published) and (
                    candidate.type not in MATERIAL_TYPES
                ):
                    narrative = _speaker_day(spoke, candidate) or narrative
                if narrative is not None:
                    dated = [(narrative, narrative == clock.document.published)]
        item.dates = list(dict.fromkeys(dated or [(None, False)]))
        if item.place is None and item.salience == "main":
            # a statement place given to one speaker places only what that speaker does
            said_there, speakers = statements
            if speakers is not None and candidate.source_id not in speakers:
                said_there = dateline
            if candidate.type == "CONSULT" or item.at_occasion:
                item.place = occasion_place or said_there
            else:
                item.place = (
                    placer.narrative(candidate, actors)
                    or placer.home(candidate, actors)
                    or protested.get(candidate.source_id)
                    or said_there
                )


def _speaker_days(clock: EventClock, anchored: list[Anchored]) -> list[tuple[int, str, str]]:
    """(offset, speaker, day) for each dated statement of the report's week: a quote whose
    cue has a day ("according to the president on Friday") and a main verbal event with
    a day of its own ("On Thursday, X addressed reporters, calling for ...")."""
    document, doc = clock.document, clock.doc
    days: list[tuple[int, str, str]] = []
    for quote in document.quotes:
        cue = quote_cue(quote, document, doc) if quote.speaker_id else None
        for timex in clock.statement_dates(cue) if cue is not None else ():
            if quote.speaker_id and clock.in_week(timex.value) and timex.value:
                days.append((quote.start, quote.speaker_id, timex.value[:10]))
    for item in anchored:
        candidate = item.candidate
        if item.salience != "main" or candidate.type in MATERIAL_TYPES or not candidate.source_id:
            continue
        for timex in item.timexes:
            if clock.in_week(timex.value) and timex.value:
                days.append((candidate.token.idx, candidate.source_id, timex.value[:10]))
    return sorted(days)


def _speaker_day(spoke: list[tuple[int, str, str]], candidate: Candidate) -> str | None:
    """The day the candidate's source last spoke on, earlier in the text, if any: a
    speaker's undated statements in a report are told from the occasion the report
    dates for them ("On Thursday, Y addressed reporters ... Y called the admission a
    manoeuvre"), not from the report's own day."""
    offset = candidate.token.idx
    days = [
        day for start, speaker, day in spoke if start < offset and speaker == candidate.source_id
    ]
    return days[-1] if days else None


def _future(timex: TimeRef, clock: EventClock) -> bool:
    """The expression lies after the report's date (or the report has none to compare)."""
    return bool(timex.value and clock.reference and timex.value[:10] > clock.reference[:10])


def _records(document: Document, anchored: list[Anchored]) -> list[Event]:
    events: list[Event] = []
    seen: dict[tuple[Any, ...], Event] = {}
    for item in anchored:
        candidate = item.candidate
        place = item.place
        for value, inferred in item.dates:
            pair: tuple[Any, ...] = (candidate.source_id, candidate.target_id)
            if candidate.type == "CONSULT":
                pair = (frozenset(p for p in pair if p),)
            key = (candidate.type, pair, item.salience, candidate.negated, candidate.modality)
            previous = seen.get(key)
            # A date inferred from the report is weak: a headline's "Germany bans X" and the
            # lead's "Germany on Monday banned X" are one event, dated Monday.
            if previous is not None and (
                previous.date is None
                or value is None
                or previous.date == value
                or previous.date_inferred
                or inferred
            ):
                if value is not None and not inferred and previous.date_inferred:
                    previous.date = None
                if previous.date is None and value is not None:
                    previous.date, previous.date_precision, previous.date_inferred = (
                        value,
                        precision(value),
                        inferred,
                    )
                if previous.location is None:
                    previous.location = place
                continue
            event = Event(
                id=f"{document.id}:e{len(events) + 1}",
                type=candidate.type,
                mode=candidate.mode,
                context=candidate.context,
                cameo=candidate.cameo,
                source_id=candidate.source_id,
                target_id=candidate.target_id,
                trigger=candidate.token.text,
                date=value,
                date_precision=precision(value) if value else None,
                date_inferred=inferred,
                location=place,
                salience="background" if item.salience == "background" else "main",
                negated=candidate.negated,
                modality=candidate.modality,
                quote_id=item.quote.id if item.quote else None,
                evidence=Evidence(
                    article=document.id,
                    start=item.sentence.start,
                    end=item.sentence.end,
                    text=item.sentence.text,
                ),
                confidence=candidate.confidence,
            )
            seen.setdefault(key, event)
            events.append(event)
    return events
