"""A new SQLite store starts as a copy of an empty store at the newest migration.

Creating the schema through alembic costs about 0.3 s of CPU (importing it and
running every migration), a sixth of what a one-sentence ``communique run``
spends beyond loading spaCy (issue 14). So the first new SQLite store builds
an empty store once in the cache folder (``config.default_cache_dir``), named
by a digest of the migration files, and every new store after it is a copy
of that file: a store is created by the same migrations either way, and
editing or adding a migration changes the digest, so a stale copy is never
used. The copy is put in place with a hard link, which fails when the path
exists: an existing store is never replaced, and two processes creating one
store at once cannot both write it (the second finds the first's store, at
the newest migration). When anything is unusual (no writable cache folder, no
hard links on the file system) ``new_store`` returns False and alembic
creates the store as before.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from communique.config import default_cache_dir
from communique.store.migration_head import VERSIONS


def template_path(cache_dir: str | Path | None = None, versions: Path = VERSIONS) -> Path:
    """Where the empty store of the current migration files is kept."""
    digest = hashlib.sha256()
    for path in sorted(versions.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    folder = Path(cache_dir or default_cache_dir()).expanduser()
    return folder / f"empty-store-{digest.hexdigest()[:16]}.sqlite"


def new_store(path: Path, create: Callable[[Path], None], template: Path | None = None) -> bool:
    """Make ``path``, which does not exist yet, a copy of the empty store; True when done.

    ``create(file)`` creates the schema in a new file with alembic: called once
    to build the empty store when the cache folder has none.
    """
    template = template or template_path()
    try:
        if not template.is_file():
            _build(template, create)
        return _link_copy(template, path)
    except (OSError, sqlite3.Error):
        return False


def _build(template: Path, create: Callable[[Path], None]) -> None:
    template.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=template.parent, prefix=template.stem, suffix=".tmp")
    os.close(handle)
    building = Path(name)
    try:
        building.unlink()  # SQLite creates the file itself
        create(building)
        connection = sqlite3.connect(building)
        try:  # one self-contained file: no write-ahead log beside it
            connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            connection.close()
        os.replace(building, template)  # whole, or not there at all
    finally:
        for leftover in (building, *(Path(f"{building}{s}") for s in ("-wal", "-shm"))):
            with suppress(FileNotFoundError):
                leftover.unlink()


def _link_copy(template: Path, path: Path) -> bool:
    if path.exists() or not path.parent.is_dir():
        return False
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    copy = Path(name)
    try:
        copy.write_bytes(template.read_bytes())
        try:
            os.link(copy, path)
        except FileExistsError:  # another process created the store meanwhile: use it
            return False
    finally:
        copy.unlink()
    return True
