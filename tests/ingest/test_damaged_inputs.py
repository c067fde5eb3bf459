"""Readers keep what is intact (issue 15, item 6): damaged archives, bad lines, deep pages, invisible characters."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from tests.ingest.test_readers import ARTICLE, HTML, documents, failures, run, warc_record

from communique.ingest import from_html, from_text, to_original
from communique.ingest.readers import gunzip_intact

REPORTS = [HTML.replace("Nepal", place) for place in ("Laos", "Peru", "Oman", "Chad")]


def records() -> list[bytes]:
    return [warc_record(number, page.encode()) for number, page in enumerate(REPORTS, 1)]


def test_a_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in records()]
    whole = b"".join(members)
    cut_inside_third = len(members[0]) + len(members[1]) + len(members[2]) // 2
    (tmp_path / "cut.warc.gz").write_bytes(whole[:cut_inside_third])
    results = run([tmp_path / "cut.warc.gz"])
    assert [d.url for d in documents(results)] == [
        "https://warc.example/1",
        "https://warc.example/2",
    ]
    [failure] = failures(results)
    assert failure.code == "C108" and failure.source.endswith("cut.warc.gz#record 3")
    assert "cut short" in failure.message


def test_a_corrupt_block_keeps_the_records_before_it(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in records()]
    third = bytearray(members[2])
    third[len(third) // 2 : len(third) // 2 + 40] = b"\xff" * 40  # bytes flipped on disk
    (tmp_path / "bad.warc.gz").write_bytes(b"".join([members[0], members[1], bytes(third)]))
    results = run([tmp_path / "bad.warc.gz"])
    assert len(documents(results)) == 2
    assert [f.code for f in failures(results)] == ["C108"]


def test_one_gzip_stream_cut_keeps_the_whole_records_in_it(tmp_path: Path) -> None:
    # stored blocks (level 0): the cut at 80% falls inside the fourth record
    whole = gzip.compress(b"".join(records()), compresslevel=0)
    (tmp_path / "one.warc.gz").write_bytes(whole[: int(len(whole) * 0.8)])
    results = run([tmp_path / "one.warc.gz"])
    assert len(documents(results)) == 3
    assert [f.source.rsplit("#", 1)[-1] for f in failures(results)] == ["record 4"]


def test_gunzip_intact_reads_every_member_of_an_intact_file() -> None:
    data = b"".join(gzip.compress(r) for r in records())
    assert gunzip_intact(data) == (b"".join(records()), None)
    raw, damage = gunzip_intact(data[:-5])
    assert raw == b"".join(records())[: len(raw)] and damage is not None


def test_a_nul_line_in_jsonl_fails_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://a.example/1"}).encode(),
        b"\x00" * 300,  # a crash while appending left NUL bytes
        json.dumps({"text": ARTICLE.replace("Nepal", "Laos")}).encode(),
        b'{"text": "ab\x00\x00\x00cd"}',
    ]
    (tmp_path / "batch.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    results = run([tmp_path])
    assert [d.file for d in documents(results)] == ["batch.jsonl:1", "batch.jsonl:3"]
    assert [(f.code, f.source.rsplit("/", 1)[-1]) for f in failures(results)] == [
        ("C103", "batch.jsonl:2"),
        ("C103", "batch.jsonl:4"),
    ]


def test_a_binary_file_named_jsonl_is_refused_whole(tmp_path: Path) -> None:
    (tmp_path / "image.jsonl").write_bytes(bytes(range(256)) * 20)
    [failure] = run([tmp_path / "image.jsonl"])
    assert failure.code == "C103" and failure.source.endswith("image.jsonl")


def nested(depth: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    return (
        "<html><head><title>Deep</title><script>var hidden = 'not text';</script></head><body>"
        + "<div>" * depth
        + body
        + "</div>" * depth
        + "</body></html>"
    )


def test_deeply_nested_html_keeps_its_text() -> None:
    shallow = from_html(nested(20), source="shallow.html")
    deep = from_html(nested(50_000), source="deep.html")
    assert "open a new trade route through the eastern hills" in deep.text
    assert "Officials said the route would cut travel time" in deep.text
    assert "hidden" not in deep.text
    assert deep.text.split() == shallow.text.split()


INVISIBLE = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u2060"


def test_invisible_and_bidi_controls_are_removed_and_offsets_map_back() -> None:
    laced = "".join(
        c + INVISIBLE[i % len(INVISIBLE)] if c.isalpha() else c for i, c in enumerate(ARTICLE)
    )
    document = from_text(laced, source="laced.txt")
    assert not set(INVISIBLE) & set(document.text)
    assert document.text == from_text(ARTICLE, source="plain.txt").text
    assert document.original == laced
    for index, char in enumerate(document.text):
        if not char.isspace():
            assert laced[to_original(document, index)] == char
    start = document.text.index("Kathmandu")
    span = laced[to_original(document, start) : to_original(document, start + len("Kathmandu"))]
    assert "".join(c for c in span if c not in INVISIBLE) == "Kathmandu"


def test_a_text_laced_with_controls_gives_the_events_of_the_plain_text(context: Any) -> None:
    from communique import process

    text = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on "
        "Wednesday. Police arrested forty protesters in Addis Ababa on Thursday."
    )
    laced = text.replace("Ruto", "Ru\u200bto").replace("met", "m\u202ee\u202ct")
    laced = laced.replace("arrested", "arr\u2066ested\u2069").replace(" ", " \u200f")
    plain = process(text, published="2025-05-07", context=context)
    again = process(laced, published="2025-05-07", context=context)
    assert plain.events  # the control: the plain text has events
    signature = [(e.type, e.source_id, e.target_id, e.date) for e in plain.events]
    assert [(e.type, e.source_id, e.target_id, e.date) for e in again.events] == signature
