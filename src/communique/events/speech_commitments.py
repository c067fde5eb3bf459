"""Commitments and appeals in attributed speech: what the speaker will (not) do, or asks.

Used by ``communique.events.speech_reader`` (``QuoteReader.acts``) on each clause of
a quote:

- committed: a first-person future of force is a THREATEN ("we will strike back"),
  of a negated or "cannot" committing verb a REJECT ("we will not take part"), of a
  committing verb an AGREE ("we will work with X", reported "he would assist X");
  "warn" in the first person is a THREATEN. Futures of verbs that commit to nothing
  ("we will see") are no act. "We will work together" with no partner named aims at
  the actor the quote spoke of before (``named_before``).
- defied: the speaker's own contested course will go on ("X says the broadcasts will
  continue") is a REJECT of the side the speaker is fighting.
- warned_of: a penalty the speaker says another actor will suffer is a THREATEN
  against it ("X will pay a heavy price").
- consulted: the speaker's side in contact with someone is a CONSULT ("we are in
  contact with X").
- requested: a REQUEST is a first-person wish put on someone ("I hope X will ...",
  "we call on X to ..."), an obligation put on someone else ("X should/must ...",
  "they need to ..."), or an imperative in a direct quote.
Questions and hypotheticals ("if ...", "whether ...") state no act. The verb lists
are data (``data/speech-acts.v1.yaml``, via ``speech_cues``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.speech_claims import Act, referent

# VADER valence of a complement that turns "X should be ..." into blame ("ashamed" -2.1).
SHAME_VALENCE = -2.0

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.speech_reader import QuoteReader


def committed(reader: QuoteReader, verb: Token) -> Act | None:
    """THREATEN, REJECT, AGREE: what a first-person speaker says they will (not) do."""
    subject = reader.subject(verb)
    if not reader.first_person(subject):
        return None
    if subject is not None and subject.dep_ == "nsubjpass":
        return None  # "we will be attacked": what the speaker will suffer, not do
    lemma = verb.lemma_.lower()
    cues = reader.cues
    negated = reader.negated(verb)
    if lemma == "warn" and not negated:
        return Act("THREATEN", verb, reader.addressee(verb, deep=True), "threaten")
    can = any(a in ("can", "could") for a in reader.auxes(verb))
    if not (reader.future(verb) or (negated and can)):
        return None
    if reader.hypothetical(verb) and not (lemma in cues.coercive_verbs and not negated):
        return None
    if negated:
        if lemma in cues.refusal_verbs or lemma in cues.promise_verbs:
            return Act("REJECT", verb, reader.addressee(verb))
        return None
    if lemma in cues.coercive_verbs and forceful(reader, verb):
        return Act("THREATEN", verb, reader.addressee(verb, deep=True), "threaten")
    if any(c.dep_ == "dobj" and c.lemma_.lower() in cues.penalty_nouns for c in verb.children):
        return None  # "we will pay a heavy price": a fate, not a promise
    if lemma in cues.promise_verbs and lemma not in cues.uncommitted_verbs:
        partner = reader.addressee(verb)
        if partner is None and any(c.lower_ == "together" for c in verb.children):
            partner = named_before(reader, verb)  # "he made the right call; we will work together"
        return Act("AGREE", verb, partner, "intend")
    if lemma in cues.continued_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues.course_nouns for c in verb.children
    ):
        # "he would continue the policies of X": a pledge of a course, not "it will go on";
        # its recipient is a partner in it ("continue the dialogue with X"), not the
        # course's author
        partner = next(
            (
                found
                for c in verb.children
                if c.dep_ == "dobj"
                for prep in c.children
                if prep.dep_ == "prep" and prep.lower_ == "with"
                for g in prep.children
                if (found := reader.other(g)) is not None
            ),
            None,
        )
        return Act("AGREE", verb, partner, "intend")
    return None


def defied(reader: QuoteReader, verb: Token) -> Act | None:
    """REJECT: the speaker says its own contested course will go on ("X says the
    broadcasts will continue", after its adversary fired on them): the course, subject
    of a future "continue", is one the article told as the speaker's side's doing (the
    same word as its act or its possession: "X started to broadcast ..."). It is aimed
    at the side the speaker is fighting (``QuoteReader.adversary``); with no fight told,
    going on with something defies no one."""
    if reader.adversary is None or verb.lemma_.lower() not in reader.cues.continued_verbs:
        return None
    if not reader.top(verb) or not reader.future(verb):
        return None
    if reader.negated(verb) or reader.hypothetical(verb):
        return None
    subject = reader.subject(verb)
    if subject is None or subject.pos_ != "NOUN" or reader.actor(subject) is not None:
        return None
    lemma = subject.lemma_.lower()
    for earlier in subject.doc[: reader.tokens[0].i]:
        if earlier.lemma_.lower() != lemma:
            continue
        if earlier.pos_ == "VERB":
            doer = reader.subject(earlier)
        else:
            doer = next((c for c in earlier.children if c.dep_ == "poss"), None)
        found = reader.actor_at.get(doer.i) if doer is not None else None
        if found is not None and reader.mine(found):
            return Act("REJECT", verb, reader.adversary)
    return None


def named_before(reader: QuoteReader, verb: Token) -> str | None:
    """The partner of "we will work together" when no "with X" names one: "we" is the
    speaker and the one the quote was speaking of, the nearest actor the quote names
    (or means by a pronoun) before the verb."""
    for token in reversed(reader.tokens):
        if token.i >= verb.i or token.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if (found := referent(reader, token)) is not None:
            return found
    return None


def warned_of(reader: QuoteReader, verb: Token) -> Act | None:
    """THREATEN: a penalty the speaker says another actor will suffer: "X will pay a
    heavy price", "X would face severe consequences if ...", "X will regret it". The
    threat is made against that actor; a conditional does not soften it. Not a
    forecast of what the actor will do ("X will invade"), nor the speaker's own side's
    fate."""
    cues = reader.cues
    lemma = verb.lemma_.lower()
    if lemma not in cues.consequence_verbs or reader.negated(verb):
        return None
    if not reader.future(verb):
        return None
    subject = reader.subject(verb)
    if subject is None or subject.dep_ != "nsubj" or reader.first_person(subject):
        return None
    target = referent(reader, subject)
    if target is None:
        return None
    penalties = [
        c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.penalty_nouns
    ]
    if not penalties and lemma not in cues.bare_consequence_verbs:
        return None
    return Act("THREATEN", verb, target, "threaten")


def consulted(reader: QuoteReader, verb: Token) -> Act | None:
    """CONSULT: the speaker's side says it is in contact with someone: "we are in
    contact with all parties", "I have been in touch with X" (the partner, if named, is
    the target). A future ("we will be in touch") or a denial states no consultation."""
    if verb.lemma_.lower() not in ("be", "remain", "stay", "keep"):
        return None
    if not reader.first_person(reader.subject(verb)):
        return None
    if reader.negated(verb) or reader.future(verb) or reader.hypothetical(verb):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for state in prep.children:
            if state.dep_ != "pobj" or state.lemma_.lower() not in reader.cues.contact_nouns:
                continue
            partners = [
                g
                for holder in (state, verb)
                for p in holder.children
                if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            target = next((f for g in partners if (f := referent(reader, g)) is not None), None)
            return Act("CONSULT", verb, target)
    return None


def _shamed(reader: QuoteReader, verb: Token) -> bool:
    """ "X should be ashamed": a copula whose complement is a strongly negative word."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and reader.polarity.word(c) <= SHAME_VALENCE for c in verb.children
    )


def forceful(reader: QuoteReader, verb: Token) -> bool:
    """A verb of force, or a light one ("use", "bring") with a coercive object."""
    if verb.lemma_.lower() not in ("use", "bring", "defend"):
        return True
    return any(
        t.lemma_.lower() in reader.cues.coercive_objects for t in verb.subtree if t is not verb
    )


def requested(reader: QuoteReader, verb: Token) -> Act | None:
    """REQUEST: a wish put on someone, an obligation on someone else, an imperative."""
    if reader.hypothetical(verb):
        return None
    lemma = verb.lemma_.lower()
    subject = reader.subject(verb)
    cues = reader.cues
    if lemma in cues.wish_verbs and reader.first_person(subject) and verb.tag_ in ("VBP", "VB"):
        if lemma in ("call", "count", "rely") and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children
        ):
            return None
        wanted = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep")]
        if not wanted or reader.negated(verb):
            return None
        target = reader.addressee(verb)  # "I hope it works out" asks nothing of anyone
        return Act("REQUEST", verb, target) if target is not None else None
    obliged = any(a in cues.obligation_modals for a in reader.auxes(verb)) or (
        verb.dep_ == "xcomp"
        and (
            verb.head.lemma_.lower() in cues.obligation_modals  # "ought to"
            or verb.head.lemma_.lower() in cues.obligation_verbs
        )
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
    if obliged:
        if reader.first_person(subject) or "have" in reader.auxes(verb):  # "must have known"
            return None
        if verb.dep_ == "xcomp" and (
            reader.negated(verb.head)  # "need not", "don't have to"
            or reader.auxes(verb.head) & {"would", "could", "might", "may"}  # "would have to"
        ):
            return None
        if lemma in cues.uncommitted_verbs and lemma != "be":
            return None
        if (reader.unresolved(subject) and referent(reader, subject) is None) or (
            subject is not None and subject.lower_ in ("it", "this", "that")
        ):
            return None  # "it should be noted"
        if subject is not None and subject.dep_ == "nsubjpass":
            # "X should be honoured" says what X deserves, not what X must do
            return None
        # an obligation of nobody named ("more focus should be put on unity") is a
        # view; a request needs an addressee
        target = referent(reader, subject)  # "they need to stand by us": they, named before
        if target is not None and _shamed(reader, verb):
            return Act("ACCUSE", verb, target)  # "X should be ashamed": blame, no appeal
        return Act("REQUEST", verb, target) if target is not None else None
    if (
        reader.quote.kind == "direct"
        and reader.top(verb)
        and verb.tag_ == "VB"
        and subject is None
        and not reader.auxes(verb) - {"do", "not", "n't"}
        and lemma not in ("let", "thank", "be")
        and starts_clause(verb, reader.inside)
    ):
        return Act("REQUEST", verb, reader.addressee(verb))
    return None


def starts_clause(verb: Token, inside: set[int]) -> bool:
    """Nothing but punctuation, interjections or adverbs precedes the verb in its sentence."""
    for token in verb.sent:
        if token.i >= verb.i:
            return True
        if token.i in inside and token.pos_ not in ("PUNCT", "INTJ", "ADV", "SPACE"):
            return False
    return True


__all__ = [
    "committed",
    "consulted",
    "defied",
    "forceful",
    "named_before",
    "requested",
    "starts_clause",
    "warned_of",
]
