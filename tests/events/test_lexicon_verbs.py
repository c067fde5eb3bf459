"""``Lexicon.verbs``: the verbs that are events by themselves, kept between documents and
brought up to date when an entry is added."""

from __future__ import annotations

from communique.events.lexicon import Lexicon, Trigger, load_lexicon


def scanned(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(
        lemma
        for (lemma, pos), entries in lexicon.index.items()
        if pos == "VERB" and any(not t.constrained for t in entries)
    )


def test_shipped_verbs_are_the_unconstrained_verb_entries() -> None:
    lexicon = load_lexicon()
    assert lexicon.verbs == scanned(lexicon)
    assert "meet" in lexicon.verbs
    assert lexicon.verbs is lexicon.verbs  # built once, not per document


def test_adding_an_entry_updates_the_verbs() -> None:
    lexicon = Lexicon(version="test")
    lexicon.add(Trigger(lemma="meet", pos="VERB", type="CONSULT", cameo="040"))
    assert lexicon.verbs == {"meet"}
    # a verb known only with a required object is no event by itself
    lexicon.add(
        Trigger(
            lemma="open",
            pos="VERB",
            type="COOPERATE",
            cameo="050",
            with_object=frozenset({"talks"}),
        )
    )
    assert lexicon.verbs == {"meet"}
    lexicon.add(Trigger(lemma="snub", pos="VERB", type="REJECT", cameo="120"))
    lexicon.add(Trigger(lemma="visit", pos="NOUN", type="CONSULT", cameo="042"))
    assert lexicon.verbs == {"meet", "snub"} == scanned(lexicon)
