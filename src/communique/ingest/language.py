"""Language identification for ingested texts (py3langid).

Place in the pipeline: the last step of ingest, on the cleaned text. A
document whose English probability is below ``Settings.min_english`` gets
``status = "not-english"``: the store keeps it, the analysis stages skip it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# py3langid's n-gram model reads a few thousand characters well; more only costs time.
_SAMPLE = 5000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # norm_probs: probabilities that sum to 1, so min_english is a probability
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The most likely ISO 639-1 code of ``text``, and the probability that it is English."""
    ranking: list[tuple[str, float]] = _identifier().rank(text[:_SAMPLE])
    best = ranking[0][0] if ranking else "und"
    english = next((float(p) for code, p in ranking if code == "en"), 0.0)
    return best, english
