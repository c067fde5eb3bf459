"""Clause readings for event dates: where a time expression attaches, which clause an
event belongs to, its tense, and the statement that reports it.

In: the spaCy parse of a sentence and a candidate event (``communique.events.extract``).
Out: token indices and yes/no readings for ``communique.events.dating`` (which dates
events from them), ``communique.events.salience`` and ``communique.events.placing``.
Pure functions of the parse, split out of ``dating`` so that each module keeps to one job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.model import Document, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from communique.events.extract import Candidate

STATEMENT_VERBS = {"say", "tell", "speak", "state", "declare", "announce", "add", "stress",
                   "remark", "comment", "address", "note", "emphasise", "emphasize",
                   "insist", "vow", "pledge", "reiterate", "confirm", "warn", "report",
                   "acknowledge", "admit", "claim", "allege", "write", "tweet", "post"}  # fmt: skip
# Words that make a time expression a later limit of an event rather than its date.
BOUND_WORDS = {"before", "until", "till", "ahead", "prior", "by"}
# Periods whose plural or counted form measures a nominal act ("weeks of protests").
PERIODS = {"day", "week", "month"}
# Occasions whose relative clause dates the event held for or at them ("met for a summit
# where on Sunday ...").
OCCASION_NOUNS = {"summit", "meeting", "talks", "conference", "session", "ceremony",
                  "gathering", "forum", "rally", "congress", "convention"}  # fmt: skip
NOUN_MODIFIERS = {"nummod", "compound", "poss", "amod", "npadvmod"}


def attach_point(span: Span, triggers: set[int], governor: int | None = None) -> int | None:
    """Nearest ancestor of a span that is a verb or an event trigger (its governing clause).

    ``governor`` is where the dates stage says a time expression attaches; the
    walk goes on from there when that token is a plain noun ("the 2012 wars").
    """
    doc = span.doc
    token = span.root if governor is None else doc[governor]
    if governor is not None and (governor in triggers or token.pos_ in ("VERB", "AUX")):
        return governor
    for _ in range(12):  # dependency paths within a clause are short; guards cycles
        if token.head == token:
            return None
        token = token.head
        if span.start <= token.i < span.end:
            continue
        if token.i in triggers or token.pos_ in ("VERB", "AUX"):
            return int(token.i)
    return None


def bounds_only(span: Span) -> bool:
    """The expression is a later limit of its clause, not its date: "fired his deputy ahead
    of the 2018 elections", "held until 1974", "must leave by October 31", "prior to
    2010" (the event lies before it). "after" and "since" are kept: what follows a dated
    event is usually told as of that day ("suspended after last week's protests"), and
    "since 2011" gives the start of a state. Only an expression that is itself the
    limit counts ("shortly before midnight Wednesday night" is dated Wednesday)."""
    token = span.root
    while token.dep_ in NOUN_MODIFIERS and token.head != token:
        token = token.head  # "the 2018 elections", "last week's protests"
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lower_ in ("of", "to"):  # "ahead of", "prior to"
        preposition = preposition.head
    return preposition.lower_ in BOUND_WORDS


def governing_verb(token: Token) -> int | None:
    head, steps = token.head, 0
    while head != token and steps < 4:
        if head.pos_ in ("VERB", "AUX"):
            return int(head.i)
        token, head, steps = head, head.head, steps + 1
    return None


def clause_of(token: Token) -> Token:
    verb = governing_verb(token)
    return token.doc[verb] if verb is not None else token


def past_clause(verb: Token) -> bool:
    """A finite clause in the simple or perfect past ("announced", "had signed")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "shall") for a in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)


def simple_past(candidate: Candidate) -> bool:
    """The event's clause is in the simple past ("blamed", "were made"), not the present
    perfect ("has been encouraging") or present."""
    token = candidate.token
    verb = token if candidate.trigger.pos == "VERB" else clause_of(token)
    for _ in range(4):  # a participle or infinitive takes the tense of its clause
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if auxiliaries or verb.tag_ not in ("VBG", "VBN", "VB"):
            break
        above = governing_verb(verb)
        if above is None:
            break
        verb = verb.doc[above]
    if any(a.lemma_ == "have" for a in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)


def spans_period(token: Token) -> bool:
    """A nominal act measured by a period of days or more: "weeks of protests", "two
    months of strikes", "days of clashes" (no single day dates it)."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    measure = token.head.head
    return measure.lemma_.lower() in PERIODS and (
        measure.tag_ == "NNS" or any(c.dep_ == "nummod" for c in measure.children)
    )


def event_points(candidate: Candidate) -> set[int]:
    """Tokens whose attached time expressions date the event itself."""
    token = candidate.token
    points = {token.i}
    if token.dep_ == "xcomp":  # "On Monday, Russia threatened to attack"
        points.add(token.head.i)
    # the manner of the act is the act: "killed his sister by strangling her in 2016"
    points.update(
        int(g.i)
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "by"
        for g in p.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
    )
    if candidate.trigger.pos != "VERB":
        verb = governing_verb(token)
        if verb is not None and not behind_the_act(token):
            points.add(verb)
        # a participle completing the nominal: "a ceasefire mediated by Egypt in 2012"
        points.update(int(t.i) for t in token.children if t.dep_ == "acl" and t.tag_ == "VBN")
    return points


def behind_the_act(token: Token) -> bool:
    """A request or order the act was done on: "suspended parliament at the behest of the
    prime minister on September 10", "fired on the orders of the general" (it came before
    the act, on a day the sentence does not give). An occasion is not ("agreed at the
    meeting of the council on Monday")."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("at", "on", "upon")
        and token.lemma_.lower() not in OCCASION_NOUNS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


def statement_verb(candidate: Candidate, document: Document) -> int | None:
    """The reporting verb of the statement an event is stated in, if any.

    "Russia announced on Monday that it would ..." (the event's clause is the
    verb's complement) or the cue of the quote holding the event ("..., Scholz
    told reporters on Monday"): its time expression dates the statement, and an
    event stated in it (an intention, a verbal act) has no other date.
    """
    token = candidate.token
    doc = token.doc
    clause = token if candidate.trigger.pos == "VERB" else clause_of(token)
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in STATEMENT_VERBS:
        return int(clause.head.i)
    offset = token.idx
    quote = next((q for q in document.quotes if q.start <= offset < q.end), None)
    return quote_cue(quote, document, doc) if quote is not None else None


def quote_cue(quote: Quote, document: Document, doc: Doc) -> int | None:
    """The token of a quote's cue ("said", "told", "according to") in its sentence."""
    if quote.cue is None or quote.sentence is None:
        return None
    if not 0 <= quote.sentence < len(document.sentences):
        return None
    sentence = document.sentences[quote.sentence]
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    for other in span or ():
        if quote.start <= other.idx < quote.end:
            continue
        # the cue is a lemma ("say") or the words themselves ("according to": lemma "accord")
        if quote.cue.split()[0] in (other.lemma_.lower(), other.lower_):
            return int(other.i)
    return None
