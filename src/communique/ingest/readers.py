"""Readers: one file in, its articles out as ``Document`` or ``Failure`` records.

Place in the pipeline: ``communique.ingest.read`` walks the inputs and hands
each file to the reader that claims it; a reader decodes the bytes and calls
``ingest.document.from_text`` / ``from_html`` once per article; analysis
(spaCy) comes after. Built-in kinds, in the order they are asked:

1. ``warc``   .warc / .warc.gz, or bytes starting ``WARC/``: HTML ``response`` records;
2. ``jsonl``  .jsonl / .ndjson: one article per line (``text`` or ``html``);
3. ``feed``   .xml / .rss / .atom, or an ``<rss``/``<feed``/``<rdf`` root: one per entry;
4. ``html``   .html / .htm / .xhtml, or an ``<html``/``<!doctype html`` head;
5. ``text``   everything else that decodes as text.

A claim by file extension beats a claim by content sniffing; a reader added
with ``register_reader`` is asked before the built-in ones, as a plugin's
would be. A reader never raises for a bad article: it yields a ``Failure``
naming the input (``path``, ``path:N`` for line N, ``path#entry N``, ``path#record N``).
"""

from __future__ import annotations

import io
import json
import re
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from communique.config import Settings
from communique.errors import CommuniqueError, InputError, Messages
from communique.ingest.document import from_html, from_text
from communique.model import Document, Failure

Result = Document | Failure


@dataclass
class Item:
    """One input file: where it is, what to call it, and metadata given for it."""

    path: Path
    source: str  # the name failures use: the path as the user gave it, joined
    file: str  # Document.file: relative to the directory given, or the path as given
    settings: Settings
    overrides: dict[str, Any] = field(default_factory=dict)  # non-null metadata values


class Reader(Protocol):
    name: str

    def claims(self, path: Path, head: bytes) -> int:
        """2 if the file extension is this kind's, 1 if the content looks like it, else 0."""
        ...

    def read(self, item: Item, data: bytes) -> Iterator[Result]: ...


def failure(error: CommuniqueError, source: str) -> Failure:
    return Failure(source=error.source or source, code=error.code, message=str(error))


def guard(source: str, make: Callable[[], Document]) -> Result:
    """Build one document; any error becomes a Failure naming ``source``."""
    try:
        return make()
    except CommuniqueError as error:
        return failure(error, source)
    except Exception as exc:  # a bug or a library error on one article never stops the others
        return failure(InputError(Messages.C101, source=source, detail=repr(exc)), source)


# ---------------------------------------------------------------------------
# decoding


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes, in the first 8 kB: not text.

    Text in any 8-bit or UTF-8 encoding has no NUL and almost no C0 controls
    besides tab and line breaks; 5% leaves room for stray form feeds.
    """
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode(data: bytes, source: str, binary_check: bool = True) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with replacement characters.

    ``binary_check``: refuse data that ``looks_binary`` (C103); a reader
    that checks each record itself (JSON lines) turns it off.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    if binary_check and looks_binary(data):
        raise InputError(Messages.C103, source=source, detail="binary content (NUL/control bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Most non-UTF-8 news text is Windows-1252 (a superset of Latin-1 for
        # printable text); the few undefined bytes become U+FFFD.
        return data.decode("cp1252", errors="replace")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _with(overrides: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """A record's own metadata, with file-level values filling only what it lacks."""
    out = {k: record.get(k) for k in ("published", "outlet", "title", "url")}
    for key, value in overrides.items():
        if out.get(key) is None:
            out[key] = value
    return {k: (str(v) if v is not None else None) for k, v in out.items()}


# ---------------------------------------------------------------------------
# the built-in readers


class TextReader:
    name = "text"

    def claims(self, path: Path, head: bytes) -> int:
        return 2 if _suffix(path) in {".txt", ".text", ".md"} else 1

    def read(self, item: Item, data: bytes) -> Iterator[Result]:
        def make() -> Document:
            return from_text(
                decode(data, item.source),
                source=item.source,
                file=item.file,
                settings=item.settings,
                **_with(item.overrides, {}),
            )

        yield guard(item.source, make)


class HtmlReader:
    name = "html"

    def claims(self, path: Path, head: bytes) -> int:
        if _suffix(path) in {".html", ".htm", ".xhtml"}:
            return 2
        lowered = head.lower()
        return 1 if b"<html" in lowered or b"<!doctype html" in lowered else 0

    def read(self, item: Item, data: bytes) -> Iterator[Result]:
        def make() -> Document:
            return from_html(
                decode(data, item.source),
                source=item.source,
                file=item.file,
                settings=item.settings,
                **_with(item.overrides, {}),
            )

        yield guard(item.source, make)


class JsonlReader:
    name = "jsonl"

    def claims(self, path: Path, head: bytes) -> int:
        return 2 if _suffix(path) in {".jsonl", ".ndjson"} else 0

    def read(self, item: Item, data: bytes) -> Iterator[Result]:
        # The binary test is per line: one line of NUL bytes (a crash while
        # appending) is that line's failure, the others are read (issue 15).
        # A file that does not even start like JSON lines is refused whole.
        try:
            text = decode(data, item.source, binary_check=data.lstrip()[:1] != b"{")
        except InputError as error:
            yield failure(error, item.source)
            return
        # split("\n"), not splitlines(): a stray form feed or U+2028 inside a
        # record is not a line break in JSON lines.
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield guard(f"{item.source}:{number}", partial(self._one, item, line, number))

    @staticmethod
    def _one(item: Item, line: str, number: int) -> Document:
        source = f"{item.source}:{number}"
        if looks_binary(line.encode("utf-8", "replace")):
            raise InputError(Messages.C103, source=source, detail="NUL or control bytes")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(Messages.C104, source=source, detail=f"not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise InputError(Messages.C104, source=source, detail="not a JSON object")
        body = record.get("html") if record.get("text") is None else record.get("text")
        if not isinstance(body, str):
            raise InputError(Messages.C104, source=source, detail="no 'text' or 'html' string")
        make = from_text if record.get("text") is not None else from_html
        return make(
            body,
            source=source,
            file=f"{item.file}:{number}",
            settings=item.settings,
            **_with(item.overrides, record),
        )


class FeedReader:
    name = "feed"

    def claims(self, path: Path, head: bytes) -> int:
        if _suffix(path) in {".xml", ".rss", ".atom"}:
            return 2
        lowered = head.lower()
        return 1 if any(tag in lowered for tag in (b"<rss", b"<feed", b"<rdf:rdf")) else 0

    def read(self, item: Item, data: bytes) -> Iterator[Result]:
        import feedparser

        parsed = feedparser.parse(data)  # bytes, never a str: a str may be taken for a URL
        if not parsed.entries:
            detail = repr(parsed.get("bozo_exception")) if parsed.bozo else "no entries"
            error = InputError(Messages.C107, source=item.source, detail=detail)
            yield failure(error, item.source)
            return
        outlet = parsed.feed.get("title")
        for number, entry in enumerate(parsed.entries, 1):
            source = f"{item.source}#entry {number}"
            yield guard(source, partial(self._one, item, entry, number, outlet))

    @staticmethod
    def _one(item: Item, entry: Any, number: int, outlet: str | None) -> Document:
        source = f"{item.source}#entry {number}"
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        kind = contents[0].get("type", "text/html") if contents else "text/html"
        if not body:
            raise InputError(Messages.C102, source=source)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        record = {
            "url": entry.get("link"),
            "title": entry.get("title"),
            "outlet": outlet,
            "published": time.strftime("%Y-%m-%d", stamp) if stamp else None,
        }
        make = from_text if kind == "text/plain" else from_html
        return make(
            body,
            source=source,
            file=f"{item.file}#entry {number}",
            settings=item.settings,
            **_with(item.overrides, record),
        )


def gunzip_intact(data: bytes, step: int = 1 << 16) -> tuple[bytes, str | None]:
    """Decompress every gzip member (WARC files have one per record) as far as it is intact.

    Returns the bytes decompressed and, when the data is cut or corrupt,
    what is wrong; ``gzip.decompress`` would raise and give nothing. Fed in
    ``step``-byte slices, so that a corrupt block loses only what follows it.
    """
    out: list[bytes] = []
    rest = data
    while rest:
        member = zlib.decompressobj(wbits=31)  # one gzip member
        try:
            for start in range(0, len(rest), step):
                out.append(member.decompress(rest[start : start + step]))
                if member.eof:
                    break
        except zlib.error as exc:
            return b"".join(out), f"corrupt gzip data after {sum(map(len, out))} bytes ({exc})"
        if not member.eof:
            return b"".join(out), f"gzip data cut short after {sum(map(len, out))} bytes"
        rest = member.unused_data + rest[start + step :]
        if not rest.strip(b"\x00"):  # padding after the last member
            break
    return b"".join(out), None


_WARC_START = re.compile(rb"(?:\A|\r?\n\r?\n)WARC/1\.[01]\r?\n")


class WarcReader:
    name = "warc"

    def claims(self, path: Path, head: bytes) -> int:
        if _suffix(path) in {".warc", ".warc.gz"}:
            return 2
        return 1 if head.startswith(b"WARC/1.") else 0

    def read(self, item: Item, data: bytes) -> Iterator[Result]:
        from warcio.archiveiterator import ArchiveIterator

        number = 0
        failing = 1  # the record a failure is about
        try:
            # Decompressed as far as the data is intact: the records before a
            # cut or a corrupt block are kept (issue 15: a truncated .warc.gz
            # lost every record), the damage is one failure after them.
            raw, damage = gunzip_intact(data) if data[:2] == b"\x1f\x8b" else (data, None)
            expected = len(_WARC_START.findall(raw))
            for record in ArchiveIterator(io.BytesIO(raw)):
                number += 1
                failing = number
                result = self._one(item, record, number, f"{item.source}#record {number}")
                failing = number + 1
                if result is not None:
                    yield result
            if damage is not None:
                raise ValueError(damage)
            if number < expected or (raw.strip() and number == 0):
                raise ValueError("archive ends inside a record")
        except Exception as exc:  # warcio, gzip and zlib raise many kinds on a broken archive
            source = f"{item.source}#record {failing}"
            yield failure(InputError(Messages.C108, source=source, detail=repr(exc)), source)

    @staticmethod
    def _one(item: Item, record: Any, number: int, source: str) -> Result | None:
        if record.rec_type != "response":
            record.content_stream().read()
            return None
        content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
        payload = record.content_stream().read()
        if getattr(record.raw_stream, "limit", 0):
            raise ValueError(f"record {number} is cut short")
        if "html" not in (content_type or "").lower():
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")
        charset = re.search(r"charset=([\w-]+)", content_type or "", re.I)

        def make() -> Document:
            try:
                html = payload.decode(charset.group(1)) if charset else decode(payload, source)
            except (LookupError, UnicodeDecodeError):
                html = decode(payload, source)
            return from_html(
                html,
                source=source,
                file=f"{item.file}#record {number}",
                settings=item.settings,
                **_with(item.overrides, {"url": url}),
            )

        return guard(source, make)


READERS: list[Reader] = [WarcReader(), JsonlReader(), FeedReader(), HtmlReader(), TextReader()]


def register_reader(reader: Reader) -> None:
    """Add a reader; it is asked before the built-in ones."""
    READERS.insert(0, reader)


def choose(path: Path, head: bytes) -> Reader | None:
    best: tuple[int, Reader | None] = (0, None)
    for reader in READERS:
        score = reader.claims(path, head)
        if score > best[0]:
            best = (score, reader)
    return best[1]
