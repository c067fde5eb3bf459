"""Exceptions and numbered messages.

Every error says which input it is about (a path, a URL, a line or record
number, a document id) and carries a searchable code, as spaCy's ``E097`` does::

    CommuniqueError
    ├── InputError            C1xx  an input could not be read or parsed (per document)
    │   └── UnsupportedInput  C105  a file whose kind no reader handles
    ├── AnalysisError         C2xx  a stage failed on one document
    ├── StoreError            C3xx  the database could not be opened, migrated or written
    ├── ConfigError           C4xx  a bad option, unknown export kind or format
    └── DataError             C5xx  shipped or user reference data is malformed

A batch catches ``InputError`` and ``AnalysisError`` per document, records a
``Failure`` in the store and goes on; the others stop the command.
"""

from __future__ import annotations

from enum import StrEnum


class Messages(StrEnum):
    C101 = "cannot read {source}: {detail}"
    C102 = "{source} is empty (nothing left after removing boilerplate)"
    C103 = "{source} is not text: {detail}"
    C104 = "{source}: malformed record: {detail}"
    C105 = "{source}: no reader for this kind of input"
    C106 = "{source} is too large ({size} bytes, limit {limit})"
    C107 = "{source}: malformed feed: {detail}"
    C108 = "{source}: malformed WARC: {detail}"
    C109 = "{source}: no such file or directory"
    C110 = "{source}: published {value!r} is not a calendar date; the article is kept without it"
    C201 = "{source}: analysis failed in stage {stage}: {detail}"
    C202 = "{source}: analysis stopped in stage {stage} after {seconds:.1f} s (limit max_seconds={limit})"
    C301 = "cannot open store {url}: {detail}"
    C302 = "no article {article} in store {url}"
    C303 = "cannot write to store {url}: {detail}"
    C304 = "cannot read store {url}: {detail}"
    C401 = "unknown export kind {kind!r}; choose one of {choices}"
    C402 = "unknown export format {fmt!r}; choose one of {choices}"
    C403 = "bad setting {name}: {detail}"
    C501 = "{source}: bad reference data: {detail}"

    def format(self, **kwargs: object) -> str:  # type: ignore[override]
        return f"{self.name}: {self.value.format(**kwargs)}"


class CommuniqueError(Exception):
    """Base of every error communique raises on purpose."""

    def __init__(self, message: Messages, source: str | None = None, **detail: object) -> None:
        self.code = message.name
        self.source = source
        super().__init__(message.format(source=source, **detail))


class InputError(CommuniqueError):
    """An input could not be read or parsed; the batch records it and goes on."""


class UnsupportedInput(InputError):
    """No reader handles this kind of input."""


class AnalysisError(CommuniqueError):
    """A stage failed on one document; the batch records it and goes on."""


class StoreError(CommuniqueError):
    """The store could not be opened, migrated or written."""


class ConfigError(CommuniqueError):
    """A bad option value, export kind or format."""


class DataError(CommuniqueError):
    """Shipped or user-supplied reference data is malformed."""
