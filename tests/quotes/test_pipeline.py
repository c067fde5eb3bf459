"""The quotes stage inside the whole pipeline, after the real actors stage."""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document


def test_quotes_through_the_pipeline(analyse: Callable[..., Document]) -> None:
    text = (
        "Nairobi, 3 March — Kenyan President William Ruto met regional leaders on Friday.\n\n"
        "“Our region needs one voice on trade,” Ruto said.\n\n"
        "He added that the summit would meet again in Kampala in June."
    )
    document = analyse(text, published="2024-03-03")
    kinds = [(q.kind, q.text) for q in document.quotes]
    assert kinds == [
        ("direct", "Our region needs one voice on trade,"),
        ("indirect", "the summit would meet again in Kampala in June"),
    ]
    speakers = {q.speaker_id for q in document.quotes}
    assert len(speakers) == 1 and None not in speakers
    assert all(document.text[q.start : q.end] == q.text for q in document.quotes)
