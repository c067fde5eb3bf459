"""Allegations and judgements in attributed speech: ACCUSE and SUPPORT of a named actor.

Used by ``communique.events.speech_reader`` (``QuoteReader.acts``) on each clause of
a quote:

- alleged: a named actor as the agent of a wrongful act ("X ordered the killing")
  accuses that actor; under a reporting verb that presents a charge ("claim",
  "believe") any strongly negative word will do, else a blame word is needed; backing
  an armed group ("the rebels are backed by X") is a charge as such;
- evaluated: the polarity of the quoted sentence (VADER's compound score) judges
  its subject: a blame word or a damning word in a negative sentence accuses, a
  praise word or a strongly positive complement of "be" supports ("X was a hero");
  first-person solidarity ("we are with X") supports X, and so does a deed praised
  as X's merit ("he made a great contribution to ...", "he made the right decision");
  under a first-person opinion ("I believe ...", "I think ...") the clause believed
  is the one judged.
Feelings of the speaker (grief, regret, worry) judge nobody; neither does a denial
("she did not lie"). Polarity is VADER's (``speech_cues.Polarity``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.speech_claims import Act, referent, wrongful_act

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.speech_reader import QuoteReader

# VADER thresholds, tuned on eval-news as a whole: the compound score of a quoted
# sentence for an evaluation, and the valence of one word for praise.
NEGATIVE_COMPOUND = -0.5
POSITIVE_COMPOUND = 0.6
PRAISE_WORD_COMPOUND = 0.2
PRAISE_VALENCE = 2.0
ALLEGATION_COMPOUND = -0.3
DAMNING_VALENCE = -2.5


def alleged(reader: QuoteReader, verb: Token) -> Act | None:
    """ACCUSE: a named actor as the agent of a wrongful act ("X ordered the killing"), or
    of any act the quote marks as an allegation ("X allegedly left with the files")."""
    if reader.negated(verb) or reader.hypothetical(verb) or reader.denied_above(verb):
        return None
    subject = reader.subject(verb)
    # the "by" phrase of a passive, also of a participle that shares its subject with
    # the clause it is coordinated to ("the rebels are armed and backed by X")
    agent = next(
        (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if subject is None or agent is None or subject.dep_ not in ("nsubj", "nsubjpass"):
        agent = None
    if subject is not None and subject.dep_ == "nsubjpass" and agent is None:
        return None  # "X was portrayed as a liar": X is the one wronged
    doer = reader.other(agent) if agent is not None else reader.other(subject)
    if doer is None or reader.first_person(agent or subject):
        return None
    skip = set(subject.subtree) if subject is not None and agent is None else set()
    words = [t for t in verb.subtree if t.i in reader.inside and t not in skip and t is not subject]
    if agent is not None:
        words = [t for t in words if t not in set(agent.subtree)]
    if any(
        c.dep_ == "advmod" and c.lower_ in reader.cues.allegation_adverbs for c in verb.children
    ):
        return Act("ACCUSE", verb, doer)  # "X allegedly took the files": a charge as such
    # a wrong done by X, named as such: "the attack was carried out by X", "the election
    # was stolen by X" (a foretold one, "we will be attacked by X", is a fear)
    if (
        agent is not None
        and subject is not None
        and not reader.future(verb)
        and (wrongful_act(reader, subject) or reader.wrongful(verb))
    ):
        return Act("ACCUSE", verb, doer)
    if not reader.future(verb) and sponsored(reader, verb, subject, agent):
        return Act("ACCUSE", verb, doer)
    charged = (reader.quote.cue or "").split(" ")[0] in reader.cues.allegation_cues
    wrongs = [t for t in words if reader.wrongful(t) and (charged or reader.blame(t))]
    if not wrongs:
        return None
    # a blame word blames unless the sentence is upbeat; a merely negative word must
    # leave the whole sentence negative ("X ended the violence" blames nobody)
    limit = ALLEGATION_COMPOUND if not any(reader.blame(t) for t in wrongs) else 0.3
    if reader.polarity.compound(reader.clause_text(verb)) > limit:
        return None
    return Act("ACCUSE", verb, doer)


def sponsored(reader: QuoteReader, verb: Token, subject: Token | None, agent: Token | None) -> bool:
    """The clause tells of backing an armed group: "the rebels are backed by X" (the
    passive's subject is the group, ``agent`` the backer), "X arms the militias" (the
    object is). Backing such a group is a charge whatever words frame it."""
    cues = reader.cues
    if verb.lemma_.lower() not in cues.sponsorship_verbs:
        return False
    if agent is not None and subject is not None:
        patients = [subject]
    else:
        patients = [c for c in verb.children if c.dep_ == "dobj"]
    return any(p.lemma_.lower() in cues.armed_group_nouns for p in patients)


def evaluated(reader: QuoteReader, verb: Token) -> Act | None:
    """ACCUSE or SUPPORT from the polarity of the clause's sentence within the quote.

    The evaluated actor is the sentence's subject (the agent of a passive), and
    the evaluating words must lie outside it: in "people who were attacked have
    rights" nobody is blamed.
    """
    if reader.hypothetical(verb):
        return None
    root = verb.sent.root if verb.sent.root.i in reader.inside else verb
    subject = reader.subject(root)
    if reader.first_person(subject) and (opinion := opined(reader, root)) is not None:
        root, subject = opinion, reader.subject(opinion)  # "I believe X made the right call"
    if reader.first_person(subject):
        return solidarity(reader, root)
    # "he" that no mention resolves: praise may name whom it means (the nearest person
    # before it, ``referent``), blame may not (a wrong charge is worse than none)
    unknown = reader.unresolved(subject)
    if unknown and referent(reader, subject) is None:
        return None
    words = [t for t in verb.sent if t.i in reader.inside]
    if any(reader.feeling(t) for t in words):
        return None  # grief or regret of the speaker, not blame
    about = set(subject.subtree) if subject is not None else set()
    predicate = [t for t in words if t not in about]
    blame = any(reader.blame(t) for t in predicate)
    # strong words only: failure, crisis and collapse are misfortune, not blame
    damning = any(reader.polarity.word(t) <= DAMNING_VALENCE for t in predicate)
    score = reader.polarity.compound(reader.clause_text(verb))
    # a denial defends ("she was called a liar; she did not lie")
    denied = reader.negated(root)
    condemned = (blame and score < 0) or (damning and score <= NEGATIVE_COMPOUND)
    if condemned and not denied and not unknown:
        target = evaluated_actor(reader, root, subject, blaming=True)
        if not blame and target is None:
            return None  # a bleak report about nobody in particular
        return Act("ACCUSE", root, target)
    # praise is a judgement of the subject: the complement of "be" ("X was a hero")
    # ("X is glad ...": a mood of the subject, not a judgement of it)
    complement = [
        t
        for c in root.children
        if root.lemma_ == "be"
        and c.dep_ in ("attr", "acomp")
        and c.lemma_.lower() not in reader.cues.mood_adjectives
        for t in c.subtree
    ]
    # a curated praise word ("an icon", "a hero") needs only an upbeat sentence; a
    # word VADER merely scores high needs a clearly positive one
    named = any(t.lower_ in reader.cues.praise_words for t in complement)
    scored = any(reader.polarity.word(t) >= PRAISE_VALENCE for t in complement)
    if (named and score > PRAISE_WORD_COMPOUND) or (scored and score >= POSITIVE_COMPOUND):
        target = evaluated_actor(reader, root, subject, blaming=False)
        return Act("SUPPORT", root, target) if target is not None else None
    if not denied and score >= 0 and tribute(reader, root):
        target = evaluated_actor(reader, root, subject, blaming=False)
        return Act("SUPPORT", root, target) if target is not None else None
    return None


def opined(reader: QuoteReader, root: Token) -> Token | None:
    """The clause a first-person opinion verb gives a view of ("I believe X did Y",
    "I think X's plan is reckless"): its content clause inside the quote; none under a
    denied opinion ("I don't think X ...")."""
    if root.lemma_.lower() not in reader.cues.opinion_verbs or reader.negated(root):
        return None
    return next(
        (c for c in root.children if c.dep_ == "ccomp" and c.i in reader.inside),
        None,
    )


def tribute(reader: QuoteReader, root: Token) -> bool:
    """A deed praised as the subject's merit: "he made a great contribution to ...",
    "she played a key role in ...", "he did an outstanding job": a verb of doing whose
    object is a merit noun with a praising modifier (a praise word, a word VADER scores
    positive, or one of the curated ``tribute_modifiers``); or a choice approved, "he
    made the right decision" (a choice noun with a modifier of approval: the curated
    ``approval_modifiers``, a praise word, a word VADER scores positive)."""
    cues = reader.cues
    if root.lemma_.lower() not in cues.tribute_verbs:
        return False
    for obj in root.children:
        if obj.dep_ != "dobj":
            continue
        lemma = obj.lemma_.lower()
        if lemma in cues.choice_nouns:
            curated = cues.approval_modifiers
        elif lemma in cues.tribute_nouns:
            curated = cues.tribute_modifiers
        else:
            continue
        for modifier in obj.children:
            if modifier.dep_ != "amod":
                continue
            word = modifier.lower_
            if word in cues.praise_words or word in curated or reader.polarity.word(modifier) > 0:
                return True
    return False


def evaluated_actor(
    reader: QuoteReader, root: Token, subject: Token | None, blaming: bool
) -> str | None:
    """The actor an evaluation is about: the subject (a passive's agent), for blame
    also "the forces of X", else the possessor of a subject that is not itself an
    evaluation ("X's decision was reckless"; in "X's murder was unacceptable" X is
    the victim)."""
    if subject is None:
        return None
    if subject.dep_ == "nsubjpass":
        agent = next((g for c in root.children if c.dep_ == "agent" for g in c.children), None)
        return reader.other(agent)
    if (found := referent(reader, subject)) is not None:
        return found  # the subject, or the one its pronoun means
    for prep in subject.children:  # "the shelling of X by Y": Y did it
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (found := reader.other(pobj)) is not None:
                    return found
    copular = root.lemma_ == "be" or subject.dep_ != "nsubj"
    if reader.wrongful(subject) or (copular and reader.polarity.word(subject) != 0):
        return None  # "the murder of X", "X's murder": X is the victim
    if not copular and (found := reader.phrase_actor(subject)) is not None:
        return found  # "the thugs of X attacked ...": the doers of an act are X's
    if blaming and (found := reader.phrase_actor(subject)) is not None:
        return found  # "the army of X", "the decision of X"
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    return reader.other(owner)


def solidarity(reader: QuoteReader, root: Token) -> Act | None:
    """ "We are with X", "our thoughts are with X": SUPPORT X."""
    if root.lemma_ != "be" or reader.negated(root):
        return None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            for pobj in child.children:
                # "we are with you", "I am with him": whom the quote names
                if pobj.dep_ == "pobj" and (target := referent(reader, pobj)) is not None:
                    return Act("SUPPORT", root, target)
    return None


__all__ = [
    "alleged",
    "evaluated",
    "evaluated_actor",
    "opined",
    "solidarity",
    "sponsored",
    "tribute",
]
