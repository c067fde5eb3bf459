"""Reported speech: reporting cues in the parse and the clausal content they govern.

In: the spaCy ``Doc`` of a document and the speech-cue ``Lexicon``. Out:
``Reported`` candidates (content offsets, cue token, subject token) that
``communique.quotes`` merges with the direct quotations, filters against them
and gives speakers. Stage order: sentences → dates → actors → quotes → events.

The content is what the cue's complement says, never the reporting clause:

* clause: the ccomp subtree ("said (that) X", "told reporters that X", a
  parenthetical "X, he said, Y" and "X said: Y"), without "that" and without a
  trailing participial cue (", adding that Y" is a quote of its own);
* as / to-be / obj-to: "described X as Y", "considered X to be Y", "called X
  Y", "urged X to do Y" give "X as Y", "X to be Y", ...;
* noun: "X's statement that Y" gives Y; "according to X, Y" gives Y.

A bare noun-phrase object ("stressed the importance of unity") has no such
complement and gives nothing: it is a topic, not a quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.quotes.clauses import (
    clause_after_addressee,
    clause_by_words,
    clause_in_object,
    has_subject,
    inverted,
    modifier_cue,
    parenthetical,
    to_be,
)
from communique.quotes.lexicon import Lexicon
from communique.quotes.marks import ALL_MARKS
from communique.quotes.speakers import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Content shorter than this many words is not a statement ("he said so").
MIN_WORDS = 2
# "X, according to Y, Z": Z is the statement when it has this many words;
# shorter, the sentence around the source is ("..., then, according to Y, fled").
MIN_MID_CLAUSE_WORDS = 3
# Content longer than this many tokens is a parse that ran sentences together
# (a paragraph without punctuation), not a statement; the bound also keeps the
# work per cue from growing with the paragraph.
MAX_CONTENT_TOKENS = 400
# Words that open an embedded question ("asked how ...", "wondered whether ...").
_QUESTION_WORDS = frozenset({"how", "why", "when", "where", "whether", "if"})
_LEADING = frozenset({"that", ",", ";", ":", "-", "—", "–", "and", "but", "so"})
# Verbs that join a statement noun to its content: "X's argument was that Y".
_COPULAS = frozenset({"be", "remain"})
# Verbs by which one rejects what others said: "X denied claims that Y" tells a denial by
# X of a claim by someone unnamed, no statement of X's.
_REJECTING = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut", "contest"})
# Tokens that may stand between a statement's comma and the participial cue that
# starts the next one: an adverb and a closing mark (",” further saying").
_PARTICIPLE_LEAD = 3


@dataclass
class Reported:
    start: int
    end: int
    cue: str
    cue_token: int  # token index of the cue
    subject: int | None  # token index of the speaker phrase head
    kind: str = "indirect"


def find_reported(doc: Doc, lexicon: Lexicon) -> list[Reported]:
    """Every reported statement of ``doc``, nested ones included (see ``outermost``)."""
    found: list[Reported] = []
    text = doc.text  # once: spaCy rebuilds the string on every access
    for token in doc:
        item: Reported | None = None
        if token.lower_ == "according":
            item = _according(token)
        elif (noun := lexicon.noun_cue(token)) is not None:
            item = _noun(token, noun.lemma)
        elif (cue := lexicon.verb_cue(token)) is not None:
            item = _verb(token, cue.lemma, cue.kinds, lexicon, text)
        if item is not None and _words(doc, item) >= MIN_WORDS:
            found.append(item)
    # ", adding that Y" cut from the content of "X said that Z": X speaks Y too,
    # whatever verb of Z the parser hung the participle on.
    by_end = {_cut_participle(doc, r): r for r in sorted(found, key=lambda r: r.end - r.start)}
    for item in found:
        outer = by_end.get(item.cue_token)
        if outer is not None and outer is not item:
            item.subject = outer.subject
    return found


def _cut_participle(doc: Doc, item: Reported) -> int | None:
    """The participial cue right after a statement's content (", adding that ..."), if any."""
    end = doc.char_span(item.start, item.end, alignment_mode="expand")
    if end is None or end.end + 1 >= len(doc):
        return None
    if doc[end.end].text != ",":
        return None
    for token in doc[end.end + 1 : end.end + 1 + _PARTICIPLE_LEAD]:
        if token.tag_ == "VBG":
            return token.i
        if not (token.pos_ == "ADV" or token.text in ALL_MARKS):
            return None
    return None


def _participle_comma(doc: Doc, participle: int, lo: int) -> int | None:
    """The comma that opens a participial cue (", adding", ", further saying",
    ",” later adding"): only adverbs and closing marks may stand between them."""
    i = participle - 1
    while (
        i > lo
        and participle - i <= _PARTICIPLE_LEAD
        and (doc[i].pos_ == "ADV" or doc[i].text in ALL_MARKS)
    ):
        i -= 1
    return i if i > lo and doc[i].text == "," else None


def outermost(doc: Doc, found: list[Reported]) -> list[Reported]:
    """Drop statements whose cue lies inside another statement's content.

    A cue inside reported content is part of what was reported ("noted that
    the founder considered X as Y"): only the outer statement is a quote.
    """
    found = sorted(found, key=lambda r: r.start - r.end)
    kept: list[Reported] = []
    for item in found:
        cue_at = doc[item.cue_token].idx
        if not any(k.start <= cue_at < k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda r: r.start)


def _words(doc: Doc, item: Reported) -> int:
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    return 0 if span is None else sum(1 for t in span if t.is_alpha or t.like_num)


def _verb(
    token: Token, lemma: str, kinds: frozenset[str], lexicon: Lexicon, text: str
) -> Reported | None:
    children = list(token.children)
    by_dep: dict[str, list[Token]] = {}
    for child in children:
        by_dep.setdefault(child.dep_, []).append(child)
    objects = by_dep.get("dobj", [])
    obj: Token | None = objects[0] if objects else None
    if obj is None:
        for prep in by_dep.get("prep", []):
            if prep.lower_ in ("to", "on"):
                objects = [g for g in prep.children if g.dep_ == "pobj"]
                obj = objects[0] if objects else None
    lo_hi: tuple[int, int] | None = None
    if "as" in kinds and obj is not None:
        as_prep = [
            p
            for p in by_dep.get("prep", []) + [c for c in obj.children if c.dep_ == "prep"]
            if p.lower_ == "as"
        ]
        if as_prep and any(
            g.dep_ in ("pobj", "amod", "acomp", "pcomp") for g in as_prep[0].children
        ):
            lo_hi = (obj.left_edge.i, as_prep[0].right_edge.i)
    if lo_hi is None and "to-be" in kinds:
        lo_hi = to_be(token)
    if lo_hi is None and kinds & {"to-be", "obj-to"}:
        tail = by_dep.get("xcomp", []) + by_dep.get("oprd", [])
        if tail and "obj-to" not in kinds and _purpose(tail[0]):
            tail = []  # "called the office to ask for help" says nothing about the office
        if tail and obj is not None and tail[0].i > obj.i:
            lo_hi = (obj.left_edge.i, _without_coordination(tail[0]))
        elif (
            tail
            and obj is None
            and "obj-to" in kinds
            and tail[0].i > token.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tail[0].children)
            and not any(c.dep_ in ("auxpass", "neg") for c in tail[0].children)
        ):
            # "asked to waive her immunity": a request with no one named to do it
            # ("asked not to be named" is about the speaker, not a request).
            lo_hi = (tail[0].left_edge.i, _without_coordination(tail[0]))
    if lo_hi is None and kinds & {"clause", "to-be"}:
        # A clause with no subject of its own is a misparse more often than a
        # statement ("declared X as Y in 1961.It lies on ...").
        clauses = [c for c in by_dep.get("ccomp", []) if has_subject(c)]
        told = clause_after_addressee(obj) if obj is not None and not clauses else None
        if told is not None:
            clauses = [told]
        if clauses:
            lo_hi = (min(c.left_edge.i for c in clauses), max(c.right_edge.i for c in clauses))
            # "revealed that a man called the Bear was persuaded to ...": the parser
            # split one clause in two, the second without a subject, right after.
            for rest in by_dep.get("ccomp", []):
                if rest.left_edge.i == lo_hi[1] + 1 and not has_subject(rest):
                    lo_hi = (lo_hi[0], rest.right_edge.i)
            # "said that X, and that Y": a coordinated second that-clause.
            for conj in by_dep.get("conj", []):
                if conj.i > lo_hi[1] and (
                    conj.left_edge.lower_ == "that"
                    or any(g.dep_ == "mark" and g.lower_ == "that" for g in conj.children)
                ):
                    lo_hi = (lo_hi[0], conj.right_edge.i)
        elif "clause" in kinds and token.dep_ == "parataxis":
            lo_hi = parenthetical(token)
        elif "clause" in kinds and obj is not None and obj.dep_ == "dobj":
            lo_hi = clause_in_object(obj)
    speaker: Token | None = None
    if lo_hi is None and "clause" in kinds:
        lo_hi, speaker = inverted(token)
    if lo_hi is None and "clause" in kinds:
        lo_hi = clause_by_words(token, lexicon)
    if lo_hi is None:
        return None
    if token.doc[lo_hi[0]].lower_ in _QUESTION_WORDS:
        return None  # "asked officials how the files got out": a question, not a statement
    made = _make(token, lo_hi, lemma, lexicon, text, speaker is not None)
    if made is not None and speaker is not None:
        made.subject = speaker.i
    return made


def _purpose(head: Token) -> bool:
    """ "to ask for help": an infinitive of purpose, not "to be" or a bare predicate."""
    return head.lemma_ != "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _without_coordination(head: Token) -> int:
    """The right edge of a clause without a coordinated verb of the reporting clause.

    "urged the embassy to reconsider and spoke with the minister": the request
    ends at "reconsider".
    """
    right = head.right_edge.i
    for child in head.children:
        if child.dep_ == "cc" and child.i > head.i:
            right = min(right, child.i - 1)
    return right


def _make(
    token: Token,
    lo_hi: tuple[int, int],
    lemma: str,
    lexicon: Lexicon,
    text: str,
    speaker_after: bool = False,
) -> Reported | None:
    doc = token.doc
    lo, hi = lo_hi
    if lo <= token.i <= hi:
        # The content may not hold its own cue; keep the side after it.
        lo = token.right_edge.i + 1 if token.right_edge.i < hi else token.i + 1
    # A participial cue inside the content starts a statement of its own:
    # "X, adding that Y" is cut before the comma.
    for i in range(lo + 1, hi + 1):
        inner = doc[i]
        if inner.tag_ != "VBG" or lexicon.verb_cue(inner) is None:
            continue
        comma = _participle_comma(doc, i, lo)
        if comma is not None:
            hi = comma - 1
            break
    while lo <= hi and (doc[lo].lower_ in _LEADING or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].lower_ in ("and", "but")):
        if doc[hi].text == ")" and any(t.text == "(" for t in doc[lo:hi]):
            break
        hi -= 1
    if hi < lo:
        return None
    if hi - lo > MAX_CONTENT_TOKENS:
        return None  # a run-on parse, not one statement
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    if doc[lo].text[:1] in ALL_MARKS:
        return None
    # A statement never runs over a paragraph break (headlines parse into the body).
    broken = next(
        (t for t in doc[lo : hi + 1] if "\n" in (t.text_with_ws if t.i < hi else t.text)), None
    )
    if broken is not None:
        last = broken if "\n" not in broken.text else doc[broken.i - 1]
        end = last.idx + len(last.text.split("\n")[0])
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if end <= start or last.i < lo:
            return None
    subject = subject_of(token)
    if subject is None and modifier_cue(token):
        # "X, a rapporteur, cautioned justice does not come swiftly": the cue parsed as
        # a modifier of the clause's first noun, and X as the subject of its verb
        root = token.sent.root
        subject = next(
            (c for c in root.children if c.dep_ == "nsubj" and c.i < token.i),
            None,
        )
    if (
        not speaker_after
        and subject is None
        and token.tag_ in ("VBG", "VB", "VBN")
        and not any(c.dep_ == "auxpass" for c in token.children)
    ):
        return None  # nobody reports: "it is worth mentioning that ..."
    return Reported(start, end, lemma, token.i, subject.i if subject is not None else None)


def _according(token: Token) -> Reported | None:
    """ "According to X, Y" and "Y, according to X": X speaks, Y is the content.

    Cut by the sentence and the comma after X rather than by the parse, which
    often hangs Y on X as a relative clause ("According to X, who would ...").
    """
    source = _according_object(token)
    if source is None:
        return None
    doc = token.doc
    sent = token.sent
    lead = [t for t in doc[sent.start : token.i] if t.is_alpha]
    tail = [t for t in doc[token.right_edge.i + 1 : sent.end] if t.is_alpha]
    source_end = min(source.right_edge.i if source.dep_ == "pobj" else source.i, sent.end - 1)
    objects = [source]
    commas = [t.i for t in doc[objects[0].i : sent.end] if t.text == ","]
    # Without a comma, the content starts after the source's own words
    # ("according to the ministry he died in the morning").
    after = commas[0] + 1 if commas else source_end + 1
    rest = [t for t in doc[after : sent.end] if t.is_alpha]
    if len(lead) <= 1:  # "According to X, Y" / "But according to X, Y"
        lo, hi = after, sent.end - 1
    elif not tail:  # "Y, according to X."
        lo, hi = sent.start, token.i - 1
    elif len(rest) >= MIN_MID_CLAUSE_WORDS:
        # "which, according to X, the UN has criticised": the clause after X.
        lo, hi = after, sent.end - 1
    else:
        # "attacked him and then, according to X, fled": the whole sentence.
        lo, hi = sent.start, sent.end - 1
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in _LEADING):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return None
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    source = according_source(token)
    return Reported(start, end, "according to", token.i, source.i if source else None)


def _according_object(token: Token) -> Token | None:
    """The object of "according to": its pobj, or a capitalised name parsed as a verb.

    "According to Lindqvist the ship was ..." without a comma: the small parser
    may read the name as a verb whose object is the content; the name alone
    is the source then.
    """
    to = [c for c in token.children if c.lower_ == "to"]
    if not to:
        return None
    objects = [g for g in to[0].children if g.dep_ == "pobj"]
    if objects:
        return objects[0]
    named = [g for g in to[0].children if g.dep_ == "pcomp" and g.i == to[0].i + 1]
    return named[0] if named and named[0].is_title else None


def according_source(token: Token) -> Token | None:
    """Who speaks in "according to X": X, or the author of X when X is a text.

    "according to a post by the Finance Minister" and "according to a
    statement from the ministry" are the Secretary's and the ministry's words.
    """
    source = _according_object(token)
    if source is None:
        return None
    for prep in source.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            authors = [g for g in prep.children if g.dep_ == "pobj"]
            if authors:
                return authors[0]
    return source


def _noun(token: Token, lemma: str) -> Reported | None:
    """ "X's statement that Y", "X's argument was that Y": the that-clause is the
    content, the possessor speaks; the
    claims a verb of rejection takes with no one named ("denied claims that Y") are no
    statement of anyone the text names."""
    clauses = [
        c
        for c in token.children
        if c.dep_ in ("acl", "ccomp", "appos", "relcl")
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    if not clauses and token.dep_ == "nsubj" and token.head.lemma_.lower() in _COPULAS:
        # "X's argument was that Y", "the official position remained that Y"
        clauses = [
            c
            for c in token.head.children
            if c.dep_ in ("ccomp", "attr", "advcl")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]
    if not clauses:
        return None
    clause = clauses[0]
    doc = token.doc
    lo, hi = clause.left_edge.i, clause.right_edge.i
    while lo <= hi and (doc[lo].lower_ in _LEADING or doc[lo].is_punct):
        lo += 1
    while hi >= lo and doc[hi].is_punct:
        hi -= 1
    if hi < lo:
        return None
    speaker: Token | None = None
    # "the government's counter-argument": the parser may split a hyphenated noun
    # and hang the possessor on its first part.
    parts = [token]
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        parts = [doc[token.i - 2], doc[token.i - 1], token]
    for child in (c for part in parts for c in part.children):
        if child.dep_ == "poss":
            speaker = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "of") and speaker is None:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            speaker = objects[0] if objects else None
    if speaker is None and token.dep_ == "dobj" and token.head.lemma_.lower() in _REJECTING:
        return None  # "denied all claims that Y": whose claims, the text does not say
    if speaker is None and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        # "told the paper in a statement that ...": the one telling made it.
        speaker = subject_of(token.head.head)
    return Reported(
        doc[lo].idx,
        doc[hi].idx + len(doc[hi].text),
        lemma,
        token.i,
        speaker.i if speaker is not None else None,
    )
