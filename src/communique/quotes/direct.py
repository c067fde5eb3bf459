"""Direct quotations: quoted stretches kept as quotes, the cue that frames each, colon headlines.

In: the spaCy ``Doc``, the cleaned text, the speech-cue ``Lexicon`` and the
``MarkedSpan`` candidates of ``marks.find_marked``. Out: ``Found`` records
(content offsets, cue, cue token, subject token) that ``communique.quotes``
merges with reported statements and gives speakers.

A quoted stretch is kept when a speech cue frames it (before: "X said, “...";
after: "“...,” he said"; or closing the previous paragraph: "X said:"), when it
continues the previous quote across a paragraph, or when it reads as a
statement on its own; short cue-less phrases and titles are scare quotes.

Every look around a quotation is bounded (``CUE_WINDOW`` characters), so the
work per quotation does not grow with the paragraph it sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.model import QuoteKind
from communique.quotes.lexicon import Lexicon
from communique.quotes.marks import MarkedSpan
from communique.quotes.reported import according_source
from communique.quotes.speakers import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A quoted stretch with no cue is a quotation only when it reads as a
# statement: at least this many words and a verb. Shorter cue-less stretches
# are scare quotes ("the so-called 'deal'") or names.
MIN_STANDALONE_WORDS = 6
# Words between a cue verb and the quote it frames ("... said in a statement
# on Monday, “..."); further away the verb belongs to another statement.
MAX_CUE_DISTANCE = 12
# A quoted phrase without a verb next to a cue: "the old port" (3 words) is a
# name, "a historic step for the region" a characterisation.
MIN_PHRASE_WORDS = 4
# A title is mostly capitalised words: calibrated on conference and report
# titles ("Launching the Annual Review of Coastal Fisheries Policy": 6 of 6).
TITLE_SHARE = 0.75
_MINOR = frozenset(
    {"a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "with"}
    | {"by", "from", "as", "into", "over", "about"}
)
# "” said the minister of foreign affairs, Jane Doe. “": the words an
# attribution between two quotations of one speaker may take.
MAX_ATTRIBUTION_WORDS = 12
# Characters read on either side of a quotation for its cue: a dozen words
# and a name with its titles fit; the look never grows with the paragraph.
CUE_WINDOW = 300
_WORD = re.compile(r"\w")
_SENTENCE_END = frozenset({".", "!", "?"})


@dataclass
class Found:
    kind: QuoteKind
    start: int
    end: int
    cue: str | None
    cue_token: int | None
    subject: int | None
    anchor: int  # character offset used for the sentence index
    inherit: bool = False  # continues the previous quote's speaker
    within: tuple[int, int] | None = None  # the direct quote a nested statement sits in


# ---------------------------------------------------------------------------
# direct quotations


def find_direct(doc: Doc, text: str, lexicon: Lexicon, marked: list[MarkedSpan]) -> list[Found]:
    out: list[Found] = []
    previous: MarkedSpan | None = None
    previous_kept: Found | None = None
    for span in marked:
        frame_start = (
            _outer_end(previous) if previous and previous.paragraph == span.paragraph else None
        )
        cue = _cue_around(doc, text, span, frame_start, lexicon)
        content = tokens(doc, span.start, span.end)
        words = [t for t in content if t.is_alpha or t.like_num]
        has_verb = any(_predicate_verb(t) for t in content)
        title = is_title(words, text[span.start : span.end])
        keep = False
        inherit = False
        sentence_like = has_verb and len(words) >= 3
        if cue is not None:
            verb = doc[cue[1]]
            naming = verb.dep_ in ("acl", "amod") or (verb.tag_ == "VBN" and not _has_subject(verb))
            # A quoted phrase without a verb ("called the harbour 'the heart of
            # resistance'") is a quote only when it says something: 4+ words.
            keep = (sentence_like or (len(words) >= MIN_PHRASE_WORDS and not title)) and not (
                naming and len(words) < MIN_STANDALONE_WORDS
            )
        elif previous_kept is not None and len(words) >= 3 and _adjacent(text, previous_kept, span):
            keep, inherit = True, True
        elif (
            previous_kept is not None
            and len(words) >= 2
            and _attributed_between(doc, text, previous_kept, span)
        ):
            # "“We are not leaving,” she said. “This is our land.”": the speaker
            # named between two quotations goes on speaking.
            keep, inherit = True, True
        elif len(words) >= MIN_STANDALONE_WORDS and has_verb and not title:
            keep = True
        previous = span
        if not keep:
            continue
        subject = None
        if cue is not None:
            verb = doc[cue[1]]
            subject = according_source(verb) if cue[0] == "according to" else subject_of(verb)
            if subject is None and verb.idx > span.end:
                subject = _inverted_speaker(verb)
        found = Found(
            "direct",
            span.start,
            span.end,
            cue[0] if cue else (previous_kept.cue if inherit and previous_kept else None),
            cue[1] if cue else None,
            subject.i if subject is not None else None,
            doc[cue[1]].idx if cue else span.start,
            inherit=inherit or cue is None,
        )
        out.append(found)
        previous_kept = found
    return out


def _attributed_between(doc: Doc, text: str, before: Found, span: MarkedSpan) -> bool:
    """Only the previous quotation's own short attribution stands between the two."""
    if before.cue_token is None or span.open_mark - before.end > CUE_WINDOW:
        return False
    cue_at = doc[before.cue_token].idx
    gap = text[before.end : span.open_mark]
    return before.end <= cue_at < span.open_mark and len(gap.split()) <= MAX_ATTRIBUTION_WORDS


def _inverted_speaker(verb: Token) -> Token | None:
    """ "“...”, added the agency." — the speaker after a cue that follows its quotation.

    The parser often makes a speaker that follows its verb an object; with no
    subject of its own, the first noun hanging on the verb after it speaks.
    """
    after = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubj", "attr") and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")
    ]
    if after:
        return after[0]
    if verb.dep_ == "amod" and verb.head.i > verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "added Northern Press Agency" parsed as an adjective of the name
    return None


def _outer_end(span: MarkedSpan) -> int:
    return span.close_mark + 1 if span.close_mark is not None else span.end


def tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _predicate_verb(token: Token) -> bool:
    """A verb that predicates, not a participle modifying a noun: “approved
    storage cabinets” and “heightened alert” are noun phrases, named, not said."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def is_title(words: list[Token], content: str) -> bool:
    """Quoted titles: mostly capitalised words and no closing punctuation."""
    major = [w for w in words if w.lower_ not in _MINOR and w.is_alpha]
    if len(major) < 2 or content.rstrip()[-1:] in ".!?,":
        return False
    return sum(1 for w in major if w.text[0].isupper()) / len(major) >= TITLE_SHARE


def _adjacent(text: str, before: Found, span: MarkedSpan) -> bool:
    """Nothing but marks, spaces and the next paragraph between two quoted stretches."""
    # A search stops at the first word, so a long gap costs no more than a short one.
    return _WORD.search(text, before.end, span.open_mark) is None


def _cue_around(
    doc: Doc, text: str, span: MarkedSpan, frame_start: int | None, lexicon: Lexicon
) -> tuple[str, int] | None:
    """The speech cue that frames a quoted stretch.

    After it ("” he said") or before it ("X said, “"), or closing the previous
    paragraph ("X said:"). Only ``CUE_WINDOW`` characters on either side are
    read: the cue is within a dozen words of the marks.
    """
    window_start = max(0, span.open_mark - CUE_WINDOW)
    newline = text.rfind("\n", window_start, span.open_mark)
    paragraph_start = newline + 1 if newline != -1 else window_start
    lo = max(frame_start or 0, paragraph_start)
    intro = tokens(doc, lo, span.open_mark) if span.open_mark > lo else []
    for i in range(len(intro) - 1, -1, -1):
        if intro[i].text in _SENTENCE_END:
            intro = intro[i + 1 :]
            break
    intro = [t for t in intro if t.idx + len(t.text) <= span.open_mark]
    starts_paragraph = newline != -1 or span.open_mark <= CUE_WINDOW
    before_paragraph = text[max(0, paragraph_start - CUE_WINDOW) : paragraph_start].rstrip()
    if not intro and starts_paragraph and before_paragraph.endswith(":"):
        # "X said:\n“...”": the cue closes the previous paragraph.
        colon = max(0, paragraph_start - CUE_WINDOW) + len(before_paragraph) - 1
        mark = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if mark is not None:
            first = max(doc[mark.start].sent.start, mark.start - MAX_CUE_DISTANCE - 1)
            intro = list(doc[first : mark.start])
    before: tuple[str, int] | None = None
    for distance, token in enumerate(reversed(intro)):
        if distance > MAX_CUE_DISTANCE:
            break
        cue = lexicon.verb_cue(token)
        if cue is not None:
            before = (cue.lemma, token.i)
            break
    after: tuple[str, int] | None = None
    if span.close_mark is not None:
        next_line = text.find("\n", span.close_mark, span.close_mark + CUE_WINDOW)
        limit = next_line if next_line != -1 else min(len(text), span.close_mark + CUE_WINDOW)
        outro = tokens(doc, span.close_mark + 1, limit)
        # A quotation that ends its own sentence (“... .” The council ...)
        # is attributed after it only by a short clause ("“... .” he said.").
        reach = 8
        ends_sentence = text[span.start : span.end].rstrip()[-1:] == "."
        if ends_sentence and outro[:1] and outro[0].text[:1].isupper():
            ends = [i for i, t in enumerate(outro) if t.text in _SENTENCE_END]
            reach = 3 if ends and ends[0] <= 4 else -1
        for count, token in enumerate(outro):
            if token.text in _SENTENCE_END or token.text in '“«"' or count > reach:
                break
            if token.lower_ == "according" and according_source(token) is not None:
                after = ("according to", token.i)  # "“...,” according to X."
                break
            cue = lexicon.verb_cue(token)
            if cue is not None:
                after = (cue.lemma, token.i)
                break
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                break  # “...” had many followers, and wrote ...: another clause
    intro_text = text[lo : span.open_mark].rstrip()
    if before is not None and (after is None or intro_text.endswith((",", ":"))):
        return before
    return after


# ---------------------------------------------------------------------------
# colon headlines: "Mayor Tells Council: Budget Must Be Cut By Half"


def colon_headlines(doc: Doc, text: str, lexicon: Lexicon, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for match in re.finditer(r"(?m)^([^\n:]{3,90}):[ \t]+([^\n]+)$", text):
        left_start, colon = match.start(1), match.end(1)
        right_start, right_end = match.start(2), match.end(2)
        content = text[right_start:right_end].rstrip(" .!?")
        if len(content.split()) < 3 or content[:1] in "“\"'‘«":
            continue
        if any(f.start < right_end and right_start < f.end for f in found):
            continue
        cue = next(
            (
                (c.lemma, t.i)
                for t in tokens(doc, left_start, colon)
                if (c := lexicon.verb_cue(t)) is not None
            ),
            None,
        )
        if cue is None:
            continue
        head = doc[cue[1]]
        subject = subject_of(head)
        if subject is None:  # title-case headlines parse poorly: the words before the verb
            before = [t for t in tokens(doc, left_start, head.idx) if t.is_alpha]
            subject = before[-1] if before else None
        out.append(
            Found(
                "indirect",
                right_start,
                right_start + len(content),
                cue[0],
                cue[1],
                subject.i if subject is not None else None,
                head.idx,
            )
        )
    return out
