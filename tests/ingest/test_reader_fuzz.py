"""Fuzzing the readers (issue 15 acceptance): any bytes under any name give records, no traceback.

Hypothesis mutates well-formed inputs of every kind (cuts, flipped bytes,
inserted NUL and control bytes, invisible characters) and also sends raw
bytes; every result must be a ``Document`` or a ``Failure`` whose source
names the file, and a failure's message starts with its code.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.ingest.test_readers import ARTICLE, HTML, rss, warc_record

from communique.config import Settings
from communique.ingest import read
from communique.model import Document, Failure

SEEDS: dict[str, bytes] = {
    "a.txt": ARTICLE.encode(),
    "a.html": HTML.encode(),
    "a.jsonl": (json.dumps({"text": ARTICLE, "published": "2024-03-14"}) + "\n").encode() * 3,
    "a.rss": rss(f"<item><title>T</title><description>{ARTICLE}</description></item>").encode(),
    "a.warc": warc_record(1, HTML.encode()) + warc_record(2, HTML.encode()),
    "a.warc.gz": gzip.compress(warc_record(1, HTML.encode())) * 2,
}
NOISE = st.sampled_from([b"\x00", b"\xff", b"\x1b", "\u202e".encode(), "\u200b".encode(), b"\n"])


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["cut", "flip", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        else:
            data[at:at] = draw(NOISE) * draw(st.integers(1, 50))
    return name, bytes(data)


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    case=st.one_of(damaged(), st.tuples(st.sampled_from(sorted(SEEDS)), st.binary(max_size=400)))
)
def test_damaged_inputs_give_records_naming_the_input(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(read([path], settings=Settings()))
    assert results
    for result in results:
        assert isinstance(result, Document | Failure)
        if isinstance(result, Failure):
            assert name in result.source, result
            assert result.message.startswith(result.code), result
        else:
            assert result.text.strip() and "\x00" not in result.text
