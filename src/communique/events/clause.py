"""Clause-level properties of an event trigger: negation, modality, stance, background cues.

In: a trigger token of the spaCy parse and its lexicon entry (from
``communique.events.extract``). Out: booleans and a modality label that
``extract`` records on each ``Candidate`` (negated, "future"/"intend"/
"threaten"/"hypothetical") or uses to drop a non-event (conditionals,
speculation, standing stances). ``communique.events.anchor`` reads the
background cue when it sets salience.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.events.lexicon import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
SPECULATIVE_AUX = {"could", "might", "may"}
ADVISORY_AUX = {"would", "should", "ought"}
INTEND = {
    "plan", "intend", "seek", "want", "hope", "aim", "decide", "agree", "expect", "prepare", "wish",
    "vow", "pledge", "promise", "try", "attempt",
}  # fmt: skip
# Nouns of a decision or an attempt whose infinitive names the act resolved on ("Russia's
# decision to expel", "its bid to annex"): the act is intended, as under the verbs of
# INTEND. Nouns of mere plans and promises are left out: "firms announced plans to pull
# out" is seldom coded as the firms' act (eval-news: four such events, none in the gold).
RESOLVE_NOUNS = {"decision", "move", "bid", "attempt", "effort"}
FUTURE_GOV = {"expect", "schedule", "due", "set", "slate"}
THREATEN = {"threaten", "warn"}
FUTURE_ADJ = {"upcoming", "planned", "forthcoming", "next", "future", "proposed", "scheduled"}
BACKGROUND_ADV = {"previously", "earlier", "formerly", "once", "already", "before"}
# Stance over time, not an event: "has always supported", "supported X from the
# very beginning", "for decades". PLOVER codes datable acts; a standing policy
# recalled this way yields none (a precision rule, see tests/events/test_noise.py).
HABITUAL_ADV = {"always", "consistently", "continuously", "constantly", "traditionally",
                "historically", "invariably", "perennially", "steadfastly"}  # fmt: skip
HABITUAL_FROM = {"beginning", "outset", "start", "onset", "inception", "dawn", "birth"}
# Nouns whose of-complement is a standing line of conduct, not a datable act.
POLICY_NOUNS = {"policy", "practice", "habit", "tradition", "doctrine", "pattern"}
HABITUAL_SPAN = {"decades", "years", "centuries", "generations", "history", "ages"}


def governing_verb(token: Token) -> Token | None:
    """For a nominal trigger: the verb of its clause ("held a meeting", "said in a meeting")."""
    head = token.head
    steps = 0
    while head != token and steps < 4:
        # a participle used as a preposition ("Following talks with X, Y said") opens a
        # phrase of the clause; it is not the clause's verb
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "prep":
            return head
        if head.head == head:
            return None
        token, head = head, head.head
        steps += 1
    return None


def habitual(token: Token, trigger: Trigger) -> bool:
    """A standing stance recalled, not an act: "has always supported", "from the outset",
    "a policy of turning away boats"."""
    if (
        token.dep_ in ("pcomp", "pobj")
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in POLICY_NOUNS
    ):
        return True
    head = token if trigger.pos == "VERB" else (governing_verb(token) or token)
    for child in head.children:
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADV:
            return True
        if child.dep_ != "prep":
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            word = pobj.lemma_.lower()
            if child.lower_ in ("from", "since") and word in HABITUAL_FROM:
                return True
            if (
                child.lower_ in ("for", "throughout")
                and pobj.lower_ in HABITUAL_SPAN
                and not any(c.dep_ == "nummod" for c in pobj.children)  # "jailed for 19 years"
            ):
                return True
    return False


PREVENT = {"allow", "let", "permit", "tolerate"}


def prevented(token: Token) -> bool:
    """The act is what someone will not allow: "will not allow Russia to attack X"."""
    head = token.head
    return (
        token.dep_ in ("ccomp", "xcomp")
        and head.lemma_.lower() in PREVENT
        and any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children)
    )


# Verbs whose complement is an act not done ("avoided criticising X", "refrained from
# attacking", "steering clear of X", "stopped short of accusing").
AVOID = {"avoid", "refrain", "abstain", "steer", "shy", "decline", "fail", "stop", "cease",
         "resist", "forgo", "forego", "spare", "refuse"}  # fmt: skip


def avoided(token: Token) -> bool:
    """The act is the complement of a verb of avoidance (up to the first verb above it)."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "advmod") or node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in AVOID
    return False


def negated(token: Token, trigger: Trigger) -> bool:
    if prevented(token) or avoided(token):
        return True
    chain = [token]
    if trigger.pos != "VERB":
        verb = governing_verb(token)
        if verb is not None:
            chain.append(verb)
        if any(c.lower_ in ("no", "without") for c in token.children):
            return True
    if token.dep_ == "xcomp":
        chain.append(token.head)
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for t in chain for c in t.children):
        return True
    # "Neither the EU nor the US would endorse it": the subject's "neither ... nor" negates
    # the verb for every conjunct (the parser hangs "neither" as preconj or det)
    return any(
        subject.dep_ in ("nsubj", "nsubjpass")
        and any(g.lower_ in ("neither", "nor") for g in subject.children)
        for t in chain
        for subject in t.children
    )


def modality(token: Token, trigger: Trigger) -> str | None:
    heads = [token]
    if trigger.pos != "VERB":
        if any(c.lower_ in FUTURE_ADJ for c in token.children):
            return "future"
        verb = governing_verb(token)
        if verb is not None:
            heads.append(verb)
    for head in heads:
        if head.dep_ == "acl" and head.head.lemma_.lower() in RESOLVE_NOUNS:
            return "intend"
        if head.dep_ == "xcomp":
            governor = head.head.lemma_.lower()
            if governor in THREATEN:
                return "threaten"
            if governor in FUTURE_GOV:
                return "future"
            if governor in INTEND:
                return "intend"
            if governor == "go" and any(
                c.lower_ in ("is", "are", "was", "were", "'s") for c in head.head.children
            ):
                return "future"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in head.children):
            return "hypothetical"
        for child in head.children:
            if child.dep_ == "aux":
                if child.lower_ in FUTURE_AUX or child.lemma_.lower() in ("will", "shall"):
                    return "future"
                if (
                    child.lower_ == "would"
                    and head.dep_ == "ccomp"
                    and head.head.tag_ in ("VBD", "VBN")
                ):
                    return "future"  # reported speech: "said it would" is "will"
                if child.lower_ in HYPOTHETICAL_AUX:
                    return "hypothetical"
    return None


def conditional(token: Token) -> bool:
    """The trigger is in an if/unless clause, or is the consequence of one, or is an
    open question ("did not say whether Brazil would send envoys", "asked if X
    would attend"): none of these states that the act happened."""
    first = first_conjunct(token)
    heads = [token, first, *[c for c in first.children if c.dep_ == "advcl"]]
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for h in heads for c in h.children):
        return True
    if token.dep_ in ("ccomp", "advcl") and any(
        c.dep_ == "mark" and c.lower_ == "whether" for c in token.children
    ):
        return True
    return _after_condition_word(token, first)


def first_conjunct(token: Token) -> Token:
    """The first of coordinated verbs ("returned and cooperated" -> "returned"): a mark
    or a governor on it holds for the whole coordination."""
    node = token
    while node.dep_ == "conj" and node.head != node and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    return node


def _after_condition_word(token: Token, first: Token) -> bool:
    """ "..., UNLESS of course, he returned and cooperated with X": the parser may hang the
    conjunction anywhere; an "if"/"unless" before the trigger, with no verb between but the
    trigger's own coordination, opens the trigger's clause all the same."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    chain = {first.i, *(c.i for c in first.conjuncts)}
    for word in reversed(token.doc[token.sent.start : token.i]):
        if word.lower_ in ("if", "unless") and word.pos_ == "SCONJ":
            return True
        if word.pos_ == "VERB" and word.i not in chain:
            return False
        if word.text in (";", ":") or (word.dep_ == "cc" and word.head.i not in chain):
            return False
    return False


def comparative(token: Token) -> bool:
    """ "could leave as promised", "as agreed": a subjectless as-clause compares with an
    act told elsewhere (or never); it states none itself."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBN"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


# Auxiliaries of a present-tense passive ("is backed by", "are supported by").
PRESENT_BE = {"is", "are", "am", "'s", "'re"}
# Types whose present-tense passive describes a standing relation, not an act: "the
# rebels are backed by Iran" says who their patron is, not what anyone did.
STANDING_TYPES = {"SUPPORT"}


# Texts whose present-tense verbs state a standing rule, not an act: "the constitution
# forbids the army from ...", "the treaty bans ...".
LEGAL_TEXTS = {"constitution", "law", "charter", "treaty", "statute", "code", "convention",
               "regulation", "rule", "decree", "ordinance", "act"}  # fmt: skip


def standing(token: Token, trigger: Trigger) -> bool:
    """A relation described in the simple present passive ("X, who is supported by Y"),
    or a rule a legal text states in the simple present ("X's constitution forbids ...")."""
    if trigger.pos != "VERB":
        return False
    if token.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in LEGAL_TEXTS for c in token.children
    ):
        return True
    if trigger.type not in STANDING_TYPES:
        return False
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxiliaries) and all(
        c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in auxiliaries
    )


# Verbs whose complement is what someone is asked or told to do ("urged X to withdraw",
# "called for his resignation", "demanded the release of X"), or what is expected or
# wanted of someone ("we expect from X an apology", "wants X to release them"): the act is
# requested, not done; the request, if any, is the event.
REQUESTING = {"urge", "ask", "call", "encourage", "demand", "order", "tell", "request",
              "press", "push", "appeal", "implore", "beg", "instruct", "direct", "exhort",
              "pressure", "petition", "lobby", "invite", "advise", "persuade",
              "convince", "expect", "want"}  # fmt: skip
# Of those, verbs whose passive forecasts instead ("X is expected to meet Y": a scheduled
# act, which the lexicon codes as a plan).
FORECASTING = {"expect"}
# Requesting verbs whose that-clause informs ("told X that ...", "convinced X that ...").
INFORMING = {"tell", "advise", "persuade", "convince"}
_CONTENT_LINKS = {"xcomp", "ccomp", "advcl", "pobj", "prep", "dobj", "nsubjpass", "nsubj",
                  "conj", "attr"}  # fmt: skip
# Nouns of demands, and the verbs by which a clause lists what they ask ("the protesters'
# demands include the release of X", "their condition is the withdrawal of Y").
DEMAND_NOUNS = {"demand", "request", "call", "appeal", "condition", "ultimatum", "precondition"}
LISTING = {"include", "be", "involve", "comprise", "remain", "encompass"}


def _forecast(verb: Token) -> bool:
    """ "X is expected to meet Y": the passive of a verb of expecting forecasts an act."""
    return verb.lemma_.lower() in FORECASTING and any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children
    )


def _second_infinitive(conjunct: Token, request: Token) -> bool:
    """A base-form verb with no subject or auxiliary of its own, coordinated with a request
    told in another form that has an infinitive complement: the parser hung the second of
    two infinitives asked for on the requesting verb."""
    return (
        conjunct.tag_ == "VB"
        and request.tag_ in ("VBD", "VBZ", "VBP", "VBN", "VBG")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conjunct.children)
        and any(c.dep_ == "xcomp" for c in request.children)
    )


def requested(token: Token) -> bool:
    """Is the trigger the content of a request ("asked X not to turn away the boats")?"""
    node = token
    for _ in range(6):
        if node.dep_ not in _CONTENT_LINKS or node.head == node:
            return False
        child, node = node, node.head
        if child.dep_ == "conj":
            if (
                node.pos_ in ("VERB", "AUX")
                and node.lemma_.lower() in REQUESTING
                and not _forecast(node)
            ):
                # "urged X to leave, and attacked Y": a second act; but a bare infinitive
                # hung on a told request ("urged X to assist Y and deny Z any victory")
                # is a second thing asked
                return _second_infinitive(child, node)
            if child.tag_ in ("VBD", "VBZ") and node.tag_ == "VB":
                return False  # "urged X to reconsider and spoke with Y": a told act
            continue  # "the release and return of X", "to withdraw and apologise"
        if node.pos_ in ("VERB", "AUX"):
            if node.lemma_.lower() in LISTING and child.dep_ in ("dobj", "attr"):
                return any(
                    s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in DEMAND_NOUNS
                    for s in node.children
                )
            if node.lemma_.lower() not in REQUESTING or _forecast(node):
                # "urged X to end the blockade": an infinitive's object is asked with it
                if node.tag_ == "VB" and node.dep_ in ("xcomp", "conj") and child.dep_ != "nsubj":
                    continue
                return False
            if child.dep_ == "ccomp" and node.lemma_.lower() in INFORMING:
                return False  # "told reporters that ...": information, not a request
            # the subject of the requesting verb is the requester, not the content
            return child.dep_ not in ("nsubj", "nsubjpass")
    return False


# Verbs whose that-clause is someone's contested version, not a fact the report states
# ("the defendants claimed she complained of theft", "X alleged Y had funded Z", "Iran
# denied that it had fired"); the claim itself is the speech stage's event.
CLAIMING = {"claim", "allege", "contend", "deny", "believe", "suspect", "speculate",
            "rumour", "rumor", "theorise", "theorize"}  # fmt: skip


# How many gerunds of means or manner are climbed to reach the clause they belong to.
MEANS_DEPTH = 3


def claimed(token: Token) -> bool:
    """Is the trigger inside the that-clause of a verb of claiming (up to the first verb
    above it, through coordinated verbs)? A gerund of means or manner ("X alleged Y had
    caused suffering by supporting Z", "... had armed them, supporting Z") belongs to the
    clause it hangs on, so it is claimed with that clause."""
    node = first_conjunct(token)
    for _ in range(MEANS_DEPTH):
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head != node.head:
            node = first_conjunct(node.head.head)
        elif node.dep_ == "advcl" and node.tag_ == "VBG" and node.head != node:
            node = first_conjunct(node.head)
        else:
            break
    if node.dep_ != "ccomp" or node.head == node:
        return False
    verb = node.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in CLAIMING


# Verbs and nouns of trying: what they govern was attempted, not done ("tried to pressure
# X", "tried to have X released", "his efforts to complete the withdrawal").
ATTEMPT_VERBS = {"try", "attempt", "strive", "endeavour", "endeavor"}
ATTEMPT_NOUNS = {"effort", "efforts", "attempt", "attempts", "bid", "bids", "endeavour"}
# Attempted force is still coded (CAMEO 18x/19x "attempted assassination"); the others
# state no act.
ATTEMPT_KEPT = {"ASSAULT", "COERCE"}
_ATTEMPT_LINKS = {"xcomp", "ccomp", "acl", "dobj", "pcomp", "pobj", "prep", "nsubjpass", "conj"}


def attempted(token: Token, trigger: Trigger) -> bool:
    """Is the act only tried (up to three links above the trigger)?"""
    if trigger.type in ATTEMPT_KEPT:
        return False
    node = token
    for _ in range(3):
        if node.dep_ not in _ATTEMPT_LINKS or node.head == node:
            return False
        node = node.head
        word = node.lemma_.lower()
        if node.pos_ in ("VERB", "AUX") and word in ATTEMPT_VERBS:
            return True
        if node.pos_ == "NOUN" and (word in ATTEMPT_NOUNS or node.lower_ in ATTEMPT_NOUNS):
            return True
    return False


def speculative(token: Token, trigger: Trigger) -> bool:
    """Speculation ("Russia may attack", "Egypt could protest") states no event."""
    head = token if trigger.pos == "VERB" else (governing_verb(token) or token)
    if any(c.dep_ == "aux" and c.lower_ in SPECULATIVE_AUX for c in head.children):
        return True
    # "would do well to target voters", "should try to meet": advice or a conditional on
    # the verb that governs the act
    infinitive = head.dep_ == "xcomp" or (
        head.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )
    return infinitive and any(
        c.dep_ == "aux" and c.lower_ in SPECULATIVE_AUX | ADVISORY_AUX for c in head.head.children
    )


def background(token: Token, trigger: Trigger) -> bool:
    head = token if trigger.pos == "VERB" else (governing_verb(token) or token)
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADV for c in head.children):
        return True
    if head.dep_ == "relcl" and head.tag_ in ("VBD", "VBN"):
        return True
    sentence = token.sent.text.lower()
    return "anniversary" in sentence or "commemorat" in sentence
