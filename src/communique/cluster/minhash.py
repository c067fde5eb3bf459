"""MinHash signatures and LSH banding as datasketch computes them, without importing datasketch.

``import datasketch`` loads its LSH module, which imports ``scipy.integrate``
to choose band sizes: about half a second of every ``communique run`` (issue
14), for two things this module does in a few lines of NumPy. The signature is
datasketch's default (version 2: scheme ``affine32``, seed 1, SHA-1 of each
value): each value's 32-bit hash is pre-mixed with the MurmurHash3 finalizer,
then each permutation is ``a * h + b`` modulo 2^32 with ``a`` odd, and the
signature keeps the minimum per permutation. The stored bands
(``minhash_bands``) of a store written with datasketch stay valid, since the
signatures are the same bit for bit; ``tests/test_minhash.py`` compares both
with datasketch's own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from typing import Any

import numpy as np

SEED = 1  # datasketch's default seed: the permutations every stored signature used
# The (bands, rows per band) that ``datasketch.MinHashLSH(threshold=0.3, num_perm=128)``
# chooses (it minimises false positives and negatives by numerical integration, hence
# scipy); ``tests/test_minhash.py`` checks them against datasketch.
BANDING = {(0.3, 128): (37, 3)}

# MurmurHash3's 32-bit finalizer: shift, multiplier, shift, multiplier, shift.
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@cache
def permutations(num_perm: int) -> tuple[Any, Any]:
    """The ``a`` (odd) and ``b`` of each permutation, drawn as datasketch draws them."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _sha1_32(value: bytes) -> int:
    return int.from_bytes(hashlib.sha1(value).digest()[:4], "little")


def _fmix32(values: Any) -> Any:
    shift1, multiplier1, shift2, multiplier2, shift3 = (np.uint32(c) for c in _FMIX)
    values = values ^ (values >> shift1)
    values = values * multiplier1
    values = values ^ (values >> shift2)
    values = values * multiplier2
    return values ^ (values >> shift3)


def signature(values: Iterable[bytes], num_perm: int) -> Any:
    """The MinHash signature of a set of byte strings: ``num_perm`` uint32 minima
    (``datasketch.MinHash(num_perm=num_perm)`` after ``update_batch(values)``)."""
    hashes = np.array([_sha1_32(v) for v in values], dtype=np.uint32)
    empty = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    if not hashes.size:
        return empty
    a, b = permutations(num_perm)
    with np.errstate(over="ignore"):  # the wrap-around is the modulo 2^32
        permuted = _fmix32(hashes).reshape(-1, 1) * a + b
    return np.minimum(empty, permuted.min(axis=0))


def banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of datasketch's LSH for ``threshold`` and ``num_perm``."""
    if (threshold, num_perm) in BANDING:
        return BANDING[(threshold, num_perm)]
    from datasketch import MinHashLSH  # another setting: let datasketch choose, once

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    BANDING[(threshold, num_perm)] = (int(lsh.b), int(lsh.r))
    return BANDING[(threshold, num_perm)]
