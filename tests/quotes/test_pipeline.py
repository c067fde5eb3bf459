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


def test_a_quotation_left_open_over_a_paragraph_gives_no_empty_quote(
    analyse: Callable[..., Document],
) -> None:
    # The opening mark's quotation runs over a line break without a closing mark,
    # so the next mark (before the cue) pairs with it; the reported clause clipped
    # to that quotation keeps no words. It used to become a quote ending before it
    # started, and the events stage then failed on the whole document.
    text = (
        "Velnet Telecom confirmed the outage on its account.\n"
        '"We can confirm that Velnet Telecom has a fault on the line.\n'
        'We will keep you posted on repairs, "Velnet Telecom tweeted at 09:30 this morning.\n'
    )
    document = analyse(text, published="2024-05-05")
    assert document.quotes
    assert all(q.start < q.end for q in document.quotes)
    assert all(document.text[q.start : q.end] == q.text for q in document.quotes)
