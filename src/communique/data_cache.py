"""Compiled reference data: built once from the shipped files, then read back fast.

In: a name, the fingerprint of everything a structure is built from (the
sha256 of its data files and of the code that builds it) and a function that
builds it. Out: the structure, read from ``<cache_dir>/<name>-<fingerprint>.bin``
when that file exists, else built, written there and returned.

Why: the actor knowledge base and the gazetteer are built by normalising every
name of ~28,000 actors and ~34,000 places, about 10 s per process on the
2-core development machine (issue 14). Read back from their compiled form they
take a few tenths of a second, so every ``communique run``, every worker of a
process pool or of Ray, and every REST ingest starts at spaCy's speed.
Used by ``actors.kb`` and ``places.gazetteer`` when ``Context.load`` builds a
context, before any stage runs; nothing is downloaded, the cache is made from
the installed package's own files.

A changed data file, a changed building module or another library version
gives another fingerprint and so another file: a stale structure is never
read. Files are written under a temporary name and renamed, so that worker
processes starting together never read half a file; older files of the same
name are removed then.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.abc import Traversable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

# The codecs a cached structure is written with: marshal for plain data (dicts,
# lists, tuples of str/int/float: the fastest reader in the standard library),
# pickle when the structure holds classes (the knowledge base's offices).
Dump = Callable[[T], bytes]
Load = Callable[[bytes], T]


def fingerprint(files: Iterable[Path | Traversable], extra: Iterable[str] = ()) -> str:
    """The sha256 of the contents of ``files`` and the strings of ``extra`` (library versions),
    with the Python version (a cached structure may not read in another one)."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}".encode())
    for item in files:
        digest.update(item.read_bytes())
        digest.update(b"\0")
    for text in extra:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def source_files(*modules: str) -> list[Path]:
    """The source files of imported modules, for a fingerprint: a change to the code that
    builds a structure must rebuild it, as a change to its data does."""
    paths = []
    for name in modules:
        file = sys.modules[name].__file__
        if file is None:  # a namespace package has no file; nothing to hash
            continue
        paths.append(Path(file))
    return paths


def cached(
    name: str,
    key: str,
    build: Callable[[], T],
    cache_dir: str | Path,
    dump: Dump[T],
    load: Load[T],
) -> T:
    """The structure ``build`` makes, read from the cache when ``key`` (its fingerprint)
    has been built before.

    A cache that cannot be written (a read-only home) costs speed, not results: the
    structure is built in memory and a warning is logged. A file that cannot be read
    back (cut short by a full disk) is built and written again.
    """
    folder = Path(cache_dir).expanduser()
    path = folder / f"{name}-{key[:24]}.bin"
    if path.is_file():
        try:
            with _collector_paused():
                return load(path.read_bytes())
        except Exception as exc:  # a damaged cache file is rebuilt, not fatal
            log.warning("rebuilding %s: cannot read %s (%r)", name, path, exc)
    with _collector_paused():
        value = build()
    try:
        _write(folder, path, dump(value))
    except OSError as exc:
        log.warning("cannot cache %s in %s (%r): it is rebuilt in every process", name, folder, exc)
    return value


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading (or building) a structure allocates about a million small containers; with
    the cyclic garbage collector on, it walks them again and again while they are made
    (3–4x the read time, measured). None of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write(folder: Path, path: Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # atomic: a reader sees no file or the whole file
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    stem = path.name.rsplit("-", 1)[0]
    for old in folder.glob(f"{stem}-*.bin"):
        if old != path:
            old.unlink(missing_ok=True)  # built from data or code that has changed since
