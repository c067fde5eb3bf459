"""One quote's content read for speech acts: who is meant and what kind of clause it is.

Used by ``communique.events.speech`` (the stage's entry, ``speech_candidates``),
which makes one ``QuoteReader`` per attributed quote. The reader knows the
quote's tokens, the actor each token refers to, the speaker and the speaker's
side; it answers the questions every act needs (the subject of a clause, whether
it is the speaker, its addressee, whether the clause is future, negated or
hypothetical) and ``acts`` asks each kind of act in turn:
``communique.events.speech_commitments`` (THREATEN, REJECT, AGREE, REQUEST, CONSULT),
``communique.events.speech_claims`` (CONCEDE, ACCUSE by responsibility, complaint
or vilified conduct) and ``communique.events.speech_evaluations`` (ACCUSE and
SUPPORT by what the quote alleges or how it judges an actor).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from communique.events.speech_claims import (
    Act,
    admission,
    apology,
    complaint,
    governors,
    responsibility,
    vilified_conduct,
)
from communique.events.speech_commitments import (
    committed,
    consulted,
    defied,
    requested,
    warned_of,
)
from communique.events.speech_cues import SpeechCues, polarity
from communique.events.speech_evaluations import alleged, evaluated

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.model import Quote

# At most this many events from one quote: a long quote is one statement, and the gold
# codes its clearest acts, not every clause.
MAX_PER_QUOTE = 2
# VADER valence at or below which a word names a wrongful act.
WRONGFUL_VALENCE = -2.0
# Types whose speech act is coded only with a recipient: a threat is made against someone
# (the trigger extractor's NULL_TARGET_TYPES leave THREATEN out for the same reason).
NEEDS_TARGET = {"THREATEN", "SUPPORT"}

FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
THIRD_PERSON = {"he", "she", "they", "him", "her", "them"}
# Third-person pronouns, possessives included, that a speaker never uses of themself in
# their own words (the speaker says "I"/"we").
NOT_SELF = THIRD_PERSON | {"his", "their", "its", "it"}
# Subject pronouns by which reported speech refers back to its speaker ("X said he
# would ...", "the party announced it will ..."): a person is "he"/"she", anyone
# else "it"/"they".
PERSON_SELF = {"he", "she"}
OTHER_SELF = {"it", "they"}
# Prepositions by which an object names its partner or place ("the deal with X", "its
# seats in X"); "of" is ``phrase_actor``'s.
OBJECT_PARTNERS = {"with", "in", "to", "at"}
# Object pronouns that cannot be their own clause's subject (not reflexive).
OBJECT_PRONOUNS = {"him", "her", "them", "it"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Clause positions that can carry the act of a quote (not relative or adverbial clauses).
ACT_CLAUSES = {"ROOT", "ccomp", "conj", "xcomp", "parataxis"}
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
# Feelings of the speaker are not evaluations of an actor ("we are deeply saddened").
FEELINGS = {"sad", "saddened", "sorrow", "grief", "grieve", "mourn", "shock", "shocked",
            "condolence", "condolences", "sadness", "regret", "sorry", "tragic", "tragedy",
            "pain", "loss", "death", "died", "dead", "passing", "worry", "worried", "fear",
            "afraid", "concern", "concerned"}  # fmt: skip


class QuoteReader:
    """Reads the speech acts of one quote's content (see the module docstring)."""

    def __init__(
        self,
        quote: Quote,
        tokens: Sequence[Token],
        actor_at: dict[int, str],
        cues: SpeechCues,
        own_state: Callable[[str], bool] = lambda _actor_id: False,
        kind_of: Callable[[str], str | None] = lambda _actor_id: None,
        speakers: frozenset[str] = frozenset(),
        protagonist: str | None = None,
    ) -> None:
        self.quote = quote
        self.speaker = quote.speaker_id or ""
        self.inside = {t.i for t in tokens}
        self.questions = [t.i for t in tokens if t.text == "?"]  # question marks it holds
        self.tokens = tokens
        self.actor_at = actor_at
        self.cues = cues
        self.polarity = polarity()
        self.own_state = own_state
        self.kind_of = kind_of  # actor id -> actor type ("person", "state", ...)
        self.speakers = speakers  # every speaker of the article's quotes
        # the person the article is about (``speech_context.protagonist``): a speaker too,
        # yet the one a quote's "he" most often means
        self.protagonist = protagonist
        # the other side of the speaker's nearest fight told before the quote
        # (``speech_context.adversary``, set by the stage): whom a threat naming no one
        # is aimed at
        self.adversary: str | None = None
        # country code -> the state actor the article names for it (set by the stage)
        self.states: dict[str, str] = {}
        # the name at the reporting verb ("In a statement, Jones said, ...") is the
        # speaker's, whatever actor a mention gave it: that actor is the speaker's side
        # and no one else the quote could mean by "he" (``speech_claims.referent``)
        self.naming_speaker = _naming_speaker(quote, tokens, self.inside)
        named = {self.speaker} | {actor_at[i] for i in self.naming_speaker if i in actor_at}
        # "we" of a spokesperson resolved to their ministry: the speaker's side too
        self.side = (
            {self.speaker}
            | {actor_at[t.i] for t in tokens if t.lower_ in FIRST_PERSON and t.i in actor_at}
            | (named if self.speaker else set())
        )
        # "he"/"they" in the speaker's own words that the mention layer gave to the
        # speaker (or to the speaker's name): the speaker says "I", so the pronoun means
        # someone else (read by ``speech_claims.referent``)
        self.misread = (
            {t.i for t in tokens if t.lower_ in NOT_SELF and actor_at.get(t.i) in named}
            if quote.kind == "direct" and self.speaker
            else set()
        )

    # -- participants -----------------------------------------------------------

    def actor(self, token: Token | None) -> str | None:
        """The actor a noun phrase head refers to, if a mention covers it."""
        if token is None or token.i in self.misread:
            return None
        return self.actor_at.get(token.i)

    def other(self, token: Token | None) -> str | None:
        """The actor of a noun phrase unless it is the speaker or the speaker's own state
        ("Britain must leave", said by its prime minister, asks nothing of anyone)."""
        found = self.actor(token)
        if not found or found in self.side:
            return None
        return None if self.own_state(found) else found

    def state_of(self, actor_id: str | None) -> str | None:
        """An unnamed group of a country ("agent:UKR:CVL") as that country's state, when
        the article names it; any other actor as itself."""
        if actor_id is None or not actor_id.startswith("agent:"):
            return actor_id
        parts = actor_id.split(":")
        return self.states.get(parts[1], actor_id) if len(parts) > 1 else actor_id

    def mine(self, actor_id: str) -> bool:
        """The speaker, the speaker's side or the speaker's own state."""
        return actor_id in self.side or self.own_state(actor_id)

    def phrase_actor(self, token: Token) -> str | None:
        """The actor of a noun phrase: a named owner in "of X" ("the demands of Russia",
        "the militias of Hamas") before a generic head, else the head's actor."""
        own = self.other(token)
        if own is not None and not own.startswith("agent:"):
            return own
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (found := self.other(pobj)) is not None:
                        return found
        return own

    def subject(self, verb: Token) -> Token | None:
        """The clause's subject; a conjunct or control complement shares its head's
        ("he was ready to work": the subject of "was" works), at most four clauses up."""
        node = verb
        heads = governors(verb)
        for _ in range(4):
            for child in node.children:
                if child.dep_ in SUBJECTS:
                    return child
            if node.dep_ not in ("conj", "xcomp", "acomp"):
                return None
            head = next(heads, None)
            if head is None:
                return None
            node = head
        return None

    def first_person(self, subject: Token | None) -> bool:
        """ "I"/"we", or (reported speech) a subject that refers to the speaker."""
        if subject is None:
            return False
        if subject.lower_ in FIRST_PERSON:
            return True
        found = self.actor(subject)
        if found is not None and (found in self.side or self.own_state(found)):
            return True
        return self.reported_self(subject)

    def reported_self(self, subject: Token) -> bool:
        """The subject pronoun of reported speech's content clause refers back to the
        speaker ("Renamo announced it will not take its seats", "X told Y he would help
        him"): when it agrees with the speaker (a person is "he"/"she", a party or state
        "it"/"they") and no mention gives it to anyone, or the mention layer gave it the
        same actor as an object pronoun of its own clause, which a non-reflexive pronoun
        cannot share with its subject."""
        if self.quote.kind != "indirect" or not self.speaker or subject.pos_ != "PRON":
            return False
        person = self.kind_of(self.speaker) == "person"
        if subject.lower_ not in (PERSON_SELF if person else OTHER_SELF):
            return False
        clause = subject.head
        if not self.top(clause if clause.dep_ != "conj" else clause.head):
            return False
        found = self.actor(subject)
        if found is None:
            return True
        objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
        objects += [g for c in clause.children if c.dep_ == "prep" for g in c.children]
        return any(o.lower_ in OBJECT_PRONOUNS and self.actor(o) == found for o in objects)

    def unresolved(self, subject: Token | None) -> bool:
        """A third-person pronoun no mention resolves: someone is meant, but not known."""
        return (
            subject is not None
            and subject.pos_ == "PRON"
            and subject.lower_ in THIRD_PERSON
            and self.actor(subject) is None
        )

    def addressee(self, verb: Token, deep: bool = False) -> str | None:
        """The actor a clause is about: object, dative, a prepositional object, the subject
        of a complement; with ``deep``, then any other actor inside the clause (a threat's
        target may sit in a purpose clause: "we will use force to punish X"). The speaker
        and the speaker's own state are never the addressee."""
        # what one "uses" is the means, not the one it is used against ("use full force")
        means = {
            t.i
            for c in verb.children
            if verb.lemma_ == "use" and c.dep_ == "dobj"
            for t in c.subtree
        }
        ordered: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "attr", "oprd") and child.i not in means:
                ordered.append(child)
        for child in verb.children:
            if child.dep_ in ("prep", "agent"):
                ordered.extend(g for g in child.children if g.dep_ == "pobj")
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp") and (sub := self.subject(child)) is not None:
                ordered.append(sub)
        # the object's own partner or place: "sign the deal with X", "take its seats in X"
        ordered.extend(
            g
            for child in verb.children
            if child.dep_ == "dobj" and child.i not in means
            for prep in child.children
            if prep.dep_ == "prep" and prep.lower_ in OBJECT_PARTNERS
            for g in prep.children
            if g.dep_ == "pobj"
        )
        for token in ordered:
            if (found := self.phrase_actor(token)) is not None:
                return found
        if not deep:
            return None
        for token in verb.subtree:
            inside = token.i in self.inside and token.i not in means
            if inside and (found := self.other(token)) is not None:
                return found
        return None

    # -- clause properties ------------------------------------------------------

    def future(self, verb: Token) -> bool:
        """ "will"/"shall"/"going to"; "would" only as the backshift of reported speech;
        the complement of an intention ("we plan to join", "it is ready to sign"), which
        commits the way a future does, unless the intention is denied."""
        node = self.conjunct_head(verb)
        auxes = self.auxes(node)
        if any(a in FUTURE_AUX for a in auxes):
            return True
        if "would" in auxes and self.quote.kind == "indirect":
            return True
        if node.dep_ != "xcomp":
            return False
        head = node.head
        # "he was not ready to ...": an adjective's negation sits on its copula
        holder = head.head if head.dep_ == "acomp" else head
        if head.lemma_.lower() in self.cues.intention_words and not self.negated(holder):
            return not (self.auxes(holder) & {"would", "could", "might", "may"})
        return head.lemma_ == "go" and head.tag_ == "VBG"

    def negated(self, verb: Token) -> bool:
        node = self.conjunct_head(verb)
        return any(c.dep_ == "neg" or c.lower_ == "never" for c in node.children)

    def conjunct_head(self, verb: Token) -> Token:
        """The first conjunct of a coordination that carries its auxiliaries and negation
        ("will not sign or ratify": "ratify" shares the "will not" of "sign")."""
        node = verb
        for head in governors(verb):
            if node.dep_ != "conj" or self.auxes(node):
                break
            node = head
        return node

    def denied_above(self, verb: Token) -> bool:
        """A clause inside the quote that governs this one is negated: "it is not true
        that X ordered the strike" charges nobody. The walk up the heads stops at the
        quote's edge, the root, or a token seen before (``governors``), so it ends."""
        for node in governors(verb):
            if node.i not in self.inside:
                return False
            if any(c.dep_ == "neg" or c.lower_ == "never" for c in node.children):
                return True
        return False

    def hypothetical(self, verb: Token) -> bool:
        """A conditional or an open question around the clause ("if they attack ...")."""
        for count, node in enumerate((verb, *governors(verb))):
            if count == 6:
                break
            if any(
                c.dep_ == "mark" and c.lower_ in self.cues.hypothetical_marks for c in node.children
            ):
                return True
            if node.dep_ == "advcl":
                break
        sentence = verb.sent
        # a question ends the sentence, or the quote inside it ("'Is X to blame?' he asked")
        asked = any(sentence.start <= i < sentence.end for i in self.questions)
        return (
            asked or sentence[-1].text == "?" or sentence[0].lower_ in self.cues.hypothetical_marks
        )

    def clause_text(self, verb: Token) -> str:
        """The part of the quote in the clause's sentence (the unit VADER scores)."""
        return " ".join(t.text for t in verb.sent if t.i in self.inside)

    # -- acts -------------------------------------------------------------------

    def acts(self) -> list[Act]:
        """The quote's acts, clause by clause: the first kind of act a clause carries;
        a sentence's polarity is read once; vilified conduct last; at most
        ``MAX_PER_QUOTE``."""
        found: list[Act] = []
        seen: set[tuple[str, str | None]] = set()
        judged: set[int] = set()  # sentences whose polarity was read
        for verb in self.tokens:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ACT_CLAUSES:
                continue
            if verb.pos_ == "AUX" and verb.lemma_ != "be":
                continue
            act = (
                committed(self, verb)
                or defied(self, verb)
                or warned_of(self, verb)
                or requested(self, verb)
                or consulted(self, verb)
                or apology(self, verb)
                or admission(self, verb)
                or responsibility(self, verb)
                or complaint(self, verb)
                or alleged(self, verb)
            )
            if act is None and verb.sent.start not in judged:
                judged.add(verb.sent.start)
                act = evaluated(self, verb)
            if act is not None and act.type == "THREATEN" and act.target_id is None:
                # "we will strike back": at the side the speaker is fighting, if any
                act = replace(act, target_id=self.adversary)
            if act is not None and act.type in NEEDS_TARGET and act.target_id is None:
                act = None  # a threat or praise aimed at no one known
            if act is not None and (act.type, act.target_id) not in seen:
                seen.add((act.type, act.target_id))
                found.append(act)
        for act in vilified_conduct(self):
            if (act.type, act.target_id) not in seen:
                seen.add((act.type, act.target_id))
                found.append(act)
        return found[:MAX_PER_QUOTE]

    def top(self, verb: Token) -> bool:
        """The quote's main clause: its sentence's root, or the clause the reporting verb
        outside the quote governs ("'Go home,' she said")."""
        return verb.dep_ == "ROOT" or (
            verb.dep_ in ("ccomp", "parataxis") and (verb.head.i not in self.inside)
        )

    def blame(self, token: Token) -> bool:
        return (
            token.lower_ in self.cues.blame_words or token.lemma_.lower() in self.cues.blame_words
        )

    def wrongful(self, token: Token) -> bool:
        if self.feeling(token):
            return False
        return self.polarity.word(token) <= WRONGFUL_VALENCE or self.blame(token)

    def feeling(self, token: Token) -> bool:
        """A word of the speaker's own feeling (grief, regret, worry), which judges nobody."""
        return token.lower_ in FEELINGS or token.lemma_.lower() in FEELINGS

    def auxes(self, verb: Token) -> set[str]:
        """The auxiliaries and negation of a verb, lower case."""
        return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def _naming_speaker(quote: Quote, tokens: Sequence[Token], inside: set[int]) -> set[int]:
    """Tokens outside the quote, in its first and last sentence, of the name that is the
    subject of a verb of the quote's cue (the subject's head and its compounds): the
    words that name who speaks."""
    cue = (quote.cue or "").split(" ")[0]
    if not tokens or not cue:
        return set()
    sentences = {tokens[0].sent, tokens[-1].sent}
    return {
        word.i
        for sentence in sentences
        for subject in sentence
        if subject.i not in inside
        and subject.dep_ in ("nsubj", "nsubjpass")
        and subject.head.lemma_.lower() == cue
        for word in (subject, *subject.children)
        if word.i == subject.i or word.dep_ == "compound"
    }


__all__ = ["FEELINGS", "FIRST_PERSON", "QuoteReader"]
