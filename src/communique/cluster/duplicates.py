"""Near-duplicate articles: syndicated copies and re-posts of one report.

In: the cleaned text of articles (``Document.text``, after ingest removed site
boilerplate) and their ``ArticleFeatures`` for ordering. Out:
``Cluster(level="duplicate")`` records whose first member is the original
(earliest published, else first stored), with the containment of each link in
``scores``. Runs first in clustering; ``stories`` then keeps each duplicate
group in one story, and the exports mark the copies' events (``duplicate_of``).

Method, in three steps as every level: candidates from MinHash LSH over word
5-shingles (datasketch's MinHash, computed by ``minhash``; the bands are kept in the store,
``minhash_bands``, so a new article is compared only with the articles that
share a band with it), then an exact check of shingle containment,
|A ∩ B| / min(|A|, |B|), then union of the links (``union``, which obeys
users' merges and splits). Containment rather than Jaccard because a
syndicated copy is often cut (a shorter version, or one paragraph fewer) and
carries different boilerplate around the same body.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from communique.cluster.features import ArticleFeatures, fold
from communique.cluster.minhash import banding, signature
from communique.cluster.union import Pair, constraints, pair, union
from communique.model import Cluster, Decision

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


def bands(shingled: set[int]) -> set[tuple[int, int]]:
    """LSH bands ``(band number, signed 64-bit hash)`` of a shingle set; none for a short text.

    Two texts share a band with the probability that datasketch's
    ``MinHashLSH(threshold=LSH_THRESHOLD)`` would return one for the other.
    """
    if len(shingled) < MIN_SHINGLES:
        return set()
    values = signature((h.to_bytes(8, "big") for h in shingled), NUM_PERM)
    count, rows = banding(LSH_THRESHOLD, NUM_PERM)
    found = set()
    for band in range(count):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        found.add((band, int.from_bytes(digest, "big", signed=True)))
    return found


def links(
    new: Sequence[str], sets: Mapping[str, set[int]], candidates: Callable[[str], Iterable[str]]
) -> dict[Pair, float]:
    """Containment of each new article with its LSH candidates, where it reaches the minimum."""
    found: dict[Pair, float] = {}
    for article in new:
        mine = sets[article]
        if len(mine) < MIN_SHINGLES:
            continue
        for other in candidates(article):
            if other == article or other not in sets or len(sets[other]) < MIN_SHINGLES:
                continue
            share = containment(mine, sets[other])
            if share >= MIN_CONTAINMENT:
                found[pair(article, other)] = share
    return found


def group(
    articles: Sequence[ArticleFeatures],
    found: Mapping[Pair, float],
    decisions: Iterable[Decision] = (),
) -> tuple[list[Cluster], list[Decision]]:
    """Duplicate clusters of ``articles`` from their links, and the auto decisions behind them."""
    must, cannot = constraints(decisions)
    ordered = sorted(articles, key=lambda a: a.sort_key)
    groups, _used = union([a.id for a in ordered], found, must, cannot)
    clusters = []
    for ids in groups:
        if len(ids) < 2:
            continue
        chosen = set(ids)
        scores = {f"{a}~{b}": round(s, 3) for (a, b), s in sorted(found.items()) if a in chosen}
        clusters.append(
            Cluster(level="duplicate", id=f"duplicate:{ids[0]}", members=ids, scores=scores)
        )
    made = [
        Decision(level="duplicate", a=a, b=b, score=round(s, 4), features={"containment": s})
        for (a, b), s in sorted(found.items())
        if pair(a, b) not in cannot
    ]
    return sorted(clusters, key=lambda c: c.id), made


def find_duplicates(
    texts: dict[str, str], articles: Sequence[ArticleFeatures], decisions: Iterable[Decision] = ()
) -> list[Cluster]:
    """Groups of near-identical articles, the original first (see the module docstring)."""
    sets = {a.id: shingles(texts[a.id]) for a in articles}
    index: dict[tuple[int, int], list[str]] = defaultdict(list)
    for article in articles:
        for key in bands(sets[article.id]):
            index[key].append(article.id)
    by_article: dict[str, set[str]] = defaultdict(set)
    for members in index.values():
        for member in members:
            by_article[member].update(members)
    found = links([a.id for a in articles], sets, lambda a: by_article[a])
    return group(articles, found, decisions)[0]
