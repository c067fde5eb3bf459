"""``cluster.minhash`` computes what datasketch computes, bit for bit (issue 14).

The store keeps every article's LSH bands (``minhash_bands``), so signatures
made without datasketch must equal datasketch's, or a store written before
would stop finding the copies of its articles. The sets are hashed word
shingles of our own sentences, as ``duplicates.shingles`` makes them.
"""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from communique.cluster import duplicates, minhash

TEXTS = [
    "The harbour council met the fishing union in the old town hall on Friday morning.",
    "Ministers from both countries signed a trade accord after two days of talks in the capital.",
    "Ten words are enough",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_signature_equals_datasketch(text: str) -> None:
    values = [h.to_bytes(8, "big") for h in duplicates.shingles(text)]
    theirs = MinHash(num_perm=duplicates.NUM_PERM)
    theirs.update_batch(values)
    ours = minhash.signature(values, duplicates.NUM_PERM)
    assert ours.dtype == theirs.hashvalues.dtype
    assert np.array_equal(ours, theirs.hashvalues)


def test_signatures_differ_between_texts() -> None:
    first, second = (
        minhash.signature([h.to_bytes(8, "big") for h in duplicates.shingles(t)], 128)
        for t in TEXTS[:2]
    )
    assert not np.array_equal(first, second)


@pytest.mark.parametrize(("threshold", "num_perm"), [*minhash.BANDING, (0.5, 64)])
def test_banding_equals_datasketch(threshold: float, num_perm: int) -> None:
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert minhash.banding(threshold, num_perm) == (lsh.b, lsh.r)


def test_clustering_does_not_import_datasketch() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from communique.cluster import duplicates\n"
        "duplicates.bands(duplicates.shingles(" + repr(TEXTS[0]) + "))\n"
        "print('datasketch' in sys.modules, 'scipy' in sys.modules)\n"
    )
    printed = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    assert printed.split() == ["False", "False"]
