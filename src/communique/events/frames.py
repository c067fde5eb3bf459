"""Frames of event triggers: who does what to whom, from the dependency parse.

In: a trigger token of the spaCy parse, its lexicon ``Trigger`` (which roles give the
source and the target) and a ``MentionIndex`` over the actors stage's mentions. Out:
the actor ids that fill each role, for ``communique.events.extract``, which builds the
candidates. Roles are followed through passives (with or without a "by" agent, and the
auxiliary-less passives of headlines), relative clauses, coordination, control verbs
("threatened to attack"), gerunds under a light noun ("played a key role in
brokering"), participles ("protesters arrested on Sunday"), possessors and modifiers
of nominal triggers, phrases a nominal trigger's light verb carries ("criticism came from
X"), relative clauses on a nominal ("an attack that killed six soldiers"), copulas ("X was
the target of an attack") and the doers of an evaluated act ("a policy which X
criticised") or the authors of what it evaluates ("the decision by X", "the demands of
X"), the authors of a text that acts ("issued a statement condemning X"), who acted on a
request ("at the behest of X"). Also: the speaker of an evaluation, custodians ("into the
prisons of X") and the organisation an agent represents ("as representative of X"); an
actor's own forces and a place visited are no recipients. Which actor a noun
phrase stands for is ``communique.events.referents``'s job; the parse-level subjects and
objects of a predicate come from ``communique.events.arguments``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.actors.agents import load_lexicon as load_agent_lexicon
from communique.events import clause
from communique.events.arguments import (
    PASSIVE_SUBJ,
    SUBJ,
    claimants,
    means_patients,
    object_nouns,
    objects,
    participle_patient,
    passive,
    subjects,
)
from communique.events.lexicon import Trigger
from communique.events.referents import (
    KIN,
    AgentMaker,
    MentionIndex,
    act_authors,
    actors_of,
    conjuncts,
    law_makers,
    own,
    pobjs,
    prep_objects,
    resolve,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["AgentMaker", "MentionIndex", "objects", "pobjs", "prep_objects", "resolve", "subjects"]

# Types by which opposing a law or a reform opposes its government (referents.law_makers).
OPPOSITIONS = {"PROTEST", "ACCUSE", "REJECT"}
# Evaluations aim at whoever did what they evaluate.
EVALUATIONS = {"ACCUSE", "SUPPORT", "REJECT"}
# Verbs by which an attack named as their subject acts on their object.
HARMING = {"kill", "wound", "injure", "hit", "strike", "target", "destroy", "damage", "maim",
           "leave", "claim", "devastate", "flatten", "rock", "shake"}  # fmt: skip
# Participles that say what a weapon was fired at ("missiles targeting X").
AIMING = {"target", "aim", "hit", "strike", "direct"}
# Types whose nominal trigger, in a temporal or concessive adjunct, still has the clause's
# subject as a participant ("after talks with X, Y said"); for the others the subject
# only reacts to the act ("after his arrest, X ...", "despite the criticism, X ...").
INTERACTIONS = {"CONSULT", "AGREE", "COOPERATE"}
ADJUNCT_PREPS = {"after", "before", "since", "following", "despite", "amid", "within",
                 "until", "upon", "pending", "notwithstanding"}  # fmt: skip
# Nouns by which a copula says who undergoes an act ("X was the target of an attack").
UNDERGOING = {"subject", "target", "victim", "object", "focus"}
# Light verbs whose subject undergoes the act their object names ("drew criticism",
# "faced accusations", "received praise"): the subject is the recipient, not the doer.
UNDERGOING_VERBS = {"draw", "face", "receive", "attract", "earn", "incur", "suffer",
                    "endure", "weather", "garner", "court", "provoke", "spark", "trigger",
                    "prompt"}  # fmt: skip
# Verbs of writing or turning to someone, whose recipient a participle of asking under
# them addresses ("wrote to X asking ...", "sent a letter to X urging ...").
WRITING = {"write", "send", "turn", "appeal", "address", "petition", "email", "cable",
           "telegraph", "submit", "deliver"}  # fmt: skip
# Light verbs by which the act a noun names is done ("made threats", "levelled
# accusations", "held talks"): in the passive, their "by" agent is the noun's doer and
# their phrases are the noun's ("threats were made against X by Y").
CARRYING_OUT = {"make", "level", "issue", "voice", "express", "raise", "lodge", "file",
                "deliver", "extend", "send", "present", "submit", "hold", "launch", "mount",
                "stage", "carry", "conduct", "pose", "put", "lay", "bring", "advance",
                "renew", "repeat", "reiterate"}  # fmt: skip
# Verbs by which statements reach the news from their authors ("condemnation came from X").
ARRIVING = {"come", "pour", "arrive", "flow", "flood", "emerge", "follow"}
INSTRUMENTS = {
    "strike",
    "airstrike",
    "attack",
    "raid",
    "bombing",
    "operation",
    "drone",
    "missile",
    "shelling",
}
# An agent acting in a representative capacity stands for the organisation
# ("as representative of Hamas, he ..."; "on behalf of the EU, she ..."): CAMEO
# codes such acts by the organisation.
CAPACITY = {"representative", "envoy", "emissary", "delegate", "negotiator", "spokesman",
            "spokeswoman", "spokesperson", "head", "leader", "chief", "chairman", "chair",
            "president", "member", "ambassador"}  # fmt: skip
# A clause that reports what someone else thinks or concludes ("people have come to the
# conclusion that X is ...") makes that someone the evaluator, not the quote's speaker.
FIRST_PERSON_SINGULAR = {"i", "me", "my"}

# Types of acts done to a person's body ("killed", "beat", "detained").
BODILY = {"ASSAULT", "COERCE"}
# Types whose object may be the actor's own forces, which are no recipient.
OWN_FORCE_TYPES = {"MOBILIZE", "RETREAT"}
# Places one visits whose people the actors stage may name as a group (a hospital's
# staff): visiting them is no meeting.
FACILITIES = {"hospital", "school", "university", "site", "scene", "camp", "prison", "base",
              "factory", "plant", "port", "airport", "station", "mosque", "church", "temple",
              "cathedral", "synagogue", "clinic", "shelter", "farm", "mine"}  # fmt: skip

# A participant slot holding one of these is a person or group the actors stage did not
# resolve: the event's target is unknown, not absent, so no null-target event is made.
ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
# Nouns of unnamed people that name no group of any sector ("eleven individuals were
# charged"): still a person in the slot, so an unknown target, not a missing one.
PERSON_NOUNS = {"individual", "person", "people", "man", "woman", "men", "women", "suspect",
                "defendant", "accused", "citizen", "resident", "victim"}  # fmt: skip
# Pronouns in a reported clause that refer back to its reporter ("X says they told him").
BOUND_PRONOUNS = {"him", "her", "me", "us"}
NON_ACTOR_PRONOUNS = {"it", "this", "that", "which", "what", "itself"}


def role_actors(trigger: Trigger, token: Token, role: str, mentions: MentionIndex) -> list[str]:
    verbal = trigger.pos == "VERB"
    if role == "subj":
        return actors_of(subjects(token), mentions) if verbal else []
    if role == "obj":
        heads = objects(token)
        if not heads and trigger.implicit_source:  # acts done to people: arrest, kill
            heads = participle_patient(token)
        if trigger.type in OWN_FORCE_TYPES:
            heads = [h for h in heads if not own(h)]
        if trigger.type == "CONSULT":  # "visited the hospital": a place, not its staff
            heads = [h for h in heads if h.lemma_.lower() not in FACILITIES]
        found = actors_of(heads, mentions)
        if not found and trigger.type in EVALUATIONS:
            found = actors_of(act_doers(heads) + act_authors(heads), mentions)
        if not found and trigger.type in BODILY and any(h.lower_ in KIN for h in heads):
            # "killed his wife by strangling her": the pronoun says who the wife is
            found = actors_of(means_patients(token), mentions)
        return found
    if role == "dative":
        return actors_of([c for c in token.children if c.dep_ == "dative"], mentions)
    if role in ("poss", "poss_of", "poss_bare"):
        # "Belarus's arrest of X": with an of-object the possessor is the agent; "his
        # arrest", "Khashoggi's murder": without one it is the patient.
        has_of = bool(pobjs(token, "of"))
        if (role == "poss_of" and not has_of) or (role == "poss_bare" and has_of):
            return []
        return actors_of([c for c in token.children if c.dep_ == "poss"], mentions)
    if role == "mod":
        return [
            a
            for c in token.children
            if c.dep_ in ("compound", "amod", "nmod") and (a := mentions.actor(c))
        ]
    if role == "place":
        return place_targets(token, mentions)
    if role == "speaker":
        return evaluator(token, mentions)
    if role == "custodian":
        return custodians(token, mentions)
    if role == "forum":
        return forum_hosts(token, mentions)
    if role == "content_party":
        # "agreed to a power-sharing in which Y became prime minister", "accepted a deal
        # under which Y withdraws": the other party the agreed terms name
        terms = [p for w in ("to", "on", "upon") for p in pobjs(token, w)] + objects(token)
        return actors_of(
            [
                s
                for term in terms
                for clause_verb in term.children
                if clause_verb.dep_ == "relcl" and _terms_clause(clause_verb)
                for s in clause_verb.children
                if s.dep_ in SUBJ | PASSIVE_SUBJ and s.lower_ not in NON_ACTOR_PRONOUNS
            ],
            mentions,
        )
    if role == "deal_party":
        # "negotiated the Iran nuclear deal", "signed the US-Taliban accord": the state a
        # deal is named after is its other party
        return [
            a
            for deal in object_nouns(token)
            if deal.lemma_.lower() in DEALS
            for c in deal.children
            if c.dep_ in ("compound", "nmod", "amod", "poss") and (a := mentions.actor(c))
        ]
    if role == "protagonist":
        # "Tributes were paid by world leaders": honours that name no one honour the
        # person the report is about
        named = [p for w in ("to", "for") for h in (token, *objects(token)) for p in pobjs(h, w)]
        honoured = None if named else mentions.protagonist()
        return [honoured] if honoured else []
    if role == "clause_subj":
        heads = [
            s
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ in SUBJ | PASSIVE_SUBJ
        ]
        return actors_of(heads + [c for c in token.children if c.dep_ in ("dobj", "obj")], mentions)
    if role.startswith("prep:"):
        word = role[5:]
        # a date is no participant: "lifted sanctions on Iran on Monday" has its "on Iran"
        # on the object, and the verb's own "on Monday" must not hide it
        heads = [h for h in pobjs(token, word) if h.ent_type_ not in ("DATE", "TIME")]
        if not heads and verbal:  # light verbs: "expressed gratitude to Iran"
            for obj in objects(token):
                heads.extend(pobjs(obj, word))
        if not heads and verbal and (trigger.with_prep_object or word in ("with", "between")):
            # "entered into an agreement with Egypt": the phrase hangs on the noun
            for pobj in prep_objects(token):
                heads.extend(pobjs(pobj, word))
        if not heads and verbal:
            # "pulled its forces out of Mali": the parser nests the second word
            heads = [
                p
                for prep in token.children
                if prep.dep_ == "prep"
                for inner in prep.children
                if inner.dep_ == "prep" and inner.lower_ == word
                for p in inner.children
                if p.dep_ == "pobj"
            ]
        if not heads and not verbal:
            heads = governor_pobjs(token, word)
        if not heads and not verbal and word == "by":
            heads = claimants(token)
        found = actors_of(heads, mentions)
        if word == "to" and verbal and token.dep_ == "ccomp":
            # "X says officials complained to him about Y": the one who reports what was
            # told to him is its confidant, not whom it is against
            # (a "him" or "her" there is bound to the reporter, whoever it resolved to)
            reporters = actors_of(subjects(token.head), mentions)
            if reporters and any(h.lower_ in BOUND_PRONOUNS for h in heads):
                reporters += actors_of([h for h in heads if h.lower_ in BOUND_PRONOUNS], mentions)
            found = [a for a in found if a not in reporters]
        if not found and trigger.type in OPPOSITIONS:
            found = law_makers(heads, mentions)
        return found
    if role == "relcl_obj":
        # "an attack that left six soldiers dead", "a raid which killed two": the
        # object of a relative clause on the nominal trigger
        return actors_of(
            [o for c in token.children if c.dep_ == "relcl" for o in objects(c)], mentions
        )
    if role == "object_acl":
        # "launched missiles targeting US troops", "fired rockets aimed at X": the
        # participle on the weapon names what it was fired at
        heads = []
        for weapon in objects(token):
            for acl in weapon.children:
                if acl.dep_ == "acl" and acl.lemma_.lower() in AIMING:
                    heads += objects(acl) + pobjs(acl, "at")
        return actors_of(heads, mentions)
    if role == "copula_subj":
        # "X has been the subject of US sanctions", "X was the target of an attack"
        frame = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        if frame is not None and frame.dep_ == "attr" and frame.lemma_.lower() in UNDERGOING:
            return actors_of([c for c in frame.head.children if c.dep_ in SUBJ], mentions)
        return []
    if role == "verb_obj":
        # "Twin bombings struck the cathedral", "a car bomb killed five": a nominal
        # trigger as subject acts on the verb's object
        # (only verbs of harm: "the attack angered Kenya" says nothing of its target)
        clause_verb = token.head
        harming = clause_verb.lemma_.lower() in HARMING
        if token.dep_ == "nsubj" and harming and not passive(clause_verb):
            return actors_of(objects(clause_verb), mentions)
        if token.dep_ == "nsubjpass":
            # "a bombing was reported to have killed X": the act is the raised subject
            # of the infinitive under a reporting verb
            acts = [
                c for c in clause_verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in HARMING
            ]
            return actors_of([o for act in acts for o in objects(act)], mentions)
        return []
    if role == "addressee":
        # "wrote to the embassy asking to ...", "sent a letter to X urging ...": a
        # participle of asking under a verb of writing is addressed to its recipient
        holder = token.head
        if token.dep_ not in ("advcl", "xcomp") or token.tag_ != "VBG":
            return []
        if holder.lemma_.lower() not in WRITING:
            return []
        heads = pobjs(holder, "to") + [p for o in objects(holder) for p in pobjs(o, "to")]
        return actors_of(heads, mentions)
    if role == "complier":
        # "suspended parliament at the behest of X": who acted on the request, the
        # subject of the clause the "at/on/upon ... of" phrase modifies
        if token.dep_ != "pobj" or token.head.lower_ not in ("at", "on", "upon", "by"):
            return []
        prep = token.head
        while prep.dep_ == "conj" and prep.head != prep:  # "at X's invitation and at Y's request"
            prep = prep.head
        acted = prep.head
        return actors_of(subjects(acted), mentions) if acted.pos_ in ("VERB", "AUX") else []
    verb = clause.governing_verb(token)
    if verb is None:
        return []
    if role == "governor":
        if (
            not trigger.with_governor
            and verb.lemma_.lower() in mentions.trigger_verbs
            and (verb.i > token.i or verb.i in mentions.event_tokens)
        ):
            # "Iran denied the accusation": the verb's subject has its own event; a verb
            # told before its object that yielded none is a light verb ("offered an apology")
            return []
        if trigger.type not in INTERACTIONS and in_adjunct(token):
            return []  # "X went home within hours of the allegation": X did not allege
        if verb.lemma_.lower() in UNDERGOING_VERBS and token.dep_ == "dobj":
            return []  # "X drew criticism", "faced accusations": X is the one criticised
        return actors_of(subjects(verb), mentions)
    if role == "host":
        return actors_of(pobjs(verb, "at") + pobjs(verb, "by"), mentions)
    if role == "instrument":
        return []
    return []


def _terms_clause(clause_verb: Token) -> bool:
    """A relative clause that states terms ("in which", "under which", "whereby", "where"),
    not one that says who did something to them ("a plan that Iran rejected")."""
    return any(
        (c.dep_ == "prep" and any(p.lower_ in ("which", "whom") for p in c.children))
        or (c.dep_ == "advmod" and c.lower_ in ("where", "whereby"))
        for c in clause_verb.children
    )


def act_doers(heads: list[Token]) -> list[Token]:
    """Who did the act that an evaluation is about, when its object is a relative pronoun
    standing for an act ("kept a policy of X, which the UN has criticised": the ones who
    kept it): the subject of the verb whose object the antecedent is."""
    out: list[Token] = []
    for head in heads:
        if head.lower_ not in ("which", "that") or head.head.dep_ != "relcl":
            continue
        antecedent = head.head.head
        verb = antecedent.head
        if antecedent.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
            out.extend(subjects(verb))
    return out


def in_adjunct(token: Token) -> bool:
    """Is the nominal trigger in a temporal or concessive phrase ("after his arrest",
    "within hours of the allegation"), directly or as the of-object of its noun?"""
    node = token
    for _ in range(3):
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ in ADJUNCT_PREPS:
            return True
        if prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        node = prep.head
    return False


def governor_pobjs(token: Token, word: str) -> list[Token]:
    """A nominal trigger's phrase that the parser hangs higher up: on the light verb whose
    object or subject it is ("reached a truce | with Israel"; "statements of condemnation
    came | from X and Y"), also through the noun it is the of-object of."""
    node = token
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.pos_ in ("NOUN", "PROPN")
    ):
        node = node.head.head  # "statements of condemnation", "a wave of criticism"
        heads = pobjs(node, word)
        if heads:
            return heads
    verb = node.head
    if node.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
        return pobjs(verb, word)
    if node.dep_ == "nsubj" and word == "from" and verb.lemma_.lower() in ARRIVING:
        return pobjs(verb, word)
    if node.dep_ == "nsubjpass" and verb.lemma_.lower() in CARRYING_OUT:
        # "threats were made against X by Y", "talks were held between X and Y"
        return pobjs(verb, word)
    return []


PLACE_PREPOSITIONS = ("in", "into", "inside", "across", "on", "at")


def place_targets(token: Token, mentions: MentionIndex) -> list[str]:
    """States named as where an attack landed: "fired rounds at a loudspeaker in South
    Korea", "shelled villages across the border into Syria" (the state is the target when
    the text names no other)."""
    heads: list[Token] = []
    direct = objects(token)
    frontier = [token, *direct, *[c for o in direct for c in o.children if c.dep_ == "acl"]]
    for _ in range(2):
        found = [p for node in frontier for word in PLACE_PREPOSITIONS for p in pobjs(node, word)]
        heads.extend(found)
        frontier = found
    return [a for a in actors_of(heads, mentions) if mentions.kinds.get(a, (None,))[0] == "state"]


def slot_heads(trigger: Trigger, token: Token) -> list[Token]:
    """The noun phrases in the trigger's target slots, resolved or not."""
    heads: list[Token] = []
    for role in trigger.target:
        if role == "obj":
            heads += objects(token)
        elif role == "dative":
            heads += [c for c in token.children if c.dep_ == "dative"]
        elif role == "poss":
            heads += [c for c in token.children if c.dep_ == "poss"]
        elif role.startswith("prep:"):
            heads += pobjs(token, role[5:])
    return heads


def unresolved_actor(heads: list[Token]) -> bool:
    """Does a slot hold a person or group that no mention resolves (an unknown target)?

    Names, personal pronouns and the generic group nouns of the agents lexicon
    ("lawmakers", "the police") count; things and acts ("the claims") do not.
    """
    agents = load_agent_lexicon()
    for head in heads:
        for token in conjuncts(head):
            if token.ent_type_ in ACTOR_ENTITIES or token.pos_ == "PROPN":
                return True
            if token.lemma_.lower() in agents.heads or token.lower_ in agents.heads:
                return True
            if token.lemma_.lower() in PERSON_NOUNS:
                return True
            if token.pos_ == "PRON" and token.lower_ not in NON_ACTOR_PRONOUNS:
                return True
    return False


def sourceless(trigger: Trigger, token: Token) -> bool:
    """The clause names no agent at all: a passive without "by", a participle or a noun
    without possessor ("was arrested", "protesters arrested on Sunday", "the arrest")."""
    if trigger.pos != "VERB":
        # a bare possessor of a patient noun ("his arrest") is the patient, not an agent
        patient_poss = "poss_bare" in trigger.target and not pobjs(token, "of")
        agent_deps = ("compound", "amod") if patient_poss else ("poss", "compound", "amod")
        # a modifier names an agent only if it is a name ("Israeli strikes", "Hamas
        # attack"); "a drone attack", "a car bombing" name the means
        return not pobjs(token, "by") and not any(
            c.dep_ in agent_deps
            and c.ent_type_ not in ("DATE", "TIME", "CARDINAL")
            and (c.dep_ == "poss" or c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTITIES)
            for c in token.children
        )
    if passive(token):
        return not pobjs(token, "by")
    return token.dep_ == "acl" and token.tag_ == "VBN"


def evaluator(token: Token, mentions: MentionIndex) -> list[str]:
    """Who states an evaluation ("X has no legitimacy"): the subject of the nearest verb whose
    complement holds it ("Y said X has no legitimacy"), else the quote's speaker.

    A complement of a verb whose subject is not an actor ("people have concluded that X is
    ...") is someone else's view and yields no evaluator; first-person singular subjects
    ("I believe that ...") are the speaker.
    """
    node = token
    for _ in range(12):  # clause chains in one sentence are short; guards cycles
        if node.head == node:
            break
        child, node = node, node.head
        if node.pos_ not in ("VERB", "AUX") or child.dep_ not in ("ccomp", "acl", "pcomp", "pobj"):
            continue
        subjects = [c for c in node.children if c.dep_ in SUBJ]
        if not subjects or child in subjects:
            continue
        if subjects[0].lower_ in FIRST_PERSON_SINGULAR:
            break
        return actors_of(subjects, mentions)
    speaker = mentions.speaker(token)
    return [speaker] if speaker else []


# Gatherings an organisation holds ("an AU summit", "the summit of the OAS"): what
# members sign there they sign with the organisation.
GATHERINGS = {"summit", "conference", "meeting", "session", "forum", "assembly", "congress",
              "convention", "gathering", "ceremony", "ministerial"}  # fmt: skip


# Nouns of agreements that may be named after a party ("the Iran deal").
DEALS = {"deal", "agreement", "accord", "treaty", "pact", "truce", "ceasefire", "settlement"}


def forum_hosts(token: Token, mentions: MentionIndex) -> list[str]:
    """The organisation whose gathering an act takes place at: "an AU summit where X and
    Y signed the agreement", "signed the charter at the EU summit" -> the AU, the EU
    (organisations only: a summit "in Kenya" or "of presidents" names no host)."""
    gatherings = [token.head] if token.dep_ == "relcl" else []
    gatherings += pobjs(token, "at") + pobjs(token, "during")
    hosts: list[str] = []
    for gathering in gatherings:
        if gathering.lemma_.lower() not in GATHERINGS:
            continue
        named = [
            a
            for c in gathering.children
            if c.dep_ in ("compound", "nmod", "poss", "amod") and (a := mentions.actor(c))
        ]
        named += actors_of(pobjs(gathering, "of"), mentions)
        hosts += [
            a
            for a in named
            if mentions.kinds.get(a, (None, None))[0] == "organisation" and a not in hosts
        ]
    return hosts


def custodians(token: Token, mentions: MentionIndex) -> list[str]:
    """Who holds the place an act puts its object in: "into the prisons of X", "into X's jails"."""
    out: list[str] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            heads = [c for c in pobj.children if c.dep_ in ("poss", "compound", "amod")]
            heads += pobjs(pobj, "of")
            out.extend(a for a in actors_of(heads, mentions) if a not in out)
    return out


def capacity(token: Token, mentions: MentionIndex) -> str | None:
    """The organisation an agent represents in the clause of ``token``, if the text says so.

    "As representative of Hamas, he brokered ..." / "on behalf of the EU, she signed ...":
    an "as CAPACITY of X" or "on behalf of X" phrase on the trigger or on a verb above it
    (up to the first verb with its own subject).
    """
    node = token
    for _ in range(8):
        for prep in node.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if (prep.lower_ == "as" and pobj.lemma_.lower() in CAPACITY) or (
                    prep.lower_ == "on" and pobj.lower_ == "behalf"
                ):
                    found = actors_of(pobjs(pobj, "of"), mentions)
                    if not found:
                        found = [
                            a
                            for c in pobj.children
                            if c.dep_ in ("poss", "compound") and (a := mentions.actor(c))
                        ]
                    if found:
                        return found[0]
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJ for c in node.children):
            break
        if node.head == node:
            break
        node = node.head
    return None


def instrument(token: Token, mentions: MentionIndex) -> list[str]:
    """Source of a passive without agent: "killed in a US drone strike" → US."""
    out: list[str] = []
    for word in ("in", "by", "during"):
        for pobj in pobjs(token, word):
            if pobj.lemma_.lower() in INSTRUMENTS:
                out.extend(
                    a
                    for c in pobj.children
                    if c.dep_ in ("compound", "amod", "poss") and (a := mentions.actor(c))
                )
    return out
