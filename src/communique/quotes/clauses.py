"""Where a reporting cue's clausal content is when the parse is not a plain ccomp.

In: a cue token of the spaCy ``Doc`` (and the speech-cue ``Lexicon``). Out:
token ranges of the content, or the tokens that bound it, for
``reported._verb``: a clause hung on the one told as a relative clause
("informed police she had ..."), a clause parsed as an object, a speaker after
its cue ("..., said X"), a parenthetical ("X, he said, Y"), "considered X to
be Y", and a clause the parser broke apart, read by words. Part of the quotes
stage (``communique.quotes``), between the parse and the speakers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.quotes.described import SPEAKING_NOUNS
from communique.quotes.marks import ALL_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.quotes.lexicon import Lexicon

# Tags of a finite verb or auxiliary: what makes words after a cue a clause.
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def clause_after_addressee(obj: Token) -> Token | None:
    """ "informed police she had immunity": the parser hung the clause on the one
    told as a relative clause without a relative word. It is the content when it
    follows the addressee (a name, a noun for people, a pronoun) at once and opens
    with a personal pronoun as its subject; "stressed the importance he attached
    to X" keeps its relative clause (a thing, not an addressee).
    """
    if not (obj.pos_ in ("PROPN", "PRON") or obj.lemma_.lower() in SPEAKING_NOUNS):
        return None
    for clause in obj.children:
        first = clause.doc[clause.left_edge.i]
        if (
            clause.dep_ == "relcl"
            and clause.left_edge.i == obj.i + 1
            and first.dep_ == "nsubj"
            and first.tag_ == "PRP"
            and first.head.i == clause.i
            and clause.tag_ in FINITE
        ):
            return clause
    return None


def clause_in_object(obj: Token) -> tuple[int, int] | None:
    """ "said a law allowing X marked a sad day": the parser made the clause an object.

    Only when a verb with its own subject hangs as a clause (ccomp) inside the
    object; a noun phrase with a relative clause stays a topic.
    """
    for inner in obj.subtree:
        if inner.dep_ == "ccomp" and inner is not obj and has_subject(inner):
            return (obj.left_edge.i, obj.right_edge.i)
    return None


def inverted(token: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """ "Y, argued the government's lawyer, Z." — a reporting verb after its content.

    The verb follows a comma and the clause before it, and its speaker comes
    after it (parsed as an object or a subject). A participle is no such verb: what
    follows "adding" is what was added.
    """
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "," or token.head.i >= token.i:
        return None, None
    if token.dep_ not in ("conj", "parataxis", "advcl"):
        return None, None
    if token.tag_ == "VBG":
        return None, None  # "..., adding the words 'and Emergency'": an object, no speaker
    speakers = [c for c in token.children if c.dep_ in ("dobj", "nsubj") and c.i > token.i]
    if not speakers:
        return None, None
    start = token.sent.start
    return (start, token.i - 2), speakers[0]


def clause_by_words(token: Token, lexicon: Lexicon) -> tuple[int, int] | None:
    """ "said X required surgery, and was ..." when the parser found no clause.

    The small parser often breaks a reported clause without "that" into an
    object and loose verbs ("announced on Monday there were suspects": the
    cue becomes a modifier and the clause the root). Read by words instead:
    after the cue's own prepositional phrases and adverbs (and "RECIPIENT
    that"), the rest of the sentence up to a semicolon is the content when
    its first finite verb

    * lies outside the cue's object and outside relative clauses ("stressed
      the importance of the deal that was signed" stays a topic);
    * comes before any quotation in it (a quotation is a direct quote of its
      own), and is no speech cue of its own ("... and said, “...”");
    * has its subject before any comma of the content ("denied the claims,
      but a report concluded ...": a second clause of the narrator's), or,
      sharing the subject of a name or pronoun before it, none at all.

    Only a plain active verb is read this way: a passive ("was reported by
    local media to ...") and a relative clause's cue ("which claims X") are
    not statements, and a title-case word ("the State Archive") is no verb.
    """
    if token.pos_ != "VERB" or token.dep_ == "relcl":
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None
    doc = token.doc
    sent_end = token.sent.end
    i = token.i + 1
    while i < sent_end:
        word = doc[i]
        if word.head.i == token.i and word.dep_ == "prep" and word.right_edge.i < sent_end:
            i = word.right_edge.i + 1
        elif word.head.i == token.i and word.dep_ in ("advmod", "npadvmod", "prt"):
            i += 1
        elif (told := addressee_before_that(token, i)) is not None:
            i = told  # "told local reporters that ...": the one told
        elif word.lower_ == "that" and word.pos_ == "SCONJ":
            i += 1
        else:
            break
    lo = i
    if lo >= sent_end or doc[lo].pos_ in ("VERB", "AUX", "PUNCT", "PART", "CCONJ"):
        return None
    hi = lo
    while hi + 1 < sent_end and doc[hi + 1].text != ";":
        hi += 1
    topic = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
    comma: int | None = None  # the first comma of the content
    for word in doc[lo : hi + 1]:
        if word.text in ALL_MARKS and not (word.i + 1 <= hi and doc[word.i + 1].tag_ in FINITE):
            return None  # a quotation before any finite verb
        if word.text == "," and comma is None:
            comma = word.i
        if word.tag_ not in FINITE or not word.is_alpha or word.i in topic:
            continue
        verb = word.head if word.dep_ in ("aux", "auxpass") else word
        if verb.dep_ in ("relcl", "acl", "amod") or verb.i in topic:
            continue
        if lexicon.verb_cue(verb) is not None:
            return None
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and lo <= c.i < verb.i
        ]
        if subjects:
            # "asked the captain when the ferry would leave": the object is
            # the one addressed, and the clause after it has its own subject.
            ok = (comma is None or subjects[0].i < comma) and lo not in topic
        else:
            # "said Jane Doe needed surgery, and was ...": the verb shares the
            # subject that opens the content; "warned the rebels would pay":
            # the cue's object right before the verb is the clause's subject.
            first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg")])
            ok = (
                doc[lo].pos_ == "PROPN"
                or doc[lo].tag_ == "PRP"
                or any(c.dep_ == "dobj" and c.right_edge.i + 1 == first for c in token.children)
                # "X, a rapporteur, cautioned justice does not come swiftly": the
                # parser made the cue a modifier of the noun that opens the clause
                or (modifier_cue(token) and token.head.i == lo)
            )
        return (lo, hi) if ok else None
    return None


def modifier_cue(token: Token) -> bool:
    """A cue after a comma that the parser made a modifier of the next word ("X, a
    rapporteur, cautioned justice does not ..."), not a participle inside a noun
    phrase ("the reported attack")."""
    doc = token.doc
    return (
        token.dep_ == "amod"
        and token.head.i == token.i + 1
        and token.i > 0
        and doc[token.i - 1].text == ","
    )


def addressee_before_that(token: Token, i: int) -> int | None:
    """Where "that" follows the cue's object starting at token ``i``, else None."""
    doc = token.doc
    for child in token.children:
        if child.dep_ == "dobj" and child.left_edge.i == i:
            after = child.right_edge.i + 1
            if after < token.sent.end and doc[after].lower_ == "that":
                return after
    return None


def has_subject(head: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in head.children) or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )


def to_be(token: Token) -> tuple[int, int] | None:
    """ "considered X to be Y" by its words: the parser often hangs "to be" on X."""
    doc = token.doc
    for i in range(token.i + 2, min(token.i + 10, len(doc) - 1)):
        if doc[i].lower_ == "to" and doc[i + 1].lemma_ == "be":
            if any(t.is_punct for t in doc[token.i + 1 : i]):
                return None
            return (token.i + 1, doc[i + 1].right_edge.i)
    return None


def parenthetical(token: Token) -> tuple[int, int] | None:
    """ "However, Lindqvist said, anyone who ..." — the clause around the cue is the content."""
    head = token.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    left, right = head.left_edge.i, head.right_edge.i
    cue_left, cue_right = token.left_edge.i, token.right_edge.i
    before = [t for t in token.doc[left:cue_left] if t.is_alpha]
    after = [t for t in token.doc[cue_right + 1 : right + 1] if t.is_alpha]
    if len(before) <= 2:  # only "However," / "But," before the cue
        return (cue_right + 1, right)
    if len(after) <= 1:  # "X will come, he said."
        return (left, cue_left - 1)
    return (left, right)
