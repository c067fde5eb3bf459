"""Near-duplicate articles: syndicated copies and re-posts of one report.

In: the cleaned text of every stored article (``Document.text``, after ingest
removed site boilerplate) and its ``ArticleFeatures`` for ordering. Out:
``Cluster(level="duplicate")`` records whose first member is the original
(earliest published, else first stored). Runs first in ``update_clusters``;
``stories`` then keeps each duplicate group in one story.

Method: MinHash over word 5-shingles, candidates from LSH (datasketch), then an
exact check of shingle containment, |A ∩ B| / min(|A|, |B|). Containment
rather than Jaccard because a syndicated copy is often cut (a shorter version,
or one paragraph fewer) and carries different boilerplate around the same body.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from communique.cluster.features import ArticleFeatures, fold
from communique.model import Cluster

SHINGLE = 5  # words per shingle: long enough that two reports of one event rarely share many
NUM_PERM = 128
# LSH recall threshold (estimated Jaccard): low, because a cut copy has a low
# Jaccard with its full original even when containment is near 1.
LSH_THRESHOLD = 0.3
# Exact containment needed to call two texts copies. Two outlets rewriting the
# same agency wire share long runs but rarely 70% of the shorter text's
# shingles; a copy with new boilerplate or a trimmed ending stays above it.
MIN_CONTAINMENT = 0.7
MIN_SHINGLES = 8  # texts shorter than this are too short to call anything a copy of them


def shingles(text: str) -> set[int]:
    """Hashed word ``SHINGLE``-grams of the folded text."""
    tokens = re.findall(r"\w+", fold(text))
    if len(tokens) < SHINGLE:
        return {_hash(" ".join(tokens))} if tokens else set()
    return {_hash(" ".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def containment(a: set[int], b: set[int]) -> float:
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


def find_duplicates(texts: dict[str, str], articles: Sequence[ArticleFeatures]) -> list[Cluster]:
    """Groups of near-identical articles, the original first (see the module docstring)."""
    sets = {a.id: shingles(texts[a.id]) for a in articles}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    scores: dict[tuple[str, str], float] = {}
    for article in articles:
        shingled = sets[article.id]
        if len(shingled) < MIN_SHINGLES:
            continue
        sketch = MinHash(num_perm=NUM_PERM)
        sketch.update_batch([h.to_bytes(8, "big") for h in shingled])
        for other in lsh.query(sketch):
            share = containment(shingled, sets[other])
            if share >= MIN_CONTAINMENT:
                scores[(other, article.id)] = share
                parent[find(article.id)] = find(other)
        lsh.insert(article.id, sketch)

    groups: dict[str, list[ArticleFeatures]] = {}
    for article in articles:
        groups.setdefault(find(article.id), []).append(article)
    clusters = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda a: a.sort_key)
        ids = [a.id for a in members]
        found = {f"{a}~{b}": round(s, 3) for (a, b), s in scores.items() if a in ids and b in ids}
        clusters.append(
            Cluster(level="duplicate", id=f"duplicate:{ids[0]}", members=ids, scores=found)
        )
    return sorted(clusters, key=lambda c: c.id)
