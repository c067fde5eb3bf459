"""Ingest: the first stage. Files, directories, feeds, WARC and JSONL in; ``Document`` records out.

Place in the pipeline: ``pipeline.run`` calls ``read`` and passes the
documents it yields to analysis (``communique.nlp`` and the extraction
stages); ``pipeline.process`` calls ``from_text`` / ``from_html`` for one text.
Modules, in the order an article goes through them:

- ``readers``   which kind a file is, decoding, one reader per kind (a registry);
- ``document``  ``from_text`` / ``from_html``: build one Document;
- ``clean``     whitespace, space repair, boilerplate removal, tracked offsets;
- ``metadata``  title, outlet and printed date at the top of the text;
- ``language``  language identification and the ``not-english`` flag.

``read`` never raises for a bad input: a missing path, an unreadable file, a
malformed line or record each become one ``Failure`` naming the input, and the
other inputs go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from communique.config import Settings
from communique.errors import InputError, Messages
from communique.ingest.clean import OffsetMap, to_original
from communique.ingest.document import from_html, from_text
from communique.ingest.readers import (
    READERS,
    Item,
    Reader,
    choose,
    failure,
    register_reader,
)
from communique.model import Document, Failure

__all__ = [
    "READERS",
    "OffsetMap",
    "Reader",
    "from_html",
    "from_text",
    "read",
    "register_reader",
    "to_original",
]

METADATA_FILE = "metadata.jsonl"
_FIELDS = ("published", "outlet", "url", "title")
_HEAD = 2048  # bytes sniffed to tell a kind by content


def read(
    inputs: Sequence[str | Path],
    *,
    settings: Settings,
    metadata: dict[str, dict[str, Any]] | None = None,
) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for every article in ``inputs`` (files or directories).

    Directories are walked recursively in sorted order, skipping hidden files
    and folders; a top-level ``metadata.jsonl`` gives metadata for the files
    under it. ``metadata`` maps a path (relative to the directory given, or
    as given for a file) to ``published``/``outlet``/``url``/``title`` values;
    it wins over ``metadata.jsonl``, which wins over what the text says. Only
    non-null values override.
    """
    given = metadata or {}
    for entry in inputs:
        path = Path(entry)
        if path.is_dir():
            overrides, failures = _metadata_file(path)
            yield from failures
            for key, values in given.items():
                overrides.setdefault(_key(key), {}).update(_non_null(values))
            for file in _walk(path):
                rel = file.relative_to(path).as_posix()
                if rel == METADATA_FILE:
                    continue
                yield from _read_file(Item(file, str(file), rel, settings, overrides.get(rel, {})))
        elif path.is_file():
            values = next(
                (given[k] for k in (str(entry), path.as_posix(), path.name) if k in given), {}
            )
            yield from _read_file(Item(path, str(entry), str(entry), settings, _non_null(values)))
        else:
            error = InputError(Messages.C109, source=str(entry))
            yield failure(error, str(entry))


def _read_file(item: Item) -> Iterator[Document | Failure]:
    try:
        size = item.path.stat().st_size
        if size > item.settings.max_bytes:
            raise InputError(
                Messages.C106, source=item.source, size=size, limit=item.settings.max_bytes
            )
        data = item.path.read_bytes()
    except InputError as error:
        yield failure(error, item.source)
        return
    except OSError as exc:
        yield failure(
            InputError(Messages.C101, source=item.source, detail=exc.strerror), item.source
        )
        return
    if not data.strip():
        yield failure(InputError(Messages.C102, source=item.source), item.source)
        return
    reader = choose(item.path, data[:_HEAD].lstrip())
    if reader is None:
        yield failure(InputError(Messages.C105, source=item.source), item.source)
        return
    try:
        yield from reader.read(item, data)
    except Exception as exc:  # a reader's bug stops its own file only
        broken = InputError(Messages.C101, source=item.source, detail=repr(exc))
        yield failure(broken, item.source)


def _walk(directory: Path) -> list[Path]:
    files = []
    for path in directory.rglob("*"):
        parts = path.relative_to(directory).parts
        if path.is_file() and not any(part.startswith(".") for part in parts):
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(directory).as_posix())


def _metadata_file(directory: Path) -> tuple[dict[str, dict[str, Any]], list[Failure]]:
    """``DIR/metadata.jsonl`` as {relative path: non-null values}, and a Failure per bad line."""
    path = directory / METADATA_FILE
    found: dict[str, dict[str, Any]] = {}
    failures: list[Failure] = []
    if not path.is_file():
        return found, failures
    for number, line in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("file"), str):
                raise ValueError("needs a 'file' string")
        except ValueError as exc:
            failures.append(
                failure(InputError(Messages.C104, source=source, detail=str(exc)), source)
            )
            continue
        found.setdefault(_key(record["file"]), {}).update(_non_null(record))
    return found, failures


def _key(path: str) -> str:
    return Path(path).as_posix().removeprefix("./")


def _non_null(values: dict[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in _FIELDS if values.get(k) is not None}
