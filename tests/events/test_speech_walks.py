"""Walks up the parse in the speech reader end on every tree, and on a malformed one.

``communique.events.speech_claims.governors`` is the one walk up the heads that the
speech reader's clause checks share (negation above a clause, the negation and
auxiliaries of a coordination, a conjunct's subject, conditionals). A parser's heads
form a tree, but a ``Doc`` whose heads were set by hand can hold a cycle; and spaCy
makes a new ``Token`` object at every access, so a walk that waits for
``token.head is token`` never meets the root. These tests build such documents and
check that every check returns.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from communique.events.speech_claims import _negated_clause, governors
from communique.events.speech_cues import load_cues
from communique.events.speech_reader import QuoteReader
from communique.model import Quote


def _cyclic(nlp: Any) -> Doc:
    """ "it is not true that X ordered it" with "ordered" → "true" → "is" → "ordered"."""
    words = ["it", "is", "not", "true", "that", "Jones", "ordered", "it"]
    heads = [1, 6, 1, 1, 6, 6, 3, 6]
    deps = ["nsubj", "conj", "neg", "conj", "mark", "nsubj", "conj", "dobj"]
    pos = ["PRON", "AUX", "PART", "ADJ", "SCONJ", "PROPN", "VERB", "PRON"]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def _reader(doc: Doc, kind: str = "direct") -> QuoteReader:
    quote = Quote(id="q1", kind=kind, text=doc.text, start=0, end=len(doc.text), speaker_id="x")
    return QuoteReader(quote, list(doc), {}, load_cues())


def test_governors_of_a_parse_end_at_the_root(nlp: Any) -> None:
    doc = nlp("Officials said that the minister had ordered the inquiry.")
    inquiry = next(t for t in doc if t.text == "inquiry")
    chain = [t.text for t in governors(inquiry)]
    assert chain == ["ordered", "said"]
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert list(governors(root)) == []


def test_governors_visit_each_head_of_a_cycle_once(nlp: Any) -> None:
    doc = _cyclic(nlp)
    chain = [t.i for t in governors(doc[6])]
    assert chain == [3, 1]  # and not back to 6, nor on for ever


def test_clause_checks_return_on_a_cyclic_parse(nlp: Any) -> None:
    doc = _cyclic(nlp)
    reader = _reader(doc)
    ordered = doc[6]
    assert reader.denied_above(ordered) is True  # "is" above it holds the "not"
    assert reader.negated(ordered) in (True, False)
    assert reader.future(ordered) is False
    assert reader.hypothetical(ordered) is False
    assert reader.subject(ordered) is not None


def test_denied_above_stops_at_the_edge_of_the_quote(nlp: Any) -> None:
    doc = nlp("The mayor did not say that Jones ordered the strike.")
    ordered = next(t for t in doc if t.text == "ordered")
    quote_start = next(t for t in doc if t.text == "Jones").idx
    span = doc.char_span(quote_start, len(doc.text) - 1, alignment_mode="expand")
    assert span is not None
    quote = Quote(
        id="q1", kind="indirect", text=span.text, start=quote_start, end=len(doc.text) - 1
    )
    reader = QuoteReader(quote, list(span), {}, load_cues())
    # the negation sits on the reporting verb outside the quote: not the quote's own
    assert reader.denied_above(ordered) is False
    whole = _reader(doc)
    assert whole.denied_above(ordered) is True


def test_negation_above_a_noun_in_a_sentence_without_a_verb(nlp: Any) -> None:
    fragment = nlp("Shameful conduct by the ministry.")
    conduct = next(t for t in fragment if t.text == "conduct")
    shameful = next(t for t in fragment if t.text == "Shameful")
    assert _negated_clause(shameful) is False  # the root is a noun: no verb to negate
    assert _negated_clause(conduct) is False
    negated = nlp("We never doubted the reckless plan of the ministry.")
    plan = next(t for t in negated if t.text == "plan")
    assert _negated_clause(plan) is True
