"""Language identification for ingested texts (py3langid).

Place in the pipeline: the last step of ingest, on the cleaned text. A
document whose English probability is below ``Settings.min_english`` gets
``status = "not-english"``: the store keeps it, the analysis stages skip it.
"""

from __future__ import annotations

import pickle
import re
import struct
from functools import cache
from typing import Any

from communique.config import default_cache_dir
from communique.data_cache import cached, fingerprint, source_files

# py3langid's n-gram model reads a few thousand characters well; more only costs time.
_SAMPLE = 5000


@cache
def _identifier(cache_dir: str) -> Any:
    from importlib.metadata import version

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, _load_model_file

    # The model ships LZMA-compressed: decompressing it took 0.5 s of every process's
    # start (issue 14), so its arrays are kept in the cache folder once decompressed.
    path = MODEL_DIR / MODEL_FILE
    key = fingerprint([path, *source_files(__name__)], [f"py3langid {version('py3langid')}"])
    ptc, pc, classes, nextmove, row, output = cached(
        "langid-model", key, lambda: _load_model_file(path), cache_dir, _dump, _undump
    )
    # norm_probs: probabilities that sum to 1, so min_english is a probability
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def _dump(model: Any) -> bytes:
    """The model pickled with its NumPy arrays out of band, after a small header: read
    back, the arrays point into the file's bytes instead of being copied (68 MB)."""
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(model, protocol=5, buffer_callback=buffers.append)
    raw = [buffer.raw() for buffer in buffers]
    sizes = [len(head), *(view.nbytes for view in raw)]
    return struct.pack(f"<I{len(sizes)}Q", len(sizes), *sizes) + head + b"".join(raw)


def _undump(data: bytes) -> Any:
    (count,) = struct.unpack_from("<I", data)
    sizes = struct.unpack_from(f"<{count}Q", data, 4)
    view, offset, parts = memoryview(data), 4 + 8 * count, []
    for size in sizes:
        parts.append(view[offset : offset + size])
        offset += size
    return pickle.loads(parts[0], buffers=parts[1:])  # our own file, written by _dump


# Short texts give flat distributions ("Macron met Scholz in Berlin." ranks
# Dutch first at 0.19, English below 0.05), so a document is only flagged when
# another language is identified with at least this probability; a French or
# Spanish sentence of six words scores 0.78-0.97. Uncertain text is analysed
# as English, the language communique reads.
CONFIDENT_OTHER = 0.6


def identify(text: str, cache_dir: str | None = None) -> tuple[str, float, float]:
    """The most likely ISO 639-1 code of ``text``, its probability, and the probability of English.

    ``cache_dir``: where the decompressed model is kept (setting ``cache_dir``)."""
    identifier = _identifier(cache_dir or default_cache_dir())
    ranking: list[tuple[str, float]] = identifier.rank(text[:_SAMPLE])
    best, best_p = (ranking[0][0], float(ranking[0][1])) if ranking else ("und", 0.0)
    english = next((float(p) for code, p in ranking if code == "en"), 0.0)
    return best, best_p, english


# Plainly English text is told without the model (issue 14: identification was 3-4% of a
# run's cost, most of it the model's n-gram walk over every byte). These are among
# the commonest words of English prose and are not words of the other languages news
# is written in ("of" is Dutch, "to" Polish, "for" Danish, "was" German, "but" French,
# so they are not here); in news text they make up 4-30% of the words (median 15%
# over 750 development articles), in a text of another language almost none. A text
# that is not plainly English, or too short to tell, goes to the model as before.
# fmt: off
_ENGLISH_WORDS = frozenset({
    "the", "and", "that", "with", "from", "this", "which", "said", "were", "would",
    "their", "they", "been", "has", "have", "not", "who", "its",
})
# fmt: on
PLAINLY_ENGLISH_SHARE = 0.08
_ENOUGH_WORDS = 40
_LETTERS = re.compile(r"[^\W\d_]+")


def plainly_english(text: str) -> bool:
    """At least ``PLAINLY_ENGLISH_SHARE`` of the first words (those the model would read)
    are English function words, and there are enough words to say so."""
    words = _LETTERS.findall(text[:_SAMPLE].lower())
    if len(words) < _ENOUGH_WORDS:
        return False
    english = sum(1 for word in words if word in _ENGLISH_WORDS)
    return english >= PLAINLY_ENGLISH_SHARE * len(words)


def is_english(text: str, min_english: float, cache_dir: str | None = None) -> tuple[str, bool]:
    """The language code to store, and whether to analyse the text as English."""
    if plainly_english(text):
        return "en", True
    best, best_p, english = identify(text, cache_dir)
    if english >= min_english or best == "en":
        return "en", True
    if best_p < CONFIDENT_OTHER:
        return "en", True
    return best, False
