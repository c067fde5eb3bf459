"""Speech-act events: what a speaker does by what an attributed quote says.

In: the spaCy ``Doc``, the document's ``quotes`` (quotes stage: content span and
speaker), the actor mentions (actors stage, plus the quote pronouns of
``communique.events.reference``) and the candidates the trigger extractor
(``communique.events.extract``) already found. Out: extra ``Candidate`` events,
at most two per quote, whose source is the quote's speaker, whose token is the
clause of the quote that carries the act (so that ``communique.events.anchor``
gives them the quote's sentence as evidence, the quote's id, and the date and
salience of the statement), with ``context`` "speech" and a lower confidence
(``SPEECH_CONFIDENCE``) so that users can tell them from events a trigger
names.

A reporting verb that names the act ("condemned", "urged", "warned") is the
extractor's; here the act is read from the content of what was said:
- REQUEST: a first-person wish put on someone ("I hope X will ...", "we expect
  X to ...", "we call on X to ..."), an obligation put on someone else ("X
  should/must ...", "they need to ..."), an imperative in a direct quote;
- THREATEN: a first-person future of force ("we will strike back");
- REJECT: a first-person negated future or "cannot" of a committing verb ("we
  will not take part");
- AGREE: a first-person future of a committing verb, a promise ("we will work
  with X", reported "he would continue the policy");
- ACCUSE: a named actor as the agent of a wrongful act ("X ordered the
  killing"), or a strongly negative evaluation (VADER's valence lexicon, plus
  the blame words of the data file); the target is the evaluated actor, else
  none;
- SUPPORT: a strongly positive evaluation of a named actor ("X was a hero"), or
  first-person solidarity ("we are with X").
Questions and hypotheticals ("if ...", "whether ...") state no act; neither do
first-person futures of verbs that commit to nothing ("we will see"). The cue
lists are data (``data/speech-acts.v1.yaml``); polarity is VADER's
(``vaderSentiment``, MIT, lexicon shipped in the wheel); both are loaded by
``communique.events.speech_cues``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.events.speech_claims import (
    Act,
    apology,
    complaint,
    referent,
    responsibility,
    vilified_conduct,
)
from communique.events.speech_context import (
    actor_tokens,
    cue_sentence,
    judging,
    own_state,
    speakers_own_acts,
)
from communique.events.speech_cues import Polarity, SpeechCues, load_cues, polarity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.model import Actor, Document, Mention, Quote

SPEECH_CONTEXT = "speech"
# An act read from what was said is less certain than one a trigger verb names.
SPEECH_CONFIDENCE = 0.6
# At most this many events from one quote: a long quote is one statement, and the gold
# codes its clearest acts, not every clause.
MAX_PER_QUOTE = 2
# VADER thresholds, tuned on eval-news as a whole: the compound score of a quoted
# sentence for an evaluation, and the valence of one word for a wrongful act.
NEGATIVE_COMPOUND = -0.5
POSITIVE_COMPOUND = 0.6
PRAISE_WORD_COMPOUND = 0.2
WRONGFUL_VALENCE = -2.0
PRAISE_VALENCE = 2.0
ALLEGATION_COMPOUND = -0.3
# Types whose speech act is coded only with a recipient: a threat is made against someone
# (the trigger extractor's NULL_TARGET_TYPES leave THREATEN out for the same reason).
NEEDS_TARGET = {"THREATEN", "SUPPORT"}
DAMNING_VALENCE = -2.5

FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
SECOND_PERSON = {"you", "your"}
THIRD_PERSON = {"he", "she", "they", "him", "her", "them"}
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
    ) -> None:
        self.quote = quote
        self.speaker = quote.speaker_id or ""
        self.inside = {t.i for t in tokens}
        self.tokens = tokens
        self.actor_at = actor_at
        self.cues = cues
        self.polarity = polarity()
        self.own_state = own_state
        self.kind_of = kind_of  # actor id -> actor type ("person", "state", ...)
        self.speakers = speakers  # every speaker of the article's quotes
        # "we" of a spokesperson resolved to their ministry: the speaker's side too
        self.side = {self.speaker} | {
            actor_at[t.i] for t in tokens if t.lower_ in FIRST_PERSON and t.i in actor_at
        }

    # -- participants -----------------------------------------------------------

    def actor(self, token: Token | None) -> str | None:
        """The actor a noun phrase head refers to, if a mention covers it."""
        if token is None:
            return None
        return self.actor_at.get(token.i)

    def other(self, token: Token | None) -> str | None:
        """The actor of a noun phrase unless it is the speaker or the speaker's own state
        ("Britain must leave", said by its prime minister, asks nothing of anyone)."""
        found = self.actor(token)
        if not found or found in self.side:
            return None
        return None if self.own_state(found) else found

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
        """The clause's subject; a conjunct or control complement shares its head's."""
        node = verb
        for _ in range(4):
            for child in node.children:
                if child.dep_ in SUBJECTS:
                    return child
            if node.dep_ in ("conj", "xcomp") and node.head is not node:
                node = node.head
                continue
            return None
        return None

    def first_person(self, subject: Token | None) -> bool:
        """ "I"/"we", or (reported speech) a subject that refers to the speaker."""
        if subject is None:
            return False
        if subject.lower_ in FIRST_PERSON:
            return True
        found = self.actor(subject)
        return found is not None and (found in self.side or self.own_state(found))

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
        """ "will"/"shall"/"going to"; "would" only as the backshift of reported speech."""
        node = verb
        while node.dep_ == "conj" and node.head is not node and not _auxes(node):
            node = node.head
        auxes = _auxes(node)
        if any(a in FUTURE_AUX for a in auxes):
            return True
        if "would" in auxes and self.quote.kind == "indirect":
            return True
        return node.dep_ == "xcomp" and node.head.lemma_ == "go" and node.head.tag_ == "VBG"

    def negated(self, verb: Token) -> bool:
        node = verb
        while node.dep_ == "conj" and node.head is not node and not _auxes(node):
            node = node.head
        return any(c.dep_ == "neg" or c.lower_ == "never" for c in node.children)

    def hypothetical(self, verb: Token) -> bool:
        """A conditional or an open question around the clause ("if they attack ...")."""
        node: Token | None = verb
        for _ in range(6):
            if node is None:
                break
            if any(
                c.dep_ == "mark" and c.lower_ in self.cues.hypothetical_marks for c in node.children
            ):
                return True
            if node.dep_ == "advcl" or node.head is node:
                break
            node = node.head
        sentence = verb.sent
        # a question ends the sentence, or the quote inside it ("'Is X to blame?' he asked")
        asked = any(t.text == "?" and t.i in self.inside for t in sentence)
        return (
            asked or sentence[-1].text == "?" or sentence[0].lower_ in self.cues.hypothetical_marks
        )

    def clause_text(self, verb: Token) -> str:
        """The part of the quote in the clause's sentence (the unit VADER scores)."""
        return " ".join(t.text for t in verb.sent if t.i in self.inside)

    # -- acts -------------------------------------------------------------------

    def acts(self) -> list[Act]:
        found: list[Act] = []
        seen: set[tuple[str, str | None]] = set()
        evaluated: set[int] = set()  # sentences whose polarity was read
        for verb in self.tokens:
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ACT_CLAUSES:
                continue
            if verb.pos_ == "AUX" and verb.lemma_ != "be":
                continue
            act = (
                self.committed(verb)
                or self.requested(verb)
                or apology(self, verb)
                or responsibility(self, verb)
                or complaint(self, verb)
                or self.alleged(verb)
            )
            if act is None and verb.sent.start not in evaluated:
                evaluated.add(verb.sent.start)
                act = self.evaluated(verb)
            if act is not None and act.type in NEEDS_TARGET and act.target_id is None:
                act = None  # "we will strike back": at whom is the threat's content
            if act is not None and (act.type, act.target_id) not in seen:
                seen.add((act.type, act.target_id))
                found.append(act)
        for act in vilified_conduct(self):
            if (act.type, act.target_id) not in seen:
                seen.add((act.type, act.target_id))
                found.append(act)
        return found[:MAX_PER_QUOTE]

    def committed(self, verb: Token) -> Act | None:
        """THREATEN, REJECT, AGREE: what a first-person speaker says they will (not) do."""
        subject = self.subject(verb)
        if not self.first_person(subject):
            return None
        lemma = verb.lemma_.lower()
        cues = self.cues
        negated = self.negated(verb)
        if lemma == "warn" and not negated:
            return Act("THREATEN", verb, self.addressee(verb, deep=True), "threaten")
        can = any(a in ("can", "could") for a in _auxes(verb))
        if not (self.future(verb) or (negated and can)):
            return None
        if self.hypothetical(verb) and not (lemma in cues.coercive_verbs and not negated):
            return None
        if negated:
            if lemma in cues.refusal_verbs or lemma in cues.promise_verbs:
                return Act("REJECT", verb, self.addressee(verb))
            return None
        if lemma in cues.coercive_verbs and self._forceful(verb):
            return Act("THREATEN", verb, self.addressee(verb, deep=True), "threaten")
        if lemma in cues.promise_verbs and lemma not in cues.uncommitted_verbs:
            return Act("AGREE", verb, self.addressee(verb), "intend")
        return None

    def _forceful(self, verb: Token) -> bool:
        """A verb of force, or a light one ("use", "bring") with a coercive object."""
        if verb.lemma_.lower() not in ("use", "bring", "defend"):
            return True
        return any(
            t.lemma_.lower() in self.cues.coercive_objects for t in verb.subtree if t is not verb
        )

    def requested(self, verb: Token) -> Act | None:
        """REQUEST: a wish put on someone, an obligation on someone else, an imperative."""
        if self.hypothetical(verb):
            return None
        lemma = verb.lemma_.lower()
        subject = self.subject(verb)
        cues = self.cues
        if lemma in cues.wish_verbs and self.first_person(subject) and verb.tag_ in ("VBP", "VB"):
            if lemma in ("call", "count", "rely") and not any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children
            ):
                return None
            wanted = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep")]
            if not wanted or self.negated(verb):
                return None
            target = self.addressee(verb)  # "I hope it works out" asks nothing of anyone
            return Act("REQUEST", verb, target) if target is not None else None
        obliged = any(a in cues.obligation_modals for a in _auxes(verb)) or (
            verb.dep_ == "xcomp"
            and (
                verb.head.lemma_.lower() in cues.obligation_modals  # "ought to"
                or verb.head.lemma_.lower() in cues.obligation_verbs
            )
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        )
        if obliged:
            if self.first_person(subject) or "have" in _auxes(verb):  # "must have known"
                return None
            if verb.dep_ == "xcomp" and (
                self.negated(verb.head)  # "need not", "don't have to"
                or _auxes(verb.head) & {"would", "could", "might", "may"}  # "would have to"
            ):
                return None
            if lemma in cues.uncommitted_verbs and lemma != "be":
                return None
            if (self.unresolved(subject) and referent(self, subject) is None) or (
                subject is not None and subject.lower_ in ("it", "this", "that")
            ):
                return None  # "it should be noted"
            if subject is not None and subject.dep_ == "nsubjpass":
                # "X should be honoured" says what X deserves, not what X must do
                return None
            # an obligation of nobody named ("more focus should be put on unity") is a
            # view; a request needs an addressee
            target = referent(self, subject)  # "they need to stand by us": they, named before
            return Act("REQUEST", verb, target) if target is not None else None
        if (
            self.quote.kind == "direct"
            and self.top(verb)
            and verb.tag_ == "VB"
            and subject is None
            and not _auxes(verb) - {"do", "not", "n't"}
            and lemma not in ("let", "thank", "be")
            and _starts_clause(verb, self.inside)
        ):
            return Act("REQUEST", verb, self.addressee(verb))
        return None

    def top(self, verb: Token) -> bool:
        """The quote's main clause: its sentence's root, or the clause the reporting verb
        outside the quote governs ("'Go home,' she said")."""
        return verb.dep_ == "ROOT" or (
            verb.dep_ in ("ccomp", "parataxis") and (verb.head.i not in self.inside)
        )

    def alleged(self, verb: Token) -> Act | None:
        """ACCUSE: a named actor as the agent of a wrongful act ("X ordered the killing")."""
        if self.negated(verb) or self.hypothetical(verb):
            return None
        subject = self.subject(verb)
        agent = None
        if subject is not None and subject.dep_ == "nsubjpass":
            agent = next(
                (g for c in verb.children if c.dep_ == "agent" for g in c.children),
                None,
            )
        if subject is not None and subject.dep_ == "nsubjpass" and agent is None:
            return None  # "X was portrayed as a liar": X is the one wronged
        doer = self.other(agent) if agent is not None else self.other(subject)
        if doer is None or self.first_person(agent or subject):
            return None
        skip = set(subject.subtree) if subject is not None and agent is None else set()
        words = [
            t for t in verb.subtree if t.i in self.inside and t not in skip and t is not subject
        ]
        if agent is not None:
            words = [t for t in words if t not in set(agent.subtree)]
        charged = (self.quote.cue or "").split(" ")[0] in self.cues.allegation_cues
        wrongs = [t for t in words if self.wrongful(t) and (charged or self.blame(t))]
        if not wrongs:
            return None
        # a blame word blames unless the sentence is upbeat; a merely negative word must
        # leave the whole sentence negative ("X ended the violence" blames nobody)
        limit = ALLEGATION_COMPOUND if not any(self.blame(t) for t in wrongs) else 0.3
        if self.polarity.compound(self.clause_text(verb)) > limit:
            return None
        return Act("ACCUSE", verb, doer)

    def blame(self, token: Token) -> bool:
        return (
            token.lower_ in self.cues.blame_words or token.lemma_.lower() in self.cues.blame_words
        )

    def wrongful(self, token: Token) -> bool:
        if token.lower_ in FEELINGS or token.lemma_.lower() in FEELINGS:
            return False
        return self.polarity.word(token) <= WRONGFUL_VALENCE or self.blame(token)

    def evaluated(self, verb: Token) -> Act | None:
        """ACCUSE or SUPPORT from the polarity of the clause's sentence within the quote.

        The evaluated actor is the sentence's subject (the agent of a passive), and
        the evaluating words must lie outside it: in "people who were attacked have
        rights" nobody is blamed.
        """
        if self.hypothetical(verb):
            return None
        root = verb.sent.root if verb.sent.root.i in self.inside else verb
        subject = self.subject(root)
        if self.first_person(subject):
            return self._solidarity(root)
        if self.unresolved(subject):
            return None
        words = [t for t in verb.sent if t.i in self.inside]
        if any(t.lower_ in FEELINGS or t.lemma_.lower() in FEELINGS for t in words):
            return None  # grief or regret of the speaker, not blame
        about = set(subject.subtree) if subject is not None else set()
        predicate = [t for t in words if t not in about]
        blame = any(self.blame(t) for t in predicate)
        # strong words only: failure, crisis and collapse are misfortune, not blame
        damning = any(self.polarity.word(t) <= DAMNING_VALENCE for t in predicate)
        score = self.polarity.compound(self.clause_text(verb))
        # a denial defends ("she was called a liar; she did not lie")
        denied = self.negated(root)
        if not denied and ((blame and score < 0) or (damning and score <= NEGATIVE_COMPOUND)):
            target = self._evaluated_actor(root, subject, blaming=True)
            if not blame and target is None:
                return None  # a bleak report about nobody in particular
            return Act("ACCUSE", root, target)
        # praise is a judgement of the subject: the complement of "be" ("X was a hero")
        complement = [
            t
            for c in root.children
            if root.lemma_ == "be" and c.dep_ in ("attr", "acomp")
            for t in c.subtree
        ]
        # a curated praise word ("an icon", "a hero") needs only an upbeat sentence; a
        # word VADER merely scores high needs a clearly positive one
        named = any(t.lower_ in self.cues.praise_words for t in complement)
        scored = any(self.polarity.word(t) >= PRAISE_VALENCE for t in complement)
        if (named and score > PRAISE_WORD_COMPOUND) or (scored and score >= POSITIVE_COMPOUND):
            target = self._evaluated_actor(root, subject, blaming=False)
            return Act("SUPPORT", root, target) if target is not None else None
        return None

    def _evaluated_actor(self, root: Token, subject: Token | None, blaming: bool) -> str | None:
        """The actor an evaluation is about: the subject (a passive's agent), for blame
        also "the forces of X", else the possessor of a subject that is not itself an
        evaluation ("X's decision was reckless"; in "X's murder was unacceptable" X is
        the victim)."""
        if subject is None:
            return None
        if subject.dep_ == "nsubjpass":
            agent = next((g for c in root.children if c.dep_ == "agent" for g in c.children), None)
            return self.other(agent)
        if (found := self.other(subject)) is not None:
            return found
        for prep in subject.children:  # "the shelling of X by Y": Y did it
            if prep.dep_ == "prep" and prep.lower_ == "by":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (found := self.other(pobj)) is not None:
                        return found
        copular = root.lemma_ == "be" or subject.dep_ != "nsubj"
        if self.wrongful(subject) or (copular and self.polarity.word(subject) != 0):
            return None  # "the murder of X", "X's murder": X is the victim
        if not copular and (found := self.phrase_actor(subject)) is not None:
            return found  # "the thugs of X attacked ...": the doers of an act are X's
        if blaming and (found := self.phrase_actor(subject)) is not None:
            return found  # "the army of X", "the decision of X"
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        return self.other(owner)

    def _solidarity(self, root: Token) -> Act | None:
        """ "We are with X", "our thoughts are with X": SUPPORT X."""
        if root.lemma_ != "be" or self.negated(root):
            return None
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                for pobj in child.children:
                    # "we are with you", "I am with him": whom the quote names
                    if pobj.dep_ == "pobj" and (target := referent(self, pobj)) is not None:
                        return Act("SUPPORT", root, target)
        return None


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def _starts_clause(verb: Token, inside: set[int]) -> bool:
    """Nothing but punctuation, interjections or adverbs precedes the verb in its sentence."""
    for token in verb.sent:
        if token.i >= verb.i:
            return True
        if token.i in inside and token.pos_ not in ("PUNCT", "INTJ", "ADV", "SPACE"):
            return False
    return True


def speech_candidates(
    doc: Doc,
    document: Document,
    mentions: Sequence[Mention],
    existing: Sequence[Candidate],
    actor_of: Callable[[str], Actor | None] = lambda _actor_id: None,
    cues: SpeechCues | None = None,
) -> list[Candidate]:
    """Speech-act candidates of the document's attributed quotes (module docstring).

    An act the extractor already found (same type and source in the quote's
    sentences, same type named by a trigger inside the quote, or same type, source
    and target anywhere) is not repeated.
    """
    cues = cues or load_cues()
    actor_at = actor_tokens(doc, mentions)
    speakers_own_acts(doc, document, existing, actor_at)
    known = {(c.type, c.source_id, c.target_id) for c in existing}
    said = {(c.type, c.source_id, c.token.sent.start) for c in existing}
    made: list[Candidate] = []
    speakers = frozenset(q.speaker_id for q in document.quotes if q.speaker_id)

    def kind_of(actor_id: str) -> str | None:
        actor = actor_of(actor_id)
        return actor.type if actor is not None else None

    for quote in document.quotes:
        if not quote.speaker_id:
            continue
        if judging(actor_of(quote.speaker_id)):
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        reader = QuoteReader(
            quote,
            list(span),
            actor_at,
            cues,
            own_state(quote.speaker_id, actor_of),
            kind_of,
            speakers,
        )
        sentences = {t.sent.start for t in span} | cue_sentence(doc, document, quote)
        # a trigger inside the quote already names the act ("'France condemns X,' he said")
        stated = {c.type for c in existing if quote.start <= c.token.idx < quote.end}
        for act in reader.acts():
            key = (act.type, quote.speaker_id, act.target_id)
            if key in known or act.type in stated:
                continue
            if any((act.type, quote.speaker_id, s) in said for s in sentences):
                continue
            known.add(key)
            made.append(_candidate(act, quote.speaker_id, cues))
    return made


def _candidate(act: Act, speaker: str, cues: SpeechCues) -> Candidate:
    cameo, mode = cues.types[act.type]
    token = act.token
    trigger = Trigger(
        lemma=token.lemma_.lower(),
        pos="VERB" if token.pos_ in ("VERB", "AUX") else token.pos_,
        type=act.type,
        cameo=cameo,
        mode=mode,
        context=SPEECH_CONTEXT,
        needs_target=False,
    )
    return Candidate(
        trigger=trigger,
        token=token,
        source_id=speaker,
        target_id=act.target_id,
        modality=act.modality,
        type=act.type,
        cameo=cameo,
        mode=mode,
        context=SPEECH_CONTEXT,
        confidence=SPEECH_CONFIDENCE,
    )


__all__ = [
    "SPEECH_CONFIDENCE",
    "SPEECH_CONTEXT",
    "Act",
    "Polarity",
    "QuoteReader",
    "SpeechCues",
    "actor_tokens",
    "load_cues",
    "polarity",
    "speech_candidates",
]
