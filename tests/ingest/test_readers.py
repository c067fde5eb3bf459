"""Readers and ``read``: each kind of input, metadata overrides, and the bad-input corpus."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from communique.config import Settings
from communique.errors import InputError
from communique.ingest import from_html, from_text, read
from communique.model import Document, Failure

ARTICLE = (
    "Nepal and Bhutan agreed on Wednesday to open a new trade route through the eastern "
    "hills, the two foreign ministries said in a joint statement.\n\n"
    "The agreement was signed in Kathmandu by the two trade ministers after a day of talks. "
    "Officials said the route would cut travel time for traders by half."
)
HTML = f"""<!DOCTYPE html>
<html lang="en"><head><title>Nepal and Bhutan open trade route | Himalaya Post</title>
<meta property="og:site_name" content="Himalaya Post">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<link rel="canonical" href="https://himalaya.example/trade-route">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Nepal and Bhutan open trade route</h1>
{"".join(f"<p>{p}</p>" for p in ARTICLE.split(chr(10) * 2))}
</article><footer>© 2024 Himalaya Post. <a href="/privacy">Privacy</a></footer></body></html>"""


def documents(results: list[Document | Failure]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def failures(results: list[Document | Failure]) -> list[Failure]:
    return [r for r in results if isinstance(r, Failure)]


def run(inputs: list[str | Path], **kwargs: object) -> list[Document | Failure]:
    return list(read(inputs, settings=kwargs.pop("settings", Settings()), **kwargs))  # type: ignore[arg-type]


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [document] = run([path])
    assert isinstance(document, Document)
    assert document.file == str(path)
    assert document.text.startswith("Nepal and Bhutan agreed")
    assert document.language == "en"
    assert document.status == "analysed"


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    [document] = run([tmp_path])
    assert isinstance(document, Document)
    assert document.file == "page.html"
    assert document.outlet == "Himalaya Post"
    assert document.published == "2024-03-14"
    assert document.published_source == "html"
    assert document.title and document.title.startswith("Nepal and Bhutan open trade route")
    assert document.url == "https://himalaya.example/trade-route"
    assert "Home" not in document.text and "Privacy" not in document.text
    assert "cut travel time" in document.text


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(HTML, encoding="utf-8")
    [document] = run([tmp_path])
    assert isinstance(document, Document)
    assert document.outlet == "Himalaya Post"
    assert "<p>" not in document.text


def test_jsonl_lines_and_malformed_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "text": ARTICLE,
                "url": "https://a.example/1",
                "outlet": "A",
                "published": "2024-01-02",
            }
        ),
        "{not json",
        json.dumps({"html": HTML, "url": "https://b.example/2"}),
        json.dumps({"title": "no body"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = run([tmp_path])
    docs, fails = documents(results), failures(results)
    assert [d.file for d in docs] == ["batch.jsonl:1", "batch.jsonl:3"]
    assert docs[0].outlet == "A" and docs[0].published == "2024-01-02"
    assert docs[0].published_source == "metadata"
    assert docs[1].url == "https://b.example/2" and docs[1].outlet == "Himalaya Post"
    assert [f.code for f in fails] == ["C104", "C104"]
    assert fails[0].source.endswith("batch.jsonl:2")
    assert fails[1].source.endswith("batch.jsonl:4")


def rss(entries: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Andes Daily</title>'
        f"<link>https://andes.example</link>{entries}</channel></rss>"
    )


def test_feed_entries(tmp_path: Path) -> None:
    item = (
        "<item><title>Route opens</title><link>https://andes.example/{n}</link>"
        "<pubDate>Thu, 14 Mar 2024 09:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>"
    )
    body = item.format(n=1, text=ARTICLE.replace("\n\n", " ")) + item.format(n=2, text="")
    (tmp_path / "news.rss").write_text(rss(body), encoding="utf-8")
    results = run([tmp_path])
    [document] = documents(results)
    assert document.url == "https://andes.example/1"
    assert document.outlet == "Andes Daily"
    assert document.published == "2024-03-14"
    assert document.title == "Route opens"
    assert document.file == "news.rss#entry 1"
    [failure] = failures(results)
    assert failure.code == "C102" and failure.source.endswith("news.rss#entry 2")


def warc_record(number: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://warc.example/{number}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{number}>\r\n"
        "WARC-Date: 2024-03-14T09:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_warc_html_responses_only(tmp_path: Path) -> None:
    records = [
        warc_record(1, HTML.encode()),
        warc_record(2, b"\x89PNG....", content_type="image/png"),
        warc_record(3, HTML.replace("Nepal", "Tibet").encode()),
    ]
    (tmp_path / "crawl.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in records))
    results = run([tmp_path])
    assert not failures(results)
    assert [d.url for d in documents(results)] == [
        "https://warc.example/1",
        "https://warc.example/3",
    ]
    assert documents(results)[0].file == "crawl.warc.gz#record 1"


def test_metadata_jsonl_and_argument_override(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(f"date 2021-01-05 {ARTICLE}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Coastal Times - {ARTICLE}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text(
        json.dumps({"file": "sub/a.txt", "published": "2021-02-01", "outlet": None, "url": None})
        + "\n"
        + json.dumps({"file": "b.txt", "published": None, "outlet": "Override News"})
        + "\n",
        encoding="utf-8",
    )
    results = run([tmp_path], metadata={"b.txt": {"url": "https://b.example"}})
    by_file = {d.file or "": d for d in documents(results)}
    assert sorted(by_file) == ["b.txt", "sub/a.txt"]  # metadata.jsonl and hidden files skipped
    assert by_file["sub/a.txt"].published == "2021-02-01"
    assert by_file["sub/a.txt"].published_source == "metadata"
    assert by_file["b.txt"].outlet == "Override News"
    assert by_file["b.txt"].url == "https://b.example"
    assert by_file["b.txt"].published is None


def test_metadata_argument_for_a_file_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [document] = run([path], metadata={str(path): {"published": "2020-10-10"}})
    assert isinstance(document, Document) and document.published == "2020-10-10"


def test_language_flag() -> None:
    french = (
        "Le gouvernement malien a annoncé mardi la reprise des négociations avec les groupes "
        "armés du nord du pays, selon un communiqué publié à Bamako. Les discussions doivent "
        "commencer la semaine prochaine sous l'égide de l'Algérie."
    )
    spanish = (
        "El presidente de Colombia se reunió el lunes con su homólogo de Ecuador en Quito para "
        "hablar de la seguridad en la frontera común, informó la cancillería en un comunicado."
    )
    assert from_text(french, source="fr").language == "fr"
    assert from_text(french, source="fr").status == "not-english"
    assert from_text(spanish, source="es").status == "not-english"
    assert from_text(ARTICLE, source="en").status == "analysed"


def test_from_text_and_from_html_raise_input_errors() -> None:
    with pytest.raises(InputError, match="C102"):
        from_text("Share it:\nLeave a Reply\n", source="x")
    with pytest.raises(InputError, match="C103"):
        from_text("abc\x00def", source="x")
    with pytest.raises(InputError, match="C102"):
        from_html("<html><head><title>Only a title</ti", source="x")


def input_name(source: str) -> str:
    """The file a failure names, without its ``:N`` line or ``#record N`` part."""
    return Path(re.sub(r"(:\d+|#.*)$", "", source)).name


def test_bad_inputs_fail_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "latin1.txt").write_bytes(
        ARTICLE.replace("Nepal", "Nepal café").encode("cp1252") + b" \xe9t\xe9 \x81"
    )
    (tmp_path / "truncated.html").write_text(
        "<html><head><title>Cut off here</ti", encoding="utf-8"
    )
    (tmp_path / "broken.jsonl").write_text(
        json.dumps({"text": ARTICLE}) + '\n{"text": "unterminated\n', encoding="utf-8"
    )
    (tmp_path / "broken.xml").write_text("<rss><channel><title>X</title><ite", encoding="utf-8")
    whole = warc_record(1, HTML.encode()) + warc_record(2, HTML.replace("Nepal", "Laos").encode())
    (tmp_path / "cut.warc").write_bytes(whole[: len(whole) - 300])
    (tmp_path / "huge.txt").write_text(ARTICLE * 40, encoding="utf-8")
    settings = Settings(max_bytes=5000)
    results = run([tmp_path, tmp_path / "missing.txt", good], settings=settings)

    fails = {input_name(f.source): f for f in failures(results)}
    assert {name: f.code for name, f in fails.items()} == {
        "empty.txt": "C102",
        "binary.bin": "C103",
        "truncated.html": "C102",
        "broken.jsonl": "C104",
        "broken.xml": "C107",
        "cut.warc": "C108",
        "huge.txt": "C106",
        "missing.txt": "C109",
    }
    assert fails["broken.jsonl"].source.endswith("broken.jsonl:2")
    assert fails["cut.warc"].source.endswith("cut.warc#record 2")
    assert all(f.message.startswith(f.code) for f in fails.values())
    files = sorted(d.file or "" for d in documents(results))
    assert files == sorted(
        ["good.txt", "latin1.txt", "broken.jsonl:1", "cut.warc#record 1", str(good)]
    )
    latin = next(d for d in documents(results) if d.file == "latin1.txt")
    assert "café" in latin.text
