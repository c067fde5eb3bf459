"""Arguments of a predicate in the dependency parse: its logical subjects and objects.

In: a verb or participle token of the spaCy parse. Out: the tokens that stand for its
doer (``subjects``) and its patient (``objects``), following passives (also the
auxiliary-less passives of headlines), relative clauses, coordination, control verbs,
gerunds under a light noun, participles, statements that act ("issued a statement
condemning X"), the subjects the parser folds into a fronted adjunct or hangs on the
split-off prefix of a hyphenated verb, the one judged for an act ("accused X of
attacking"), who decided an act ("X's decision to expel") and who claimed one ("X
claimed responsibility for the attack"). Which actor each token stands for is
``communique.events.frames``'s and ``communique.events.referents``'s job; this module
only reads the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events import clause
from communique.events.clause import RESOLVE_NOUNS
from communique.events.referents import LAWS, STATEMENTS, pobjs

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ = {"nsubj", "csubj"}
PASSIVE_SUBJ = {"nsubjpass", "csubjpass"}


def passive(token: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in token.children):
        return True
    return headline_participle(token) or causative_participle(token)


def causative_participle(token: Token) -> bool:
    """ "X had her home searched", "got his passport confiscated": a participle under
    "have"/"get" whose subject is what undergoes it (the parser makes it the participle's
    subject, and may tag the participle a past tense)."""
    return (
        token.tag_ in ("VBN", "VBD")
        and token.dep_ in ("ccomp", "xcomp")
        and token.head.lemma_.lower() in ("have", "get")
        and any(c.dep_ in SUBJ for c in token.children)
        and not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in token.children)
    )


def headline_participle(token: Token) -> bool:
    """Headlines drop the auxiliary: "Muslims Urged to Unite", "Mayor Stabbed at Event"
    are passives the parser reads as past tense; a capitalised participle after its
    subject in a title-case line is one."""
    if token.tag_ not in ("VBD", "VBN") or not token.text[:1].isupper() or token.is_sent_start:
        return False
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return len(words) >= 3 and capitalised >= 0.8 * len(words)


def objects(token: Token) -> list[Token]:
    if passive(token):
        found = [c for c in token.children if c.dep_ in PASSIVE_SUBJ or c.dep_ in SUBJ]
        node = token
        # "X founded a party but was arrested in 1963": a passive conjunct's patient is
        # the subject it shares with the verb it is coordinated with
        while not found and node.dep_ == "conj" and node.head != node:
            found = prefix_subject(node)
            if found:
                break
            node = node.head
            found = [c for c in node.children if c.dep_ in PASSIVE_SUBJ or c.dep_ in SUBJ]
        return found or prefix_subject(node) or fronted_subject(token)
    found = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if not found:
        found = [c for c in token.children if _misparsed_relative(c)]
    if not found and token.pos_ == "VERB":
        # "denounced and expelled Russia's envoy": coordinated verbs share the object
        for conj in token.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB":
                found = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
                break
    if not found and any(c.dep_ == "prt" for c in token.children):
        # "called out Donald Trump": the parser takes a particle verb's object for a
        # predicate complement
        found = [c for c in token.children if c.dep_ == "oprd"]
    return found


# Relative pronouns that stand for the noun their clause modifies.
RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


def object_nouns(token: Token) -> list[Token]:
    """The objects with a relative pronoun read as the noun its clause modifies ("the
    deal that was signed in 2015", "the treaty which both states ratified": the deal, the
    treaty), for what the object is (a trigger's sense, the state a deal is named after).
    Actors are found from ``objects`` itself: ``referents.resolve`` reads a relative
    pronoun its own way."""
    return [
        token.head if o.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl" else o
        for o in objects(token)
    ]


def means_patients(token: Token) -> list[Token]:
    """ "killed his wife by poisoning her": the pronoun the gerund of a "by" phrase acts on,
    who, when the verb's own object is named only by a tie to someone ("his wife"),
    is the one the verb's object stands for."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "by"
        for gerund in prep.children
        if gerund.dep_ == "pcomp" and gerund.tag_ == "VBG"
        for obj in gerund.children
        if obj.dep_ in ("dobj", "obj") and obj.pos_ == "PRON"
    ]


def _misparsed_relative(token: Token) -> bool:
    """ "boats, which the UN and the US have criticised": the parser may label the relative
    pronoun a second subject; with another subject beside it, it is the object."""
    return (
        token.dep_ == "nsubj"
        and token.lower_ in ("which", "that")
        and token.head.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.i != token.i for c in token.head.children)
    )


def participle_patient(token: Token) -> list[Token]:
    """ "protesters arrested on Sunday": the noun a participle modifies undergoes it."""
    if token.dep_ == "acl" and token.tag_ == "VBN" and not objects(token):
        return [token.head]
    return []


def subjects(token: Token) -> list[Token]:
    """The logical subject, following passives, relative clauses, coordination and control."""
    if passive(token) or (token.dep_ == "acl" and token.tag_ == "VBN"):
        return pobjs(token, "by")  # "an accord signed by X"
    found = [c for c in token.children if c.dep_ in SUBJ and not _misparsed_relative(c)]
    if not found:
        # "The US has been encouraging ...": the parser may hang the subject on an
        # auxiliary of the verb rather than on the verb
        found = [
            g
            for aux in token.children
            if aux.dep_ in ("aux", "auxpass")
            for g in aux.children
            if g.dep_ in SUBJ
        ]
    antecedent = token.head
    if (
        token.dep_ == "relcl"
        and [f.lower_ for f in found] in (["which"], ["that"])
        and antecedent.lemma_.lower() in LAWS
        and antecedent.dep_ in ("dobj", "nsubjpass")
        and antecedent.head.pos_ == "VERB"
    ):
        # "voted to pass a bill which decriminalized X": what a law does, its makers do
        return subjects(antecedent.head)
    if found:
        named = [qualified_name(f) or f for f in found]
        return [f for i, f in enumerate(named) if f not in named[:i]]
    found = prefix_subject(token) or fronted_subject(token)
    if found:
        return found
    if token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX"):
        return []  # the relative's subject was handled above; object relatives have their own
    if token.dep_ == "xcomp" and passive(token.head):  # "X is expected to meet Y"
        return [c for c in token.head.children if c.dep_ in PASSIVE_SUBJ]
    if token.dep_ == "pcomp" and token.head.head != token.head:
        # "X played a key role in brokering ...", "X succeeded in reaching ...": the
        # gerund's agent is the subject of the verb the prepositional phrase hangs on.
        holder = token.head.head
        if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("dobj", "attr"):
            holder = holder.head
        if holder.pos_ == "ADJ" and holder.lemma_.lower() in CULPABLE:
            return culprits(holder)  # "X was found guilty of raping Y"
        if holder.pos_ in ("VERB", "AUX"):
            word = holder.lemma_.lower()
            if word in CLEARING:
                return []  # "acquitted of killing Y": no one did it, as far as this says
            if word in JUDGING and token.head.lower_ in ("of", "for"):
                # "accused X of attacking Y", "X was convicted of killing Y": the one
                # judged did it, the object (or the passive's subject), not the judge
                return objects(holder)
            return subjects(holder)
        return []
    if token.dep_ == "acl" and token.tag_ == "VB" and token.head.lemma_.lower() in RESOLVE_NOUNS:
        return deciders(token.head)  # "Russia's decision to expel", "announced plans to"
    if token.dep_ == "acl" and token.tag_ == "VBG":
        # "issued a statement condemning X", "posted a message on Twitter blaming X": the
        # text's author acts, the subject of the verb that issued it
        node = token.head
        for _ in range(3):
            if node.lemma_.lower() in STATEMENTS:
                verb = clause.governing_verb(node)
                return subjects(verb) if verb is not None else []
            if node.dep_ not in ("pobj", "prep") or node.head == node:
                break
            node = node.head
        return []
    if token.dep_ in ("conj", "xcomp", "advcl") and token.head != token:
        return subjects(token.head)
    return []


# Verbs that judge someone for an act ("accused X of", "blamed X for", "convicted X of"):
# the gerund after "of"/"for" is the act of their object.
JUDGING = {"accuse", "blame", "charge", "suspect", "convict", "indict", "sentence", "fine",
           "punish", "jail", "imprison", "arrest", "detain", "prosecute", "condemn",
           "criticise", "criticize", "denounce", "fault", "praise", "thank", "commend",
           "congratulate", "credit", "sanction", "sue", "investigate"}  # fmt: skip
# Verbs that clear someone of an act: the act is not asserted of anyone.
CLEARING = {"acquit", "clear", "exonerate", "absolve"}
# Adjectives of guilt: "found guilty of", "held responsible for".
CULPABLE = {"guilty", "responsible", "culpable", "liable"}


def culprits(adjective: Token) -> list[Token]:
    """Who an adjective of guilt is said of: the object of "found X guilty", the subject
    of "X was found guilty" or "X pleaded guilty"."""
    own = [c for c in adjective.children if c.dep_ in SUBJ]
    if own:  # "found two officers guilty", parsed as a small clause
        return own
    verb = adjective.head
    if verb == adjective or verb.pos_ not in ("VERB", "AUX"):
        return []
    if passive(verb) or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return objects(verb)
    return subjects(verb)


# Verbs by which one makes a decision or an intent one's own ("took the decision to",
# "announced plans to", "has plans to"), not ones that judge someone else's ("condemned
# the decision to").
RESOLVING = {"make", "take", "announce", "unveil", "adopt", "reach", "launch", "have",
             "outline", "present", "submit", "declare", "confirm", "reaffirm", "step",
             "renew", "signal", "table"}  # fmt: skip


def deciders(noun: Token) -> list[Token]:
    """Who resolved on the act a noun of decision or intent names: its possessor, its "by"
    object, or the subject of a verb that makes the decision one's own."""
    own = [c for c in noun.children if c.dep_ == "poss"] or pobjs(noun, "by")
    if own:
        return own
    verb = noun.head
    if noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() in RESOLVING:
        return subjects(verb)
    return []


def qualified_name(subject: Token) -> Token | None:
    """ "the Parliament of New South Wales, Australia voted ...": the parser may take the
    country that says where a named body is for the subject, and hang the body on the
    comma. A place name right after a comma and right before its verb, after a name
    attached to nothing of the clause, is that name's qualifier; the name is the subject.
    (An appositive name has a comma after it too: "its neighbour, Uganda, voted".)"""
    doc = subject.doc
    start = subject.left_edge.i
    if subject.ent_type_ != "GPE" or start < 2 or doc[start - 1].text != ",":
        return None
    after = doc[subject.right_edge.i + 1] if subject.right_edge.i + 1 < len(doc) else None
    if after is None or (after.i != subject.head.i and after.dep_ not in ("aux", "auxpass")):
        return None
    node = doc[start - 2]
    if node.is_punct:
        node = node.head
    # up to the head of the name: "the Parliament | of | New South Wales (NSW)"
    while node.head.i < start - 1 and node.head != node:
        head = node.head
        if not (head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "ADP" and head.lower_ == "of")):
            break
        node = head
    if node.pos_ != "PROPN" or node.ent_type_ in ("DATE", "TIME", "GPE", "LOC"):
        return None
    if node.dep_ in ("nsubj", "nsubjpass") and node.head == subject.head:
        return node  # both taken for subjects: the name is, the place is not
    if node.dep_ in ("dobj", "appos", "conj") or (node.dep_ == "pobj" and not _folded(node)):
        return None
    return node


# Prefixes English verbs take with a hyphen ("co-founded", "re-elected").
VERB_PREFIXES = {"co", "re", "pre", "counter", "cross", "over", "under", "out", "mis"}


def prefix_subject(verb: Token) -> list[Token]:
    """ "X co-founded a party": the parser may split the prefix off a hyphenated verb and
    make it the head of the clause, with the verb under it and the subject hung on the
    prefix as a modifier; that modifier is the verb's subject."""
    prefix = verb.head
    doc = verb.doc
    if (
        prefix.lower_ not in VERB_PREFIXES
        or prefix.i + 2 != verb.i
        or doc[prefix.i + 1].text != "-"
        or verb.pos_ != "VERB"
    ):
        return []
    return [
        c
        for c in prefix.children
        if c.i < prefix.i
        and c.dep_ in ("compound", "nsubj", "amod", "npadvmod")
        and c.pos_ in ("PROPN", "NOUN", "PRON")
    ]


# Tokens that may stand between a subject and its verb ("X, ..., was sentenced").
_BETWEEN_SUBJECT_AND_VERB = {"punct", "aux", "auxpass", "neg", "advmod"}


def fronted_subject(token: Token) -> list[Token]:
    """The subject the parser folded into a fronted adjunct: "On Friday the legislature
    voted ..." (a second object of "On"), "On Friday in Pakistan, X was sentenced" (a
    conjunct of "Pakistan"). A finite clause without any subject whose opening
    prepositional phrase ends, right before the verb, in such a misattached noun phrase
    has it as its subject."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return []
    if any(c.dep_ in SUBJ | PASSIVE_SUBJ or c.dep_ == "expl" for c in token.children):
        return []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.i > token.i:
            continue
        for node in prep.subtree:
            if not _folded(node):
                continue
            between = token.doc[node.right_edge.i + 1 : token.i]
            if all(t.dep_ in _BETWEEN_SUBJECT_AND_VERB for t in between):
                return [node]
    return []


def _folded(node: Token) -> bool:
    """A noun phrase a prepositional phrase took in by mistake: a second object of the
    preposition, or a conjunct of a time or place its object names."""
    if node.pos_ not in ("NOUN", "PROPN") or node.ent_type_ in ("DATE", "TIME"):
        return False
    if node.dep_ == "pobj":
        return any(p.dep_ == "pobj" and p.i < node.i for p in node.head.children)
    return (
        node.dep_ == "conj"
        and node.head.dep_ == "pobj"
        and node.head.ent_type_ in ("DATE", "TIME", "GPE", "LOC")
        and node.ent_type_ not in ("GPE", "LOC")
    )


# Verbs of a grievance held against an act ("resent X's refusal", "condemned X's
# refusal"): those who hold it are the ones the act was aimed at.
GRIEVANCES = {"resent", "condemn", "criticise", "criticize", "decry", "denounce",
              "deplore", "protest", "lament", "regret"}  # fmt: skip


def aggrieved(noun: Token) -> list[Token]:
    """ "Many Chinese still resent Japan's refusal to apologise": the subject of the
    grievance verb whose object (or a coordinated object) the noun of an act is."""
    node = noun
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and noun != node:
        # "resent the occupation of X and Y's refusal", "resent X during the war and Y's
        # refusal": the parser may coordinate the second object with the object of a
        # preposition on the first object or on the verb
        holder = node.head.head
        if holder.lemma_.lower() in GRIEVANCES and holder.pos_ == "VERB":
            return subjects(holder)
        node = holder
    verb = node.head
    if node.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in GRIEVANCES:
        return []
    return subjects(verb)


# Nouns of the blame one claims for an act ("claimed responsibility for the attack").
# Only "claim": a leader who "accepted responsibility for the murder" answers for it
# without saying he did it (eval-news: such an admission was matched with the
# admission's date).
RESPONSIBILITY = {"responsibility", "credit"}
OWNING_UP = {"claim"}


def claimants(noun: Token) -> list[Token]:
    """Who owned up to an act a noun names, its doer: "X claimed responsibility for the
    attack", "X claimed the bombing", "the attack was claimed by X"."""
    verb = noun.head
    if noun.dep_ == "nsubjpass" and verb.lemma_.lower() == "claim":
        return pobjs(verb, "by")
    if noun.dep_ in ("dobj", "obj") and verb.lemma_.lower() == "claim":
        return subjects(verb)
    if noun.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_.lower() in RESPONSIBILITY:
        blame = verb.head
        owner = blame.head
        if blame.dep_ in ("dobj", "obj") and owner.lemma_.lower() in OWNING_UP:
            return subjects(owner)
    return []
