"""The process pool streams: it holds a bounded number of batches, results in input order.

``Pool.imap`` read its whole input ahead, so a long run held every ingested
text in the driver at once (issue 14: memory must not grow with the corpus).
"""

from __future__ import annotations

from collections.abc import Iterator

from communique.config import Settings
from communique.ingest import from_text
from communique.model import Document
from communique.pipeline import BATCHES_PER_WORKER, ProcessEngine

TEXTS = [
    "The mayor of Tarn opened a new bridge on Monday.",
    "Farmers in Velor protested against the water tax on Tuesday.",
    "The council of Brenn approved a school budget on Wednesday.",
    "Two ministers met in Oslo to discuss fishing quotas.",
    "Police in Lima arrested a smuggler at the port on Friday.",
    "The senate of Osna rejected the pension reform.",
    "A court in Cairo fined a bank for hiding losses.",
    "Nurses in Krakow ended their strike after a pay deal.",
]


def test_the_pool_reads_a_bounded_number_of_batches_ahead(settings: Settings) -> None:
    pulled: list[str] = []

    def documents() -> Iterator[Document]:
        for i, text in enumerate(TEXTS):
            pulled.append(text)
            yield from_text(text, source=f"pool#{i}", published="2024-05-02")

    pool_settings = settings.model_copy(update={"workers": 2, "batch_size": 1, "cluster": False})
    ahead: list[int] = []
    results = []
    with ProcessEngine(pool_settings) as engine:
        for result in engine.analyse(documents()):
            ahead.append(len(pulled) - len(results))
            results.append(result)
    assert len(results) == len(TEXTS)
    expected = [from_text(t, source="x", published="2024-05-02").id for t in TEXTS]
    assert [r.id for r in results if isinstance(r, Document)] == expected
    # never more than BATCHES_PER_WORKER batches of one document per worker taken out
    assert max(ahead) <= BATCHES_PER_WORKER * 2
    assert ahead[0] == BATCHES_PER_WORKER * 2  # and the pool was kept full
