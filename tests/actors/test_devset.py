"""Mention accuracy on the development set (read from ../shared/eval, never copied).

For each gold mention: is there a system mention overlapping one of its occurrences that
resolves to an actor whose name or alias equals the gold actor (README "mentions")?
The floor is pinned below the measured figure (1.00 when written) so that a regression
fails; raise it when the resolver improves, never lower it silently.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import EVAL_DIR

from communique.actors.kb import lookup_key

FLOOR = 0.95


@pytest.mark.skipif(not (EVAL_DIR / "gold" / "mentions.jsonl").exists(), reason="no eval set")
def test_gold_mentions_resolve(nlp: Any, context: Any) -> None:
    from communique.actors import resolve_actors
    from communique.ingest import from_text
    from communique.nlp import sentences

    articles = [
        json.loads(x) for x in (EVAL_DIR / "gold" / "articles.jsonl").read_text().splitlines()
    ]
    gold = [json.loads(x) for x in (EVAL_DIR / "gold" / "mentions.jsonl").read_text().splitlines()]
    documents = {}
    for article in articles:
        raw = (EVAL_DIR / article["file"]).read_text(encoding="utf-8")
        document = from_text(
            raw, source=article["file"], published=article["published"], outlet=article["outlet"]
        )
        doc = nlp(document.text)
        document.sentences = sentences(doc)
        resolve_actors(doc, document, context)
        documents[article["id"]] = document
    hits = 0
    for item in gold:
        document = documents[item["article"]]
        text, needle = document.text, item["mention"]
        spans = []
        at = text.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = text.find(needle, at + 1)
        actors = {a.id: a for a in document.actors}
        want = lookup_key(item["actor"])
        for mention in document.mentions:
            actor = actors.get(mention.actor_id)
            overlaps = any(mention.start < e and s < mention.end for s, e in spans)
            if actor and overlaps and want in {lookup_key(n) for n in (actor.name, *actor.aliases)}:
                hits += 1
                break
    accuracy = hits / len(gold)
    assert accuracy >= FLOOR, f"mention accuracy {accuracy:.3f} < {FLOOR}"
