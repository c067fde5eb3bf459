"""The product's spaCy pipeline (``communique.nlp.load``): faster than the package as
shipped where that changes nothing, and the same annotations token by token."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

# Our own sentences, with the inflections the rule lemmatizer works on: plurals and
# irregular plurals, past tenses and participles, comparatives, gerunds, rare words.
TEXTS = [
    "The ministers flew to Geneva on Tuesday and held longer talks than planned.",
    "Protesters were beaten by riot police, and three journalists were detained overnight.",
    "The court's rulings barred the governors from vetoing budgets drafted by lawmakers.",
    "Negotiators said the fiercest fighting had ceased, though shells still struck villages.",
    "She was reelected after the incumbents' coalitions splintered over tariffs and subsidies.",
    "Analysts expect the envoys to reconvene sooner, having agreed on the worst-hit areas.",
    "Children and women fled; the mice-infested barracks were abandoned by the militias.",
    "He quietly outmanoeuvred his rivals while the senators dithered about the blockades.",
    # what the attribute ruler's own rules are for: pronouns, contractions, multi-token
    # forms ("gonna", "ain't", "let's"), existential "there", whitespace tokens
    "I told them you'd win, but he said it ain't over and we're gonna lose.\n\nLet's see.",
    "There were   rumours that she had done it; did they?  Me neither, said the mayor.",
    '"We got ta talk," the envoy wrote.\n\n\nThere is no deal yet, it\'s said.',
]
ATTRS = [LEMMA, POS, TAG, MORPH, DEP, HEAD, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def shipped(nlp: Any) -> Any:
    """The same package loaded by spaCy alone, with the paragraph component added so that
    both see the same sentence starts."""
    import spacy

    from communique.nlp import PARAGRAPH_BREAKS

    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    plain.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return plain


def test_lemma_index_is_a_set(nlp: Any) -> None:
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    assert "minister" in index.get("noun") and "fly" in index.get("verb")


def test_annotations_equal_the_shipped_pipeline(nlp: Any, shipped: Any) -> None:
    import numpy

    ours, theirs = list(nlp.pipe(TEXTS)), list(shipped.pipe(TEXTS))
    for mine, plain in zip(ours, theirs, strict=True):
        assert [t.lemma_ for t in mine] == [t.lemma_ for t in plain]
        assert numpy.array_equal(mine.to_array(ATTRS), plain.to_array(ATTRS)), mine.text
    lemmas = {t.text: t.lemma_ for doc in ours for t in doc}
    assert lemmas["flew"] == "fly" and lemmas["rulings"] == "ruling"
    assert lemmas["fiercest"] == "fierce" and lemmas["struck"] == "strike"
    assert lemmas["militias"] == "militia" and lemmas["Children"] == "child"


def test_ruler_matches_equal_the_ruler_s_own(nlp: Any) -> None:
    from spacy.pipeline import AttributeRuler

    from communique.nlp.speedups import RememberedMatches

    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, RememberedMatches)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        own = AttributeRuler.match(ruler, doc)  # spaCy's method, the whole Matcher
        assert ruler.match(doc) == own
        assert ruler.match(doc) == own  # remembered answers, the second time
    spans = {doc[s:e].text for doc in docs for _, _, s, e in ruler.match(doc) if e - s > 1}
    assert {"gonna", "ain't", "Let's", "got ta"} <= spans


def test_tokens_are_new_objects_at_each_access(nlp: Any) -> None:
    """Why the source compares tokens by value: spaCy builds a new ``Token`` at each
    access, so a root's head is equal to it but never the same object."""
    root = next(t for t in nlp("The envoy left early.") if t.dep_ == "ROOT")
    assert root.head == root and root.head is not root


def test_no_parse_walk_tests_the_root_by_identity() -> None:
    """A walk up the parse that stops at 'node.head is node' never stops at the root
    (see above); one such loop ran for ever on a sentence whose root came before its
    comma. Every such test in the source is written with ``==``/``!=``."""
    import re
    from pathlib import Path

    import communique

    identity = re.compile(r"\b(\w+(?:\.head)?)\.head is (?:not )?\1\b|\bhead is (?:not )?token\b")
    found = [
        f"{path.name}:{n}"
        for path in Path(communique.__file__).parent.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if identity.search(line)
    ]
    assert not found, found
