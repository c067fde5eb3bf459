"""Claims of blame and of regret in attributed speech, and the pronouns a quote leaves open.

Used by ``communique.events.speech_reader`` (``QuoteReader``), which reads each clause of
a quote; these readings add to its own (promises, requests, evaluations):

- responsibility: the quote names who did a wrongful act: "X are the (suspected)
  perpetrators", "X is responsible for the attack", "X was behind the bombing",
  "the crash was X's doing", "only X is capable of such a bombing" → ACCUSE X.
  Negated or hypothetical clauses name nobody; "we are responsible" is the
  speaker's own side and accuses nobody.
- complaint: the speaker's side says it was wronged ("my confession was forced", "he
  was wrongfully imprisoned under X") → ACCUSE the agent, or X, or nobody named.
- vilified conduct: a named actor's conduct damned by the speaker: "X's destructive
  ambitions", "the reckless policy of X", "provocations by X", "the aggression from
  X", "X's aggression" → ACCUSE X. Only nouns of
  conduct (``conduct_nouns``): in "X's brutal murder" or "X's terrible losses" X is
  the victim, not the doer.
- apology: the speaker (or the speaker's own state) apologises, or regrets a fault:
  "we deeply regret this mistake", "I apologise to the families" → CONCEDE. Regret
  of a loss ("we regret the loss of life") is condolence, not concession.
- admission: under "acknowledged"/"admitted", the speaker's side did a wrongful act
  ("X acknowledged its forces had shot down the plane") → CONCEDE to the one wronged.
- referents: a pronoun no mention resolves, for the acts that need an addressee
  (solidarity, obligations, wishes, praise): "you" is whom the quote calls by name
  ("Anna, we are with you"); "him"/"her" the nearest person named before it who is
  neither on the speaker's side nor a speaker of the article's quotes named outside
  this one (a quote's "him" is the story's subject, not a fellow commentator); but
  when the story's subject (the person the article names most, a speaker or not) is
  in reach, "he"/"him" means them;
  "they"/"them" the nearest group, organisation or state named before it; never the
  actor a mention gave the speaker's own name at the reporting verb.

The word lists are data (``data/speech-acts.v1.yaml``, via ``speech_cues``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.speech_reader import QuoteReader

# Copular verbs under which a predicate noun or adjective says what the subject is.
COPULAS = {"be", "appear", "seem", "remain", "become", "look"}
# Adjectives of responsibility that charge their subject even without a complement
# ("X is responsible"); the others ("capable", "accountable") need a wrongful one.
BARE_CHARGES = {"responsible", "guilty", "culpable"}
# VADER valence at or below which a word names a wrongful act (as in ``speech_reader``).
WRONGFUL_VALENCE = -2.0
# Passive auxiliaries of a completed act.
PAST_PASSIVE = {"was", "were", "been", "got", "gotten"}
# How far back (in tokens) a pronoun's referent is looked for before the quote.
REFERENT_WINDOW = 120
PERSON_PRONOUNS = {"he", "him", "she", "her"}
GROUP_PRONOUNS = {"they", "them"}
SECOND_PERSON = {"you"}
# Possessives by which reported speech refers back to its speaker ("X admitted its forces
# had ...").
SELF_POSSESSIVES = {"its", "their", "his", "her"}
# Dependencies of a name that addresses the hearer ("Anna, we are with you").
VOCATIVE_DEPS = {"npadvmod", "vocative", "intj", "dep"}


# Prepositions that name whose conduct a noun is: "the aggression of X", "provocations by
# X", "the aggression from X".
CONDUCT_OWNER_PREPS = ("of", "by", "from")


@dataclass(frozen=True)
class Act:
    """One speech act read from a clause of a quote."""

    type: str
    token: Token
    target_id: str | None
    modality: str | None = None


# -- responsibility ---------------------------------------------------------------


def wrongful_act(reader: QuoteReader, token: Token) -> bool:
    """A word naming a wrongful act: VADER's strongly negative words, the blame words,
    and the violent acts VADER leaves unscored ("bombing", "shooting")."""
    lemma = token.lemma_.lower()
    if lemma in reader.cues.violent_acts or reader.wrongful(token):
        return True
    # VADER scores some plurals more mildly than their lemma ("attacks" -1.6, "attack" -2.1)
    return reader.polarity.lexicon.get(lemma, 0.0) <= WRONGFUL_VALENCE


def responsibility(reader: QuoteReader, verb: Token) -> Act | None:
    """ACCUSE: the clause says who did a wrongful act (module docstring)."""
    if reader.negated(verb) or reader.hypothetical(verb):
        return None
    cues = reader.cues
    inside = reader.inside
    # "the crash was X's doing": the owner of the deed, wherever it sits in the clause,
    # unless the deed is a good one ("the peace deal was X's doing"); the sentiment
    # score is the dearer test, so it is taken only when a deed is there
    deeds = [t for t in verb.subtree if t.i in inside and t.lemma_.lower() in cues.deed_nouns]
    if deeds and reader.polarity.compound(reader.clause_text(verb)) <= 0:
        for token in deeds:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and (found := reader.other(owner)) is not None:
                return Act("ACCUSE", verb, found)
    if verb.lemma_.lower() not in COPULAS:
        return None
    subject = reader.subject(verb)
    if subject is None or reader.first_person(subject):
        return None
    doer = reader.phrase_actor(subject)
    if doer is None:
        return None
    for child in verb.children:
        if child.i not in inside:
            continue
        lemma = child.lemma_.lower()
        if child.dep_ == "attr" and lemma in cues.culprit_nouns:
            return Act("ACCUSE", verb, doer)  # "X are the suspected perpetrators"
        if child.dep_ in ("acomp", "oprd") and lemma in cues.responsible_adjectives:
            complements = _complements(child)
            if any(wrongful_act(reader, c) for c in complements) or (
                not complements and lemma in BARE_CHARGES
            ):
                return Act("ACCUSE", verb, doer)  # "X is responsible for the attack"
        behind = child.dep_ == "prep" and child.lower_ == "behind"
        if behind and any(wrongful_act(reader, c) for c in _objects(child)):
            return Act("ACCUSE", verb, doer)  # "X was behind the bombing"
    return None


def _objects(prep: Token) -> list[Token]:
    """A preposition's objects with their conjuncts ("behind the raid and the blast")."""
    found: list[Token] = []
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            found.append(pobj)
            found.extend(c for c in pobj.conjuncts)
    return found


def _complements(adjective: Token) -> list[Token]:
    """The objects of "for"/"of" after an adjective ("responsible for X", "capable of X")."""
    return [
        obj
        for prep in adjective.children
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of")
        for obj in _objects(prep)
    ]


# -- complaint ------------------------------------------------------------------


def complaint(reader: QuoteReader, verb: Token) -> Act | None:
    """ACCUSE: the speaker's side says it was wronged: "my confession was forced", "we
    were tortured", "he was wrongfully imprisoned under X" (reported, "he" being the
    speaker). The target is the passive's agent or the power it happened "under", else
    none. Being forced "to"/"into" something tells a circumstance, not a wrong done."""
    if verb.tag_ != "VBN" or reader.negated(verb) or reader.hypothetical(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    # a wrong is told in the past ("was forced", "have been jailed"); "we're broken" is a state
    if not any(c.dep_ == "auxpass" and c.lower_ in PAST_PASSIVE for c in verb.children):
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if not (reader.first_person(subject) or (owner is not None and reader.first_person(owner))):
        return None
    if any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "into"))
        for c in verb.children
    ):
        return None
    manner = any(
        c.dep_ == "advmod" and c.lower_ in reader.cues.wrongful_manners for c in verb.children
    )
    if not (manner or wrongful_act(reader, verb)):
        return None
    target = None
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "under"):
            for pobj in _objects(child):
                possessor = next((c for c in pobj.children if c.dep_ == "poss"), None)
                target = reader.phrase_actor(pobj) or reader.other(possessor)
                if target is not None:
                    break
    return Act("ACCUSE", verb, target)


# -- vilified conduct -----------------------------------------------------------


def vilified_conduct(reader: QuoteReader) -> list[Act]:
    """ACCUSE: the owners of conduct the quote damns (module docstring)."""
    found: list[Act] = []
    cues = reader.cues
    for noun in reader.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues.conduct_nouns:
            continue
        if reader.hypothetical(noun) or _negated_clause(noun):
            continue
        damning = reader.blame(noun) or any(
            c.dep_ == "amod" and (reader.blame(c) or reader.wrongful(c)) for c in noun.children
        )
        if not damning or reader.polarity.compound(reader.clause_text(noun)) >= 0:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = next(
                (
                    pobj
                    for prep in noun.children
                    if prep.dep_ in ("prep", "agent") and prep.lower_ in CONDUCT_OWNER_PREPS
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                ),
                None,
            )
        if owner is None or reader.first_person(owner):
            continue
        if (doer := reader.other(owner)) is not None:
            found.append(Act("ACCUSE", noun, doer))
    return found


def _negated_clause(token: Token) -> bool:
    """The verb governing a noun is negated ("we never doubted X's reckless plan"); a
    sentence without a verb ("Shameful conduct by X.") negates nothing."""
    for head in governors(token):
        if head.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children)
    return False


def governors(token: Token) -> Iterator[Token]:
    """The heads above a token, nearest first, each once.

    The walk stops at the root (its own head) and at the first token met again: a parse
    is a tree, but a ``Doc`` whose heads were set by hand can hold a cycle, and a walk
    that only waits for the root would then never end. Each step adds a new token to
    ``seen``, so the walk takes at most ``len(doc)`` steps.
    """
    seen = {token.i}
    node = token
    while (head := node.head).i not in seen:
        seen.add(head.i)
        yield head
        node = head


# -- apology --------------------------------------------------------------------


def apology(reader: QuoteReader, verb: Token) -> Act | None:
    """CONCEDE: the speaker's side apologises or regrets a fault (module docstring)."""
    lemma = verb.lemma_.lower()
    cues = reader.cues
    sorry = lemma == "be" and any(c.dep_ == "acomp" and c.lower_ == "sorry" for c in verb.children)
    if lemma not in cues.apology_verbs and not sorry:
        return None
    if not reader.first_person(reader.subject(verb)):
        return None
    if reader.negated(verb) or reader.hypothetical(verb) or reader.future(verb):
        return None  # "we will never apologise", "if we erred, we regret it"
    if lemma in ("apologise", "apologize"):
        return Act("CONCEDE", verb, reader.addressee(verb))
    # regret and sorry concede only a fault: "regret this mistake", "sorry for the error"
    regretted = [c for c in verb.children if c.dep_ == "dobj"]
    regretted += [
        obj
        for c in verb.children
        if c.dep_ in ("acomp", "prep")
        for p in ([c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ == "prep"])
        if p.lower_ in ("for", "about", "over")
        for obj in _objects(p)
    ]
    if not any(t.lemma_.lower() in cues.fault_nouns for t in regretted):
        return None
    return Act("CONCEDE", verb, None)


def admission(reader: QuoteReader, verb: Token) -> Act | None:
    """CONCEDE: under a reporting verb of admission ("acknowledged", "admitted"), the
    speaker's side did a wrongful act: "Iran acknowledged its forces had shot down the
    plane", "the ministry admitted it had made a mistake". The concession is to the one
    wronged: the act's object, or, for a group of a country ("the passengers"), that
    country when the article names it (``QuoteReader.state_of``)."""
    cues = reader.cues
    if (reader.quote.cue or "").split(" ")[0] not in cues.admission_cues:
        return None
    subject = reader.subject(verb)
    if not reader.top(verb) or not (reader.first_person(subject) or _own_people(reader, subject)):
        return None
    if reader.negated(verb) or reader.hypothetical(verb) or reader.future(verb):
        return None  # "admitted it might ...": nothing conceded
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    lemma = verb.lemma_.lower()
    forceful = lemma in cues.coercive_verbs and lemma not in ("use", "bring", "defend")
    faulty = any(o.lemma_.lower() in cues.fault_nouns for o in objects)
    if not (forceful or faulty or wrongful_act(reader, verb)):
        return None
    wronged = next((f for o in objects if (f := reader.other(o)) is not None), None)
    return Act("CONCEDE", verb, reader.state_of(wronged))


def _own_people(reader: QuoteReader, subject: Token | None) -> bool:
    """ "its forces", "our soldiers", "their government" in what the speaker says: a
    subject owned by the speaker's side (reported speech refers back to the speaker by
    "its"/"their"/"his"/"her" that no mention gives to anyone else)."""
    if subject is None:
        return False
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    if reader.first_person(owner):
        return True
    found = reader.actor(owner)
    backshift = reader.quote.kind == "indirect" and owner.lower_ in SELF_POSSESSIVES
    return backshift and (found is None or reader.mine(found))


# -- referents of pronouns ------------------------------------------------------


def referent(reader: QuoteReader, token: Token | None) -> str | None:
    """The actor of a noun phrase, or of a pronoun no mention resolves (module docstring)."""
    if token is None:
        return None
    if (found := reader.other(token)) is not None:
        return found
    word = token.lower_
    if token.pos_ != "PRON":
        return None
    # a third-person pronoun the mention layer gave to the speaker's side is not the
    # speaker: in a quote the speaker is "I"/"we"
    if word in SECOND_PERSON:
        return _vocative(reader, token)
    if word not in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return None
    wants_person = word in PERSON_PRONOUNS
    doc = token.doc
    nearest: str | None = None
    for i in range(token.i - 1, max(-1, token.i - REFERENT_WINDOW), -1):
        actor_id = reader.actor_at.get(i)
        if actor_id is None or doc[i].pos_ == "PRON" or i in reader.naming_speaker:
            continue
        if actor_id in reader.side or reader.own_state(actor_id):
            continue
        if actor_id == reader.protagonist and wants_person:
            # "he" with the article's subject in reach means the subject, even past a
            # person named once in between ("X resigned; the deputy would normally
            # succeed; 'he made the right call'"), and even though X speaks too
            return actor_id
        if actor_id in reader.speakers and i not in reader.inside:
            continue  # a fellow commentator, unless the quote itself names them
        if nearest is None and (reader.kind_of(actor_id) == "person") == wants_person:
            nearest = actor_id
            if not wants_person or reader.protagonist is None:
                return nearest
    return nearest


def _vocative(reader: QuoteReader, token: Token) -> str | None:
    """The name a quote addresses its hearer by, in the sentence of the "you"."""
    for name in token.sent:
        if name.i not in reader.inside or name.pos_ != "PROPN" or name.i >= token.i:
            continue
        if name.dep_ not in VOCATIVE_DEPS or name.head.i == token.i:
            continue
        following = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
        if following is not None and following.text == ",":
            found = reader.other(name)
            if found is not None:
                return found
    return None


__all__ = [
    "Act",
    "admission",
    "apology",
    "complaint",
    "governors",
    "referent",
    "responsibility",
    "vilified_conduct",
    "wrongful_act",
]
