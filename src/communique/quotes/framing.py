"""How reported statements and the quotations they touch combine, and namings.

In: the spaCy ``Doc``, the ``Found`` quotations and statements of
``communique.quotes.find_quotes`` and the speech-cue ``Lexicon``. Out: the
answers ``find_quotes`` asks before it gives speakers: whether a statement
that runs into a quotation says something of its own or only frames it
(``own_words``), which quoted words inside a statement are direct quotes of its
speaker (``fragments``), and which cues only name (``naming_cues``: "called
the harbour “the old port”" names; "referred to X as Y" by nobody is no
statement). Runs inside the quotes stage, between the finders (``direct``,
``reported``) and the speakers (``speakers``, ``described``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.quotes.direct import MIN_PHRASE_WORDS, Found, is_title, tokens
from communique.quotes.spans import Spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.quotes.lexicon import Lexicon
    from communique.quotes.marks import MarkedSpan

# Forms of "be" before a quotation that is a statement's whole predicate.
_COPULA = frozenset({"is", "was", "are", "were", "be", "been"})


def naming_cues(lexicon: Lexicon) -> frozenset[str]:
    """Cues that name or characterise ("described X as Y", "called X Y") and report
    no clause: said by nobody, or in the passive ("was called the “heart” of"),
    they name and state nothing."""
    return frozenset(
        cue.lemma
        for cues in lexicon.verbs.values()
        for cue in cues
        if cue.kinds & {"as", "to-be"} and "clause" not in cue.kinds
    )


def names_as(doc: Doc, start: int, end: int) -> bool:
    """ "X as Y" content whose Y is a proper name ("referred to the register as the
    National Records Office"): the cue gives a name, and a name states nothing."""
    words = [t for t in tokens(doc, start, end) if t.is_alpha or t.like_num]
    as_at = max((i for i, t in enumerate(words) if t.lower_ == "as"), default=None)
    if as_at is None:
        return False
    named = words[as_at + 1 :]
    return is_title(named, doc.text[named[0].idx : end] if named else "")


def own_words(doc: Doc, start: int, quoted: int, closing: bool, clause: bool) -> bool:
    """Reported content that says something of its own before the quotation it runs into.

    "said it is possible “that ...”" is a statement with a quoted part (both are
    quotes); "said, “...”" is only the frame of the quotation. A statement
    that ends inside a quotation which is its whole predicate (``closing``,
    after a form of "be") only frames the quoted words unless its subject is
    a phrase of its own: "said the plan was “a betrayal of ...”" is the
    quotation alone; "said it was likely “that ...”" and "described the
    attacks as a “dastardly act”" say something. Nor does a clause whose verb
    is inside the quotation it ends in (``clause``: a cue of clausal or
    "X to do Y" content): "said the new tariffs “will cost jobs”" and "an
    order directing units to “join the search”" quote the predicate, and the
    words before it say nothing alone.
    """
    span = doc.char_span(start, quoted, alignment_mode="contract")
    own = [t for t in span or [] if t.is_alpha or t.like_num]
    words = [t for t in own if t.lower_ != "that"]
    if closing and words and words[-1].lower_ in _COPULA:
        return len(words) >= MIN_PHRASE_WORDS
    if closing and clause and not any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    return len(words) >= 2


def fragments(
    doc: Doc, text: str, marked: list[MarkedSpan], found: list[Found], naming: frozenset[str]
) -> list[Found]:
    """Quoted words inside a reported statement: a direct quote of the same speaker.

    "described the attack as a “dastardly act”" reports a statement and quotes
    two of its words; both are quotes. Titles stay titles. A statement that relays
    another source ("quoting Y") quotes Y's words.
    """
    direct = Spans([(f.start, f.end) for f in found if f.kind == "direct"])
    statements = {(f.start, f.end): f for f in found if f.kind != "direct" and f.within is None}
    statement_spans = Spans(list(statements))
    out: list[Found] = []
    for span in marked:
        if direct.encloses(span.start, span.end):
            continue
        holder = statement_spans.containing(span.start)
        if holder is None:
            continue
        outer = statements[holder]
        words = [t for t in tokens(doc, span.start, span.end) if t.is_alpha or t.like_num]
        if not words or is_title(words, text[span.start : span.end]):
            continue
        if outer.cue == "call" and len(words) < MIN_PHRASE_WORDS and words[0].pos_ != "ADJ":
            continue  # "call the district “the old port”" names; "called it “dangerous”" says
        if len(words) < MIN_PHRASE_WORDS and _passive_naming(doc, span.open_mark, naming):
            continue  # "according to X, it was called the “breadbasket” of ...": a name
        relayed = _quoted_source(doc, outer.cue_token)
        out.append(
            Found(
                "direct",
                span.start,
                span.end,
                outer.cue,
                outer.cue_token,
                relayed if relayed is not None else outer.subject,
                outer.anchor,
            )
        )
    return out


def _passive_naming(doc: Doc, open_mark: int, naming: frozenset[str]) -> bool:
    """A naming cue in the passive just before a quotation: "was called the “...”",
    "was described as “...”" is said of a name by no one in particular."""
    before = doc.char_span(max(0, open_mark - 40), open_mark, alignment_mode="contract")
    for token in reversed(list(before or [])):
        if token.pos_ == "DET" or token.lower_ == "as" or token.is_punct:
            continue
        return token.tag_ == "VBN" and token.lemma_.lower() in naming
    return False


def _quoted_source(doc: Doc, cue_token: int | None) -> int | None:
    """ "According to X, quoting Y, ... “...”": the statement is X's report, the words
    in quotation marks are Y's. The token naming Y (its appositive name, if any)."""
    if cue_token is None:
        return None
    for token in doc[cue_token].sent:
        if token.lemma_.lower() != "quote" or token.tag_ != "VBG":
            continue
        source = next((c for c in token.children if c.dep_ == "dobj"), None)
        if source is None:
            continue
        name = next((c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        return (name or source).i
    return None
